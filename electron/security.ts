/**
 * The shell's guards, after Electron's security checklist: a strict CSP, no navigation away from
 * the app, no new windows, no <webview>, no permissions but notifications, and IPC only from the
 * app's own top-level frame. Each takes the Electron objects it guards, so tests can pass fakes.
 */
import type { Session, WebContents, WebFrameMain } from 'electron';
import { isTrustedUrl } from './origins';

// One policy for both shells: see shared/csp.ts.
export { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

/**
 * The dev server's policy: the same, except that Vite's React refresh preamble is an inline
 * module script and hot reload talks over a WebSocket to the dev server.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const socket = devOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${socket}`,
  );
}

/** Permissions the app may use; everything else (camera, microphone, location…) is refused. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export function isPermissionAllowed(permission: string, requestingUrl: string, devOrigin: string | null): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, devOrigin);
}

/**
 * True only for the app's own top-level frame. A sub-frame or a page that navigated elsewhere
 * must not reach the bridge, whatever the preload exposed to it.
 */
export function isTrustedSender(
  frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined,
  devOrigin: string | null = null,
): boolean {
  if (!frame || frame.parent !== null) return false;
  return isTrustedUrl(frame.url, devOrigin);
}

/** Links the user may open in their browser: web pages and e-mail, never file: or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

export interface ContentsGuardOptions {
  devOrigin: string | null;
  /** Hands a safe link to the system browser (shell.openExternal). */
  openExternal(url: string): void;
}

/** Applies the navigation, new-window and webview guards to one webContents. */
export function hardenWebContents(contents: WebContents, { devOrigin, openExternal }: ContentsGuardOptions): void {
  const keepInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isTrustedUrl(event.url, devOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Never a second app window; a plain web link goes to the user's browser instead.
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Permission handlers for the session, and in development the dev server's CSP. */
export function hardenSession(session: Session, devOrigin: string | null): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, devOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, devOrigin),
  );
  if (devOrigin !== null) {
    // app:// responses carry their CSP from the protocol handler; the dev server's get it here.
    const policy = devContentSecurityPolicy(devOrigin);
    session.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
      callback({ responseHeaders: withHeader(details.responseHeaders ?? {}, 'Content-Security-Policy', policy) });
    });
  }
}

/** Replaces a header whatever the case of its existing name. */
export function withHeader(
  headers: Record<string, string[]>,
  name: string,
  value: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(headers)) {
    if (key.toLowerCase() !== name.toLowerCase()) result[key] = values;
  }
  result[name] = [value];
  return result;
}
