import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clampBoundsToDisplays,
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  trackWindowState,
  type WindowState,
} from '../../../electron/window-state';
import { as } from './fakes';

const laptop = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitorRight = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };
const monitorLeft = { workArea: { x: -1920, y: 0, width: 1920, height: 1040 } };

describe('clampBoundsToDisplays', () => {
  it('keeps bounds that fit where they are', () => {
    expect(clampBoundsToDisplays({ x: 100, y: 100, width: 1200, height: 700 }, [laptop])).toEqual({ x: 100, y: 100, width: 1200, height: 700 });
    expect(clampBoundsToDisplays({ x: 1600, y: 200, width: 1280, height: 800 }, [laptop, monitorRight])).toEqual({
      x: 1600,
      y: 200,
      width: 1280,
      height: 800,
    });
  });

  it('centres the default size on the primary display when nothing is saved', () => {
    expect(clampBoundsToDisplays(DEFAULT_SIZE, [laptop, monitorRight])).toEqual({ x: 80, y: 63, width: 1280, height: 800 });
    expect(clampBoundsToDisplays(DEFAULT_SIZE, [laptop, monitorRight], monitorRight)).toEqual({ x: 2080, y: 320, width: 1280, height: 800 });
  });

  it('moves a window saved on an unplugged monitor back to the primary display', () => {
    expect(clampBoundsToDisplays({ x: 2000, y: 300, width: 1280, height: 800 }, [laptop])).toEqual({ x: 80, y: 63, width: 1280, height: 800 });
    expect(clampBoundsToDisplays({ x: -1500, y: 100, width: 1280, height: 800 }, [laptop])).toEqual({ x: 80, y: 63, width: 1280, height: 800 });
  });

  it('pulls a window that hangs over an edge fully inside its display', () => {
    expect(clampBoundsToDisplays({ x: 1000, y: 500, width: 1280, height: 800 }, [laptop])).toEqual({ x: 160, y: 100, width: 1280, height: 800 });
    expect(clampBoundsToDisplays({ x: -300, y: -50, width: 1000, height: 700 }, [laptop])).toEqual({ x: 0, y: 25, width: 1000, height: 700 });
  });

  it('picks the display holding most of a window that spans two', () => {
    const spanning = { x: 1000, y: 100, width: 1400, height: 800 };
    expect(clampBoundsToDisplays(spanning, [laptop, monitorRight])).toEqual({ x: 1440, y: 100, width: 1400, height: 800 });
    expect(clampBoundsToDisplays({ x: -1000, y: 100, width: 1200, height: 800 }, [laptop, monitorLeft])).toEqual({
      x: -1200,
      y: 100,
      width: 1200,
      height: 800,
    });
  });

  it('does not trust a sliver: a window barely on screen is re-centred', () => {
    expect(clampBoundsToDisplays({ x: 1400, y: 100, width: 1280, height: 800 }, [laptop])).toEqual({ x: 80, y: 63, width: 1280, height: 800 });
  });

  it('shrinks a window bigger than the display, and grows one below the minimum', () => {
    expect(clampBoundsToDisplays({ x: 0, y: 25, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    expect(clampBoundsToDisplays({ x: 10, y: 30, width: 200, height: 100 }, [laptop])).toEqual({ x: 10, y: 30, ...MIN_SIZE });
  });

  it('never exceeds a work area smaller than the minimum size', () => {
    const tiny = { workArea: { x: 0, y: 0, width: 800, height: 600 } };
    expect(clampBoundsToDisplays(DEFAULT_SIZE, [tiny])).toEqual({ x: 0, y: 0, width: 800, height: 600 });
  });

  it('copes with no display information', () => {
    expect(clampBoundsToDisplays({ width: 1280, height: 800 }, [])).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
  });
});

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1280,"height":800,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1280,
      height: 800,
      maximized: true,
    });
  });

  it.each(['', 'not json', 'null', '[]', '{"width":"1280","height":800,"maximized":false}', '{"width":1280,"height":800}', '{"x":1.5,"y":0,"width":1280,"height":800,"maximized":false}', '{"width":-5,"height":800,"maximized":false}'])(
    'returns null for %s',
    (text) => {
      expect(parseWindowState(text)).toBeNull();
    },
  );
});

describe('loadWindowState', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the file, and treats a missing or damaged one as nothing saved', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'twohats-state-'));
    const file = path.join(dir, 'window-state.json');
    expect(await loadWindowState(file, readFile)).toBeNull();
    await writeFile(file, '{"width":1000,"height":700,"maximized":false}');
    expect(await loadWindowState(file, readFile)).toEqual({ width: 1000, height: 700, maximized: false });
    await writeFile(file, '{"width":10');
    expect(await loadWindowState(file, readFile)).toBeNull();
  });
});

describe('trackWindowState', () => {
  class FakeWindow extends EventEmitter {
    bounds = { x: 10, y: 20, width: 1280, height: 800 };
    maximized = false;
    destroyed = false;
    getNormalBounds() {
      if (this.destroyed) throw new Error('Object has been destroyed');
      return { ...this.bounds };
    }
    isMaximized() {
      return this.maximized;
    }
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after a burst of moves, and at once on maximize and close', async () => {
    vi.useFakeTimers();
    const window = new FakeWindow();
    const saved: WindowState[] = [];
    const tracker = trackWindowState(as<BrowserWindow>(window), async (state) => {
      saved.push(state);
    });

    for (let x = 0; x < 10; x += 1) {
      window.bounds.x = x;
      window.emit('move');
    }
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toEqual([{ x: 9, y: 20, width: 1280, height: 800, maximized: false }]);

    window.maximized = true;
    window.emit('maximize');
    window.bounds.width = 1000;
    window.emit('resize');
    window.emit('close');
    await tracker.flush();
    expect(saved.slice(1)).toEqual([
      { x: 9, y: 20, width: 1280, height: 800, maximized: true },
      { x: 9, y: 20, width: 1000, height: 800, maximized: true },
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toHaveLength(3);
  });

  it('writes one state at a time, in order, and survives a failed write', async () => {
    const window = new FakeWindow();
    const order: string[] = [];
    let calls = 0;
    const tracker = trackWindowState(as<BrowserWindow>(window), async (state) => {
      calls += 1;
      const call = calls;
      order.push(`start ${state.width}`);
      await new Promise((resolve) => setTimeout(resolve, call === 1 ? 20 : 0));
      order.push(`end ${state.width}`);
      if (call === 1) throw new Error('disk full');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    window.emit('maximize');
    window.bounds.width = 1100;
    window.emit('close');
    await tracker.flush();
    expect(order).toEqual(['start 1280', 'end 1280', 'start 1100', 'end 1100']);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('skips the save when the window is already destroyed', async () => {
    const window = new FakeWindow();
    const save = vi.fn(async () => undefined);
    const tracker = trackWindowState(as<BrowserWindow>(window), save);
    window.destroyed = true;
    window.emit('close');
    await tracker.flush();
    expect(save).not.toHaveBeenCalled();
  });
});
