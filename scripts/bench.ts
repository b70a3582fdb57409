/**
 * npm run bench -- [--tiers 1k,10k,100k] [--runs 3] [--out docs/benchmarks.md]
 *
 * Generates corpora of 1k, 10k and 100k relations, builds them stage by stage, measures the
 * explorer in headless Chromium against a bare sigma page on the same graph.json, the GEXF
 * writer against graphology-gexf's plain writer, and the JavaScript each page loads; writes the
 * figures, their references and the budgets to docs/benchmarks.md and docs/benchmarks.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import Graph, { MultiGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { write as graphologyGexfWrite } from 'graphology-gexf';
import { build, preview, type Manifest } from 'vite';
import { layoutSettings } from '../src/core/pipeline/layout.ts';
import { writeGexf } from '../src/core/export/gexf.ts';
import { generateCorpus } from '../src/core/generate/corpus.ts';
import { parseCommandLine, runCommand, UsageError } from '../src/node/cli.ts';
import { buildExplorerSite } from './lib/site.ts';
import { launchBrowser } from './lib/browser.ts';
import { writeFilesAtomically } from '../src/node/writeOutput.ts';
import {
  emptyExplorerFigures,
  emptyPageFigures,
  measureBare,
  measureExplorer,
  type ExplorerFigures,
  type PageFigures,
  type Timing,
} from './bench/page.ts';
import type { StageFigure } from './bench/measure-build.ts';
import { median, round, timeMedian } from './bench/stats.ts';
import { benchAnalysis, type AnalysisFigure } from './bench/analysis.ts';
import { benchGdelt, gdeltMarkdown, type GdeltFigures } from './bench/gdelt.ts';
import { benchSuggest, suggestMarkdown, type SuggestFigures } from './bench/suggest.ts';
import { annotateMarkdown, benchAnnotate, type AnnotateFigures } from './bench/annotate.ts';
import { filteredGraph } from '../src/core/explore/filteredGraph.ts';
import { NO_FILTERS, computeVisibility } from '../src/core/explore/filters.ts';
import type { ActorGraph } from '../src/core/graph/actorGraph.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: npm run bench -- [options]

Measures build, page, export and bundle on generated corpora; writes docs/benchmarks.md.

Options:
  --tiers LIST   tiers to run, from 1k, 10k, 100k (default: all three)
  --runs N       repetitions of each timed step; medians are reported (default: 3)
  --out FILE     Markdown report (default: docs/benchmarks.md; the JSON goes beside it)
  --keep         keep the generated corpora and sites (their folder is printed)
  -h, --help     show this help`;

const TIERS = {
  '1k': { relations: 1_000, actors: 300 },
  '10k': { relations: 10_000, actors: 2_000 },
  '100k': { relations: 100_000, actors: 10_000 },
} as const;
type TierName = keyof typeof TIERS;

interface BuildFigures {
  stages: Record<string, { ms: number; heapMB: number; peakRssMB: number }>;
  totalMs: number;
  totalWithoutLayoutMs: number;
  plainParseMs: number;
  relationsPerSecond: number;
  peakRssMB: number;
  counts: { relations: number; actors: number; edges: number; articles: number; warnings: number };
}

interface TierResult {
  tier: TierName;
  build: BuildFigures;
  graphJsonMB: number;
  page: { explorer: ExplorerFigures; bare: PageFigures };
  fa2SyncIterationsPerSecond: number;
  gexf: { ms: number; referenceMs: number; sizeMB: number; referenceSizeMB: number };
  /** Each analysis beside graphology's own function (the 10k tier only). */
  analysis?: AnalysisFigure[];
}

