/**
 * The bridge in a plain browser: downloads instead of save dialogs, the Notification API, and no
 * native menu. This is what the e2e tests drive, since the Electron binary is not available there.
 */
import type { Bridge, MenuCommand, PrintToPdfRequest, SaveFileRequest, SaveFileResult, ShellEvent, TimerStatus } from '../../shared/bridge';
import { watchAway } from './web-away';

const APP_TITLE = 'TwoHats';

export function webBridge(): Bridge {
  let idleMinutes = 10;
  const listeners = new Set<(event: ShellEvent) => void>();
  let stopWatching: (() => void) | null = null;
  return {
    async getSystemInfo() {
      return {
        shell: 'web',
        locale: navigator.languages?.[0] ?? navigator.language ?? 'en',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        appVersion: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
        platform: navigator.platform || 'web',
      };
    },
    async setLanguage() {
      // No native menu in the browser.
    },
    async notify(title: string, body: string) {
      if (!('Notification' in window)) return false;
      let permission = Notification.permission;
      if (permission === 'default') permission = await Notification.requestPermission();
      if (permission !== 'granted') return false;
      new Notification(title, { body });
      return true;
    },
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      try {
        downloadBlob(request);
        return { status: 'saved', path: request.suggestedName };
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
    async printToPdf(request: PrintToPdfRequest): Promise<SaveFileResult> {
      // The print dialog ("Save as PDF") prints the same print view and stylesheet Electron does.
      // It blocks until closed and does not say whether the user saved, printed or cancelled:
      // 'saved' here means "handed to the print dialog", and the empty path says no file is known.
      if (typeof window.print !== 'function') return { status: 'failed', message: 'This browser cannot print.' };
      const title = document.title;
      // Browsers offer the page title as the PDF's file name.
      document.title = request.suggestedName.replace(/\.pdf$/i, '');
      try {
        window.print();
        return { status: 'saved', path: '' };
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      } finally {
        document.title = title;
      }
    },
    async showInFolder() {
      // A page cannot open the file manager; the browser's downloads list shows its files.
    },
    onMenuCommand(_listener: (command: MenuCommand) => void) {
      return () => {};
    },
    async setTimerStatus(status: TimerStatus) {
      // No tray in a browser: the tab title carries the running timer instead.
      document.title = status.state === 'idle' ? APP_TITLE : `${status.state === 'running' ? '▶' : '⏸'} ${status.label} — ${APP_TITLE}`;
    },
    async configureTimerShell(options) {
      idleMinutes = options.idleMinutes;
      // A page cannot register a system-wide shortcut.
      return { shortcutRegistered: false };
    },
    onShellEvent(listener: (event: ShellEvent) => void) {
      listeners.add(listener);
      stopWatching ??= watchAway(
        (event) => listeners.forEach((l) => l(event)),
        () => idleMinutes,
      );
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stopWatching?.();
          stopWatching = null;
        }
      };
    },
  };
}

function downloadBlob({ suggestedName, data, filter }: SaveFileRequest): void {
  const type = filter.extensions.includes('pdf') ? 'application/pdf' : filter.extensions.includes('csv') ? 'text/csv' : 'application/octet-stream';
  // Copy into a fresh ArrayBuffer-backed view: Blob rejects views over SharedArrayBuffer.
  const part = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
