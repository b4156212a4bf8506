import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'

/**
 * Boundaries ("doors") between the rooms of the code: shared/ imports nothing outside itself, the
 * renderer never imports the Node side, the runtime never imports React, and each room of electron/
 * names the rooms it may not enter. A later block for the same files replaces an earlier one's
 * no-restricted-imports, so each block lists everything its files may not import.
 */
/**
 * A spread into a call passes every item as an argument on the stack, which overflows at around
 * 100,000 items in a worker: `appendAll` and `largest` (shared/append-all.ts) take any number.
 */
const NO_SPREAD_ARGUMENTS = [
  {
    selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
    message:
      'Use appendAll(into, items) from shared/append-all: a spread overflows the stack on large arrays.',
  },
  {
    selector:
      "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
    message:
      'Use largest(values, empty) from shared/append-all, or a loop: a spread overflows the stack on large arrays.',
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description' },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'electron/cli/bin.mjs', 'test/support/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['shared/**', 'renderer/**', 'electron/**', 'retrieval/**'],
    rules: { 'no-restricted-syntax': ['error', ...NO_SPREAD_ARGUMENTS] },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, so `({}, use)` is how a fixture says "none".
    files: ['test/e2e/**', 'test/electron/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../../*',
            '**/electron/**',
            '**/renderer/**',
            '**/retrieval',
            '**/retrieval/**',
            'react',
            'dexie',
            'electron',
          ],
        },
      ],
    },
  },
  {
    // Search runs unchanged in the runtime (a browser worker) and in the Node CLI.
    files: ['retrieval/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/electron/**',
            '**/renderer/**',
            'react',
            'dexie',
            'yjs',
            'electron',
            'node:*',
          ],
        },
      ],
    },
  },
  // The Node side's rooms: each names the rooms it may not enter. What two of them share lives in
  // electron/services; the CLI uses only shared/ and platform-free libraries (retrieval/).
  {
    files: ['electron/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['main', 'host', 'services', 'relay', 'preload'].map((room) => `**/${room}/**`),
            '**/renderer/**',
            'electron',
            'dexie',
            'react',
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/host/**', '**/cli/**', '**/preload/**', '**/renderer/**', 'dexie'] },
      ],
    },
  },
  {
    files: ['electron/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['**/main/**', '**/cli/**', '**/preload/**', '**/renderer/**', 'electron'],
        },
      ],
    },
  },
  {
    files: ['electron/services/**'],
    ignores: ['electron/services/*.electron.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['main', 'host', 'cli', 'preload'].map((room) => `**/${room}/**`),
            '**/renderer/**',
            'electron',
          ],
        },
      ],
    },
  },
  {
    files: ['electron/relay/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['main', 'host', 'cli', 'preload', 'services'].map((room) => `**/${room}/**`),
            '**/renderer/**',
            'electron',
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...['main', 'host', 'cli', 'relay', 'services'].map((room) => `**/${room}/**`),
            '**/renderer/**',
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/electron/**', 'electron', 'node:*'] }],
    },
  },
  {
    files: ['renderer/runtime/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', '**/ui/**', '**/electron/**', 'electron', 'node:*'] },
      ],
    },
  },
  {
    // A facade is a door, not a window: outside space/ and docs/, code asks Space for what it needs
    // and never reaches into its database or documents — not through `space.db` / `space.state`, not
    // through a database handle under any other name (`current.db`), not by destructuring.
    files: ['renderer/runtime/**'],
    ignores: ['renderer/runtime/space/**', 'renderer/runtime/docs/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_SPREAD_ARGUMENTS,
        ...['object.name', 'object.property.name'].map((owner) => ({
          selector: `MemberExpression[property.name='state'][${owner}='space']`,
          message:
            'Ask Space for what you need (a method); do not reach into space.db or space.state.',
        })),
        {
          selector: "MemberExpression[property.name='db']",
          message:
            'Ask Space for what you need (a method); only space/ and docs/ hold its database.',
        },
        ...['init.name', 'init.property.name'].map((owner) => ({
          selector: `VariableDeclarator[${owner}='space'] > ObjectPattern > Property[key.name=/^(db|state)$/]`,
          message:
            'Ask Space for what you need (a method); do not take its database or document out.',
        })),
      ],
    },
  },
  {
    files: ['renderer/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['dexie', 'yjs', '**/runtime/**', '**/electron/**', 'electron', 'node:*'] },
      ],
    },
  },
  {
    files: ['renderer/**/*.services.electron.ts', 'renderer/**/services.electron.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/services.browser*'] }] },
  },
  {
    files: ['renderer/**/services.browser.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/services.electron*'] }] },
  },
  {
    files: ['renderer/ui/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
)