const p95 = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
};
const totals = (xs: readonly Timing[]) => xs.map((x) => x.total);
const mainThread = (xs: readonly Timing[]) => xs.map((x) => x.mainThread);
const log = (message: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

function runTsx(script: string, args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
  return result.stdout;
}

async function buildSites(work: string) {
  const app = join(work, 'dist-app');
  const bare = join(work, 'dist-bare');
  await buildExplorerSite(app, { manifest: true });
  await build({
    root: join(ROOT, 'scripts/bench/bare'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    build: { outDir: bare, emptyOutDir: true, manifest: true },
  });
  return {
    app,
    bare,
    bundle: {
      appKB: initialJsGzipKB(app),
      bareKB: initialJsGzipKB(bare),
      appOnDemandKB: round(allJsGzipKB(app) - initialJsGzipKB(app), 1),
    },
  };
}

/** Gzipped size of all the JavaScript a build holds, loaded at start or on first use. */
function allJsGzipKB(dist: string): number {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  let bytes = 0;
  for (const chunk of Object.values(manifest)) {
    if (chunk.file.endsWith('.js')) bytes += gzipSync(readFileSync(join(dist, chunk.file))).length;
  }
  return round(bytes / 1024, 1);
}

/** Gzipped size of the JavaScript a page loads at start (entry and static imports, not lazy chunks). */
function initialJsGzipKB(dist: string): number {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let bytes = 0;
  for (const key of seen) {
    const file = manifest[key]!.file;
    if (file.endsWith('.js')) bytes += gzipSync(readFileSync(join(dist, file))).length;
  }
  return round(bytes / 1024, 1);
}

function measureBuild(dataDir: string, outDir: string, runs: number): BuildFigures {
  const samples: {
    figures: StageFigure[];
    relations: number;
    actors: number;
    edges: number;
    articles: number;
    warnings: number;
  }[] = [];
  for (let i = 0; i < runs; i++)
    samples.push(
      JSON.parse(runTsx('scripts/bench/measure-build.ts', ['--data', dataDir, '--out', outDir])),
    );
  const parse = Array.from(
    { length: runs },
    () =>
      JSON.parse(runTsx('scripts/bench/measure-build.ts', ['--data', dataDir, '--plain-parse']))
        .ms as number,
  );
  const stages: BuildFigures['stages'] = {};
  for (const name of samples[0]!.figures.map((f) => f.stage)) {
    const of = samples.map((s) => s.figures.find((f) => f.stage === name)!);
    stages[name] = {
      ms: round(median(of.map((f) => f.ms))),
      heapMB: round(median(of.map((f) => f.heapMB))),
      peakRssMB: round(Math.max(...of.map((f) => f.peakRssMB))),
    };
  }
  const totalMs = Object.values(stages).reduce((n, s) => n + s.ms, 0);
  const totalWithoutLayoutMs = totalMs - (stages.layout?.ms ?? 0);
  const s = samples[0]!;
  return {
    stages,
    totalMs: round(totalMs),
    totalWithoutLayoutMs: round(totalWithoutLayoutMs),
    plainParseMs: round(median(parse)),
    relationsPerSecond: Math.round(s.relations / (totalWithoutLayoutMs / 1000)),
    peakRssMB: Math.max(...Object.values(stages).map((x) => x.peakRssMB)),
    counts: {
      relations: s.relations,
      actors: s.actors,
      edges: s.edges,
      articles: s.articles,
      warnings: s.warnings,
    },
  };
}

/** The hub, a typical actor and another typical one, for the highlight measurements. */
function sampleActors(graph: Graph): { hub: string; typical: string; other: string } {
  const byDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a));
  return {
    hub: byDegree[0]!,
    typical: byDegree[Math.floor(byDegree.length / 2)]!,
    other: byDegree[Math.floor(byDegree.length / 3)]!,
  };
}

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      tiers: { type: 'string', default: '1k,10k,100k' },
      runs: { type: 'string', default: '3' },
      out: { type: 'string', default: 'docs/benchmarks.md' },
      keep: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const tiers = args.tiers.split(',').map((t) => t.trim()) as TierName[];
  for (const t of tiers)
    if (!(t in TIERS)) throw new UsageError(`unknown tier "${t}": use 1k, 10k or 100k`);
  const runs = Number(args.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError(`--runs must be a whole number of at least 1, not "${args.runs}"`);

  const work = mkdtempSync(join(tmpdir(), 'actor-graph-bench-'));
  log(`working in ${work}`);
  const browser = await launchBrowser();
  const started = new Date();
  try {
    log('building the explorer and the bare page');
    const sites = await buildSites(work);
    const siteRoot = join(work, 'site');
    mkdirSync(siteRoot, { recursive: true });
    const server = await preview({
      root: ROOT,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: siteRoot },
      preview: { port: 0, host: '127.0.0.1', open: false },
    });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${address.port}`;

    const results: TierResult[] = [];
    for (const tier of tiers) {
      const size = TIERS[tier];
      const data = join(work, `data-${tier}`);
      const out = join(data, 'build');
      log(`${tier}: generating ${size.relations} relations among ${size.actors} actors`);
      const corpus = generateCorpus({
        relations: size.relations,
        actors: size.actors,
        seed: 'bench',
      });
      await writeFilesAtomically(data, corpus.files);

      const buildRuns = tier === '100k' ? 1 : runs;
      log(`${tier}: building (${buildRuns} run${buildRuns === 1 ? '' : 's'})`);
      const buildFigures = measureBuild(data, out, buildRuns);

      const graphJson = readFileSync(join(out, 'graph.json'), 'utf8');
      const graph = MultiGraph.from(JSON.parse(graphJson));
      for (const [name, dist] of [
        [`app-${tier}`, sites.app],
        [`bare-${tier}`, sites.bare],
      ] as const) {
        cpSync(dist, join(siteRoot, name), { recursive: true });
        // graph.json and the texts file it names (articles.json from an older writer).
        const textsFile = (graph.getAttribute('texts') as string | undefined) ?? 'articles.json';
        for (const file of ['graph.json', textsFile]) {
          cpSync(join(out, file), join(siteRoot, name, file));
        }
      }
      log(`${tier}: measuring the pages`);
      const pageRuns = tier === '100k' ? Math.min(runs, 2) : runs;
      const bare = emptyPageFigures();
      const explorer = emptyExplorerFigures();
      const actors = sampleActors(graph);
      // Alternate the two pages, and which goes first, so that neither a busy moment of the
      // machine nor the order favours either.
      for (let run = 0; run < pageRuns; run++) {
        const measure = [
          () => measureBare(browser, `${base}/bare-${tier}/`, bare, run === 0),
          () => measureExplorer(browser, `${base}/app-${tier}/`, explorer, run === 0, actors),
        ];
        if (run % 2 === 1) measure.reverse();
        for (const step of measure) await step();
      }

      log(`${tier}: export and layout references`);
      const ourGexf = writeGexf(graph as never, {
        lastModified: started.toISOString().slice(0, 10),
      });
      const theirGexf = graphologyGexfWrite(graph);
      const gexf = {
        ms: timeMedian(5, () => writeGexf(graph as never, { lastModified: '2026-01-01' })),
        referenceMs: timeMedian(5, () => graphologyGexfWrite(graph)),
        sizeMB: round(Buffer.byteLength(ourGexf) / 2 ** 20, 2),
        referenceSizeMB: round(Buffer.byteLength(theirGexf) / 2 ** 20, 2),
      };
      const layoutCopy = graph.copy();
      const fa2Iterations = 20;
      const fa2Ms = timeMedian(1, () =>
        forceAtlas2.assign(layoutCopy, {
          iterations: fa2Iterations,
          getEdgeWeight: 'weight',
          settings: layoutSettings(layoutCopy),
        }),
      );

      let analysis: AnalysisFigure[] | undefined;
      if (tier === '10k') {
        log(`${tier}: analyses beside graphology's functions`);
        const built = graph as unknown as ActorGraph;
        analysis = benchAnalysis(
          filteredGraph(built, NO_FILTERS, computeVisibility(built, NO_FILTERS)),
          runs,
        );
      }

      results.push({
        tier,
        build: buildFigures,
        ...(analysis ? { analysis } : {}),
        graphJsonMB: round(Buffer.byteLength(graphJson) / 2 ** 20, 2),
        page: { explorer, bare },
        fa2SyncIterationsPerSecond: round((fa2Iterations / fa2Ms) * 1000),
        gexf,
      });
      rmSync(join(siteRoot, `app-${tier}`), { recursive: true, force: true });
      rmSync(join(siteRoot, `bare-${tier}`), { recursive: true, force: true });
      if (!args.keep) rmSync(data, { recursive: true, force: true });
    }
    await server.close();
    // The GDELT import (1 million events) against DuckDB's scan and group-by of the same file.
    const gdelt = await benchGdelt({ runs, log });
    // Suggested relations on 1,000 words and 200 KB against wink-nlp alone.
    const suggest = await benchSuggest({ runs: Math.max(runs, 5), log });
    // The annotation workbench's save, at the seed data and at 10k, against the full build.
    const annotate = await benchAnnotate({ runs, log });

    const machine = {
      date: started.toISOString(),
      cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
      memoryGB: round(totalmem() / 2 ** 30, 1),
      freeMemoryGB: round(freemem() / 2 ** 30, 1),
      os: `${osType()} ${release()}`,
      node: process.version,
      browser: `${browser.browserType().name()} ${browser.version()} (headless, software WebGL)`,
      commit: gitCommit(),
      command: [
        'npm run bench',
        ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
      ].join(' '),
    };
    const report = {
      machine,
      bundle: sites.bundle,
      runs,
      tiers: results,
      gdelt,
      suggest,
      annotate,
    };
    const outFile = resolve(ROOT, args.out);
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile.replace(/\.md$/, '.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(outFile, renderMarkdown(report));
    log(`wrote ${args.out} and ${args.out.replace(/\.md$/, '.json')}`);
  } finally {
    await browser.close();
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  }
  return 0;
});

