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

/** powerMonitor: its events, and a system idle time (in seconds) the test sets. */
export class FakePowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

/** A tray icon that remembers what it shows. */
export class FakeTray extends EventEmitter {
  toolTip = '';
  title = '';
  titleOptions: unknown = undefined;
  menu: unknown = null;
  destroyed = false;
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  setTitle(title: string, options?: unknown): void {
    this.title = title;
    this.titleOptions = options;
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/**
 * globalShortcut as the OS sees it: accelerators other apps hold cannot be registered, and one
 * Electron cannot parse throws, as the real module does.
 */
export class FakeGlobalShortcut {
  readonly registered = new Map<string, () => void>();
  readonly taken: ReadonlySet<string>;
  readonly unparsable: ReadonlySet<string>;
  constructor({ taken = [], unparsable = [] }: { taken?: string[]; unparsable?: string[] } = {}) {
    this.taken = new Set(taken);
    this.unparsable = new Set(unparsable);
  }
  register(accelerator: string, callback: () => void): boolean {
    if (this.unparsable.has(accelerator)) throw new Error(`Error processing argument: conversion failure from ${accelerator}`);
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  press(accelerator: string): void {
    this.registered.get(accelerator)?.();
  }
}
