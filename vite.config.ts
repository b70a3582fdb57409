import { defineConfig } from 'vitest/config';
import { annotatePlugin } from './src/node/annotate/vitePlugin.ts';
import { browserCanOpen } from './src/node/openBrowser.ts';

// The data folder: graph-data, or the one `npm run annotate -- --data DIR` names.
const dataDir = process.env.ANNOTATE_DATA ?? 'graph-data';

export default defineConfig({
  // The build step writes graph.json and articles.<hash>.json to <data>/build; vite serves that
  // folder as the site's public root and copies it into dist/ on `npm run build`.
  publicDir: `${dataDir}/build`,
  base: './',
  // The annotation workbench (its write API and the page's annotate-api meta): in the dev
  // server only, never in the built site or the preview. `npm run annotate` (which sets
  // ANNOTATE_DATA) prints its own line with the address, so the plugin does not announce it too.
  plugins: [annotatePlugin({ dataDir, announce: process.env.ANNOTATE_DATA === undefined })],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  // Loopback only: the dev server's API writes the data files. No CORS: vite's default answers
  // preflights and serves graph.json and /src/* to any localhost origin (another local site).
  server: { host: '127.0.0.1', open: browserCanOpen(), cors: false },
  // The dev server pre-bundles the dependencies of every module of the page, those loaded on
  // first use (the analysis, the exporters) and the workers' included: by default it crawls
  // index.html's imports alone, finds the others when the page first asks for them, and then
  // reloads the page, losing what the user was doing (a half-filled form of the workbench).
  optimizeDeps: { entries: ['index.html', 'src/app/**/*.ts'] },
  preview: { host: '127.0.0.1', cors: false },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // The command-line tests start Node processes, several per test: on a busy
          // two-core machine that takes more than vitest's default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'interop',
          include: ['tests/interop/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
