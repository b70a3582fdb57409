/**
 * The annotation workbench's save: from "Save relation" (a POST of one add-relation over HTTP
 * to the workbench's API) to its answer, which carries what changed in the graph (the diff the
 * page applies), the rebuilt graph.json written to the build folder; and, for the page's
 * fallback, to the whole graph.json received (GET graph.json); at the seed data (the
 * repository's graph-data) and at the 10k tier (generateCorpus, as npm run bench). Beside it, in the same run and on the same data, the
 * full build: readDataDir + buildGraph with its layout + writeGraphOutput. Budgets: at most 1 s
 * at the seed, at most the full build at 10k. Each save is undone before the next (also timed),
 * so every run saves on the same files.
 * Part of npm run bench; alone: npx tsx scripts/bench/annotate.ts [--runs N] [--tiers seed,10k].
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ANNOTATE_HEADER,
  type ChangeResult,
  type RelationInput,
} from '../../src/core/annotate/api.ts';
import { generateCorpus } from '../../src/core/generate/corpus.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { annotateApi } from '../../src/node/annotate/api.ts';
import { Workbench } from '../../src/node/annotate/workbench.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { writeFilesAtomically, writeGraphOutput } from '../../src/node/writeOutput.ts';
import { measurePageSave } from './annotate-page.ts';
import { median, round } from './stats.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type AnnotateTier = 'seed' | '10k';

export interface AnnotateTierFigures {
  tier: AnnotateTier;
  counts: { articles: number; relations: number; actors: number; edges: number };
  /** Medians, ms. */
  fullBuildMs: number;
  /** Starting the workbench on the built folder (read, build from graph.json's positions). */
  openMs: number;
  /**
   * POST change → 200 (check, write, rebuild, graph output written, the diff made and
   * received): what the page waits for.
   */
  saveMs: number;
  /** POST change → graph.json received by the client: the page's fallback to the diff. */
  saveToGraphMs: number;
  /** The answer's graph diff (null: the answer had none), and graph.json, serialised (kB). */
  diffKB: number | null;
  graphJsonKB: number;
  /** The server's own split of the save. */
  checkMs: number;
  writeMs: number;
  buildMs: number;
  undoMs: number;
  /**
   * In Chromium on the dev server: the page's save (the form's path) to the frame that shows
   * the new relation, and the POST within it.
   */
  pageSaveToFrameMs: number;
  pagePostMs: number;
  /** Of which: the save to the graph taken in, before the frame. */
  pageTakenInMs: number;
  /** graph.json fetched by the page in all its saves (0: every save took the diff). */
  pageGraphFetches: number;
  budgetMs: number;
  withinBudget: boolean;
}

export interface AnnotateFigures {
  runs: number;
  tiers: AnnotateTierFigures[];
}

/** A folder like the seeds: the repository's graph-data, its data files only (no build). */
function seedFolder(work: string): string {
  const dir = join(work, 'data-seed');
  for (const name of ['relation-types.yaml', 'actors.yaml', 'articles', 'events']) {
    try {
      cpSync(join(ROOT, 'graph-data', name), join(dir, name), { recursive: true });
    } catch {
      /* A folder without events/ is fine. */
    }
  }
  return dir;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await f();
  return [value, performance.now() - t0];
}

/** A relation the article's text supports that the article does not have: one of its own, reversed, with another type. */
function newRelation(
  workbench: Workbench,
): { article: string; relation: RelationInput } | undefined {
  const state = workbench.state();
  const types = state.relationTypes.map((t) => t.id);
  for (const summary of state.articles) {
    const view = workbench.article(summary.id);
    for (const r of view?.relations ?? []) {
      if (r.start === undefined || !r.sourceId || !r.targetId || r.sourceId === r.targetId)
        continue;
      const type = types.find((t) => t !== r.type);
      if (!type) continue;
      return {
        article: summary.id,
        relation: { source: r.targetId, type, target: r.sourceId, quote: r.quote },
      };
    }
  }
  return undefined;
}

