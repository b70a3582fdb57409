// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** Node's own modules by their bare names (`fs`, `fs/promises`); `node:*` is a pattern below. */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('node:'));

/**
 * The layers (docs/architecture.md): core is logic that runs anywhere; the app is the page;
 * src/node and scripts are the process edges; tests test. An arrow points the only way an
 * import may go: app -> core, node -> core, scripts -> node/core, tests -> anything.
 */
const LAYER_ZONES = [
  {
    target: './src/core',
    from: ['./src/app', './src/node', './scripts', './tests'],
    message:
      'core is logic that runs anywhere: it may not import the page, the process edges or tests.',
  },
  {
    target: './src/app',
    from: ['./src/node', './scripts', './tests'],
    message: 'the page may not import the process edges (src/node, scripts) or tests.',
  },
  {
    target: './src/node',
    from: ['./src/app', './scripts', './tests'],
    message: 'src/node is the process edge of core: it may not import the page, scripts or tests.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'graph-data/build', 'docs'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    // Core runs in Node and in the browser: no DOM, no Node modules, no renderer (sigma and
    // its packages touch WebGL when they load). tsconfig.core.json enforces the same on types.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'navigator', 'localStorage', 'location', 'history', 'self'].map(
          (name) => ({ name, message: 'core runs in Node too: the DOM belongs to src/app.' }),
        ),
        ...['process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'core runs in the browser too: Node belongs to src/node and scripts.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({
            name,
            message: 'core runs in the browser too: files and processes belong to src/node.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'core runs in the browser too: files and processes belong to src/node.',
            },
            {
              group: ['sigma', 'sigma/*', '@sigma/*'],
              message: 'core must load without WebGL: the renderer belongs to src/app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The page runs in the browser: no Node modules or globals.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'the page runs in the browser: Node belongs to src/node and scripts.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({
            name,
            message: 'the page runs in the browser: files and processes belong to src/node.',
          })),
          patterns: [
            {
              group: ['node:*'],
              message: 'the page runs in the browser: files and processes belong to src/node.',
            },
          ],
        },
      ],
    },
  },
);
