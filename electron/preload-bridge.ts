/**
 * The object the preload exposes as `window.twohats`. Named functions only: the page never gets
 * ipcRenderer, an IPC event or a channel name it could choose itself.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, MENU_COMMANDS, type Bridge, type MenuCommand, type SystemInfo, type SaveFileResult } from '../shared/bridge';

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
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
  } satisfies Bridge;
  return bridge;
}
