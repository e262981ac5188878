/**
 * The native menu, rebuilt whenever the user switches language. Screen items do not navigate
 * themselves: they send a MenuCommand to the renderer, which owns routing.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../shared/bridge';
import type { Language } from '../shared/domain/model/settings';
import { MENU_LABELS } from './menu-labels';

/** The same keys the renderer shows in its navigation tooltips (renderer/app/routes.ts). */
export const MENU_ACCELERATORS: Record<MenuCommand, string> = {
  'navigate:today': 'CmdOrCtrl+1',
  'navigate:plan': 'CmdOrCtrl+2',
  'navigate:leads': 'CmdOrCtrl+3',
  'navigate:wins': 'CmdOrCtrl+4',
  'navigate:metrics': 'CmdOrCtrl+5',
  'navigate:reports': 'CmdOrCtrl+6',
  'navigate:settings': 'CmdOrCtrl+,',
};

export interface MenuOptions {
  /** Reload and developer tools are for development only. */
  isPackaged: boolean;
}

export function buildMenuTemplate(
  language: Language,
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  { isPackaged }: MenuOptions,
): MenuItemConstructorOptions[] {
  const labels = MENU_LABELS[language];
  const mac = platform === 'darwin';
  const item = (command: MenuCommand): MenuItemConstructorOptions => ({
    id: command,
    label: labels.navigate[command],
    accelerator: MENU_ACCELERATORS[command],
    click: () => send(command),
  });
  // A fresh object each time: Electron builds items from the template and may annotate them.
  const separator = (): MenuItemConstructorOptions => ({ type: 'separator' });
  // macOS keeps Settings in the app menu (Cmd+,); elsewhere it closes the list of screens.
  const screens = MENU_COMMANDS.filter((command) => !(mac && command === 'navigate:settings'));

  const appMenu: MenuItemConstructorOptions = {
    label: 'TwoHats',
    submenu: [
      { role: 'about', label: labels.app.about },
      separator(),
      { ...item('navigate:settings'), label: labels.app.settings },
      separator(),
      { role: 'services', label: labels.app.services },
      separator(),
      { role: 'hide', label: labels.app.hide },
      { role: 'hideOthers', label: labels.app.hideOthers },
      { role: 'unhide', label: labels.app.showAll },
      separator(),
      { role: 'quit', label: labels.app.quit },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file.title,
    submenu: [mac ? { role: 'close', label: labels.file.close } : { role: 'quit', label: platform === 'win32' ? labels.file.exit : labels.file.quit }],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit.title,
    submenu: [
      { role: 'undo', label: labels.edit.undo },
      { role: 'redo', label: labels.edit.redo },
      separator(),
      { role: 'cut', label: labels.edit.cut },
      { role: 'copy', label: labels.edit.copy },
      { role: 'paste', label: labels.edit.paste },
      { role: 'selectAll', label: labels.edit.selectAll },
    ],
  };

  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        separator(),
        { role: 'reload', label: labels.view.reload },
        { role: 'forceReload', label: labels.view.forceReload },
        { role: 'toggleDevTools', label: labels.view.toggleDevTools },
      ];
  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view.title,
    submenu: [
      ...screens.flatMap((command) => (command === 'navigate:settings' ? [separator(), item(command)] : [item(command)])),
      separator(),
      { role: 'resetZoom', label: labels.view.resetZoom },
      { role: 'zoomIn', label: labels.view.zoomIn },
      { role: 'zoomOut', label: labels.view.zoomOut },
      separator(),
      { role: 'togglefullscreen', label: labels.view.toggleFullScreen },
      ...developer,
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: labels.window.title,
    role: 'window',
    submenu: mac
      ? [
          { role: 'minimize', label: labels.window.minimize },
          { role: 'zoom', label: labels.window.zoom },
          separator(),
          { role: 'front', label: labels.window.front },
        ]
      : [
          { role: 'minimize', label: labels.window.minimize },
          { role: 'close', label: labels.window.close },
        ],
  };

  // macOS has About in the app menu, so a Help menu would only repeat it.
  const helpMenu: MenuItemConstructorOptions = {
    label: labels.help.title,
    submenu: [{ role: 'about', label: labels.help.about }],
  };

  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu] : [fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Replaces the application menu with the given language's. */
export function applyMenu(
  MenuClass: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  template: MenuItemConstructorOptions[],
): void {
  MenuClass.setApplicationMenu(MenuClass.buildFromTemplate(template));
}
