/**
 * npx tsx scripts/bench/analysis.ts [--relations N] [--actors N] [--runs N]
 *
 * Times each analysis of src/core/analysis on a graph beside graphology's own function doing
 * the same work on the same graph, where graphology has one: PageRank, betweenness and Louvain
 * (graphology-metrics, graphology-communities-louvain) for the metrics, the triangles of each
 * signed pair (graphology-metrics' Simmelian strength) for the triads, all simple paths
 * (graphology-simple-path) for the paths. Run directly, it generates the 10k-relation tier
 * corpus as `npm run bench` does and prints the figures; `benchAnalysis` is for the benchmark.
 * Budget (issue 12): every analysis within 1 s at the 10k tier, four-step paths within 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import simmelianStrength from 'graphology-metrics/edge/simmelian-strength';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { allSimplePaths } from 'graphology-simple-path';
import {
  actorMetrics,
  analyse,
  connectionPaths,
  contradictions,
  pairGraph,
  pathIndex,
  signedNetwork,
  splitCamps,
  triadCensus,
} from '../../src/core/analysis/index.ts';
import { filteredGraph } from '../../src/core/explore/filteredGraph.ts';
import { NO_FILTERS, computeVisibility } from '../../src/core/explore/filters.ts';
import { generateCorpus } from '../../src/core/generate/corpus.ts';
import { Random } from '../../src/core/generate/random.ts';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { parseCommandLine, runCommand, say, UsageError } from '../../src/node/cli.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { writeFilesAtomically } from '../../src/node/writeOutput.ts';
import { timeMedian } from './stats.ts';

export interface AnalysisFigure {
  name: string;
  /** Median time of ours, in milliseconds. */
  ms: number;
  /** Median time of graphology's function doing the same work, or null where it has none. */
  libraryMs: number | null;
  libraryName: string;
}

/**
 * Times every analysis on the graph (as filteredGraph returns it) beside graphology's own
 * functions on the same graph. Paths are timed between the two actors with the most relations
 * (the hardest case: hubs have the most paths) and between two typical actors.
 */
