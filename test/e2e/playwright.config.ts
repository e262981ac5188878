/**
 * e2e tests drive the built renderer (dist/renderer) in a system Chromium — Debian's `chromium`
 * here, or CHROME_PATH — with real IndexedDB, because the Electron binary cannot be downloaded on
 * every machine. Build first (`npm run build`); `npm test` does. The `bench` project holds the
 * browser benchmarks in test/bench/.
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

const PORT = Number(process.env.E2E_PORT ?? 4174);

function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
  if (!found) throw new Error('No Chromium found: install Debian’s `chromium` package or set CHROME_PATH.');
  return found;
}

export default defineConfig({
  // E2E_OUTPUT keeps two people's runs from wiping each other's traces.
  outputDir: process.env.E2E_OUTPUT ?? '../../test-results',
  projects: [
    { name: 'e2e', testDir: '.', testMatch: '**/*.spec.ts' },
    // Benchmarks print figures and assert nothing about time: `npm run bench:startup`.
    { name: 'bench', testDir: '../bench', testMatch: '**/*.spec.ts', timeout: 600_000 },
  ],
  fullyParallel: true,
  workers: 2,
  // One retry on CI only: a 2-core machine under load occasionally drops a keystroke in a fast-typing test.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    // E2E_OUT_DIR lets two people test two builds at once (relative to renderer/, e.g. ../dist/renderer-x).
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1${process.env.E2E_OUT_DIR ? ` --outDir ${process.env.E2E_OUT_DIR}` : ''}`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
