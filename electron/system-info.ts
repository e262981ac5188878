/** What the renderer needs to know about the machine it runs on (bridge.getSystemInfo). */
import type { App } from 'electron';
import type { SystemInfo } from '../shared/bridge';

export function systemInfo(app: Pick<App, 'getPreferredSystemLanguages' | 'getLocale' | 'getVersion'>, platform: string): SystemInfo {
  return {
    shell: 'electron',
    locale: osLocale(app),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    appVersion: app.getVersion(),
    platform,
  };
}

/**
 * The user's first preferred language in the OS. app.getLocale() is Chromium's UI locale, which on
 * Linux follows LANG and may differ from what the user chose in their desktop settings.
 */
export function osLocale(app: Pick<App, 'getPreferredSystemLanguages' | 'getLocale'>): string {
  const preferred = app.getPreferredSystemLanguages()[0];
  return preferred !== undefined && preferred !== '' ? preferred : app.getLocale();
}