/** How the figures are measured and what explains them; written with every report. */
const NOTES = [
  '## Notes',
  '',
  '- **First frame**: from navigation to the first animation frame after the network is drawn (for the explorer, with its panels built), read from `performance.mark`. Both pages fetch and parse the same graph.json; the explorer does more with it (visibility and strokes as item states, label placement, panels).',
  "- **Highlight**: `selectActor` (what a click on an actor does) to the end of the next frame, against `sigma.refresh()` to the end of the next frame on the same page. The highlight is drawn through sigma 4's item states: the highlighted actors and relations get `isHighlighted`, which moves them to depth layers above a translucent veil (a custom WebGL layer, `src/app/views/veil.ts`); every style reads only attributes and item states, so sigma re-styles the changed items alone, not the graph. Its cost follows the size of the highlight; the actor panel fills in after the frame.",
  '- **Redraw** is `sigma.render()` with nothing to reprocess: one frame of software WebGL. It bounds what any change that redraws the network can cost here, and explains why a full refresh costs hundreds of milliseconds at 10k relations while its main-thread part is a few tens.',
  "- **Brush move**: the timeline's window moved by a month, as a dragged brush moves it each frame (`from`/`to` set through `explorer.setFilters`, a transient change), to the end of the next frame, against `sigma.refresh()` on the same page. The filters are decided again (one pass over the statements), the network follows through item states (only the relations and actors that enter or leave the window are re-styled), and the timeline moves four rectangles: its histogram, which ignores the window, is not computed again.",
  '- **Search**: from the keydown of each character typed into "Search actors" to the frame after the suggestions are in the page.',
  "- **Pan**: the camera moved a little each frame for 35 frames, 2 s after the first frame, on every load of each page; the interval between frames. The explorer draws parallel relations as curves and strokes with a dashed layer, which costs a little more than the bare page's straight plain lines.",
  "- **Layout in the worker**: ForceAtlas2 iterations per second while the layout runs in the page (`layout-iteration` events of `src/app/views/layoutRunner.ts`). The worker iterates on a bare copy of the graph; the shown network takes its positions at most every 100 ms, so an iteration never waits for a redraw. The bare library's rate (synchronous, nothing drawn) is what the same iterations cost alone.",
  "- **Layout in the page varies between runs** on this machine: 90 to 130 ForceAtlas2 iterations per second in most runs at the 10k tier, about 12 in some, on the same page and build, with at most a handful of redraws of the network in either case (counted with sigma's `beforeRender`). Software WebGL runs on the same two cores as the worker; what puts a run in the slow mode was not pinned down. The figure above is one run's.",
  '- **Build**: each stage timed in a fresh process (scripts/bench/measure-build.ts); load includes reading the files. "Plain parse" reads the same files (one after another, where the build reads sixteen at a time) and parses the YAML with the yaml package, nothing else. Peak RSS is the process\'s maximum resident memory up to the end of the stage; about 190 MB of it is Node and tsx before any data is read.',
  "- **GEXF**: graphology-gexf's writer, on the same graph, writes GEXF 1.2 and flattens the evidence lists to `[object Object]`; ours writes valid GEXF 1.3 with the quotes, which is why its files are larger.",
  '- **Before sigma 4**: the last figures on sigma 3 (another run, commit 21b5bdc, kept in [benchmarks-sigma3.md](benchmarks-sigma3.md)): first frame 389 ms against a bare page of 312 ms (1.25×); a highlight 35 ms against a 216 ms refresh (0.16×); ForceAtlas2 in the page 3.5 iterations per second against 49 for the library (0.07×), since each iteration waited for a redraw; JavaScript 46.5 KB against 36.4 KB (1.28×). sigma 4 draws more per frame in software WebGL (one program with curves, dashes and arrows for every edge; labels in WebGL), so frames and refreshes cost more on both pages here.',
  '- The machine has two cores and renders WebGL in software (SwiftShader): frame costs are far above what a desktop GPU gives, and the same for both pages.',
  '',
];

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

