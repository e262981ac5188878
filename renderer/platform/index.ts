/** Picks the bridge once: the Electron preload's when present, the browser's otherwise. */
import type { Bridge } from '../../shared/bridge';
import { desktopBridge } from './desktop';
import { webBridge } from './web';

let bridge: Bridge | null = null;

export function platform(): Bridge {
  bridge ??= desktopBridge() ?? webBridge();
  return bridge;
}

export function isDesktop(): boolean {
  return desktopBridge() !== null;
}
