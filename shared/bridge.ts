/**
 * The typed contract between the renderer and the desktop shell.
 *
 * The preload script exposes an object that `satisfies Bridge` as `window.twohats`; the browser
 * build uses `renderer/platform/web.ts` instead. Every IPC channel name is derived from the
 * method names here, so the two sides cannot drift apart.
 */
import type { Language } from './domain/model/settings';

export interface SystemInfo {
  /** Which shell the renderer runs in. */
  shell: 'electron' | 'web';
  /** The OS (or browser) preferred locale, e.g. "ja-JP". */
  locale: string;
  /** The IANA time zone the user is in, e.g. "Asia/Tokyo". */
  timeZone: string;
  appVersion: string;
  platform: string;
}

export interface SaveFileRequest {
  /** A file name without folders, e.g. "TwoHats-report-2026-11.pdf". */
  suggestedName: string;
  /** Text (UTF-8) or bytes. */
  data: string | Uint8Array;
  /** For the save dialog's file type filter. */
  filter: { name: string; extensions: string[] };
}

/** Prints the app's current view (the report's print view) to a PDF and saves it. */
export interface PrintToPdfRequest {
  /** A file name without folders, ending in .pdf, e.g. "TwoHats-report-2026-11.pdf". */
  suggestedName: string;
}

export type SaveFileResult =
  | { status: 'saved'; path: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/** Commands the native menu sends to the renderer. */
export const MENU_COMMANDS = [
  'navigate:today',
  'navigate:plan',
  'navigate:leads',
  'navigate:wins',
  'navigate:metrics',
  'navigate:reports',
  'navigate:settings',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** What the tray shows about the focus timer; the renderer sends it whenever the timer changes. */
export interface TimerStatus {
  state: 'idle' | 'running' | 'paused';
  /** e.g. "Marketing · Nov newsletter", already in the user's language. */
  label: string;
  /** Start of the running segment (the tray derives elapsed time from it), null unless running. */
  runningSince: number | null;
  /** The tray menu's labels in the user's language. */
  menuLabels: { start: string; stop: string; open: string; quit: string };
}

/**
 * Events the shell reports to the renderer. `away` covers idle time (no input for the Settings
 * threshold), sleep (suspend → resume) and a locked screen: the renderer asks whether that time
 * was work, so a night of sleep is never counted.
 */
export type ShellEvent =
  | { type: 'timer-toggle' }
  | { type: 'away'; from: number; to: number; reason: 'idle' | 'suspend' | 'lock' };

export interface Bridge {
  getSystemInfo(): Promise<SystemInfo>;
  /** Relabels the native menu when the user switches language. */
  setLanguage(language: Language): Promise<void>;
  /** A system notification (e.g. a time box ending). Returns false where not permitted. */
  notify(title: string, body: string): Promise<boolean>;
  /** Asks where to save and writes the file atomically (temp file, then rename). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * Prints the current view to an A4 PDF (its own print stylesheet, not a screenshot), asks where
   * to save it and writes it atomically. In the browser: the print dialog (`window.print()`),
   * which says nothing about what the user did there, so the result's path is ''.
   */
  printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult>;
  /** Shows a file this app saved in the system's file manager. */
  showInFolder(path: string): Promise<void>;
  /** Listens for native menu commands; returns the function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Updates the tray icon's tooltip/title and menu for the timer. */
  setTimerStatus(status: TimerStatus): Promise<void>;
  /**
   * Registers the global start/stop shortcut (an Electron accelerator) and the idle threshold.
   * Returns false when the OS refused the shortcut (another app holds it).
   */
  configureTimerShell(options: { shortcut: string; idleMinutes: number }): Promise<{ shortcutRegistered: boolean }>;
  /** Listens for shell events (tray or global shortcut toggles, time away); returns an unsubscribe. */
  onShellEvent(listener: (event: ShellEvent) => void): () => void;
}

/** The IPC channel for each request/response method of the bridge. */
export const IPC_CHANNELS = {
  getSystemInfo: 'twohats:getSystemInfo',
  setLanguage: 'twohats:setLanguage',
  notify: 'twohats:notify',
  saveFile: 'twohats:saveFile',
  printToPdf: 'twohats:printToPdf',
  showInFolder: 'twohats:showInFolder',
  setTimerStatus: 'twohats:setTimerStatus',
  configureTimerShell: 'twohats:configureTimerShell',
  menuCommand: 'twohats:menuCommand',
  shellEvent: 'twohats:shellEvent',
} as const satisfies Record<Exclude<keyof Bridge, 'onMenuCommand' | 'onShellEvent'> | 'menuCommand' | 'shellEvent', `twohats:${string}`>;

/** Channels the main process sends on (not request/response). */
export type EventChannel = 'menuCommand' | 'shellEvent';
export type InvokeChannel = Exclude<keyof typeof IPC_CHANNELS, EventChannel>;
