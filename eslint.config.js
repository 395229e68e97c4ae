// Flat ESLint config. Folders follow the runtime context; these rules keep the boundaries (see README).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['webextension-polyfill'], message: 'src/core runs in Node: no browser extension API.' },
        { group: ['**/platform/**', '**/background/**', '**/content/**', '**/popup/**', '**/options/**', '**/ui/**'], message: 'src/core imports nothing outside src/core.' },
      ]),
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser'],
    },
  },
  {
    files: ['src/platform/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/background/**', '**/content/**', '**/popup/**', '**/options/**', '**/ui/**'], message: 'src/platform may import src/core only.' },
      ]),
    },
  },
  {
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['webextension-polyfill'], message: 'Use src/platform.' },
        { group: ['**/core/db/**', 'dexie', '**/background/**', '**/popup/**', '**/options/**'], message: 'The content script cannot open the extension database: ask the background.' },
      ]),
    },
  },
  {
    files: ['src/popup/**', 'src/options/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['webextension-polyfill'], message: 'Use src/platform.' },
        { group: ['**/background/**', '**/content/**'], message: 'Pages talk to the background and content script through messages.' },
      ]),
    },
  },
  {
    files: ['src/background/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['webextension-polyfill'], message: 'Use src/platform.' },
        { group: ['**/popup/**', '**/options/**', '**/content/**', '**/ui/**'], message: 'The background owns no UI.' },
      ]),
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['webextension-polyfill', '**/platform/**'], message: 'Shared UI takes data and callbacks; no browser API.' },
      ]),
    },
  },
);
