/**
 * The desktop shell's entry point: wires Electron's objects into the small modules beside it.
 * Only this file and preload.ts import Electron values; everything else takes them as parameters
 * so it can be tested without the Electron binary.
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import { IPC_CHANNELS, type MenuCommand, type ShellEvent } from '../shared/bridge';
import { defaultSettings, languageFromLocale, type Language } from '../shared/domain/model/settings';
import { createAwayDetector, type AwayDetector } from './away';
import { saveFileWithDialog, writeFileAtomic } from './files';
import { registerIpcHandlers } from './ipc';
import { createSavedFiles, printCurrentWindowToPdf } from './pdf';
import { applyMenu, buildMenuTemplate } from './menu';
import { showNotification } from './notifications';
import { APP_ENTRY_URL, APP_ID, APP_SCHEME, resolveDevServer } from './origins';
import { APP_SCHEME_REGISTRATION, createAppProtocolHandler } from './protocol';
import { hardenSession, hardenWebContents, isTrustedSender } from './security';
import { createShellEventRelay } from './shell-events';
import { createTimerShortcut, type TimerShortcut } from './shortcut';
import { osLocale, systemInfo } from './system-info';
import { createTimerTray, loadTrayImage, type TimerTray } from './tray';
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
  // Created once the app is ready (Tray, globalShortcut and powerMonitor need it).
  let timerTray: TimerTray | null = null;
  let timerShortcut: TimerShortcut | null = null;
  let away: AwayDetector | null = null;
  const shellEvents = createShellEventRelay();

  const sendShellEvent = (event: ShellEvent) => {
    shellEvents.post(event);
    // Start/stop with no window (macOS keeps running without one) brings the app back; the toggle
    // waits in the relay until the page listens.
    if (!mainWindow && event.type === 'timer-toggle') openWindow().catch(fail);
  };
  const toggleTimer = () => sendShellEvent({ type: 'timer-toggle' });
  const showWindow = () => {
    if (mainWindow) focusWindow(mainWindow);
    else openWindow().catch(fail);
  };
  /** The page calls setTimerStatus/configureTimerShell once it listens for shell events. */
  const rendererListens = () => {
    if (mainWindow) shellEvents.ready(mainWindow.webContents);
  };

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

  // A second request while the first window is still on its way (a shortcut pressed twice, the
  // tray and the dock at once) waits for that window instead of opening another.
  let opening: Promise<void> | null = null;
  function openWindow(): Promise<void> {
    opening ??= createWindow().finally(() => {
      opening = null;
    });
    return opening;
  }

  async function createWindow(): Promise<void> {
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
      if (mainWindow !== window) return;
      mainWindow = null;
      shellEvents.detach();
    });
    // A reload replaces the page that listened (in-page routing does not); hold events until the
    // new page listens. The guards in security.ts stop any navigation away from the app.
    window.webContents.on('did-start-navigation', (details) => {
      if (mainWindow === window && details.isMainFrame && !details.isSameDocument) shellEvents.detach();
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      if (mainWindow === window) shellEvents.detach();
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
  app.on('will-quit', () => {
    // Global shortcuts outlive the app on some systems unless released.
    globalShortcut.unregisterAll();
    away?.dispose();
    away = null;
    timerTray?.dispose();
    timerTray = null;
  });

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
      const savedFiles = createSavedFiles(shell);
      registerIpcHandlers(
        ipcMain,
        {
          getSystemInfo: () => systemInfo(app, process.platform),
          setLanguage: (next) => setMenu(next),
          notify: (title, body) => showNotification(Notification, title, body, () => focusWindow(mainWindow)),
          saveFile: async (request) =>
            savedFiles.remember(await saveFileWithDialog(request, { dialog, window: mainWindow, fs, downloadsDir: app.getPath('downloads') })),
          printToPdf: async (request) =>
            savedFiles.remember(
              await printCurrentWindowToPdf(mainWindow?.webContents ?? null, dialog, fs, request, { window: mainWindow, defaultDir: app.getPath('downloads') }),
            ),
          showInFolder: (filePath) => savedFiles.showInFolder(filePath),
          setTimerStatus: (status) => {
            timerTray?.update(status);
            rendererListens();
          },
          configureTimerShell: ({ shortcut, idleMinutes }) => {
            away?.setIdleMinutes(idleMinutes);
            const shortcutRegistered = timerShortcut?.configure(shortcut) ?? false;
            rendererListens();
            return { shortcutRegistered };
          },
        },
        (frame) => isTrustedSender(frame, devOrigin),
      );
      // The OS language until the renderer, having read the user's setting, calls setLanguage.
      setMenu(languageFromLocale(osLocale(app)));
      timerTray = createTimerTray({
        // The icons sit beside main.cjs (esbuild's file loader puts them there).
        tray: new Tray(loadTrayImage(nativeImage, (file) => readFileSync(file), __dirname, process.platform)),
        Menu,
        platform: process.platform,
        now: () => Date.now(),
        actions: { toggle: toggleTimer, open: showWindow, quit: () => app.quit() },
      });
      // Registered when the renderer sends the user's shortcut (configureTimerShell), so a shortcut
      // the user turned off is never taken, even for a moment.
      timerShortcut = createTimerShortcut(globalShortcut, toggleTimer);
      // Sleep and lock are watched from the start; the idle threshold is the default until the
      // renderer sends the user's.
      away = createAwayDetector({ powerMonitor, now: () => Date.now(), idleMinutes: defaultSettings(0).idleMinutes, emit: sendShellEvent });
      await openWindow();
    })
    .catch(fail);
}

function fail(error: unknown): void {
  console.error('TwoHats could not start:', error);
  dialog.showErrorBox('TwoHats could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
