import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type SaveFileRequest, type TimerStatus } from '../../../shared/bridge';
import { IPC_LIMITS, registerIpcHandlers, type BridgeHandlers } from '../../../electron/ipc';
import { isTrustedSender } from '../../../electron/security';
import { systemInfo } from '../../../electron/system-info';
import { as, fakeFrame } from './fakes';

type Listener = (event: Partial<IpcMainInvokeEvent>, ...args: unknown[]) => Promise<unknown>;

function setUp(limits = IPC_LIMITS) {
  const registered = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`);
      registered.set(channel, listener);
    },
    removeHandler: (channel: string) => registered.delete(channel),
  };
  const handlers = {
    getSystemInfo: vi.fn<BridgeHandlers['getSystemInfo']>(() => ({ shell: 'electron', locale: 'ja-JP', timeZone: 'Asia/Tokyo', appVersion: '0.1.0', platform: 'linux' })),
    setLanguage: vi.fn<BridgeHandlers['setLanguage']>(() => undefined),
    notify: vi.fn<BridgeHandlers['notify']>(() => true),
    saveFile: vi.fn<BridgeHandlers['saveFile']>(() => ({ status: 'cancelled' })),
    printToPdf: vi.fn<BridgeHandlers['printToPdf']>(() => ({ status: 'cancelled' })),
    showInFolder: vi.fn<BridgeHandlers['showInFolder']>(() => undefined),
    setTimerStatus: vi.fn<BridgeHandlers['setTimerStatus']>(() => undefined),
    configureTimerShell: vi.fn<BridgeHandlers['configureTimerShell']>(() => ({ shortcutRegistered: true })),
  } satisfies BridgeHandlers;
  const unregister = registerIpcHandlers(as<IpcMain>(ipcMain), handlers, (frame) => isTrustedSender(frame, null), limits);

  const invoke = (channel: keyof typeof IPC_CHANNELS, args: unknown[], url = 'app://twohats/index.html') => {
    const listener = registered.get(IPC_CHANNELS[channel]);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: fakeFrame(url) }, ...args);
  };
  return { registered, handlers, invoke, unregister };
}

const status = (overrides: Partial<TimerStatus> = {}): TimerStatus => ({
  state: 'running',
  label: 'Marketing · Nov newsletter',
  runningSince: Date.parse('2026-11-02T09:30:00+09:00'),
  menuLabels: { start: 'Start', stop: 'Stop', open: 'Open TwoHats', quit: 'Quit TwoHats' },
  ...overrides,
});
const labels = status().menuLabels;
const shell = (overrides: Record<string, unknown> = {}) => ({ shortcut: 'CommandOrControl+Shift+Space', idleMinutes: 10, ...overrides });

const request = (overrides: Partial<SaveFileRequest> = {}): SaveFileRequest => ({
  suggestedName: 'TwoHats-report-2026-11.pdf',
  data: new Uint8Array([37, 80, 68, 70]),
  filter: { name: 'PDF', extensions: ['pdf'] },
  ...overrides,
});

describe('registerIpcHandlers', () => {
  it('registers every request channel of the bridge, and not the event channels', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual(
      [
        IPC_CHANNELS.getSystemInfo,
        IPC_CHANNELS.setLanguage,
        IPC_CHANNELS.notify,
        IPC_CHANNELS.saveFile,
        IPC_CHANNELS.printToPdf,
        IPC_CHANNELS.showInFolder,
        IPC_CHANNELS.setTimerStatus,
        IPC_CHANNELS.configureTimerShell,
      ].sort(),
    );
    expect(registered.has(IPC_CHANNELS.menuCommand)).toBe(false);
    expect(registered.has(IPC_CHANNELS.shellEvent)).toBe(false);
  });

  it('removes them again', () => {
    const { registered, unregister } = setUp();
    unregister();
    expect(registered.size).toBe(0);
  });

  it('passes valid requests to the handlers and returns their answers', async () => {
    const { handlers, invoke } = setUp();
    await expect(invoke('getSystemInfo', [])).resolves.toMatchObject({ shell: 'electron' });
    await expect(invoke('setLanguage', ['ja'])).resolves.toBeUndefined();
    await expect(invoke('notify', ['Time box over', 'Nov newsletter: 90 min'])).resolves.toBe(true);
    await expect(invoke('saveFile', [request()])).resolves.toEqual({ status: 'cancelled' });
    await expect(invoke('saveFile', [request({ data: 'a,b\n1,2\n', filter: { name: 'CSV', extensions: ['csv', '*'] } })])).resolves.toEqual({
      status: 'cancelled',
    });
    expect(handlers.setLanguage).toHaveBeenCalledWith('ja');
    expect(handlers.notify).toHaveBeenCalledWith('Time box over', 'Nov newsletter: 90 min');
    expect(handlers.saveFile).toHaveBeenCalledWith(request());
    await expect(invoke('printToPdf', [{ suggestedName: 'TwoHats-report-2026-11.pdf' }])).resolves.toEqual({ status: 'cancelled' });
    await expect(invoke('showInFolder', ['/home/user/Downloads/TwoHats-report-2026-11.pdf'])).resolves.toBeUndefined();
    expect(handlers.showInFolder).toHaveBeenCalledWith('/home/user/Downloads/TwoHats-report-2026-11.pdf');
  });

  it('passes timer statuses and shell settings through', async () => {
    const { handlers, invoke } = setUp();
    await expect(invoke('setTimerStatus', [status()])).resolves.toBeUndefined();
    await invoke('setTimerStatus', [status({ state: 'idle', label: '', runningSince: null })]);
    await invoke('setTimerStatus', [status({ state: 'paused', runningSince: null, label: 'x'.repeat(200) })]);
    expect(handlers.setTimerStatus).toHaveBeenNthCalledWith(1, status());
    expect(handlers.setTimerStatus).toHaveBeenCalledTimes(3);

    await expect(invoke('configureTimerShell', [shell()])).resolves.toEqual({ shortcutRegistered: true });
    await invoke('configureTimerShell', [shell({ shortcut: 'Ctrl+Alt+;', idleMinutes: 1 })]);
    await invoke('configureTimerShell', [shell({ shortcut: 'F13', idleMinutes: 120 })]);
    // Cleared in Settings, or mistyped there: the shell answers shortcutRegistered: false, and the
    // idle threshold that comes with it still applies.
    await invoke('configureTimerShell', [shell({ shortcut: 'Ctrl + Shift + Space' })]);
    await invoke('configureTimerShell', [shell({ shortcut: 'Ｃｔｒｌ＋Ｓｐａｃｅ' })]);
    await invoke('configureTimerShell', [shell({ shortcut: '' })]);
    expect(handlers.configureTimerShell).toHaveBeenCalledTimes(6);
    expect(handlers.configureTimerShell).toHaveBeenLastCalledWith({ shortcut: '', idleMinutes: 10 });
  });

  it.each(['file:///tmp/evil.html', 'https://evil.example/', 'http://localhost:5173/', 'app://other/index.html'])(
    'rejects every channel from %s without running the handler',
    async (url) => {
      const { handlers, invoke } = setUp();
      await expect(invoke('getSystemInfo', [], url)).rejects.toThrow(/did not come from the TwoHats window/);
      await expect(invoke('setLanguage', ['en'], url)).rejects.toThrow(/refused/);
      await expect(invoke('notify', ['a', 'b'], url)).rejects.toThrow(/refused/);
      await expect(invoke('saveFile', [request()], url)).rejects.toThrow(/refused/);
      await expect(invoke('setTimerStatus', [status()], url)).rejects.toThrow(/refused/);
      await expect(invoke('configureTimerShell', [shell()], url)).rejects.toThrow(/refused/);
      for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    },
  );

  it('rejects a sender whose frame is gone', async () => {
    const { registered, handlers } = setUp();
    await expect(registered.get(IPC_CHANNELS.notify)?.({ senderFrame: null }, 'a', 'b')).rejects.toThrow(/refused/);
    expect(handlers.notify).not.toHaveBeenCalled();
  });

  it.each<[keyof typeof IPC_CHANNELS, unknown[]]>([
    ['getSystemInfo', ['extra']],
    ['setLanguage', ['fr']],
    ['setLanguage', ['system']],
    ['setLanguage', []],
    ['setLanguage', [{ toString: () => 'ja' }]],
    ['notify', ['title']],
    ['notify', [1, 2]],
    ['notify', ['x'.repeat(501), 'body']],
    ['notify', ['title', 'x'.repeat(501)]],
    ['saveFile', []],
    ['saveFile', [null]],
    ['saveFile', ['report.pdf']],
    ['saveFile', [request({ suggestedName: '../../.bashrc' })]],
    ['saveFile', [request({ suggestedName: '/etc/passwd' })]],
    ['saveFile', [request({ suggestedName: 'C:\\Windows\\win.ini' })]],
    ['saveFile', [request({ suggestedName: 'folder/report.pdf' })]],
    ['saveFile', [request({ suggestedName: '' })]],
    ['saveFile', [request({ suggestedName: '..' })]],
    ['saveFile', [request({ suggestedName: 'report.pdf\u0000.exe' })]],
    ['saveFile', [request({ suggestedName: 'a'.repeat(201) })]],
    ['saveFile', [request({ data: [1, 2, 3] as unknown as Uint8Array })]],
    ['saveFile', [request({ data: { length: 3 } as unknown as Uint8Array })]],
    ['saveFile', [request({ filter: { name: 'PDF', extensions: [] } })]],
    ['saveFile', [request({ filter: { name: 'PDF', extensions: ['.pdf'] } })]],
    ['saveFile', [request({ filter: { name: 'PDF', extensions: ['pdf;rm -rf'] } })]],
    ['saveFile', [request({ filter: { name: '', extensions: ['pdf'] } })]],
    ['saveFile', [{ ...request(), extra: true }]],
    ['printToPdf', []],
    ['printToPdf', [{ suggestedName: 'report.exe' }]],
    ['printToPdf', [{ suggestedName: '../report.pdf' }]],
    ['printToPdf', [{ suggestedName: 'report.pdf', data: 'x' }]],
    ['showInFolder', []],
    ['showInFolder', ['']],
    ['showInFolder', [42]],
    ['showInFolder', ['/tmp/a\u0000b.pdf']],
    ['setTimerStatus', []],
    ['setTimerStatus', [null]],
    ['setTimerStatus', [status({ state: 'stopped' as TimerStatus['state'] })]],
    ['setTimerStatus', [status({ label: 'x'.repeat(201) })]],
    ['setTimerStatus', [status({ label: 42 as unknown as string })]],
    ['setTimerStatus', [status({ runningSince: Number.NaN })]],
    ['setTimerStatus', [status({ runningSince: Number.POSITIVE_INFINITY })]],
    ['setTimerStatus', [status({ runningSince: '2026-11-02' as unknown as number })]],
    ['setTimerStatus', [status({ menuLabels: { ...labels, stop: 'x'.repeat(61) } })]],
    ['setTimerStatus', [status({ menuLabels: { ...labels, quit: '' } })]],
    ['setTimerStatus', [status({ menuLabels: { start: 'Start', stop: 'Stop', open: 'Open' } as TimerStatus['menuLabels'] })]],
    ['setTimerStatus', [status({ menuLabels: { ...labels, role: 'quit' } as TimerStatus['menuLabels'] })]],
    ['setTimerStatus', [{ ...status(), icon: '/etc/passwd' }]],
    ['configureTimerShell', []],
    ['configureTimerShell', [{ shortcut: 'Ctrl+Alt+T' }]],
    ['configureTimerShell', [shell({ shortcut: 'x'.repeat(61) })]],
    ['configureTimerShell', [shell({ shortcut: 'Ctrl+\n' })]],
    ['configureTimerShell', [shell({ shortcut: 'Ctrl+\u0000' })]],
    ['configureTimerShell', [shell({ shortcut: 'Ctrl+\u007f' })]],
    ['configureTimerShell', [shell({ shortcut: null })]],
    ['configureTimerShell', [shell({ idleMinutes: 0 })]],
    ['configureTimerShell', [shell({ idleMinutes: 121 })]],
    ['configureTimerShell', [shell({ idleMinutes: 2.5 })]],
    ['configureTimerShell', [shell({ idleMinutes: '10' })]],
    ['configureTimerShell', [shell({ extra: true })]],
  ])('rejects %s with invalid arguments %j', async (channel, args) => {
    const { handlers, invoke } = setUp();
    await expect(invoke(channel, args)).rejects.toThrow(new RegExp(`${channel} refused: invalid arguments`));
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('accepts a file name of exactly 200 characters, and Japanese names', async () => {
    const { invoke } = setUp();
    await expect(invoke('saveFile', [request({ suggestedName: `${'a'.repeat(196)}.pdf` })])).resolves.toEqual({ status: 'cancelled' });
    await expect(invoke('saveFile', [request({ suggestedName: '月次報告-2026年11月.pdf' })])).resolves.toEqual({ status: 'cancelled' });
  });

  it('limits the file size in bytes, counting UTF-8 for text', async () => {
    const { invoke } = setUp({ ...IPC_LIMITS, fileBytes: 6 });
    await expect(invoke('saveFile', [request({ data: new Uint8Array(6) })])).resolves.toEqual({ status: 'cancelled' });
    await expect(invoke('saveFile', [request({ data: new Uint8Array(7) })])).rejects.toThrow(/too large/);
    await expect(invoke('saveFile', [request({ data: '営業' })])).resolves.toEqual({ status: 'cancelled' });
    await expect(invoke('saveFile', [request({ data: '営業中' })])).rejects.toThrow(/too large/);
    await expect(invoke('saveFile', [request({ data: 'abcdefg' })])).rejects.toThrow(/too large/);
  });

  it('uses 300 MB as the real limit', async () => {
    expect(IPC_LIMITS.fileBytes).toBe(300 * 1024 * 1024);
    const { invoke } = setUp();
    // A view claiming to be one byte over, without allocating 300 MB.
    const huge = Object.create(Uint8Array.prototype, { byteLength: { value: IPC_LIMITS.fileBytes + 1 } }) as Uint8Array;
    await expect(invoke('saveFile', [request({ data: huge })])).rejects.toThrow(/too large/);
  });

  it('does not echo the rejected data in the error', async () => {
    const { invoke } = setUp();
    const error = await invoke('notify', ['SECRET-'.repeat(100), 'b']).catch((e: Error) => e);
    expect(String(error)).not.toContain('SECRET');
  });
});

describe('systemInfo', () => {
  const app = (languages: string[]) => ({
    getPreferredSystemLanguages: () => languages,
    getLocale: () => 'en-US',
    getVersion: () => '0.1.0',
  });

  it('describes the shell, the OS language and the time zone', () => {
    expect(systemInfo(app(['ja-JP', 'en-US']), 'darwin')).toEqual({
      shell: 'electron',
      locale: 'ja-JP',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      appVersion: '0.1.0',
      platform: 'darwin',
    });
  });

  it('falls back to the app locale when the OS lists no language', () => {
    expect(systemInfo(app([]), 'linux').locale).toBe('en-US');
    expect(systemInfo(app(['']), 'linux').locale).toBe('en-US');
  });
});
