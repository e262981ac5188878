/**
 * The wiring in main.ts, run against a fake 'electron' module: the order of start-up calls, and
 * that the real modules are connected to the right Electron objects. (The modules themselves
 * have their own tests.)
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type TimerStatus } from '../../../shared/bridge';
import { FakeGlobalShortcut, FakePowerMonitor, FakeTray, FakeWebContents, fakeFrame } from './fakes';

const state = vi.hoisted(() => ({ electron: {} as Record<string, unknown> }));
// The mocked module is created once; its getters reach whichever fake the current test set up.
vi.mock('electron', () => {
  const names = [
    'app',
    'BrowserWindow',
    'protocol',
    'session',
    'ipcMain',
    'Menu',
    'screen',
    'nativeTheme',
    'Notification',
    'dialog',
    'shell',
    'Tray',
    'nativeImage',
    'globalShortcut',
    'powerMonitor',
  ];
  return Object.defineProperties(
    {},
    Object.fromEntries(names.map((name) => [name, { enumerable: true, get: () => state.electron[name] }])),
  );
});

function fakeElectron(userData: string, { lock = true } = {}) {
  const calls: string[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), lock),
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn(),
    enableSandbox: () => calls.push('enableSandbox'),
    setAppUserModelId: vi.fn(),
    getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
    getLocale: () => 'en-US',
    getPreferredSystemLanguages: () => ['ja-JP'],
    getVersion: () => '0.1.0',
    whenReady: () => readyPromise,
    isReady: () => true,
    setAboutPanelOptions: vi.fn(),
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    webContents = Object.assign(new FakeWebContents(), { send: vi.fn(), isDestroyed: () => false });
    loadURL = vi.fn(async (url: string) => void calls.push(`loadURL ${url}`));
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      calls.push('new BrowserWindow');
      app.emit('web-contents-created', {}, this.webContents);
    }
    getNormalBounds = () => ({ x: 10, y: 20, width: 1100, height: 700 });
    isMaximized = () => false;
    maximize = vi.fn();
    show = vi.fn();
    isMinimized = () => true;
    restore = vi.fn();
    isVisible = () => true;
    focus = vi.fn();
  }

  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  /** Application menus, as installed (the tray's menu is built with the same Menu class). */
  const menus: unknown[][] = [];
  const trays: FakeTrayIcon[] = [];
  class FakeTrayIcon extends FakeTray {
    constructor(readonly image: unknown) {
      super();
      trays.push(this);
    }
  }
  const trayImage = { addRepresentation: vi.fn(), setTemplateImage: vi.fn() };
  const globalShortcut = new FakeGlobalShortcut({ taken: ['Ctrl+Alt+T'] });
  const powerMonitor = new FakePowerMonitor();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn(() => calls.push('protocol.handle')),
    },
    session: { defaultSession: session },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: vi.fn((menu: { template: unknown[] }) => menus.push(menu.template)),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    nativeTheme: { shouldUseDarkColors: true },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })), showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    Tray: FakeTrayIcon,
    nativeImage: { createEmpty: () => trayImage },
    globalShortcut,
    powerMonitor,
  };
  return { electron, calls, ready: () => ready(), windows, ipcHandlers, menus, session, app, trays, trayImage, globalShortcut, powerMonitor };
}

let started: ReturnType<typeof fakeElectron>[] = [];

async function start(options?: { lock?: boolean }) {
  const userData = await mkdtemp(path.join(tmpdir(), 'twohats-main-'));
  const fake = fakeElectron(userData, options);
  started.push(fake);
  state.electron = fake.electron;
  vi.resetModules();
  await import('../../../electron/main');
  return { ...fake, userData };
}

/** Lets the promise chain after whenReady() run to its end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Starts main, makes the app ready, and waits until the window has loaded its page. */
async function startReady() {
  const fake = await start();
  userDataDirs.push(fake.userData);
  fake.ready();
  await vi.waitFor(() => expect(fake.calls.some((call) => call.startsWith('loadURL'))).toBe(true));
  return fake;
}

let userDataDirs: string[] = [];
beforeEach(() => {
  delete process.env.TWOHATS_DEV_URL;
  userDataDirs = [];
  started = [];
  // Under Vitest the tray icons are not beside main.ts (Vite serves them by URL), so loading them
  // warns; tray.test.ts checks the files and their loading.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  delete process.env.TWOHATS_DEV_URL;
  // Stops each app's pollers and refresh timers, as quitting does.
  for (const fake of started) fake.app.emit('will-quit', { preventDefault: () => undefined });
  vi.restoreAllMocks();
  for (const dir of userDataDirs) await rm(dir, { recursive: true, force: true });
});

