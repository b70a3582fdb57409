import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds the explorer's static site into `outDir`, without any graph: the caller puts a
 * graph.json (and articles.json) beside it. For the browser tests and the benchmark.
 */
export async function buildExplorerSite(
  outDir: string,
  options: { manifest?: boolean } = {},
): Promise<void> {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    publicDir: false,
    build: { outDir, emptyOutDir: true, sourcemap: false, manifest: options.manifest ?? false },
  });
}
