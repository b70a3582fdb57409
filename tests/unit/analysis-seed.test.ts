import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  analyse,
  connectionPaths,
  pathIndex,
  type Analysis,
} from '../../src/core/analysis/index.ts';
import { filteredGraph } from '../../src/core/explore/filteredGraph.ts';
import {
  NO_FILTERS,
  computeVisibility,
  visibleEvidence,
  type Filters,
} from '../../src/core/explore/filters.ts';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { ROOT } from '../helpers/run.ts';

// The project's own annotated seed articles (graph-data/), built as `npm run build:graph` does.
let graph: ActorGraph;
beforeAll(async () => {
  const read = await readDataDir(join(ROOT, 'graph-data'));
  expect(read.issues).toEqual([]);
  graph = buildGraph(read.files, { layout: false }).graph!;
});

const analyseUnder = (filters: Filters): Analysis =>
  analyse(filteredGraph(graph, filters, computeVisibility(graph, filters)), {
    path: { from: 'united-states', to: 'iran' },
  });

describe('the analysis of the seed data', () => {
  it('finds at least one unbalanced triad, with the relations behind each side', () => {
    const { triads } = analyseUnder(NO_FILTERS);
    expect(triads.unbalanced.length).toBeGreaterThanOrEqual(1);
    for (const t of triads.unbalanced) {
      expect(t.signs.reduce<number>((p, s) => p * s, 1)).toBe(-1);
      for (const side of t.edges) expect(side.length).toBeGreaterThan(0);
    }
  });

  it('finds the United States - Russia contradiction, both sides asserted and dated', () => {
    const { contradictions } = analyseUnder(NO_FILTERS);
    const usRussia = contradictions.find((c) => c.a === 'russia' && c.b === 'united-states');
    expect(usRussia).toBeDefined();
    for (const side of [usRussia!.positive, usRussia!.negative]) {
      expect(side.counted).toBeGreaterThan(0);
      expect(side.strongest[0]!.evidence.modality).toBe('asserted');
      expect(side.strongest[0]!.evidence.date).toMatch(/^\d{4}/);
    }
    expect(usRussia!.positive.strongest.map((s) => s.evidence.quote)).toContain(
      'The US and Russia brokered a ceasefire in Syria on February 27',
    );
  });

  it('splits the actors into camps and follows the filters', () => {
    const all = analyseUnder(NO_FILTERS);
    expect(all.camps.camps.size).toBe(all.network.neighbours.size);
    expect(all.camps.frustration).toBe(all.camps.frustrated.length);
    expect(all.paths!.found).toBeGreaterThan(0);
    // Only what was said up to 2015: fewer relations, different figures.
    const early = analyseUnder({ ...NO_FILTERS, to: '2015' });
    expect(early.network.pairs.length).toBeLessThan(all.network.pairs.length);
    expect(early.metrics.actors.get('russia')!.weightedDegree).toBeLessThan(
      all.metrics.actors.get('russia')!.weightedDegree,
    );
  });
});

describe('paths over a view of the graph (what the page asks)', () => {
  it('are those of the filtered copy, for any filters, without making the copy', () => {
    const views: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, to: '2015' },
      { ...NO_FILTERS, hiddenRelations: new Set(['opposes']) },
      { ...NO_FILTERS, hiddenModalities: new Set(['asserted']) },
    ];
    const pairs = [
      ['united-states', 'iran'],
      ['russia', 'islamic-state'],
      ['iran', 'nusra-front'],
    ] as const;
    let found = 0;
    for (const filters of views) {
      const visibility = computeVisibility(graph, filters);
      const copy = pathIndex(filteredGraph(graph, filters, visibility));
      const view = pathIndex(graph, {
        nodes: visibility.nodes,
        edges: visibility.edges,
        evidenceOf: (attr) => visibleEvidence(attr, filters),
      });
      for (const [from, to] of pairs) {
        if (!visibility.nodes.has(from) || !visibility.nodes.has(to)) continue;
        const expected = connectionPaths(copy, from, to);
        expect(connectionPaths(view, from, to)).toEqual(expected);
        found += expected.found;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});
