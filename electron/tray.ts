/**
 * The tray icon: what the focus timer is doing, visible while the window is hidden, and a menu to
 * start or stop it. The renderer owns the timer; it sends a TimerStatus whenever the timer
 * changes, and the tray derives the elapsed time from `runningSince` (never a ticking counter).
 */
import path from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TimerStatus } from '../shared/bridge';
// esbuild's file loader copies each icon next to main.cjs and gives its path relative to it.
import trayColour from './assets/tray.png';
import trayColour2x from './assets/tray@2x.png';
import trayTemplate from './assets/trayTemplate.png';
import trayTemplate2x from './assets/trayTemplate@2x.png';

const APP_NAME = 'TwoHats';

/** Until the renderer sends its first status (in the user's language). */
export const DEFAULT_TIMER_STATUS: TimerStatus = {
  state: 'idle',
  label: '',
  runningSince: null,
  menuLabels: { start: 'Start timer', stop: 'Stop timer', open: 'Open TwoHats', quit: 'Quit TwoHats' },
};

/** The tooltip shows minutes, so half a minute is the most it can lag behind. */
export const TRAY_REFRESH_MS = 30_000;
/** Windows cuts tray tooltips at 127 characters (NOTIFYICONDATA.szTip holds 128 with the NUL). */
export const TOOLTIP_MAX_LENGTH = 127;
/** A menu item as wide as a 200-character label would cover half the screen. */
export const MENU_LABEL_MAX_LENGTH = 60;

/** "h:mm" from an elapsed time; never negative, even if the clock was set back. */
export function formatElapsed(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function truncate(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

const isRunning = (status: TimerStatus): status is TimerStatus & { runningSince: number } =>
  status.state === 'running' && status.runningSince !== null;

/** "TwoHats" when nothing runs; "<label> — 0:25" while running; the label alone while paused. */
export function trayTooltip(status: TimerStatus, now: number): string {
  const label = status.label.trim() || APP_NAME;
  if (isRunning(status)) {
    const suffix = ` — ${formatElapsed(now - status.runningSince)}`;
    return truncate(label, TOOLTIP_MAX_LENGTH - suffix.length) + suffix;
  }
  return status.state === 'idle' ? APP_NAME : truncate(label, TOOLTIP_MAX_LENGTH);
}

/** The macOS menu bar text beside the icon: the elapsed time while running, nothing otherwise. */
export function trayTitle(status: TimerStatus, now: number): string {
  return isRunning(status) ? ` ${formatElapsed(now - status.runningSince)}` : '';
}

export interface TrayActions {
  /** Start or stop: the renderer decides which, from the timer it holds. */
  toggle(): void;
  open(): void;
  quit(): void;
}

export function trayMenuTemplate(status: TimerStatus, actions: TrayActions): MenuItemConstructorOptions[] {
  const { menuLabels } = status;
  const running = status.state === 'running';
  // Linux panels show no tooltip, and a macOS click opens the menu at once: the label at the top
  // is how the user sees what the timer is on.
  const current: MenuItemConstructorOptions[] =
    status.state !== 'idle' && status.label.trim() !== ''
      ? [{ id: 'timer-label', label: truncate(status.label.trim(), MENU_LABEL_MAX_LENGTH), enabled: false }, { type: 'separator' }]
      : [];
  return [
    ...current,
    { id: 'timer-toggle', label: running ? menuLabels.stop : menuLabels.start, click: () => actions.toggle() },
    { type: 'separator' },
    { id: 'open', label: menuLabels.open, click: () => actions.open() },
    { type: 'separator' },
    { id: 'quit', label: menuLabels.quit, click: () => actions.quit() },
  ];
}

export type TrayIcon = Pick<Tray, 'setToolTip' | 'setTitle' | 'setContextMenu' | 'on' | 'destroy'>;

export interface TimerTrayOptions {
  tray: TrayIcon;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  platform: NodeJS.Platform;
  now: () => number;
  actions: TrayActions;
}

export interface TimerTray {
  update(status: TimerStatus): void;
  dispose(): void;
}

export function createTimerTray({ tray, Menu, platform, now, actions }: TimerTrayOptions): TimerTray {
  let status = DEFAULT_TIMER_STATUS;
  let refresh: ReturnType<typeof setInterval> | null = null;

  const show = () => {
    tray.setToolTip(trayTooltip(status, now()));
    // Digits of equal width, so the menu bar does not jiggle each minute.
    if (platform === 'darwin') tray.setTitle(trayTitle(status, now()), { fontType: 'monospacedDigit' });
  };

  const update = (next: TimerStatus) => {
    status = next;
    // The menu is rebuilt on each change, not edited: Linux only picks up a new menu.
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(status, actions)));
    show();
    if (isRunning(status)) {
      refresh ??= setInterval(show, TRAY_REFRESH_MS);
    } else if (refresh !== null) {
      clearInterval(refresh);
      refresh = null;
    }
  };

  // Windows (and some Linux panels) open the app on a click; the menu is on the right button.
  // On macOS a click opens the menu itself.
  if (platform !== 'darwin') tray.on('click', () => actions.open());
  update(status);

  return {
    update,
    dispose() {
      if (refresh !== null) clearInterval(refresh);
      refresh = null;
      tray.destroy();
    },
  };
}

/**
 * The icon files for the platform, beside main.cjs. macOS gets a template image (black and
 * transparent) that the menu bar tints for light and dark mode; the others get the colours.
 */
export function trayIconFiles(platform: NodeJS.Platform): { template: boolean; files: { scaleFactor: number; file: string }[] } {
  const [standard, double] = platform === 'darwin' ? [trayTemplate, trayTemplate2x] : [trayColour, trayColour2x];
  return {
    template: platform === 'darwin',
    files: [
      { scaleFactor: 1, file: standard },
      { scaleFactor: 2, file: double },
    ],
  };
}

/**
 * Builds the tray image from both sizes explicitly, rather than trusting file-name conventions
 * ("@2x", "Template") that a hashed asset name would break. A missing file is reported, not fatal:
 * the app is still usable without its tray icon.
 */
export function loadTrayImage<Image extends Pick<NativeImage, 'addRepresentation' | 'setTemplateImage'>>(
  nativeImage: { createEmpty(): Image },
  readFile: (file: string) => Buffer,
  directory: string,
  platform: NodeJS.Platform,
): Image {
  const { template, files } = trayIconFiles(platform);
  const image = nativeImage.createEmpty();
  for (const { scaleFactor, file } of files) {
    const location = path.join(directory, file);
    try {
      image.addRepresentation({ scaleFactor, buffer: readFile(location) });
    } catch (error) {
      console.warn(`The tray icon ${location} could not be read:`, error);
    }
  }
  if (template) image.setTemplateImage(true);
  return image;
}
