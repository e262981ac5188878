import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type ShellEvent } from '../../../shared/bridge';
import { createShellEventRelay } from '../../../electron/shell-events';

const toggle: ShellEvent = { type: 'timer-toggle' };
const night: ShellEvent = { type: 'away', from: 1_000, to: 9_000, reason: 'suspend' };

function fakeContents() {
  let destroyed = false;
  return { send: vi.fn(), isDestroyed: () => destroyed, destroy: () => void (destroyed = true) };
}

describe('createShellEventRelay', () => {
  it('holds events until a renderer listens, then delivers them in order', () => {
    const relay = createShellEventRelay();
    relay.post(night);
    relay.post(toggle);
    const contents = fakeContents();
    relay.ready(contents);
    expect(contents.send.mock.calls).toEqual([
      [IPC_CHANNELS.shellEvent, night],
      [IPC_CHANNELS.shellEvent, toggle],
    ]);
    relay.post(toggle);
    expect(contents.send).toHaveBeenCalledTimes(3);
  });

  it('delivers held events once, however often the renderer says it listens', () => {
    const relay = createShellEventRelay();
    relay.post(night);
    const contents = fakeContents();
    relay.ready(contents);
    relay.ready(contents);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });

  it('holds events again while the page reloads or the window is closed', () => {
    const relay = createShellEventRelay();
    const first = fakeContents();
    relay.ready(first);
    relay.detach();
    relay.post(night);
    expect(first.send).not.toHaveBeenCalled();
    const second = fakeContents();
    relay.ready(second);
    expect(second.send).toHaveBeenCalledWith(IPC_CHANNELS.shellEvent, night);
  });

  it('does not send to a destroyed webContents, and keeps the event', () => {
    const relay = createShellEventRelay();
    const dying = fakeContents();
    relay.ready(dying);
    dying.destroy();
    relay.post(night);
    expect(dying.send).not.toHaveBeenCalled();
    const next = fakeContents();
    relay.ready(next);
    expect(next.send).toHaveBeenCalledWith(IPC_CHANNELS.shellEvent, night);
  });

  it('keeps only the latest events when nobody listens for long', () => {
    const relay = createShellEventRelay(3);
    for (let i = 0; i < 5; i++) relay.post({ type: 'away', from: i, to: i + 1, reason: 'idle' });
    const contents = fakeContents();
    relay.ready(contents);
    expect(contents.send.mock.calls.map(([, event]) => (event as { from: number }).from)).toEqual([2, 3, 4]);
  });
});
