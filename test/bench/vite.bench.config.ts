import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Builds the in-browser benchmark page (test/bench/browser) with the app's own modules.
export default defineConfig({
  root: 'test/bench/browser',
  base: './',
  build: {
    outDir: '../../../dist/bench',
    emptyOutDir: true,
    target: 'chrome130',
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'browser/index.html'), report: resolve(import.meta.dirname, 'browser/report.html') },
    },
  },
  logLevel: 'warn',
});
