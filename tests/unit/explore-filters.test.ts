import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import {
  NO_FILTERS,
  computeVisibility,
  dateInRange,
  isEvidenceVisible,
  isFiltering,
  type Filters,
} from '../../src/core/explore/filters.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;
const filters = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });

describe('dateInRange', () => {
  it('accepts everything without bounds, undated included', () => {
    expect(dateInRange(null, null, null)).toBe(true);
  });
  it('treats partial dates as the period they stand for', () => {
    expect(dateInRange('2016', '2016-07', null)).toBe(true);
    expect(dateInRange('2016-07', null, '2016-07-01')).toBe(true);
    expect(dateInRange('2015-12-31', '2016', null)).toBe(false);
    expect(dateInRange('2017-01', null, '2016')).toBe(false);
  });
  it('leaves undated evidence out of a bounded range', () => {
    expect(dateInRange(null, '2015', null)).toBe(false);
  });
});

describe('isEvidenceVisible', () => {
  const e = {
    article: 'a1',
    quote: 'q',
    start: 0,
    end: 1,
    modality: 'negated' as const,
    date: '2020-05-01',
  };
  it('hides by modality, article and date', () => {
    expect(isEvidenceVisible(e, NO_FILTERS)).toBe(true);
    expect(isEvidenceVisible(e, filters({ hiddenModalities: new Set(['negated']) }))).toBe(false);
    expect(isEvidenceVisible(e, filters({ hiddenArticles: new Set(['a1']) }))).toBe(false);
    expect(isEvidenceVisible(e, filters({ to: '2019' }))).toBe(false);
  });
});

describe('computeVisibility', () => {
  it('shows everything without filters and marks relations that only negated evidence supports', () => {
    const v = computeVisibility(graph, NO_FILTERS);
    expect(v.nodes.size).toBe(4);
    expect(v.edges.size).toBe(graph.size);
    expect([...v.unconfirmed]).toEqual([edgeKey('cooperates-with', 'alpha', 'gamma-front')]);
    expect(isFiltering(NO_FILTERS)).toBe(false);
  });

  it('hides a relation type without touching the graph', () => {
    const v = computeVisibility(graph, filters({ hiddenRelations: new Set(['opposes']) }));
    expect([...v.edges.keys()].some((e) => e.startsWith('opposes:'))).toBe(false);
    expect(v.nodes.size).toBe(4);
    expect(graph.size).toBe(5);
  });

  it('counts only visible evidence on an edge', () => {
    const v = computeVisibility(graph, filters({ hiddenArticles: new Set(['a2']) }));
    expect(v.edges.get(edgeKey('cooperates-with', 'alpha', 'beta'))).toBe(1);
    expect(v.edges.has(edgeKey('opposes', 'beta', 'gamma-front'))).toBe(false);
  });

  it('hides actors of a hidden kind with their relations', () => {
    const v = computeVisibility(graph, filters({ hiddenKinds: new Set(['person']) }));
    expect(v.nodes.has('ann-minister')).toBe(false);
    expect(v.edges.has(edgeKey('proposes-to', 'ann-minister', 'beta'))).toBe(false);
  });

  it('optionally hides actors left without visible relations', () => {
    const v = computeVisibility(
      graph,
      filters({ hiddenRelations: new Set(['proposes-to']), hideIsolated: true }),
    );
    expect(v.nodes.has('ann-minister')).toBe(false);
    expect(v.nodes.has('alpha')).toBe(true);
  });
});