describe('main', () => {
  it('registers the scheme and the sandbox before ready, then serves, guards and opens the window', async () => {
    const fake = await start();
    userDataDirs.push(fake.userData);
    expect(fake.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);

    fake.ready();
    await vi.waitFor(() => expect(fake.calls).toContain('loadURL app://twohats/index.html'));
    expect(fake.calls.slice(3)).toEqual(['protocol.handle', 'new BrowserWindow', 'loadURL app://twohats/index.html']);
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.session.webRequest.onHeadersReceived).not.toHaveBeenCalled();

    const [window] = fake.windows;
    expect(window?.options).toMatchObject({
      show: false,
      backgroundColor: '#141413',
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    // The window's webContents got the guards through 'web-contents-created'.
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('registers the bridge, answers a trusted sender and refuses another', async () => {
    const fake = await startReady();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      [
        IPC_CHANNELS.getSystemInfo,
        IPC_CHANNELS.notify,
        IPC_CHANNELS.saveFile,
        IPC_CHANNELS.printToPdf,
        IPC_CHANNELS.showInFolder,
        IPC_CHANNELS.setLanguage,
        IPC_CHANNELS.setTimerStatus,
        IPC_CHANNELS.configureTimerShell,
      ].sort(),
    );
    const trusted = { senderFrame: fakeFrame('app://twohats/index.html') };
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.getSystemInfo)?.(trusted)).resolves.toMatchObject({
      shell: 'electron',
      locale: 'ja-JP',
      appVersion: '0.1.0',
    });
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.notify)?.(trusted, 'a', 'b')).resolves.toBe(false);
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.saveFile)?.(trusted, { suggestedName: 'a.csv', data: 'x', filter: { name: 'CSV', extensions: ['csv'] } })).resolves.toEqual({
      status: 'cancelled',
    });
    await expect(fake.ipcHandlers.get(IPC_CHANNELS.getSystemInfo)?.({ senderFrame: fakeFrame('https://evil.example/') })).rejects.toThrow(/refused/);
  });

  it('builds the menu in the OS language, rebuilds it on setLanguage, and sends menu commands to the window', async () => {
    const fake = await startReady();
    const labels = (template: unknown) => JSON.stringify(template);
    expect(fake.menus).toHaveLength(1);
    expect(labels(fake.menus[0])).toContain('今日');

    await fake.ipcHandlers.get(IPC_CHANNELS.setLanguage)?.({ senderFrame: fakeFrame('app://twohats/') }, 'en');
    expect(fake.menus).toHaveLength(2);
    expect(labels(fake.menus[1])).toContain('Today');
    expect(labels(fake.menus[1])).not.toContain('今日');

    type Item = { id?: string; click?: () => void; submenu?: Item[] };
    const all = (items: Item[]): Item[] => items.flatMap((item) => [item, ...all(item.submenu ?? [])]);
    all(fake.menus[1] as Item[]).find((item) => item.id === 'navigate:reports')?.click?.();
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.menuCommand, 'navigate:reports');
  });

  it('shows the timer in the tray and sends its start/stop to the window', async () => {
    const fake = await startReady();
    const trusted = { senderFrame: fakeFrame('app://twohats/index.html') };
    const [tray] = fake.trays;
    expect(fake.trays).toHaveLength(1);
    expect(tray?.image).toBe(fake.trayImage);
    expect(tray?.toolTip).toBe('TwoHats');

    const status: TimerStatus = {
      state: 'running',
      label: 'Marketing · Blog',
      runningSince: Date.now() - 25 * 60_000,
      menuLabels: { start: '開始', stop: '停止', open: 'TwoHats を開く', quit: 'TwoHats を終了' },
    };
    await fake.ipcHandlers.get(IPC_CHANNELS.setTimerStatus)?.(trusted, status);
    expect(tray?.toolTip).toBe('Marketing · Blog — 0:25');

    type Item = { id?: string; click?: () => void };
    const item = (id: string) => (tray?.menu as { template: Item[] }).template.find((entry) => entry.id === id);
    expect(item('timer-toggle')).toMatchObject({ label: '停止' });
    item('timer-toggle')?.click?.();
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.shellEvent, { type: 'timer-toggle' });
    item('open')?.click?.();
    expect(fake.windows[0]?.focus).toHaveBeenCalled();
    item('quit')?.click?.();
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('registers the global shortcut the renderer asks for and applies the idle threshold', async () => {
    const fake = await startReady();
    const trusted = { senderFrame: fakeFrame('app://twohats/index.html') };
    const configure = fake.ipcHandlers.get(IPC_CHANNELS.configureTimerShell);
    expect(fake.globalShortcut.registered.size).toBe(0);

    await expect(configure?.(trusted, { shortcut: 'CommandOrControl+Shift+Space', idleMinutes: 1 })).resolves.toEqual({ shortcutRegistered: true });
    fake.globalShortcut.press('CommandOrControl+Shift+Space');
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.shellEvent, { type: 'timer-toggle' });

    // Held by another app: refused, and the old one released.
    await expect(configure?.(trusted, { shortcut: 'Ctrl+Alt+T', idleMinutes: 1 })).resolves.toEqual({ shortcutRegistered: false });
    expect(fake.globalShortcut.registered.size).toBe(0);
    await expect(configure?.(trusted, { shortcut: 'Space', idleMinutes: 1 })).resolves.toEqual({ shortcutRegistered: false });
    await expect(configure?.(trusted, { shortcut: 'Ctrl+Alt+P', idleMinutes: 0 })).rejects.toThrow(/invalid arguments/);

    // A two-minute lock is asked about at a one-minute threshold.
    const lockedAt = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(lockedAt);
    fake.powerMonitor.emit('lock-screen');
    clock.mockReturnValue(lockedAt + 2 * 60_000);
    fake.powerMonitor.emit('unlock-screen');
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.shellEvent, {
      type: 'away',
      from: lockedAt,
      to: lockedAt + 2 * 60_000,
      reason: 'lock',
    });
  });

  it('holds shell events until the page listens, and reopens the window for a toggle', async () => {
    const fake = await startReady();
    const trusted = { senderFrame: fakeFrame('app://twohats/index.html') };
    const [first] = fake.windows;
    const [tray] = fake.trays;
    const toggle = () => (tray?.menu as { template: { id?: string; click?: () => void }[] }).template.find((item) => item.id === 'timer-toggle')?.click?.();

    // A night's sleep before the page has said it listens: held, not lost.
    const suspendedAt = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(suspendedAt);
    fake.powerMonitor.emit('suspend');
    clock.mockReturnValue(suspendedAt + 8 * 3_600_000);
    fake.powerMonitor.emit('resume');
    expect(first?.webContents.send).not.toHaveBeenCalled();
    await fake.ipcHandlers.get(IPC_CHANNELS.configureTimerShell)?.(trusted, { shortcut: '', idleMinutes: 10 });
    expect(first?.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.shellEvent, {
      type: 'away',
      from: suspendedAt,
      to: suspendedAt + 8 * 3_600_000,
      reason: 'suspend',
    });

    // The window closed (macOS keeps the app running): a toggle opens a new one and waits for it.
    first?.emit('closed');
    toggle();
    toggle();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.windows).toHaveLength(2);
    const second = fake.windows[1];
    expect(second?.webContents.send).not.toHaveBeenCalled();
    await fake.ipcHandlers.get(IPC_CHANNELS.setTimerStatus)?.(trusted, {
      state: 'idle',
      label: '',
      runningSince: null,
      menuLabels: { start: 'Start', stop: 'Stop', open: 'Open', quit: 'Quit' },
    });
    expect(second?.webContents.send).toHaveBeenCalledTimes(2);
    expect(second?.webContents.send).toHaveBeenCalledWith(IPC_CHANNELS.shellEvent, { type: 'timer-toggle' });
    expect(first?.webContents.send).toHaveBeenCalledTimes(1);

    // In-page routing keeps the listener; a reload does not.
    second?.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    toggle();
    expect(second?.webContents.send).toHaveBeenCalledTimes(3);
    second?.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    toggle();
    expect(second?.webContents.send).toHaveBeenCalledTimes(3);
    await fake.ipcHandlers.get(IPC_CHANNELS.configureTimerShell)?.(trusted, { shortcut: '', idleMinutes: 10 });
    expect(second?.webContents.send).toHaveBeenCalledTimes(4);
  });

  it('releases the shortcut, the tray and the power monitor on quit', async () => {
    const fake = await startReady();
    const trusted = { senderFrame: fakeFrame('app://twohats/index.html') };
    await fake.ipcHandlers.get(IPC_CHANNELS.configureTimerShell)?.(trusted, { shortcut: 'CommandOrControl+Shift+Space', idleMinutes: 10 });
    fake.app.emit('will-quit', { preventDefault: vi.fn() });
    expect(fake.globalShortcut.registered.size).toBe(0);
    expect(fake.trays[0]?.destroyed).toBe(true);
    for (const event of ['suspend', 'resume', 'lock-screen', 'unlock-screen']) expect(fake.powerMonitor.listenerCount(event)).toBe(0);
  });

  it('focuses the window when the app is started again', async () => {
    const fake = await startReady();
    fake.app.emit('second-instance');
    expect(fake.windows[0]?.restore).toHaveBeenCalled();
    expect(fake.windows[0]?.focus).toHaveBeenCalled();
  });

  it('saves the window state when the window closes, before the app quits', async () => {
    const fake = await startReady();
    fake.windows[0]?.emit('close');
    const quitEvent = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    const saved = JSON.parse(await readFile(path.join(fake.userData, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 10, y: 20, width: 1100, height: 700, maximized: false });
    const second = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    const fake = await start({ lock: false });
    userDataDirs.push(fake.userData);
    fake.ready();
    await settle();
    expect(fake.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'quit']);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('loads a localhost dev server and trusts it, and refuses any other', async () => {
    process.env.TWOHATS_DEV_URL = 'http://localhost:5173';
    const dev = await startReady();
    expect(dev.calls).toContain('loadURL http://localhost:5173/');
    expect(dev.session.webRequest.onHeadersReceived).toHaveBeenCalled();
    await expect(dev.ipcHandlers.get(IPC_CHANNELS.getSystemInfo)?.({ senderFrame: fakeFrame('http://localhost:5173/') })).resolves.toBeTruthy();

    process.env.TWOHATS_DEV_URL = 'https://evil.example/';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const refused = await startReady();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/must be a localhost address/));
    expect(refused.calls).toContain('loadURL app://twohats/index.html');
    warn.mockRestore();
  });
});
