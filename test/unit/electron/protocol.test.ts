import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_REGISTRATION, createAppProtocolHandler, mimeTypeOf, resolveAppRequest } from '../../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security';

const root = path.resolve('/srv/twohats/dist/renderer');

describe('APP_SCHEME_REGISTRATION', () => {
  it('makes app:// standard and secure (IndexedDB needs both) and fetchable', () => {
    expect(APP_SCHEME_REGISTRATION).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('resolveAppRequest', () => {
  it('serves files under the renderer folder with their type', () => {
    expect(resolveAppRequest('app://twohats/index.html', root)).toEqual({
      filePath: path.join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://twohats/assets/index-abc123.js', root)).toEqual({
      filePath: path.join(root, 'assets', 'index-abc123.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
  });

  it('serves index.html for the root and for folders', () => {
    expect(resolveAppRequest('app://twohats/', root)?.filePath).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://twohats', root)?.filePath).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://twohats/docs/', root)?.filePath).toBe(path.join(root, 'docs', 'index.html'));
  });

  it('ignores the query and the fragment', () => {
    expect(resolveAppRequest('app://twohats/index.html?x=1#/leads', root)?.filePath).toBe(path.join(root, 'index.html'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppRequest('app://twohats/assets/a%20b.png', root)?.filePath).toBe(path.join(root, 'assets', 'a b.png'));
  });

  it.each([
    'app://twohats/../../etc/passwd',
    'app://twohats/%2e%2e/%2e%2e/etc/passwd',
    'app://twohats/assets/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
  ])('keeps %s inside the folder', (url) => {
    const asset = resolveAppRequest(url, root);
    // The URL parser already folds these `..`; what is left must still be under the root.
    if (asset) expect(path.relative(root, asset.filePath).startsWith('..')).toBe(false);
    expect(asset?.filePath).not.toBe('/etc/passwd');
  });

  it.each([
    'app://twohats/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://twohats/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://twohats/..%5c..%5cwindows%5cwin.ini',
    'app://twohats/C:%2fWindows%2fwin.ini',
    'app://twohats/index.html%00.png',
    'app://twohats/.env',
    'app://twohats/assets/.git/config',
    'app://twohats/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://twohats.evil/index.html',
    'app://twohats:8080/index.html',
    'app://user@twohats/index.html',
    'http://twohats/index.html',
    'file:///srv/twohats/dist/renderer/index.html',
    'not a url',
  ])('refuses other hosts and schemes: %s', (url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });
});

describe('mimeTypeOf', () => {
  it('knows the build outputs and falls back to bytes', () => {
    expect(mimeTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('a.SVG')).toBe('image/svg+xml');
    expect(mimeTypeOf('a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a.js.map')).toBe('application/json; charset=utf-8');
    expect(mimeTypeOf('a.unknown')).toBe('application/octet-stream');
    expect(mimeTypeOf('LICENSE')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let outside: string;
  beforeAll(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'twohats-protocol-'));
    dir = path.join(base, 'renderer');
    outside = path.join(base, 'secret.txt');
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>TwoHats</title>');
    await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(outside, 'secret');
  });
  afterAll(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  const handler = () => createAppProtocolHandler({ rootDir: dir, readFile: (file) => readFile(file) });

  it('serves a file with its type and the CSP', async () => {
    const response = await handler()(new Request('app://twohats/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>TwoHats</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html at the root', async () => {
    const response = await handler()(new Request('app://twohats/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('TwoHats');
  });

  it('answers HEAD without a body', async () => {
    const response = await handler()(new Request('app://twohats/assets/app.js', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('answers 404 for missing files and folders, with the CSP', async () => {
    const missing = await handler()(new Request('app://twohats/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler()(new Request('app://twohats/assets'))).status).toBe(404);
  });

  it('never reads a file outside the folder', async () => {
    const read: string[] = [];
    const spy = createAppProtocolHandler({ rootDir: dir, readFile: (file) => (read.push(file), readFile(file)) });
    for (const url of ['app://twohats/%2e%2e%2fsecret.txt', 'app://twohats/..%2fsecret.txt', 'app://other/secret.txt']) {
      const response = await spy(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
    expect(read).toEqual([]);
    expect(await readFile(outside, 'utf8')).toBe('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request('app://twohats/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 500 when the file cannot be read for another reason', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const failing = createAppProtocolHandler({ rootDir: dir, readFile: () => Promise.reject(denied) });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect((await failing(new Request('app://twohats/index.html'))).status).toBe(500);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });
});
