/**
 * Carries shell events (tray and shortcut toggles, time away) to the window's renderer, holding
 * them while nobody listens. On macOS the app lives on with its window closed; a night's sleep
 * reported into the void would be counted as work when the window comes back, and the toggle that
 * reopened the window would be lost while the page loads.
 *
 * The renderer counts as listening once it has called setTimerStatus or configureTimerShell:
 * it subscribes to onShellEvent in the same start-up pass (renderer/features/timer/TimerWatcher),
 * and IPC keeps order, so the held events reach a listener.
 */
import type { WebContents } from 'electron';
import { IPC_CHANNELS, type ShellEvent } from '../shared/bridge';

/** Enough for a week of closed-window sleeps; beyond that the oldest go first. */
export const MAX_PENDING_SHELL_EVENTS = 50;

type Target = Pick<WebContents, 'send' | 'isDestroyed'>;

export interface ShellEventRelay {
  /** Sends the event now, or holds it until a renderer listens. */
  post(event: ShellEvent): void;
  /** This renderer listens now: held events go to it, in order, and later ones straight away. */
  ready(target: Target): void;
  /** The renderer is gone or reloading: hold events again. */
  detach(): void;
}

export function createShellEventRelay(limit = MAX_PENDING_SHELL_EVENTS): ShellEventRelay {
  let target: Target | null = null;
  const pending: ShellEvent[] = [];
  return {
    post(event) {
      // A window being torn down has a destroyed webContents before 'closed' detaches it, and
      // send() would throw inside a powerMonitor or shortcut callback.
      if (target?.isDestroyed()) target = null;
      if (target) {
        target.send(IPC_CHANNELS.shellEvent, event);
        return;
      }
      pending.push(event);
      if (pending.length > limit) pending.shift();
    },
    ready(next) {
      target = next;
      for (const event of pending.splice(0)) next.send(IPC_CHANNELS.shellEvent, event);
    },
    detach() {
      target = null;
    },
  };
}
