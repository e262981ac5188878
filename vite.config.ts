import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './shared/csp.ts';

/**
 * The built page carries the app's CSP in a <meta> tag (Electron also sends it as a header).
 * Only in builds: the dev server's React refresh needs an inline script.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'twohats-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

// The renderer is built from renderer/ into dist/renderer with relative asset paths, so the same
// files load from Electron's app:// protocol and from any local static server.
// Unit tests run twice for shared/ (two time zones), because every figure depends on the calendar.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    reportCompressedSize: true,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  test: {
    root: '.',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          env: { TZ: 'Asia/Tokyo' },
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-los-angeles',
          include: ['test/unit/shared/**/*.test.ts'],
          env: { TZ: 'America/Los_Angeles' },
        },
      },
    ],
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
