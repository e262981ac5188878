/**
 * The native menu's words in each language. Electron's role items are English only, so every item
 * is labelled here. The screen names match renderer/i18n (nav.*) and DOMAIN.md's word list.
 */
import type { MenuCommand } from '../shared/bridge';
import type { Language } from '../shared/domain/model/settings';

export interface MenuLabels {
  app: { about: string; settings: string; services: string; hide: string; hideOthers: string; showAll: string; quit: string };
  file: { title: string; close: string; quit: string; exit: string };
  edit: { title: string; undo: string; redo: string; cut: string; copy: string; paste: string; selectAll: string };
  view: {
    title: string;
    reload: string;
    forceReload: string;
    toggleDevTools: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    toggleFullScreen: string;
  };
  navigate: Record<MenuCommand, string>;
  window: { title: string; minimize: string; zoom: string; front: string; close: string };
  help: { title: string; about: string };
}

export const MENU_LABELS: Record<Language, MenuLabels> = {
  en: {
    app: {
      about: 'About TwoHats',
      settings: 'Settings…',
      services: 'Services',
      hide: 'Hide TwoHats',
      hideOthers: 'Hide Others',
      showAll: 'Show All',
      quit: 'Quit TwoHats',
    },
    file: { title: 'File', close: 'Close Window', quit: 'Quit', exit: 'Exit' },
    edit: { title: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All' },
    view: {
      title: 'View',
      reload: 'Reload',
      forceReload: 'Force Reload',
      toggleDevTools: 'Toggle Developer Tools',
      resetZoom: 'Actual Size',
      zoomIn: 'Zoom In',
      zoomOut: 'Zoom Out',
      toggleFullScreen: 'Toggle Full Screen',
    },
    navigate: {
      'navigate:today': 'Today',
      'navigate:plan': 'Plan',
      'navigate:leads': 'Leads',
      'navigate:wins': 'Wins',
      'navigate:metrics': 'Metrics',
      'navigate:reports': 'Reports',
      'navigate:settings': 'Settings',
    },
    window: { title: 'Window', minimize: 'Minimize', zoom: 'Zoom', front: 'Bring All to Front', close: 'Close' },
    help: { title: 'Help', about: 'About TwoHats' },
  },
  ja: {
    app: {
      about: 'TwoHats について',
      settings: '設定…',
      services: 'サービス',
      hide: 'TwoHats を隠す',
      hideOthers: 'ほかを隠す',
      showAll: 'すべてを表示',
      quit: 'TwoHats を終了',
    },
    file: { title: 'ファイル', close: 'ウインドウを閉じる', quit: '終了', exit: '終了' },
    edit: { title: '編集', undo: '取り消す', redo: 'やり直す', cut: '切り取り', copy: 'コピー', paste: '貼り付け', selectAll: 'すべてを選択' },
    view: {
      title: '表示',
      reload: '再読み込み',
      forceReload: '強制再読み込み',
      toggleDevTools: '開発者ツールの表示/非表示',
      resetZoom: '実際のサイズ',
      zoomIn: '拡大',
      zoomOut: '縮小',
      toggleFullScreen: 'フルスクリーンの切り替え',
    },
    navigate: {
      'navigate:today': '今日',
      'navigate:plan': '計画',
      'navigate:leads': 'リード',
      'navigate:wins': '小さな成功',
      'navigate:metrics': '指標',
      'navigate:reports': 'レポート',
      'navigate:settings': '設定',
    },
    window: { title: 'ウインドウ', minimize: '最小化', zoom: 'ズーム', front: 'すべてを手前に移動', close: '閉じる' },
    help: { title: 'ヘルプ', about: 'TwoHats について' },
  },
};
