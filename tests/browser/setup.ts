import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { buildExplorerSite } from '../../scripts/lib/site.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { hostileDataset, toDataFiles } from '../helpers/dataset.ts';
import { ROOT } from '../helpers/run.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the site once and serves it on loopback for the browser tests:
 *   /seed/     the explorer on the project's seed data (graph-data/)
 *   /hostile/  the explorer on data whose labels and quotes look like markup
 *   /missing/  the explorer with no graph.json next to it
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), 'actor-graph-site-'));
  const dist = join(work, 'dist');
  await buildExplorerSite(dist);

  const site = join(work, 'site');
  const seed = await readDataDir(join(ROOT, 'graph-data'));
  writeSite(join(site, 'seed'), dist, buildGraph(seed.files));
  writeSite(
    join(site, 'hostile'),
    dist,
    buildGraph(toDataFiles(hostileDataset()), { layout: { iterations: 50 } }),
  );
  cpSync(dist, join(site, 'missing'), { recursive: true });

  const server: PreviewServer = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: site },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);

  return async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  };
}

function writeSite(dir: string, dist: string, result: ReturnType<typeof buildGraph>): void {
  if (!result.graph || !result.texts) {
    throw new Error(
      `The test graph did not build:\n${result.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n')}`,
    );
  }
  cpSync(dist, dir, { recursive: true });
  writeFileSync(join(dir, 'graph.json'), JSON.stringify(result.graph.export()));
  writeFileSync(join(dir, 'articles.json'), JSON.stringify(result.texts));
}
