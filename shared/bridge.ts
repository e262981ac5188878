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

export interface Bridge {
  getSystemInfo(): Promise<SystemInfo>;
  /** Relabels the native menu when the user switches language. */
  setLanguage(language: Language): Promise<void>;
  /** A system notification (e.g. a time box ending). Returns false where not permitted. */
  notify(title: string, body: string): Promise<boolean>;
  /** Asks where to save and writes the file atomically (temp file, then rename). */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Listens for native menu commands; returns the function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The IPC channel for each request/response method of the bridge. */
export const IPC_CHANNELS = {
  getSystemInfo: 'twohats:getSystemInfo',
  setLanguage: 'twohats:setLanguage',
  notify: 'twohats:notify',
  saveFile: 'twohats:saveFile',
  menuCommand: 'twohats:menuCommand',
} as const satisfies Record<Exclude<keyof Bridge, 'onMenuCommand'> | 'menuCommand', `twohats:${string}`>;

export type InvokeChannel = Exclude<keyof typeof IPC_CHANNELS, 'menuCommand'>;
