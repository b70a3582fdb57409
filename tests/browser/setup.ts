import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { buildExplorerSite } from '../../scripts/lib/site.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { writeGraphOutput } from '../../src/node/writeOutput.ts';
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
 *   /bad-evidence/   the seed graph.json with one relation's evidence not a list
 *   /foreign-texts/  the seed graph.json beside texts of another build (every article edited)
 *   /gdelt/    the seed data with a hand-made machine-coded layer (events/gdelt.csv)
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), 'actor-graph-site-'));
  const dist = join(work, 'dist');
  await buildExplorerSite(dist);

  const site = join(work, 'site');
  const seed = await readDataDir(join(ROOT, 'graph-data'));
  // The annotations alone: a GDELT layer imported into graph-data/events/ is not the seed's.
  delete seed.files.events;
  const seedGraph = buildGraph(seed.files);
  await writeSite(join(site, 'seed'), dist, seedGraph);
  await writeSite(
    join(site, 'hostile'),
    dist,
    buildGraph(toDataFiles(hostileDataset()), { layout: { iterations: 50 } }),
  );
  cpSync(dist, join(site, 'missing'), { recursive: true });

  const badEvidence = await writeSite(join(site, 'bad-evidence'), dist, seedGraph);
  const broken = JSON.parse(readFileSync(badEvidence.graphFile, 'utf8'));
  const edge = broken.edges.find((e: { key: string }) => e.key === BAD_EVIDENCE_EDGE);
  edge.attributes.evidence = 'US officials insist they are not coordinating';
  writeFileSync(badEvidence.graphFile, JSON.stringify(broken));

  const foreign = await writeSite(join(site, 'foreign-texts'), dist, seedGraph);
  const texts = JSON.parse(readFileSync(foreign.textsFile, 'utf8')) as Record<string, string>;
  for (const id of Object.keys(texts)) texts[id] = `Edited before the next build. ${texts[id]}`;
  writeFileSync(foreign.textsFile, JSON.stringify(texts));

  await writeSite(
    join(site, 'gdelt'),
    dist,
    buildGraph({
      ...seed.files,
      events: { path: 'graph-data/events/gdelt.csv', text: GDELT_LAYER },
    }),
  );

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

/**
 * The /gdelt/ site's layer: a relation only GDELT has (Russia opposes Ukraine, Australia), and
 * machine-coded events beside the statements of one the articles annotate.
 */
export const GDELT_LAYER = [
  'source,relation,target,month,events,mentions,sources,articles,goldstein,tone,url_first,url_last',
  'russia,cooperates-with,united-states,2015-02,3,10,3,10,4,0,https://news.example/a,https://news.example/b',
  'russia,opposes,ukraine,2015-01,2,8,2,8,-5,-3.5,http://news.example/ukraine-1,',
  'russia,opposes,ukraine,2015-02,7,42,7,34,-7.2857,-4.7483,http://news.example/ukraine-2,',
  'united-states,opposes,australia,2015-02,5,54,8,54,-7,-7.8242,https://news.example/guantanamo,',
  '',
].join('\n');

/** The relation whose evidence the /bad-evidence/ site breaks. */
const BAD_EVIDENCE_EDGE = 'cooperates-with:iran:united-states';

/** The site beside a graph, written as `npm run build:graph` writes it. */
async function writeSite(dir: string, dist: string, result: ReturnType<typeof buildGraph>) {
  if (!result.graph || !result.texts) {
    throw new Error(
      `The test graph did not build:\n${result.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n')}`,
    );
  }
  cpSync(dist, dir, { recursive: true });
  return writeGraphOutput(dir, result.graph, result.texts);
}
