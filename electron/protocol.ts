/**
 * Serves the built renderer (dist/renderer) at app://twohats/. Only that host, only files inside
 * the renderer folder, and every response carries the CSP, so the policy holds even if
 * index.html's own meta tag is ever lost.
 */
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './origins';
import { CONTENT_SECURITY_POLICY } from './security';

/** standard + secure give app:// a real origin with IndexedDB; fetch() lets the renderer load its own files. */
export const APP_SCHEME_REGISTRATION = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const satisfies CustomScheme;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppAsset {
  filePath: string;
  mimeType: string;
}

/**
 * Maps an app:// URL to a file under `rootDir`, or null when it names another host or anything
 * outside the folder. Chromium normalises `..` before a request reaches the handler, but an
 * encoded slash (`%2e%2e%2f`) only turns into one after decoding, so the check is made again on
 * the decoded path and once more on the resolved one.
 */
export function resolveAppRequest(url: string, rootDir: string): AppAsset | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Backslashes are separators on Windows; ':' would name a drive or an NTFS stream.
  if (pathname.includes('\\') || pathname.includes(':') || pathname.includes('\0')) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  // No `..`, and no dot-files: the build emits none, so one asked for is not ours to serve.
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  if (segments.length === 0 || pathname.endsWith('/')) segments.push('index.html');

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return { filePath, mimeType: mimeTypeOf(filePath) };
}

export function responseHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // An update replaces the files under the same names (index.html at least): never reuse old ones.
    'Cache-Control': 'no-cache',
  };
}

export interface AppProtocolOptions {
  /** dist/renderer, possibly inside app.asar (Electron's fs reads from it transparently). */
  rootDir: string;
  readFile(filePath: string): Promise<Uint8Array<ArrayBuffer>>;
}

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** The function for `protocol.handle('app', …)`. */
export function createAppProtocolHandler({ rootDir, readFile }: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const asset = resolveAppRequest(request.url, rootDir);
    if (!asset) return plain(404, 'Not found');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(asset.filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code !== undefined && NOT_FOUND_CODES.has(code)) return plain(404, 'Not found');
      console.error(`app:// could not read ${asset.filePath}:`, error);
      return plain(500, 'Could not read the file');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: responseHeaders(asset.mimeType),
    });
  };
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...responseHeaders('text/plain; charset=utf-8'), ...extra } });
}
