import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import { NO_FILTERS, computeVisibility, type Filters } from '../../src/core/explore/filters.ts';
import { filteredGraph } from '../../src/core/explore/filteredGraph.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;
const copyUnder = (f: Filters) => filteredGraph(graph, f, computeVisibility(graph, f));

describe('filteredGraph', () => {
  it('copies the whole graph when nothing is filtered', () => {
    const copy = copyUnder(NO_FILTERS);
    expect(copy.export()).toEqual(graph.export());
    expect(copy).not.toBe(graph);
  });

  it('keeps only visible evidence and recomputes weights and dates', () => {
    const copy = copyUnder({ ...NO_FILTERS, hiddenArticles: new Set(['a2']) });
    const coop = copy.getEdgeAttributes(edgeKey('cooperates-with', 'alpha', 'beta'));
    expect([coop.weight, coop.articles, coop.firstDate, coop.lastDate]).toEqual([
      1,
      ['a1'],
      '2020-05-01',
      '2020-05-01',
    ]);
    expect(copy.hasEdge(edgeKey('opposes', 'beta', 'gamma-front'))).toBe(false);
    expect(copy.getNodeAttribute('beta', 'evidenceCount')).toBe(2);
  });

  it('leaves out hidden actors and never changes the original', () => {
    const before = JSON.stringify(graph.export());
    const copy = copyUnder({ ...NO_FILTERS, hiddenKinds: new Set(['person']) });
    expect(copy.hasNode('ann-minister')).toBe(false);
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});
