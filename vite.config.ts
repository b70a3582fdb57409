import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The build step writes graph.json and articles.json to graph-data/build; vite serves that
  // folder as the site's public root and copies it into dist/ on `npm run build`.
  publicDir: 'graph-data/build',
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { open: !process.env.CI },
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
