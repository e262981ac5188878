/**
 * The main window's size and place, kept between runs in userData/window-state.json.
 * A saved place can be off-screen by the next run (a monitor unplugged, a laptop undocked), so
 * it is always clamped to a display that exists now.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';

export const MIN_SIZE = { width: 960, height: 640 } as const;
export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: length,
  height: length,
  maximized: z.boolean(),
});

/** The saved state, or null when the file is missing, unreadable or from something else. */
export function parseWindowState(text: string): WindowState | null {
  try {
    const result = windowStateSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export async function loadWindowState(
  filePath: string,
  readFile: (filePath: string, encoding: 'utf8') => Promise<string>,
): Promise<WindowState | null> {
  try {
    return parseWindowState(await readFile(filePath, 'utf8'));
  } catch {
    return null;
  }
}

interface DisplayArea {
  workArea: Rectangle;
}

/** How much of a window must stay on a display for the saved place to count as visible. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

/**
 * Fits saved bounds onto the displays there are now. The window keeps its display if enough of it
 * is on one, moved fully inside that display's work area; otherwise, or with no saved place, it is
 * centred on the primary display. Never smaller than MIN_SIZE unless the screen itself is.
 */
export function clampBoundsToDisplays(
  bounds: Pick<WindowState, 'x' | 'y' | 'width' | 'height'>,
  displays: readonly DisplayArea[],
  primary: DisplayArea | undefined = displays[0],
): Rectangle {
  const fallback = primary ?? displays[0];
  if (!fallback) {
    return { x: bounds.x ?? 0, y: bounds.y ?? 0, width: Math.max(bounds.width, MIN_SIZE.width), height: Math.max(bounds.height, MIN_SIZE.height) };
  }

  let target: DisplayArea | undefined;
  if (bounds.x !== undefined && bounds.y !== undefined) {
    const placed = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height };
    let best = 0;
    for (const display of displays) {
      const overlap = intersection(placed, display.workArea);
      const area = overlap ? overlap.width * overlap.height : 0;
      if (overlap && overlap.width >= MIN_VISIBLE.width && overlap.height >= MIN_VISIBLE.height && area > best) {
        best = area;
        target = display;
      }
    }
  }

  const area = (target ?? fallback).workArea;
  const width = Math.min(Math.max(bounds.width, MIN_SIZE.width), area.width);
  const height = Math.min(Math.max(bounds.height, MIN_SIZE.height), area.height);
  if (target && bounds.x !== undefined && bounds.y !== undefined) {
    return {
      x: clamp(bounds.x, area.x, area.x + area.width - width),
      y: clamp(bounds.y, area.y, area.y + area.height - height),
      width,
      height,
    };
  }
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

function intersection(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** The state to save: the un-maximised bounds, so un-maximising after a restart lands somewhere sensible. */
export function captureWindowState(window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized'>): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

export interface WindowStateTracker {
  /** Resolves when every save asked for so far has finished (or failed). */
  flush(): Promise<void>;
}

/**
 * Saves the state after the window is moved or resized (debounced: Linux reports every step of a
 * drag), and at once when it closes. Writes run one after another, so an older state can never
 * overwrite a newer one.
 */
export function trackWindowState(
  window: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'on'>,
  save: (state: WindowState) => Promise<void>,
  debounceMs = 500,
): WindowStateTracker {
  let queue: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const saveNow = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    let state: WindowState;
    try {
      state = captureWindowState(window);
    } catch {
      return; // The window is already destroyed; the last save stands.
    }
    queue = queue.then(() => save(state)).catch((error: unknown) => console.warn('Could not save the window state:', error));
  };
  const saveSoon = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };

  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveNow);
  window.on('unmaximize', saveNow);
  window.on('close', saveNow);

  return { flush: () => queue };
}
