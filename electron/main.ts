/**
 * The desktop shell's entry point: wires Electron's objects into the small modules beside it.
 * Only this file and preload.ts import Electron values; everything else takes them as parameters
 * so it can be tested without the Electron binary.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  Notification,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { IPC_CHANNELS, type MenuCommand } from '../shared/bridge';
import { languageFromLocale, type Language } from '../shared/domain/model/settings';
import { saveFileWithDialog, writeFileAtomic } from './files';
import { registerIpcHandlers } from './ipc';
import { applyMenu, buildMenuTemplate } from './menu';
import { showNotification } from './notifications';
import { APP_ENTRY_URL, APP_ID, APP_SCHEME, resolveDevServer } from './origins';
import { APP_SCHEME_REGISTRATION, createAppProtocolHandler } from './protocol';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { osLocale, systemInfo } from './system-info';
import { backgroundColor, createMainWindow, focusWindow } from './window';
import { clampBoundsToDisplays, DEFAULT_SIZE, loadWindowState, trackWindowState, WINDOW_STATE_FILE, type WindowStateTracker } from './window-state';

// dist/electron/main.cjs → dist/renderer and dist/electron/preload.cjs.
const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');

const { devServer, warning } = resolveDevServer(process.env.TWOHATS_DEV_URL, app.isPackaged);
if (warning) console.warn(warning);
const devOrigin = devServer?.origin ?? null;

// The scheme and the sandbox must be set before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

if (!app.requestSingleInstanceLock()) {
  // Two instances would share one IndexedDB; the first one is focused instead (second-instance).
  app.quit();
} else {
  start();
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;
  let windowState: WindowStateTracker | null = null;
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);

  const sendMenuCommand = (command: MenuCommand) => {
    if (!mainWindow) {
      // macOS keeps running without a window; the menu brings one back.
      openWindow().catch(fail);
      return;
    }
    mainWindow.webContents.send(IPC_CHANNELS.menuCommand, command);
  };
  const setMenu = (language: Language) => {
    applyMenu(Menu, buildMenuTemplate(language, process.platform, sendMenuCommand, { isPackaged: app.isPackaged }));
  };

  async function openWindow(): Promise<void> {
    const saved = await loadWindowState(stateFile, (file, encoding) => fs.readFile(file, encoding));
    const displays = screen.getAllDisplays();
    const bounds = clampBoundsToDisplays(saved ?? DEFAULT_SIZE, displays, screen.getPrimaryDisplay());
    const window = createMainWindow(BrowserWindow, {
      bounds,
      maximized: saved?.maximized ?? false,
      preloadPath: PRELOAD_PATH,
      backgroundColor: backgroundColor(nativeTheme),
      title: 'TwoHats',
    });
    mainWindow = window;
    windowState = trackWindowState(window, (state) => writeFileAtomic(stateFile, `${JSON.stringify(state)}\n`, fs));
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      console.error(`The TwoHats window's renderer stopped (${details.reason}).`);
    });
    await window.loadURL(devServer?.url ?? APP_ENTRY_URL);
  }

  app.on('second-instance', () => focusWindow(mainWindow));

  // Every webContents, including any created later, gets the navigation and window guards.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      devOrigin,
      openExternal: (url) => {
        shell.openExternal(url).catch((error: unknown) => console.warn(`Could not open ${url}:`, error));
      },
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (!mainWindow && app.isReady()) openWindow().catch(fail);
  });

  // The window state is written on 'close'; hold the exit until that write has landed.
  let stateFlushed = false;
  app.on('will-quit', (event) => {
    if (stateFlushed || !windowState) return;
    event.preventDefault();
    void windowState.flush().finally(() => {
      stateFlushed = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, devOrigin);
      protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: RENDERER_DIR, readFile: (file) => fs.readFile(file) }));
      app.setAboutPanelOptions({ applicationName: 'TwoHats', applicationVersion: app.getVersion() });
      registerIpcHandlers(
        ipcMain,
        {
          getSystemInfo: () => systemInfo(app, process.platform),
          setLanguage: (next) => setMenu(next),
          notify: (title, body) => showNotification(Notification, title, body, () => focusWindow(mainWindow)),
          saveFile: (request) =>
            saveFileWithDialog(request, { dialog, window: mainWindow, fs, downloadsDir: app.getPath('downloads') }),
        },
        (frame) => isTrustedSender(frame, devOrigin),
      );
      // The OS language until the renderer, having read the user's setting, calls setLanguage.
      setMenu(languageFromLocale(osLocale(app)));
      await openWindow();
    })
    .catch(fail);
}

function fail(error: unknown): void {
  console.error('TwoHats could not start:', error);
  dialog.showErrorBox('TwoHats could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
