import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimerStatus } from '../../../shared/bridge';
import {
  createTimerTray,
  DEFAULT_TIMER_STATUS,
  formatElapsed,
  loadTrayImage,
  TOOLTIP_MAX_LENGTH,
  TRAY_REFRESH_MS,
  trayIconFiles,
  trayMenuTemplate,
  trayTitle,
  trayTooltip,
  type TrayActions,
} from '../../../electron/tray';
import { as, FakeTray } from './fakes';

const NOW = Date.parse('2026-11-02T10:00:00+09:00');
const MINUTE = 60_000;

const labels = { start: 'タイマー開始', stop: 'タイマー停止', open: 'TwoHats を開く', quit: 'TwoHats を終了' };
const running = (minutesAgo: number, label = 'Marketing · Nov newsletter'): TimerStatus => ({
  state: 'running',
  label,
  runningSince: NOW - minutesAgo * MINUTE,
  menuLabels: labels,
});
const paused: TimerStatus = { state: 'paused', label: 'Sales · Follow-ups', runningSince: null, menuLabels: labels };
const idle: TimerStatus = { state: 'idle', label: '', runningSince: null, menuLabels: labels };

function actions() {
  return { toggle: vi.fn(), open: vi.fn(), quit: vi.fn() } satisfies TrayActions;
}

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:00'],
    [MINUTE, '0:01'],
    [25 * MINUTE + 59_000, '0:25'],
    [60 * MINUTE, '1:00'],
    [10 * 60 * MINUTE + 5 * MINUTE, '10:05'],
    [-5 * MINUTE, '0:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe('trayTooltip', () => {
  it('names the app when nothing runs', () => {
    expect(trayTooltip(idle, NOW)).toBe('TwoHats');
    expect(trayTooltip(DEFAULT_TIMER_STATUS, NOW)).toBe('TwoHats');
  });

  it('shows the label and the time since runningSince while running', () => {
    expect(trayTooltip(running(25), NOW)).toBe('Marketing · Nov newsletter — 0:25');
    expect(trayTooltip(running(25), NOW + 40 * MINUTE)).toBe('Marketing · Nov newsletter — 1:05');
    expect(trayTooltip(running(0, ''), NOW)).toBe('TwoHats — 0:00');
  });

  it('shows the label alone while paused', () => {
    expect(trayTooltip(paused, NOW)).toBe('Sales · Follow-ups');
  });

  it('stays within the Windows limit, keeping the time', () => {
    const long = running(95, '営'.repeat(200));
    const tooltip = trayTooltip(long, NOW);
    expect([...tooltip].length).toBe(TOOLTIP_MAX_LENGTH);
    expect(tooltip.endsWith('… — 1:35')).toBe(true);
    expect([...trayTooltip({ ...paused, label: 'x'.repeat(200) }, NOW)].length).toBe(TOOLTIP_MAX_LENGTH);
  });
});

describe('trayTitle', () => {
  it('shows the elapsed time beside the icon only while running', () => {
    expect(trayTitle(running(25), NOW)).toBe(' 0:25');
    expect(trayTitle(paused, NOW)).toBe('');
    expect(trayTitle(idle, NOW)).toBe('');
  });
});

describe('trayMenuTemplate', () => {
  const clickable = (template: MenuItemConstructorOptions[]) => template.filter((item) => item.type !== 'separator');

  it('offers Start when idle or paused and Stop while running, in the given language', () => {
    expect(trayMenuTemplate(idle, actions()).find((item) => item.id === 'timer-toggle')?.label).toBe('タイマー開始');
    expect(trayMenuTemplate(paused, actions()).find((item) => item.id === 'timer-toggle')?.label).toBe('タイマー開始');
    expect(trayMenuTemplate(running(3), actions()).find((item) => item.id === 'timer-toggle')?.label).toBe('タイマー停止');
    expect(clickable(trayMenuTemplate(idle, actions())).map((item) => item.label)).toEqual(['タイマー開始', 'TwoHats を開く', 'TwoHats を終了']);
  });

  it('starts in English before the renderer has said anything', () => {
    expect(clickable(trayMenuTemplate(DEFAULT_TIMER_STATUS, actions())).map((item) => item.label)).toEqual(['Start timer', 'Open TwoHats', 'Quit TwoHats']);
  });

  it('heads the menu with what the timer is on (Linux panels show no tooltip)', () => {
    const [header] = trayMenuTemplate(running(3), actions());
    expect(header).toMatchObject({ id: 'timer-label', label: 'Marketing · Nov newsletter', enabled: false });
    expect(trayMenuTemplate(paused, actions())[0]).toMatchObject({ label: 'Sales · Follow-ups', enabled: false });
    expect(trayMenuTemplate(idle, actions()).some((item) => item.id === 'timer-label')).toBe(false);
    const long = trayMenuTemplate(running(3, 'y'.repeat(200)), actions())[0]?.label ?? '';
    expect([...long].length).toBe(60);
  });

  it('wires each item to its action', () => {
    const spy = actions();
    const template = trayMenuTemplate(running(3), spy);
    for (const id of ['timer-toggle', 'open', 'quit']) template.find((item) => item.id === id)?.click?.(as(), undefined, as());
    expect(spy.toggle).toHaveBeenCalledTimes(1);
    expect(spy.open).toHaveBeenCalledTimes(1);
    expect(spy.quit).toHaveBeenCalledTimes(1);
  });
});

