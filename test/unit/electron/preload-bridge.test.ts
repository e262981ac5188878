import { EventEmitter } from 'node:events';
import type { IpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MENU_COMMANDS, type MenuCommand, type ShellEvent, type TimerStatus } from '../../../shared/bridge';
import { createBridge, isMenuCommand, toShellEvent } from '../../../electron/preload-bridge';
import { as } from './fakes';

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const answers: Record<string, unknown> = { [IPC_CHANNELS.notify]: true, [IPC_CHANNELS.configureTimerShell]: { shortcutRegistered: false } };
  const invoke = vi.fn(async (channel: string, ..._args: unknown[]) => answers[channel]);
  const ipc = {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => emitter.removeListener(channel, listener),
  };
  return { ipc: as<IpcRenderer>(ipc), invoke, emitter };
}

describe('createBridge', () => {
  it('exposes the bridge methods and nothing else', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual([
      'configureTimerShell',
      'getSystemInfo',
      'notify',
      'onMenuCommand',
      'onShellEvent',
      'printToPdf',
      'saveFile',
      'setLanguage',
      'setTimerStatus',
      'showInFolder',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each request on its channel with its arguments', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    await bridge.getSystemInfo();
    await bridge.setLanguage('ja');
    expect(await bridge.notify('Time box over', 'Back to sales')).toBe(true);
    const request = { suggestedName: 'a.csv', data: 'a,b', filter: { name: 'CSV', extensions: ['csv'] } };
    await bridge.saveFile(request);
    await bridge.printToPdf({ suggestedName: 'TwoHats-report-2026-11.pdf' });
    await expect(bridge.showInFolder('/tmp/TwoHats-report-2026-11.pdf')).resolves.toBeUndefined();
    const status: TimerStatus = {
      state: 'running',
      label: 'Marketing · Blog',
      runningSince: 1_700_000_000_000,
      menuLabels: { start: 'Start', stop: 'Stop', open: 'Open', quit: 'Quit' },
    };
    await expect(bridge.setTimerStatus(status)).resolves.toBeUndefined();
    await expect(bridge.configureTimerShell({ shortcut: 'CommandOrControl+Shift+Space', idleMinutes: 10 })).resolves.toEqual({ shortcutRegistered: false });
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.getSystemInfo],
      [IPC_CHANNELS.setLanguage, 'ja'],
      [IPC_CHANNELS.notify, 'Time box over', 'Back to sales'],
      [IPC_CHANNELS.saveFile, request],
      [IPC_CHANNELS.printToPdf, { suggestedName: 'TwoHats-report-2026-11.pdf' }],
      [IPC_CHANNELS.showInFolder, '/tmp/TwoHats-report-2026-11.pdf'],
      [IPC_CHANNELS.setTimerStatus, status],
      [IPC_CHANNELS.configureTimerShell, { shortcut: 'CommandOrControl+Shift+Space', idleMinutes: 10 }],
    ]);
  });

  it('relays menu commands without the IPC event, ignores unknown ones, and unsubscribes', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const stop = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    const event = { sender: { secret: true } };

    emitter.emit(IPC_CHANNELS.menuCommand, event, 'navigate:leads');
    emitter.emit(IPC_CHANNELS.menuCommand, event, 'navigate:nowhere');
    emitter.emit(IPC_CHANNELS.menuCommand, event, { toString: () => 'navigate:today' });
    emitter.emit(IPC_CHANNELS.menuCommand, event);
    expect(received).toEqual([['navigate:leads']]);

    stop();
    expect(emitter.listenerCount(IPC_CHANNELS.menuCommand)).toBe(0);
    emitter.emit(IPC_CHANNELS.menuCommand, event, 'navigate:plan');
    expect(received).toHaveLength(1);
  });

  it('keeps listeners independent', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const first = vi.fn<(command: MenuCommand) => void>();
    const second = vi.fn<(command: MenuCommand) => void>();
    const stopFirst = bridge.onMenuCommand(first);
    bridge.onMenuCommand(second);
    stopFirst();
    emitter.emit(IPC_CHANNELS.menuCommand, {}, 'navigate:wins');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('navigate:wins');
  });
});

describe('onShellEvent', () => {
  it('relays shell events without the IPC event, drops malformed ones, and unsubscribes', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const stop = bridge.onShellEvent((...args: unknown[]) => received.push(args));
    const event = { sender: { secret: true } };

    emitter.emit(IPC_CHANNELS.shellEvent, event, { type: 'timer-toggle' });
    emitter.emit(IPC_CHANNELS.shellEvent, event, { type: 'away', from: 1_000, to: 5_000, reason: 'lock' });
    emitter.emit(IPC_CHANNELS.shellEvent, event, { type: 'away', from: 5_000, to: 1_000, reason: 'lock' });
    emitter.emit(IPC_CHANNELS.shellEvent, event, 'timer-toggle');
    emitter.emit(IPC_CHANNELS.shellEvent, event);
    expect(received).toEqual([[{ type: 'timer-toggle' }], [{ type: 'away', from: 1_000, to: 5_000, reason: 'lock' }]]);

    stop();
    expect(emitter.listenerCount(IPC_CHANNELS.shellEvent)).toBe(0);
    emitter.emit(IPC_CHANNELS.shellEvent, event, { type: 'timer-toggle' });
    expect(received).toHaveLength(2);
  });

  it('does not mix shell events and menu commands', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const onShell = vi.fn<(event: ShellEvent) => void>();
    const onMenu = vi.fn<(command: MenuCommand) => void>();
    bridge.onShellEvent(onShell);
    bridge.onMenuCommand(onMenu);
    emitter.emit(IPC_CHANNELS.menuCommand, {}, { type: 'timer-toggle' });
    emitter.emit(IPC_CHANNELS.shellEvent, {}, 'navigate:today');
    expect(onShell).not.toHaveBeenCalled();
    expect(onMenu).not.toHaveBeenCalled();
  });
});

describe('toShellEvent', () => {
  it('rebuilds valid events with their fields only', () => {
    expect(toShellEvent({ type: 'timer-toggle', extra: 'x' })).toEqual({ type: 'timer-toggle' });
    for (const reason of ['idle', 'suspend', 'lock'] as const) {
      expect(toShellEvent({ type: 'away', from: 0, to: 0, reason, extra: 1 })).toEqual({ type: 'away', from: 0, to: 0, reason });
    }
  });

  it.each([
    null,
    undefined,
    'timer-toggle',
    42,
    [],
    {},
    { type: 'quit' },
    { type: 'away', from: 1, to: 2 },
    { type: 'away', from: 1, to: 2, reason: 'coffee' },
    { type: 'away', from: '1', to: 2, reason: 'idle' },
    { type: 'away', from: 1, to: Number.NaN, reason: 'idle' },
    { type: 'away', from: Number.NEGATIVE_INFINITY, to: 2, reason: 'idle' },
    { type: 'away', from: 3, to: 2, reason: 'idle' },
  ])('drops %j', (value) => {
    expect(toShellEvent(value)).toBeNull();
  });
});

describe('isMenuCommand', () => {
  it('accepts exactly the commands of the contract', () => {
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true);
    for (const value of ['', 'navigate:', 'navigate:admin', 'NAVIGATE:TODAY', 1, null, undefined, ['navigate:today']]) {
      expect(isMenuCommand(value)).toBe(false);
    }
  });
});
