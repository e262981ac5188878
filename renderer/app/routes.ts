/** The screens, in navigation order, with their keyboard shortcut digit. */
import type { MenuCommand } from '../../shared/bridge';

export const SCREENS = ['today', 'plan', 'leads', 'wins', 'metrics', 'reports', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export const pathOf = (screen: Screen): string => `/${screen}`;

export function screenOfMenuCommand(command: MenuCommand): Screen | null {
  const [verb, target] = command.split(':');
  return verb === 'navigate' && (SCREENS as readonly string[]).includes(target ?? '') ? (target as Screen) : null;
}

/** Ctrl/Cmd+1…6 for the screens, Ctrl/Cmd+, for Settings (the desktop convention). */
export function shortcutKeyOf(screen: Screen): string {
  return screen === 'settings' ? ',' : String(SCREENS.indexOf(screen) + 1);
}

export function screenOfShortcutKey(key: string): Screen | null {
  if (key === ',') return 'settings';
  const index = Number(key) - 1;
  return Number.isInteger(index) && index >= 0 && index < SCREENS.length - 1 ? SCREENS[index]! : null;
}
