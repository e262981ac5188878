import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedUrl, originOf, resolveDevServer } from '../../../electron/origins';

describe('originOf', () => {
  it('gives scheme and host for the custom scheme, which URL.origin reports as "null"', () => {
    expect(new URL(APP_ENTRY_URL).origin).toBe('null');
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
    expect(originOf('APP://TwoHats/index.html')).toBe(APP_ORIGIN);
  });

  it('keeps the port, so another port is another origin', () => {
    expect(originOf('http://localhost:5173/#/today')).toBe('http://localhost:5173');
    expect(originOf('app://twohats:80/index.html')).toBe('app://twohats:80');
  });

  it('is null for URLs without a host and for non-URLs', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('resolveDevServer', () => {
  it('is off without the variable', () => {
    expect(resolveDevServer(undefined, false)).toEqual({ devServer: null });
    expect(resolveDevServer('  ', false)).toEqual({ devServer: null });
  });

  it('accepts loopback addresses', () => {
    expect(resolveDevServer('http://localhost:5173', false).devServer).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
    });
    expect(resolveDevServer('http://127.0.0.1:5173/', false).devServer?.origin).toBe('http://127.0.0.1:5173');
    expect(resolveDevServer('http://[::1]:5173/', false).devServer?.origin).toBe('http://[::1]:5173');
  });

  it.each([
    'http://evil.example:5173',
    'http://localhost.evil.example:5173',
    'http://localhost@evil.example/',
    'http://user:pass@localhost:5173/',
    'file:///tmp/index.html',
    'javascript:alert(1)',
    'localhost:5173',
  ])('refuses %s with a warning', (value) => {
    const result = resolveDevServer(value, false);
    expect(result.devServer).toBeNull();
    expect(result.warning).toMatch(/TWOHATS_DEV_URL/);
  });

  it('is ignored in a packaged app', () => {
    const result = resolveDevServer('http://localhost:5173', true);
    expect(result.devServer).toBeNull();
    expect(result.warning).toMatch(/packaged/);
  });
});

describe('isTrustedUrl', () => {
  it('trusts the app origin, and the dev origin only while developing', () => {
    expect(isTrustedUrl('app://twohats/index.html#/leads', null)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/', null)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedUrl('app://other/index.html', null)).toBe(false);
  });
});
