import { defineConfig } from 'vite';

// Builds the in-browser benchmark page (test/bench/browser) with the app's own modules.
export default defineConfig({
  root: 'test/bench/browser',
  base: './',
  build: { outDir: '../../../dist/bench', emptyOutDir: true, target: 'chrome130' },
  logLevel: 'warn',
});
