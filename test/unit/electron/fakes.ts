/**
 * Small hand-made stand-ins for Electron objects. Each fake implements only what the module under
 * test calls; `as<T>()` states that on purpose instead of pretending to be the whole class.
 */
import { EventEmitter } from 'node:events';
import type { WebFrameMain } from 'electron';
import { vi } from 'vitest';

export function as<T>(fake: object = {}): T {
  return fake as T;
}

/** An event as Electron passes it to listeners that may cancel it. */
export function cancellable<T extends object>(details: T): T & { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented(): boolean } {
  const preventDefault = vi.fn();
  return Object.assign({ ...details }, { preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 });
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** A frame as the IPC sender check sees it: its URL, and its parent (null for the top frame). */
export function fakeFrame(url: string, parent: WebFrameMain | null = null): WebFrameMain {
  return as<WebFrameMain>({ url, parent });
}
