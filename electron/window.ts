/** The one main window: locked-down web preferences, restored bounds, no white flash on start. */
import type { BrowserWindow, BrowserWindowConstructorOptions, NativeTheme, Rectangle } from 'electron';
import { MIN_SIZE } from './window-state';

/** The renderer's --bg tokens (renderer/styles/tokens.css), so the frame matches before paint. */
export const BACKGROUND = { light: '#f7f7f5', dark: '#141413' } as const;

export function backgroundColor(theme: Pick<NativeTheme, 'shouldUseDarkColors'>): string {
  return theme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

export function mainWindowOptions(options: {
  bounds: Rectangle;
  preloadPath: string;
  backgroundColor: string;
  title: string;
}): BrowserWindowConstructorOptions {
  return {
    ...options.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    backgroundColor: options.backgroundColor,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // On Windows and Linux the spellchecker fetches dictionaries from Google's CDN: an offline
      // app holding customers' names makes no such requests.
      spellcheck: false,
    },
  };
}

export function createMainWindow(
  BrowserWindowClass: typeof BrowserWindow,
  options: Parameters<typeof mainWindowOptions>[0] & { maximized: boolean },
): BrowserWindow {
  const window = new BrowserWindowClass(mainWindowOptions(options));
  window.once('ready-to-show', () => {
    if (options.maximized) window.maximize();
    window.show();
  });
  return window;
}

/** Brings the window forward, e.g. when the user starts the app a second time. */
export function focusWindow(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'> | null): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
