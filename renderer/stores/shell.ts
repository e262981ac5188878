/** What the desktop shell told us about itself (UI state, not data). */
import { create } from 'zustand';

interface ShellState {
  /** null until the shell answered; false when the OS refused the global shortcut. */
  shortcutRegistered: boolean | null;
  setShortcutRegistered: (registered: boolean) => void;
}

export const useShell = create<ShellState>((set) => ({
  shortcutRegistered: null,
  setShortcutRegistered: (shortcutRegistered) => set({ shortcutRegistered }),
}));
