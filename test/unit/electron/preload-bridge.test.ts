import { EventEmitter } from 'node:events';
import type { IpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, MENU_COMMANDS, type MenuCommand } from '../../../shared/bridge';
import { createBridge, isMenuCommand } from '../../../electron/preload-bridge';
import { as } from './fakes';

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (channel: string, ..._args: unknown[]) => (channel === IPC_CHANNELS.notify ? true : undefined));
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
    expect(Object.keys(bridge).sort()).toEqual(['getSystemInfo', 'notify', 'onMenuCommand', 'saveFile', 'setLanguage']);
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
    expect(invoke.mock.calls).toEqual([
      [IPC_CHANNELS.getSystemInfo],
      [IPC_CHANNELS.setLanguage, 'ja'],
      [IPC_CHANNELS.notify, 'Time box over', 'Back to sales'],
      [IPC_CHANNELS.saveFile, request],
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

describe('isMenuCommand', () => {
  it('accepts exactly the commands of the contract', () => {
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true);
    for (const value of ['', 'navigate:', 'navigate:admin', 'NAVIGATE:TODAY', 1, null, undefined, ['navigate:today']]) {
      expect(isMenuCommand(value)).toBe(false);
    }
  });
});
