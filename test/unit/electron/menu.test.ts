import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/bridge';
import { LANGUAGES, type Language } from '../../../shared/domain/model/settings';
import { applyMenu, buildMenuTemplate, MENU_ACCELERATORS } from '../../../electron/menu';
import { MENU_LABELS } from '../../../electron/menu-labels';
import { as } from './fakes';

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

/** Every item of the template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(language: Language = 'en', platform: NodeJS.Platform = 'win32', isPackaged = true) {
  const send = vi.fn<(command: MenuCommand) => void>();
  return { template: buildMenuTemplate(language, platform, send, { isPackaged }), send };
}

function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('MENU_LABELS', () => {
  it('has the same labels in Japanese and English, none empty', () => {
    expect(leafPaths(MENU_LABELS.ja).sort()).toEqual(leafPaths(MENU_LABELS.en).sort());
    for (const language of LANGUAGES) {
      for (const key of leafPaths(MENU_LABELS[language])) {
        const label = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], MENU_LABELS[language]);
        expect(typeof label === 'string' && label.trim().length > 0, `${language}.${key}`).toBe(true);
      }
    }
  });

  it('names every menu command in both languages', () => {
    for (const language of LANGUAGES) expect(Object.keys(MENU_LABELS[language].navigate).sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('is really translated: Japanese labels differ from English ones apart from the app name', () => {
    const en = leafPaths(MENU_LABELS.en);
    const same = en.filter((key) => {
      const pick = (labels: object) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], labels);
      return pick(MENU_LABELS.ja) === pick(MENU_LABELS.en);
    });
    expect(same).toEqual([]);
  });
});

describe('buildMenuTemplate', () => {
  it.each(PLATFORMS.flatMap((platform) => LANGUAGES.map((language) => [platform, language] as const)))(
    'on %s in %s offers every screen exactly once, with its shortcut',
    (platform, language) => {
      const { template, send } = build(language, platform);
      for (const command of MENU_COMMANDS) {
        const matching = items(template).filter((item) => item.id === command);
        expect(matching, command).toHaveLength(1);
        const [item] = matching;
        expect(item?.accelerator).toBe(MENU_ACCELERATORS[command]);
        item?.click?.(as(), undefined, as());
        expect(send).toHaveBeenLastCalledWith(command);
      }
      expect(send).toHaveBeenCalledTimes(MENU_COMMANDS.length);
    },
  );

  it('labels everything in the chosen language, role items included', () => {
    for (const language of LANGUAGES) {
      for (const platform of PLATFORMS) {
        const labelled = items(build(language, platform, false).template).filter((item) => item.type !== 'separator');
        for (const item of labelled) expect(item.label, `${platform} ${language} ${item.role ?? item.id}`).toBeTruthy();
      }
    }
    const ja = items(build('ja', 'win32').template).map((item) => item.label);
    expect(ja).toEqual(expect.arrayContaining(['ファイル', '編集', '表示', '今日', 'リード', '小さな成功', '設定', 'コピー']));
  });

  it('uses each shortcut once', () => {
    for (const platform of PLATFORMS) {
      const accelerators = items(build('en', platform, false).template).flatMap((item) => (item.accelerator ? [item.accelerator] : []));
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('has the app menu and Settings in it on macOS only', () => {
    const mac = build('en', 'darwin').template;
    expect(mac.map((item) => item.label)).toEqual(['TwoHats', 'File', 'Edit', 'View', 'Window']);
    const appMenu = mac[0]?.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((item) => item.role ?? item.id).filter(Boolean)).toEqual(['about', 'navigate:settings', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);

    const windows = build('en', 'win32').template;
    expect(windows.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const view = windows[2]?.submenu as MenuItemConstructorOptions[];
    expect(view.some((item) => item.id === 'navigate:settings')).toBe(true);
  });

  it('quits from File on Windows and Linux, closes the window on macOS', () => {
    const file = (platform: NodeJS.Platform) => (build('en', platform).template.find((item) => item.label === 'File')?.submenu as MenuItemConstructorOptions[])[0];
    expect(file('win32')).toMatchObject({ role: 'quit', label: 'Exit' });
    expect(file('linux')).toMatchObject({ role: 'quit', label: 'Quit' });
    expect(file('darwin')).toMatchObject({ role: 'close', label: 'Close Window' });
  });

  it('has the standard editing roles, so copy and paste work in text fields', () => {
    const roles = items(build().template).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'togglefullscreen', 'zoomIn', 'zoomOut', 'resetZoom', 'about']));
  });

  it('offers reload and developer tools only in development', () => {
    for (const platform of PLATFORMS) {
      const packaged = items(build('en', platform, true).template).map((item) => item.role);
      const dev = items(build('en', platform, false).template).map((item) => item.role);
      for (const role of ['reload', 'forceReload', 'toggleDevTools'] as const) {
        expect(packaged).not.toContain(role);
        expect(dev).toContain(role);
      }
    }
  });
});

describe('applyMenu', () => {
  it('builds the template and installs it', () => {
    const built = { built: true };
    const Menu = { buildFromTemplate: vi.fn(() => built), setApplicationMenu: vi.fn() };
    const { template } = build();
    applyMenu(as(Menu), template);
    expect(Menu.buildFromTemplate).toHaveBeenCalledWith(template);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});
