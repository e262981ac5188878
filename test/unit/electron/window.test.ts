import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND, backgroundColor, createMainWindow, focusWindow, mainWindowOptions } from '../../../electron/window';
import { as } from './fakes';

const bounds = { x: 80, y: 63, width: 1280, height: 800 };

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ bounds, preloadPath: '/app/dist/electron/preload.cjs', backgroundColor: '#141413', title: 'TwoHats' });

  it('locks the renderer down', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.webPreferences).not.toHaveProperty('experimentalFeatures');
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('opens hidden, at the given bounds, no smaller than 960 × 640', () => {
    expect(options).toMatchObject({ ...bounds, minWidth: 960, minHeight: 640, show: false, backgroundColor: '#141413', title: 'TwoHats' });
  });
});

describe('backgroundColor', () => {
  it('follows the OS theme', () => {
    expect(backgroundColor({ shouldUseDarkColors: true })).toBe(BACKGROUND.dark);
    expect(backgroundColor({ shouldUseDarkColors: false })).toBe(BACKGROUND.light);
  });
});

describe('createMainWindow', () => {
  class FakeBrowserWindow extends EventEmitter {
    static created: FakeBrowserWindow[] = [];
    calls: string[] = [];
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      FakeBrowserWindow.created.push(this);
    }
    maximize() {
      this.calls.push('maximize');
    }
    show() {
      this.calls.push('show');
    }
  }

  it('shows the window only when it is ready, maximised if it was', () => {
    const window = createMainWindow(as<typeof BrowserWindow>(FakeBrowserWindow), {
      bounds,
      maximized: true,
      preloadPath: '/preload.cjs',
      backgroundColor: '#fff',
      title: 'TwoHats',
    }) as unknown as FakeBrowserWindow;
    expect(window.options.show).toBe(false);
    expect(window.calls).toEqual([]);
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['maximize', 'show']);
  });

  it('does not maximise a window that was not', () => {
    const window = createMainWindow(as<typeof BrowserWindow>(FakeBrowserWindow), {
      bounds,
      maximized: false,
      preloadPath: '/preload.cjs',
      backgroundColor: '#fff',
      title: 'TwoHats',
    }) as unknown as FakeBrowserWindow;
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['show']);
  });
});

describe('focusWindow', () => {
  const fakeWindow = (minimized: boolean, visible: boolean) => ({
    isMinimized: () => minimized,
    isVisible: () => visible,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  });

  it('restores, shows and focuses the existing window', () => {
    const window = fakeWindow(true, false);
    focusWindow(as<BrowserWindow>(window));
    expect(window.restore).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('only focuses a window that is already up', () => {
    const window = fakeWindow(false, true);
    focusWindow(as<BrowserWindow>(window));
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('does nothing without a window', () => {
    expect(() => focusWindow(null)).not.toThrow();
  });
});
