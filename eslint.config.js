// ESLint flat config. Besides the usual TypeScript rules it enforces the layering of
// docs/ARCHITECTURE.md: imports point downwards only (renderer → store/ingest/formats → core,
// cli → formats/ingest/core, electron → core). A forbidden import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'util', 'stream', 'zlib'];

/** Build a no-restricted-imports rule from forbidden folder names and packages. */
function layer(message, folders, packages = []) {
  const patterns = [];
  for (const folder of folders) {
    patterns.push({ group: [`**/${folder}`, `**/${folder}/**`], message });
  }
  if (packages.length > 0) patterns.push({ group: packages, message });
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export const layering = [
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: layer(
      'src/core is pure TypeScript: it may import nothing from store, ingest, formats, cli, renderer or electron, and no DOM/Node/Dexie/React packages.',
      ['store', 'ingest', 'formats', 'cli', 'renderer', 'electron'],
      ['dexie', 'dexie-react-hooks', 'react', 'react-dom', 'pdfjs-dist', 'pdfjs-dist/*', 'mammoth', 'electron', ...NODE_BUILTINS],
    ),
  },
  {
    files: ['src/formats/**/*.{ts,tsx}'],
    rules: layer('src/formats may import only src/core (pure serialisers on plain data).', ['store', 'ingest', 'cli', 'renderer', 'electron'], ['dexie', 'react', 'electron', ...NODE_BUILTINS]),
  },
  {
    files: ['src/ingest/**/*.{ts,tsx}'],
    rules: layer('src/ingest may import only src/core (it runs in a Web Worker and in Node).', ['store', 'formats', 'cli', 'renderer', 'electron'], ['dexie', 'react', 'electron', ...NODE_BUILTINS]),
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    rules: layer('src/store may import only src/core.', ['ingest', 'formats', 'cli', 'renderer', 'electron'], ['react', 'electron', ...NODE_BUILTINS]),
  },
  {
    files: ['src/cli/**/*.{ts,tsx}'],
    rules: layer('src/cli may import formats, ingest and core — never store, renderer or electron.', ['store', 'renderer', 'electron'], ['dexie', 'react', 'electron']),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: layer('The renderer reaches the operating system only through the Platform interface: no electron, cli or Node imports.', ['cli', 'electron'], ['electron', ...NODE_BUILTINS]),
  },
  {
    files: ['electron/**/*.{ts,tsx}'],
    rules: layer('electron/ may import only src/core (schemas for IPC validation).', ['store', 'ingest', 'formats', 'cli', 'renderer']),
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'dist-cli/', 'release/', 'test-results/', 'test/fixtures/', '../shared/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...layering,
);
