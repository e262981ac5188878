// Lint rules, including the import arrows of ../shared/ARCHITECTURE.md:
// shared/ imports neither renderer/ nor electron/ (nor React, Dexie, Electron or the DOM's state),
// renderer/ never imports electron/, electron/ never imports renderer/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

const noImport = (groups) => ['error', { patterns: groups }];

export default tseslint.config(
  { ignores: ['**/*.tmp.mjs', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'test/e2e/artifacts/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': noImport([
        { group: ['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand', 'chart.js'], message: 'shared/ is pure: no renderer, electron, React, Dexie or Chart.js.' },
      ]),
      // The pure core takes `now` as an argument instead of reading the clock.
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass `now` in; shared/ never reads the clock.' }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-restricted-imports': noImport([
        { group: ['**/electron/**', 'electron'], message: 'renderer/ talks to the shell only through shared/bridge.ts.' },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': noImport([
        { group: ['**/renderer/**', 'react', 'react-dom', 'dexie'], message: 'electron/ imports shared/ only.' },
      ]),
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.mjs', '*.config.{js,ts}', 'vite.config.ts', 'test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
);
