/**
 * The object the preload exposes as `window.twohats`. Named functions only: the page never gets
 * ipcRenderer, an IPC event or a channel name it could choose itself.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, MENU_COMMANDS, type Bridge, type MenuCommand, type SaveFileResult, type ShellEvent, type SystemInfo } from '../shared/bridge';

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

const AWAY_REASONS: readonly string[] = ['idle', 'suspend', 'lock'] satisfies Extract<ShellEvent, { type: 'away' }>['reason'][];

/**
 * The event as the contract describes it, rebuilt field by field (so nothing else rides along to
 * the page), or null when it is malformed: the renderer turns `away` spans into timer entries.
 */
export function toShellEvent(value: unknown): ShellEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  if (event.type === 'timer-toggle') return { type: 'timer-toggle' };
  if (event.type !== 'away') return null;
  const { from, to, reason } = event;
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to) || from > to) return null;
  if (typeof reason !== 'string' || !AWAY_REASONS.includes(reason)) return null;
  return { type: 'away', from, to, reason: reason as Extract<ShellEvent, { type: 'away' }>['reason'] };
}

export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  const bridge = {
    getSystemInfo(): Promise<SystemInfo> {
      return ipc.invoke(IPC_CHANNELS.getSystemInfo) as Promise<SystemInfo>;
    },
    async setLanguage(language) {
      await ipc.invoke(IPC_CHANNELS.setLanguage, language);
    },
    notify(title, body): Promise<boolean> {
      return ipc.invoke(IPC_CHANNELS.notify, title, body) as Promise<boolean>;
    },
    saveFile(request): Promise<SaveFileResult> {
      return ipc.invoke(IPC_CHANNELS.saveFile, request) as Promise<SaveFileResult>;
    },
    printToPdf(request): Promise<SaveFileResult> {
      return ipc.invoke(IPC_CHANNELS.printToPdf, request) as Promise<SaveFileResult>;
    },
    async showInFolder(filePath) {
      await ipc.invoke(IPC_CHANNELS.showInFolder, filePath);
    },
    async setTimerStatus(status) {
      await ipc.invoke(IPC_CHANNELS.setTimerStatus, status);
    },
    configureTimerShell(options): Promise<{ shortcutRegistered: boolean }> {
      return ipc.invoke(IPC_CHANNELS.configureTimerShell, options) as Promise<{ shortcutRegistered: boolean }>;
    },
    onMenuCommand(listener) {
      // The event stays here: it carries `sender`, which must not reach the page.
      const relay = (_event: IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(IPC_CHANNELS.menuCommand, relay);
      return () => {
        ipc.removeListener(IPC_CHANNELS.menuCommand, relay);
      };
    },
    onShellEvent(listener) {
      const relay = (_event: IpcRendererEvent, payload: unknown) => {
        const event = toShellEvent(payload);
        if (event) listener(event);
      };
      ipc.on(IPC_CHANNELS.shellEvent, relay);
      return () => {
        ipc.removeListener(IPC_CHANNELS.shellEvent, relay);
      };
    },
  } satisfies Bridge;
  return bridge;
}
