import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  withHeader,
} from '../../../electron/security';
import { as, cancellable, fakeFrame, FakeWebContents } from './fakes';

const DEV = 'http://localhost:5173';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows no eval, no inline script and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('closes plugins, base, forms and framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows what the renderer uses: inline styles, data/blob images, data fonts', () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('font-src')).toEqual(["'self'", 'data:']);
  });

  it('in development adds only the inline React refresh preamble and the HMR socket', () => {
    const dev = directives(devContentSecurityPolicy(DEV));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(devContentSecurityPolicy(DEV)).not.toContain('unsafe-eval');
  });
});

describe('isTrustedSender', () => {
  it('trusts the app origin top frame', () => {
    expect(isTrustedSender(fakeFrame('app://twohats/index.html#/today'))).toBe(true);
  });

  it.each([
    'file:///home/user/evil.html',
    'http://evil.example/',
    'https://twohats/',
    'app://evil/index.html',
    'app://twohats:1/index.html',
    'about:blank',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(fakeFrame(url))).toBe(false);
    expect(isTrustedSender(fakeFrame(url), DEV)).toBe(false);
  });

  it('trusts the dev server only while developing', () => {
    expect(isTrustedSender(fakeFrame('http://localhost:5173/#/plan'))).toBe(false);
    expect(isTrustedSender(fakeFrame('http://localhost:5173/#/plan'), DEV)).toBe(true);
    expect(isTrustedSender(fakeFrame('http://localhost:5174/'), DEV)).toBe(false);
  });

  it('refuses sub-frames and missing frames', () => {
    const top = fakeFrame('app://twohats/index.html');
    expect(isTrustedSender(fakeFrame('app://twohats/index.html', top))).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function harden(devOrigin: string | null = null) {
    const contents = new FakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(as<WebContents>(contents), { devOrigin, openExternal });
    return { contents, openExternal };
  }

  it('lets the app navigate within its own origin', () => {
    const { contents } = harden();
    const event = cancellable({ url: 'app://twohats/index.html' });
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented()).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://localhost:5173/', 'javascript:alert(1)'])(
    'stops navigation and redirects to %s',
    (url) => {
      const { contents } = harden();
      const navigation = cancellable({ url });
      const redirect = cancellable({ url });
      contents.emit('will-navigate', navigation);
      contents.emit('will-redirect', redirect);
      expect(navigation.defaultPrevented()).toBe(true);
      expect(redirect.defaultPrevented()).toBe(true);
    },
  );

  it('lets the dev server navigate while developing', () => {
    const { contents } = harden(DEV);
    const event = cancellable({ url: 'http://localhost:5173/' });
    contents.emit('will-navigate', event);
    expect(event.defaultPrevented()).toBe(false);
  });

  it('denies every new window, handing only web and mail links to the browser', () => {
    const { contents, openExternal } = harden();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(open('mailto:boss@example.com')).toEqual({ action: 'deny' });
    expect(open('app://twohats/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('smb://server/share')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/help'], ['mailto:boss@example.com']]);
  });

  it('prevents <webview> from attaching', () => {
    const { contents } = harden();
    const event = cancellable({});
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.defaultPrevented()).toBe(true);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts web and mail links only', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    expect(isSafeExternalUrl('mailto:a@example.com')).toBe(true);
    expect(isSafeExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isSafeExternalUrl('ms-msdt:/id')).toBe(false);
    expect(isSafeExternalUrl('nonsense')).toBe(false);
  });
});

describe('permissions', () => {
  function fakeSession() {
    const fake = {
      requestHandler: undefined as undefined | ((...args: unknown[]) => void),
      checkHandler: undefined as undefined | ((...args: unknown[]) => boolean),
      headersListener: undefined as undefined | ((...args: unknown[]) => void),
      headersFilter: undefined as unknown,
      setPermissionRequestHandler(handler: (...args: unknown[]) => void) {
        fake.requestHandler = handler;
      },
      setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
        fake.checkHandler = handler;
      },
      webRequest: {
        onHeadersReceived(filter: unknown, listener: (...args: unknown[]) => void) {
          fake.headersFilter = filter;
          fake.headersListener = listener;
        },
      },
    };
    return fake;
  }

  function request(session: ReturnType<typeof fakeSession>, permission: string, requestingUrl = 'app://twohats/index.html') {
    let granted: boolean | undefined;
    session.requestHandler?.({}, permission, (answer: boolean) => (granted = answer), { requestingUrl });
    return granted;
  }

  it('grants notifications to the app and nothing else', () => {
    const session = fakeSession();
    hardenSession(as<Session>(session), null);
    expect(request(session, 'notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'midiSysex', 'hid', 'fullscreen']) {
      expect(request(session, permission)).toBe(false);
    }
    expect(session.checkHandler?.(null, 'notifications', 'app://twohats', {})).toBe(true);
    expect(session.checkHandler?.(null, 'media', 'app://twohats', {})).toBe(false);
    expect(session.checkHandler?.(null, 'geolocation', 'app://twohats', {})).toBe(false);
  });

  it('grants nothing to another origin', () => {
    const session = fakeSession();
    hardenSession(as<Session>(session), null);
    expect(request(session, 'notifications', 'https://evil.example/')).toBe(false);
    expect(session.checkHandler?.(null, 'notifications', 'https://evil.example', {})).toBe(false);
    expect(isPermissionAllowed('notifications', 'http://localhost:5173/', null)).toBe(false);
    expect(isPermissionAllowed('notifications', 'http://localhost:5173/', DEV)).toBe(true);
  });

  it('sets the dev CSP on the dev server responses only while developing', () => {
    const production = fakeSession();
    hardenSession(as<Session>(production), null);
    expect(production.headersListener).toBeUndefined();

    const dev = fakeSession();
    hardenSession(as<Session>(dev), DEV);
    expect(dev.headersFilter).toEqual({ urls: ['http://localhost:5173/*'] });
    const callback = vi.fn();
    dev.headersListener?.({ url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [devContentSecurityPolicy(DEV)] },
    });
  });
});

describe('withHeader', () => {
  it('replaces a header whatever its case', () => {
    expect(withHeader({ 'X-A': ['1'], 'x-b': ['2'] }, 'X-B', '3')).toEqual({ 'X-A': ['1'], 'X-B': ['3'] });
  });
});
