import { EventEmitter } from 'node:events';
import type { Notification } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { showNotification } from '../../../electron/notifications';
import { as } from './fakes';

function fakeNotificationClass(supported: boolean) {
  class FakeNotification extends EventEmitter {
    static instances: FakeNotification[] = [];
    static isSupported = () => supported;
    shown = false;
    constructor(readonly options: { title: string; body: string }) {
      super();
      FakeNotification.instances.push(this);
    }
    show() {
      this.shown = true;
    }
  }
  return FakeNotification;
}

describe('showNotification', () => {
  it('returns false and shows nothing where notifications are not supported', () => {
    const Fake = fakeNotificationClass(false);
    expect(showNotification(as<typeof Notification>(Fake), 'Time box over', 'Nov newsletter')).toBe(false);
    expect(Fake.instances).toEqual([]);
  });

  it('shows the title and body, and calls back when clicked', () => {
    const Fake = fakeNotificationClass(true);
    const onClick = vi.fn();
    expect(showNotification(as<typeof Notification>(Fake), 'Time box over', 'Nov newsletter', onClick)).toBe(true);
    const [notification] = Fake.instances;
    expect(notification?.options).toEqual({ title: 'Time box over', body: 'Nov newsletter' });
    expect(notification?.shown).toBe(true);
    expect(onClick).not.toHaveBeenCalled();
    notification?.emit('click');
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