export function benchAnalysis(graph: ActorGraph, runs = 3): AnalysisFigure[] {
  const network = signedNetwork(graph);
  const pairs = pairGraph(graph);
  const signed = new UndirectedGraph();
  for (const p of network.pairs) signed.mergeEdge(p.a, p.b);
  const index = pathIndex(graph);
  const byDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a));
  const hubs = [byDegree[0]!, byDegree[1]!] as const;
  const random = new Random('bench-paths');
  const typical = [random.pick(byDegree), random.pick(byDegree)] as const;
  const rng = new Random('bench-louvain');
  const none = 'none: graphology has no such function';
  const figures: AnalysisFigure[] = [
    {
      name: 'signs (signed pairs from the shown statements)',
      ms: timeMedian(runs, () => signedNetwork(graph)),
      libraryMs: null,
      libraryName: none,
    },
    {
      name: `triads (${triadCensus(network).triangles} triangles of ${network.pairs.length} signed pairs)`,
      ms: timeMedian(runs, () => triadCensus(network)),
      libraryMs: timeMedian(runs, () => simmelianStrength(signed)),
      libraryName: 'graphology-metrics simmelianStrength (triangles per signed pair)',
    },
    {
      name: 'camps (two camps of least frustration)',
      ms: timeMedian(runs, () => splitCamps(network)),
      libraryMs: null,
      libraryName: `${none} (signed partitioning)`,
    },
    {
      name: 'contradictions',
      ms: timeMedian(runs, () => contradictions(graph, network)),
      libraryMs: null,
      libraryName: none,
    },
    {
      name: 'metrics (pair graph, degree, PageRank, betweenness, Louvain)',
      ms: timeMedian(runs, () => actorMetrics(graph)),
      libraryMs: timeMedian(runs, () => {
        pagerank(pairs, { getEdgeWeight: 'weight', maxIterations: 1000 });
        betweennessCentrality(pairs, { getEdgeWeight: null, normalized: false });
        louvain.detailed(pairs, { getEdgeWeight: 'weight', rng: () => rng.float() });
      }),
      libraryName: 'graphology-metrics pagerank + betweenness, graphology-communities-louvain',
    },
    {
      name: '  of which PageRank',
      ms: timeMedian(runs, () => pagerank(pairs, { getEdgeWeight: 'weight', maxIterations: 1000 })),
      libraryMs: timeMedian(runs, () => pagerank(pairs, { getEdgeWeight: 'weight' })),
      libraryName: 'graphology-metrics pagerank (its defaults)',
    },
    {
      name: '  of which betweenness',
      ms: timeMedian(runs, () =>
        betweennessCentrality(pairs, { getEdgeWeight: null, normalized: false }),
      ),
      libraryMs: timeMedian(runs, () => betweennessCentrality(pairs)),
      libraryName: 'graphology-metrics betweenness (its defaults: weighted, normalised)',
    },
    {
      name: '  of which Louvain',
      ms: timeMedian(runs, () =>
        louvain.detailed(pairs, { getEdgeWeight: 'weight', rng: () => rng.float() }),
      ),
      libraryMs: timeMedian(runs, () => louvain(pairs)),
      libraryName: 'graphology-communities-louvain (its defaults)',
    },
  ];
  for (const [label, [from, to]] of [
    ['the two largest hubs', hubs],
    ['two actors picked at random', typical],
  ] as const) {
    const found = connectionPaths(index, from, to, { maxSteps: 4 }).found;
    figures.push({
      name: `paths of up to 4 steps between ${label} (${found} paths, index built once)`,
      ms: timeMedian(runs, () => connectionPaths(index, from, to, { maxSteps: 4 })),
      libraryMs: timeMedian(runs, () => allSimplePaths(index.pairs, from, to, { maxDepth: 4 })),
      libraryName: 'graphology-simple-path allSimplePaths (maxDepth 4)',
    });
  }
  figures.push(
    {
      name: 'path index (best relation of each pair)',
      ms: timeMedian(runs, () => pathIndex(graph)),
      libraryMs: null,
      libraryName: none,
    },
    {
      name: 'shortest path between the two hubs, for scale',
      ms: timeMedian(runs, () => connectionPaths(index, hubs[0], hubs[1], { maxSteps: 1 })),
      libraryMs: timeMedian(runs, () => bidirectional(index.pairs, hubs[0], hubs[1])),
      libraryName: 'graphology-shortest-path bidirectional',
    },
    {
      name: 'analyse (all of the above but paths)',
      ms: timeMedian(runs, () => analyse(graph)),
      libraryMs: null,
      libraryName: '',
    },
  );
  return figures;
}

const USAGE = `Usage: npx tsx scripts/bench/analysis.ts [options]

Generates a corpus as npm run bench does, builds it, and times each analysis beside
graphology's own functions on the same graph.

Options:
  --relations N   relations (default: 10000, the 10k tier)
  --actors N      actors (default: 2000, as the 10k tier)
  --runs N        repetitions; medians are printed (default: 3)
  -h, --help      show this help`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runCommand(USAGE, async () => {
    const args = parseCommandLine(
      process.argv.slice(2),
      {
        relations: { type: 'string', default: '10000' },
        actors: { type: 'string', default: '2000' },
        runs: { type: 'string', default: '3' },
      },
      USAGE,
    );
    const [relations, actors, runs] = [args.relations, args.actors, args.runs].map(Number);
    for (const [name, n] of [
      ['--relations', relations],
      ['--actors', actors],
      ['--runs', runs],
    ] as const)
      if (!Number.isInteger(n) || n! < 1)
        throw new UsageError(`${name} must be a whole number of at least 1`);
    const work = mkdtempSync(join(tmpdir(), 'actor-graph-bench-analysis-'));
    try {
      const corpus = generateCorpus({ relations: relations!, actors: actors!, seed: 'bench' });
      await writeFilesAtomically(work, corpus.files);
      const read = await readDataDir(work);
      const built = buildGraph(read.files, { layout: false }).graph;
      if (!built) throw new Error('the generated corpus did not build');
      const graph = filteredGraph(built, NO_FILTERS, computeVisibility(built, NO_FILTERS));
      say(
        `${relations} relations generated: ${graph.order} actors, ${graph.size} edges; medians of ${runs} runs.\n\n`,
      );
      say('| analysis | ours | graphology | graphology function |\n| --- | --- | --- | --- |\n');
      for (const f of benchAnalysis(graph, runs!))
        say(
          `| ${f.name} | ${f.ms} ms | ${f.libraryMs === null ? '–' : `${f.libraryMs} ms`} | ${f.libraryName} |\n`,
        );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return 0;
  });
}
