/** The desktop shell's bridge, exposed by electron/preload.ts through contextBridge. */
import type { Bridge } from '../../shared/bridge';

declare global {
  interface Window {
    twohats?: Bridge;
  }
}

export function desktopBridge(): Bridge | null {
  return typeof window !== 'undefined' && window.twohats ? window.twohats : null;
}