type Report = {
  machine: Record<string, string | number>;
  bundle: { appKB: number; bareKB: number; appOnDemandKB: number };
  runs: number;
  tiers: TierResult[];
  gdelt?: GdeltFigures;
  suggest?: SuggestFigures;
  annotate?: AnnotateFigures;
};

function renderMarkdown(report: Report): string {
  const { machine, bundle, tiers } = report;
  const ms = (x: number) => (x >= 1000 ? `${round(x / 1000, 2)} s` : `${round(x)} ms`);
  const ratio = (a: number, b: number) => `${round(a / b, 2)}×`;
  const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(
    `Figures from one run of \`${machine.command}\` on ${String(machine.date).slice(0, 10)}, commit ${machine.commit}.`,
    '',
    `Machine: ${machine.cpu}, ${machine.memoryGB} GiB; ${machine.os}; Node ${machine.node}; ${machine.browser}.`,
    '',
    `Timed steps are medians of ${report.runs} runs unless noted (the 100k tier builds once and loads its page at most twice). Each figure stands beside its reference, measured in the same run on the same data: the page against a bare page that only loads the same graph.json into graphology and hands it to sigma with default settings; the build's load stage against plain reading and YAML parsing of the same files; the GEXF writer against graphology-gexf's plain writer on the same graph.`,
    '',
  );

  const at10k = tiers.find((t) => t.tier === '10k');
  if (at10k) {
    const e = at10k.page.explorer;
    const b = at10k.page.bare;
    const firstFrame = median(e.firstFrameMs) / median(b.firstFrameMs);
    const highlight = median(totals(e.highlight)) / median(totals(e.fullRefresh));
    const highlightMain = median(mainThread(e.highlight)) / median(mainThread(e.fullRefresh));
    const brush = median(totals(e.brush)) / median(totals(e.fullRefresh));
    const search = p95(e.searchMs);
    const buildRatio = at10k.build.totalWithoutLayoutMs / at10k.build.plainParseMs;
    const gexfRatio = at10k.gexf.ms / at10k.gexf.referenceMs;
    const bundleRatio = bundle.appKB / bundle.bareKB;
    const built100k = tiers.find((t) => t.tier === '100k');
    lines.push('## Budgets (10k-relation tier)', '');
    lines.push(
      '| budget | measured | reference | ratio | verdict |',
      '| --- | --- | --- | --- | --- |',
    );
    lines.push(
      `| first frame within 1.2× the bare page | ${ms(median(e.firstFrameMs))} | ${ms(median(b.firstFrameMs))} | ${ratio(median(e.firstFrameMs), median(b.firstFrameMs))} | ${verdict(firstFrame <= 1.2)} |`,
    );
    lines.push(
      `| highlight (select an actor, to the next frame) within 0.2× a full sigma refresh | ${ms(median(totals(e.highlight)))} | ${ms(median(totals(e.fullRefresh)))} | ${ratio(median(totals(e.highlight)), median(totals(e.fullRefresh)))} | ${verdict(highlight <= 0.2)} |`,
    );
    lines.push(
      `| the same, main-thread work only | ${ms(median(mainThread(e.highlight)))} | ${ms(median(mainThread(e.fullRefresh)))} | ${ratio(median(mainThread(e.highlight)), median(mainThread(e.fullRefresh)))} | ${verdict(highlightMain <= 0.2)} |`,
    );
    lines.push(
      `| brush move (the timeline's window a month on, to the next frame) within 0.5× a full sigma refresh | ${ms(median(totals(e.brush)))} | ${ms(median(totals(e.fullRefresh)))} | ${ratio(median(totals(e.brush)), median(totals(e.fullRefresh)))} | ${verdict(brush <= 0.5)} |`,
    );
    lines.push(
      `| pan frame within 1.1× the bare page | ${ms(median(e.panFrameMs))} | ${ms(median(b.panFrameMs))} | ${ratio(median(e.panFrameMs), median(b.panFrameMs))} | ${verdict(median(e.panFrameMs) <= 1.1 * median(b.panFrameMs))} |`,
    );
    lines.push(
      `| layout in the page at least 0.5× the bare library's iterations per second | ${round(e.fa2IterationsPerSecond)} it/s | ${at10k.fa2SyncIterationsPerSecond} it/s | ${ratio(e.fa2IterationsPerSecond, at10k.fa2SyncIterationsPerSecond)} | ${verdict(e.fa2IterationsPerSecond >= 0.5 * at10k.fa2SyncIterationsPerSecond)} |`,
    );
    lines.push(
      `| search suggestions within 50 ms of a keystroke (95th percentile) | ${ms(search)} | 50 ms | ${ratio(search, 50)} | ${verdict(search <= 50)} |`,
    );
    lines.push(
      `| build without layout within 5× plain parsing | ${ms(at10k.build.totalWithoutLayoutMs)} | ${ms(at10k.build.plainParseMs)} | ${ratio(at10k.build.totalWithoutLayoutMs, at10k.build.plainParseMs)} | ${verdict(buildRatio <= 5)} |`,
    );
    lines.push(
      `| GEXF within 1.5× graphology-gexf | ${ms(at10k.gexf.ms)} | ${ms(at10k.gexf.referenceMs)} | ${ratio(at10k.gexf.ms, at10k.gexf.referenceMs)} | ${verdict(gexfRatio <= 1.5)} |`,
    );
    lines.push(
      `| JavaScript loaded, gzipped, within 1.3× the bare page | ${bundle.appKB} KB | ${bundle.bareKB} KB | ${ratio(bundle.appKB, bundle.bareKB)} | ${verdict(bundleRatio <= 1.3)} |`,
    );
    if (built100k)
      lines.push(
        `| 100k relations build without failing | ${built100k.build.counts.relations} relations built | | | ${verdict(true)} |`,
      );
    lines.push('');
  }

  lines.push('## Build', '');
  lines.push(
    `| tier | relations | actors | edges | articles | ${['load', 'validate', 'resolve', 'evidence', 'assemble', 'layout', 'write'].join(' | ')} | total | without layout | plain parse | relations/s | peak RSS |`,
  );
  lines.push(`| ${Array(17).fill('---').join(' | ')} |`);
  for (const t of tiers) {
    const s = t.build.stages;
    const stage = (n: string) => (s[n] ? ms(s[n].ms) : '–');
    lines.push(
      `| ${t.tier} | ${t.build.counts.relations} | ${t.build.counts.actors} | ${t.build.counts.edges} | ${t.build.counts.articles} | ${['load', 'validate', 'resolve', 'evidence', 'assemble', 'layout', 'write'].map(stage).join(' | ')} | ${ms(t.build.totalMs)} | ${ms(t.build.totalWithoutLayoutMs)} | ${ms(t.build.plainParseMs)} | ${t.build.relationsPerSecond.toLocaleString('en')} | ${t.build.peakRssMB} MB |`,
    );
  }
  lines.push(
    '',
    'Memory per stage (heap in use after the stage / peak resident memory of the process so far):',
    '',
  );
  lines.push(
    '| tier | ' +
      ['load', 'validate', 'resolve', 'evidence', 'assemble', 'layout', 'write'].join(' | ') +
      ' |',
  );
  lines.push(`| ${Array(8).fill('---').join(' | ')} |`);
  for (const t of tiers) {
    const s = t.build.stages;
    lines.push(
      `| ${t.tier} | ${['load', 'validate', 'resolve', 'evidence', 'assemble', 'layout', 'write'].map((n) => (s[n] ? `${s[n].heapMB} / ${s[n].peakRssMB} MB` : '–')).join(' | ')} |`,
    );
  }

  lines.push('', '## Page (headless Chromium, software WebGL)', '');
  lines.push(
    'Times run to the end of the next frame; in brackets, the synchronous main-thread part. "Redraw" is sigma\'s render() with nothing new to process: the cost of one frame of software WebGL.',
    '',
  );
  lines.push(
    '| tier | graph.json | first frame | bare first frame | select (highlight) | full refresh | bare full refresh | redraw | bare redraw | hover preview | move selection | brush move |',
  );
  lines.push(`| ${Array(12).fill('---').join(' | ')} |`);
  const both = (xs: readonly Timing[]) =>
    `${ms(median(totals(xs)))} (${ms(median(mainThread(xs)))})`;
  for (const t of tiers) {
    const e = t.page.explorer;
    const b = t.page.bare;
    lines.push(
      `| ${t.tier} | ${t.graphJsonMB} MB | ${ms(median(e.firstFrameMs))} | ${ms(median(b.firstFrameMs))} | ${both(e.highlight)} | ${both(e.fullRefresh)} | ${both(b.fullRefresh)} | ${both(e.render)} | ${both(b.render)} | ${both(e.hover)} | ${both(e.moveHighlight)} | ${e.brush.length > 0 ? both(e.brush) : '–'} |`,
    );
  }
  lines.push(
    '',
    '| tier | search keystroke (median / p95) | pan frame (median / p95) | bare pan frame | layout in the worker | layout, bare library (main thread, no drawing) |',
  );
  lines.push(`| ${Array(6).fill('---').join(' | ')} |`);
  for (const t of tiers) {
    const e = t.page.explorer;
    const b = t.page.bare;
    lines.push(
      `| ${t.tier} | ${ms(median(e.searchMs))} / ${ms(p95(e.searchMs))} | ${ms(median(e.panFrameMs))} / ${ms(p95(e.panFrameMs))} | ${ms(median(b.panFrameMs))} / ${ms(p95(b.panFrameMs))} | ${round(e.fa2IterationsPerSecond)} it/s | ${t.fa2SyncIterationsPerSecond} it/s |`,
    );
  }

  for (const t of tiers.filter((x) => x.analysis)) {
    lines.push('', `## Analysis (${t.tier} tier)`, '');
    lines.push(
      "Each analysis of `npm run analyse` (src/core/analysis) on the graph the page loads, beside graphology's own function doing the same work on the same graph where it has one (scripts/bench/analysis.ts); medians.",
      '',
      '| analysis | ours | graphology | graphology function |',
      '| --- | --- | --- | --- |',
    );
    for (const f of t.analysis!) {
      lines.push(
        `| ${f.name.replace(/^\s+/, '… ')} | ${ms(f.ms)} | ${f.libraryMs === null ? '–' : ms(f.libraryMs)} | ${f.libraryName} |`,
      );
    }
    const a = t.page.explorer.analysis;
    if (a.open.length === 0) continue;
    const alone = t.analysis!.find((f) => f.name.startsWith('analyse'));
    lines.push(
      '',
      'In the page, a relation type hidden and shown again (a change of the filters), with the analysis section closed and open (medians of 4). "Frozen" is the longest run of back-to-back long tasks on the page\'s thread from the change until a second after the figures are drawn; the analysis runs in a web worker (src/app/views/analysisWorker.ts), asked after the frame that shows the change. Beside them, `analyse` alone on the same graph (above).',
      '',
      '| tier | frozen, analysis closed | frozen, analysis open | figures drawn after | analyse alone |',
      '| --- | --- | --- | --- | --- |',
      `| ${t.tier} | ${ms(median(a.closed.map((x) => x.frozen)))} | ${ms(median(a.open.map((x) => x.frozen)))} | ${ms(median(a.open.map((x) => x.figures)))} | ${alone ? ms(alone.ms) : '–'} |`,
    );
  }

  lines.push('', '## Export', '');
  lines.push(
    '| tier | GEXF writer | graphology-gexf | ratio | GEXF size | graphology-gexf size |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const t of tiers) {
    lines.push(
      `| ${t.tier} | ${ms(t.gexf.ms)} | ${ms(t.gexf.referenceMs)} | ${ratio(t.gexf.ms, t.gexf.referenceMs)} | ${t.gexf.sizeMB} MB | ${t.gexf.referenceSizeMB} MB |`,
    );
  }
  lines.push('', '## Bundle', '');
  lines.push(
    `JavaScript loaded before any interaction, gzipped: explorer ${bundle.appKB} KB, bare page ${bundle.bareKB} KB (${ratio(bundle.appKB, bundle.bareKB)}). A further ${bundle.appOnDemandKB} KB loads on first use of what needs it: the highlight layer (when the pointer enters the network or an actor is selected), the search matcher (when the search field gets focus), the actor and statement panels, the filter and tool sections, the exporters, the layout worker and the PNG export.`,
    '',
  );
  if (report.gdelt) lines.push('', ...gdeltMarkdown(report.gdelt), '');
  if (report.suggest) lines.push('', ...suggestMarkdown(report.suggest), '');
  if (report.annotate) lines.push('', ...annotateMarkdown(report.annotate), '');
  lines.push(...NOTES);
  return `${lines.join('\n')}\n`;
}