async function benchTier(
  tier: AnnotateTier,
  work: string,
  runs: number,
  log: (s: string) => void,
): Promise<AnnotateTierFigures> {
  let dir: string;
  if (tier === 'seed') {
    dir = seedFolder(work);
  } else {
    dir = join(work, 'data-10k');
    log('annotate 10k: generating 10,000 relations among 2,000 actors');
    const corpus = generateCorpus({ relations: 10_000, actors: 2_000, seed: 'bench' });
    await writeFilesAtomically(dir, corpus.files);
  }
  const out = join(dir, 'build');

  log(`annotate ${tier}: full build (${runs} run${runs === 1 ? '' : 's'})`);
  const full: number[] = [];
  let counts = { articles: 0, relations: 0, actors: 0, edges: 0 };
  for (let i = 0; i < runs; i++) {
    const [, ms] = await timed(async () => {
      const read = await readDataDir(dir);
      const result = buildGraph(read.files);
      if (!result.graph || !result.texts || !result.report) {
        throw new Error(`the ${tier} data does not build: ${result.issues[0]?.message}`);
      }
      await writeGraphOutput(out, result.graph, result.texts);
      counts = {
        articles: result.report.articles,
        relations: result.report.annotations,
        actors: result.report.actors,
        edges: result.report.edges,
      };
    });
    full.push(ms);
  }

  log(`annotate ${tier}: workbench saves (${runs} run${runs === 1 ? '' : 's'}, each undone)`);
  const [workbench, openMs] = await timed(() => Workbench.open({ dataDir: dir }));
  const api = annotateApi({ workbench });
  const server = createServer((req, res) => api(req, res, () => res.end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/annotate/`;
  const change = newRelation(workbench);
  if (!change) throw new Error(`no relation to add in the ${tier} data`);
  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [ANNOTATE_HEADER]: '1' },
      body: JSON.stringify(body),
    });

  const save: number[] = [];
  const toGraph: number[] = [];
  const split = { checkMs: [] as number[], writeMs: [] as number[], buildMs: [] as number[] };
  const undo: number[] = [];
  let diffKB: number | null = null;
  let graphJsonKB = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const state = workbench.state();
      const t0 = performance.now();
      const answer = await post('change', {
        changes: [{ kind: 'add-relation', ...change }],
        versions: {
          [`articles/${change.article}.yaml`]: state.versions[`articles/${change.article}.yaml`],
        },
      });
      const result = (await answer.json()) as ChangeResult;
      save.push(performance.now() - t0);
      if (answer.status !== 200) throw new Error(`the save failed: ${JSON.stringify(result)}`);
      const graph = await (await fetch(`${base}graph.json`)).text();
      toGraph.push(performance.now() - t0);
      if (!graph.startsWith('{') || result.state.graphVersion !== workbench.graphVersion) {
        throw new Error('the graph served is not the rebuilt one');
      }
      // Absent from the answers of a workbench before diffs (to measure it the same way).
      const diff = result.graphDiff;
      if (diff && (diff.to !== result.state.graphVersion || diff.from !== state.graphVersion)) {
        throw new Error(`the answer's diff is not from ${state.graphVersion}`);
      }
      diffKB = diff ? JSON.stringify(diff).length / 1024 : null;
      graphJsonKB = graph.length / 1024;
      split.checkMs.push(result.timings.checkMs);
      split.writeMs.push(result.timings.writeMs);
      split.buildMs.push(result.timings.buildMs);
      const [undone, ms] = await timed(() => post('undo', {}));
      await undone.text();
      if (undone.status !== 200) throw new Error('the undo failed');
      undo.push(ms);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  log(`annotate ${tier}: the same save in Chromium, to the frame that shows it`);
  const page = await measurePageSave(dir, { kind: 'add-relation', ...change }, runs);
  log(
    `annotate ${tier}: in the page, save → frame: ${page.runsMs.join(', ')} ms; save → taken in: ${page.takenInRunsMs.join(', ')} ms`,
  );
  const fullBuildMs = round(median(full));
  const saveToGraphMs = round(median(toGraph));
  const budgetMs = tier === 'seed' ? 1000 : fullBuildMs;
  return {
    tier,
    counts,
    fullBuildMs,
    openMs: round(openMs),
    saveMs: round(median(save)),
    saveToGraphMs,
    diffKB: diffKB === null ? null : round(diffKB),
    graphJsonKB: round(graphJsonKB),
    checkMs: round(median(split.checkMs)),
    writeMs: round(median(split.writeMs)),
    buildMs: round(median(split.buildMs)),
    undoMs: round(median(undo)),
    pageSaveToFrameMs: page.saveToFrameMs,
    pagePostMs: page.postMs,
    pageTakenInMs: page.takenInMs,
    pageGraphFetches: page.graphFetches,
    budgetMs,
    withinBudget: Math.max(saveToGraphMs, page.saveToFrameMs) <= budgetMs,
  };
}

/** Measures the save at the seed data and at 10k relations. */
export async function benchAnnotate(
  options: { runs?: number; tiers?: AnnotateTier[]; log?: (s: string) => void } = {},
): Promise<AnnotateFigures> {
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => undefined);
  const work = mkdtempSync(join(tmpdir(), 'actor-graph-annotate-bench-'));
  try {
    const tiers: AnnotateTierFigures[] = [];
    for (const tier of options.tiers ?? (['seed', '10k'] as const)) {
      tiers.push(await benchTier(tier, work, runs, log));
    }
    return { runs, tiers };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The figures as a Markdown section of docs/benchmarks.md, line by line. */
export function annotateMarkdown(figures: AnnotateFigures): string[] {
  const kb = (n: number) => (n >= 1024 ? `${round(n / 1024)} MB` : `${round(n)} kB`);
  const rows = figures.tiers.map(
    (t) =>
      `| ${t.tier} | ${t.counts.relations.toLocaleString('en')} | ${t.pageSaveToFrameMs} (POST ${t.pagePostMs}, taken in ${t.pageTakenInMs}) | ${t.pageGraphFetches} | ${t.saveMs} | ${t.diffKB === null ? '–' : kb(t.diffKB)} / ${kb(t.graphJsonKB)} | ${t.saveToGraphMs} | ${t.checkMs} / ${t.writeMs} / ${t.buildMs} | ${t.undoMs} | ${t.fullBuildMs} | ${t.budgetMs} | ${t.withinBudget ? 'yes' : 'no'} |`,
  );
  return [
    '## Annotation workbench: save to graph',
    '',
    `One add-relation saved, each undone before the next (medians of ${figures.runs} runs), against the full build of the same data in the same run (read, build with ForceAtlas2, write). "In the page": in Chromium on the dev server, from the page's save (the path "Save relation" takes) to the next frame drawn with the new relation in the network, after one save and undo that warm the page; each save is undone, and the undo's frame drawn, before the next. The save's answer carries what changed in the graph, which the page checks and applies in place ("graph.json fetched" counts the timed saves that fetched the whole graph instead); "taken in" is the save to the graph taken in and the views told, before the frame, in which sigma draws the network again. "Over HTTP": posted to the workbench's API by a client, to the answer with its diff received (save → 200), and, for the fallback, to graph.json received after it. The save rebuilds with the previous positions: no ForceAtlas2; "build" includes writing the build's graph.json and making the diff.`,
    '',
    '| data | relations | in the page: save → frame (ms) | graph.json fetched | over HTTP: save → 200, with the diff (ms) | diff / graph.json | fallback: save → graph.json (ms) | check / write / build (ms) | undo (ms) | full build (ms) | budget (ms) | within |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | --- |',
    ...rows,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      tiers: { type: 'string', default: 'seed,10k' },
    },
  });
  const figures = await benchAnnotate({
    runs: Number(values.runs),
    tiers: values.tiers.split(',') as AnnotateTier[],
    log: (s) => process.stderr.write(`${s}\n`),
  });
  process.stdout.write(
    `${annotateMarkdown(figures).join('\n')}\n\n${JSON.stringify(figures, null, 2)}\n`,
  );
}
