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
import { IPC_CHANNELS } from '../../../shared/bridge';
import { FakeWebContents, fakeFrame } from './fakes';

const state = vi.hoisted(() => ({ electron: {} as Record<string, unknown> }));
// The mocked module is created once; its getters reach whichever fake the current test set up.
vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'protocol', 'session', 'ipcMain', 'Menu', 'screen', 'nativeTheme', 'Notification', 'dialog', 'shell'];
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
    webContents = Object.assign(new FakeWebContents(), { send: vi.fn() });
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
  const menus: unknown[][] = [];
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
      buildFromTemplate: (template: unknown[]) => (menus.push(template), { template }),
      setApplicationMenu: vi.fn(),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    nativeTheme: { shouldUseDarkColors: true },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })), showErrorBox: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
  return { electron, calls, ready: () => ready(), windows, ipcHandlers, menus, session, app };
}

async function start(options?: { lock?: boolean }) {
  const userData = await mkdtemp(path.join(tmpdir(), 'twohats-main-'));
  const fake = fakeElectron(userData, options);
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
});
afterEach(async () => {
  delete process.env.TWOHATS_DEV_URL;
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
      [IPC_CHANNELS.getSystemInfo, IPC_CHANNELS.notify, IPC_CHANNELS.saveFile, IPC_CHANNELS.setLanguage].sort(),
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