describe('createTimerTray', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setUp(platform: NodeJS.Platform = 'darwin') {
    const tray = new FakeTray();
    const Menu = { buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => ({ template })) };
    const spy = actions();
    const timerTray = createTimerTray({ tray: as(tray), Menu: as(Menu), platform, now: () => Date.now(), actions: spy });
    const menuLabels = () => (tray.menu as { template: MenuItemConstructorOptions[] }).template.map((item) => item.label).filter(Boolean);
    return { tray, Menu, actions: spy, timerTray, menuLabels };
  }

  it('starts idle, in English', () => {
    const { tray, menuLabels } = setUp();
    expect(tray.toolTip).toBe('TwoHats');
    expect(tray.title).toBe('');
    expect(menuLabels()).toEqual(['Start timer', 'Open TwoHats', 'Quit TwoHats']);
  });

  it('shows a running timer and refreshes it every 30 s', () => {
    const { tray, timerTray, menuLabels } = setUp();
    timerTray.update(running(25));
    expect(tray.toolTip).toBe('Marketing · Nov newsletter — 0:25');
    expect(tray.title).toBe(' 0:25');
    expect(tray.titleOptions).toEqual({ fontType: 'monospacedDigit' });
    expect(menuLabels()).toContain('タイマー停止');

    vi.advanceTimersByTime(TRAY_REFRESH_MS);
    expect(tray.title).toBe(' 0:25');
    vi.advanceTimersByTime(TRAY_REFRESH_MS);
    expect(tray.title).toBe(' 0:26');
    expect(tray.toolTip).toBe('Marketing · Nov newsletter — 0:26');
    vi.advanceTimersByTime(59 * 2 * TRAY_REFRESH_MS);
    expect(tray.title).toBe(' 1:25');
  });

  it('keeps one refresh however often the status comes, and stops it when the timer stops', () => {
    const { tray, timerTray } = setUp();
    timerTray.update(running(1));
    timerTray.update(running(1, 'Marketing · Blog'));
    expect(vi.getTimerCount()).toBe(1);
    timerTray.update(paused);
    expect(vi.getTimerCount()).toBe(0);
    expect(tray.title).toBe('');
    expect(tray.toolTip).toBe('Sales · Follow-ups');
    timerTray.update(idle);
    expect(tray.toolTip).toBe('TwoHats');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sets no title outside macOS, and opens the app on a click there', () => {
    const { tray, timerTray, actions: spy } = setUp('win32');
    const setTitle = vi.spyOn(tray, 'setTitle');
    timerTray.update(running(5));
    expect(setTitle).not.toHaveBeenCalled();
    expect(tray.toolTip).toBe('Marketing · Nov newsletter — 0:05');
    tray.emit('click');
    expect(spy.open).toHaveBeenCalledTimes(1);
  });

  it('leaves a click to the menu on macOS', () => {
    const { tray } = setUp('darwin');
    expect(tray.listenerCount('click')).toBe(0);
  });

  it('stops refreshing and removes the icon on dispose', () => {
    const { tray, timerTray } = setUp();
    timerTray.update(running(1));
    timerTray.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(tray.destroyed).toBe(true);
  });
});

describe('tray icon', () => {
  const ASSETS = path.join(import.meta.dirname, '../../../electron/assets');
  /** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
  const header = (file: string) => {
    const bytes = readFileSync(path.join(ASSETS, file));
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), depth: bytes[24], colourType: bytes[25] };
  };

  it('ships 16 px and 32 px RGBA icons, in colour and as a macOS template', () => {
    for (const [file, size] of [
      ['tray.png', 16],
      ['tray@2x.png', 32],
      ['trayTemplate.png', 16],
      ['trayTemplate@2x.png', 32],
    ] as const) {
      expect(header(file), file).toEqual({ width: size, height: size, depth: 8, colourType: 6 });
    }
  });

  it('picks the template image on macOS and the colour one elsewhere', () => {
    const mac = trayIconFiles('darwin');
    expect(mac.template).toBe(true);
    expect(mac.files.map(({ scaleFactor, file }) => [scaleFactor, path.basename(file)])).toEqual([
      [1, 'trayTemplate.png'],
      [2, 'trayTemplate@2x.png'],
    ]);
    const windows = trayIconFiles('win32');
    expect(windows.template).toBe(false);
    expect(windows.files.map(({ file }) => path.basename(file))).toEqual(['tray.png', 'tray@2x.png']);
  });

  function fakeImage() {
    const representations: { scaleFactor: number; buffer: Buffer }[] = [];
    const image = {
      representations,
      template: false,
      addRepresentation: (options: { scaleFactor: number; buffer: Buffer }) => void representations.push(options),
      setTemplateImage(template: boolean) {
        image.template = template;
      },
    };
    return image;
  }

  it('builds the image from both sizes, read from the folder of main.cjs', () => {
    const image = fakeImage();
    const read = vi.fn((file: string) => Buffer.from(file));
    const result = loadTrayImage({ createEmpty: () => as<NativeImage>(image) }, read, '/app/dist/electron', 'darwin');
    expect(result).toBe(image);
    expect(image.representations.map(({ scaleFactor, buffer }) => [scaleFactor, path.basename(buffer.toString())])).toEqual([
      [1, 'trayTemplate.png'],
      [2, 'trayTemplate@2x.png'],
    ]);
    expect(read.mock.calls.every(([file]) => file.startsWith(path.normalize('/app/dist/electron')))).toBe(true);
    expect(image.template).toBe(true);
  });

  it('carries on without a missing file, saying which', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const image = fakeImage();
    const read = (file: string) => {
      if (file.includes('@2x')) throw new Error('ENOENT');
      return Buffer.from('png');
    };
    loadTrayImage({ createEmpty: () => as<NativeImage>(image) }, read, '/app', 'linux');
    expect(image.representations.map(({ scaleFactor }) => scaleFactor)).toEqual([1]);
    expect(image.template).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('tray@2x.png'), expect.any(Error));
    warn.mockRestore();
  });
});
