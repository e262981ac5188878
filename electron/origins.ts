/**
 * Where the renderer is loaded from, and which origins the shell trusts.
 *
 * The renderer lives at app://twohats: a privileged, standard and secure custom scheme gives it a
 * real origin (IndexedDB, fetch, a strict CSP) without file://'s access to the whole disk.
 * IndexedDB is keyed by this origin, so changing the scheme or host would leave every user's data
 * behind in the old origin's storage: never rename them.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'twohats';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Also the Windows AppUserModelID, which must match the installer's for notifications to show. */
export const APP_ID = 'app.twohats.desktop';

/**
 * `scheme://host[:port]` of a URL, lower-cased, or null when it has none.
 * WHATWG `URL.origin` is the string "null" for custom schemes, so it cannot compare app:// URLs.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

export interface DevServer {
  /** The page to load, e.g. "http://localhost:5173/". */
  url: string;
  /** Its origin, trusted like app://twohats while developing. */
  origin: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads TWOHATS_DEV_URL. Only a loopback http(s) address is accepted: anything else would let an
 * environment variable hand the bridge (file saving, notifications) to a remote site.
 * A packaged app ignores the variable altogether.
 */
export function resolveDevServer(
  value: string | undefined,
  isPackaged: boolean,
): { devServer: DevServer | null; warning?: string } {
  if (value === undefined || value.trim() === '') return { devServer: null };
  if (isPackaged) return { devServer: null, warning: 'TWOHATS_DEV_URL is ignored in a packaged app.' };
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return { devServer: null, warning: `TWOHATS_DEV_URL is not a URL: ${JSON.stringify(value)}. Loading the built renderer.` };
  }
  const loopback = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && LOOPBACK_HOSTS.has(parsed.hostname);
  if (!loopback || parsed.username !== '' || parsed.password !== '') {
    return {
      devServer: null,
      warning: `TWOHATS_DEV_URL must be a localhost address (e.g. http://localhost:5173), not ${JSON.stringify(value)}. Loading the built renderer.`,
    };
  }
  return { devServer: { url: parsed.href, origin: `${parsed.protocol}//${parsed.host}` } };
}

/** The origins whose pages may navigate, ask for permissions and call the bridge. */
export function trustedOrigins(devOrigin: string | null): readonly string[] {
  return devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin.toLowerCase()];
}

export function isTrustedUrl(url: string, devOrigin: string | null): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins(devOrigin).includes(origin);
}
