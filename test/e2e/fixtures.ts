/**
 * The test fixture every e2e test uses. It fails the test on any console error, uncaught
 * exception or CSP violation, and on any request to a non-local address: the app must never
 * touch the network.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { SettingsPage } from './pages/SettingsPage';

export type Language = 'ja' | 'en';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface Fixtures {
  /** Set with `test.use({ language: 'ja' })`: the browser's (so the "OS") language. */
  language: Language;
  app: AppShell;
  settings: SettingsPage;
  problems: string[];
}

export const test = base.extend<Fixtures>({
  language: ['en', { option: true }],
  locale: async ({ language }, use) => {
    await use(language === 'ja' ? 'ja-JP' : 'en-US');
  },
  problems: async ({ page, context }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    // A CSP violation is a bug even when the code swallowed the exception.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const local = ['blob:', 'data:'].includes(url.protocol) || LOCAL_HOSTS.has(url.hostname);
      if (local) return route.continue();
      problems.push(`network request to ${url.href}`);
      return route.abort();
    });
    await use(problems);
    expect(problems, 'console errors, uncaught exceptions or non-local requests').toEqual([]);
  },
  app: async ({ page, language, problems: _problems }, use) => {
    await use(new AppShell(page, language));
  },
  settings: async ({ page, language }, use) => {
    await use(new SettingsPage(page, language));
  },
});

export { expect };
export type { Page };
