import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import {
  FILTERS,
  FILTER_KEYS,
  NO_FILTERS,
  computeVisibility,
  isEvidenceVisible,
  isFiltering,
  isPartialDate,
  visibleEvidence,
  type Filters,
} from '../../src/core/explore/filters.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;
const filters = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });

const evidenceAt = (date: string | null) => ({
  article: 'a1',
  quote: 'q',
  start: 0,
  end: 1,
  modality: 'asserted' as const,
  date,
});
const inRange = (date: string | null, from: string | null, to: string | null) =>
  isEvidenceVisible(evidenceAt(date), filters({ from, to }));

describe('the date range', () => {
  it('accepts everything without bounds, undated included', () => {
    expect(inRange(null, null, null)).toBe(true);
  });
  it('treats partial dates as the period they stand for', () => {
    expect(inRange('2016', '2016-07', null)).toBe(true);
    expect(inRange('2016-07', null, '2016-07-01')).toBe(true);
    expect(inRange('2015-12-31', '2016', null)).toBe(false);
    expect(inRange('2017-01', null, '2016')).toBe(false);
    expect(inRange('2016-03-04', '2016-03-04', '2016-03-04')).toBe(true);
  });
  it('leaves undated evidence out of a bounded range', () => {
    expect(inRange(null, '2015', null)).toBe(false);
    expect(inRange(null, null, '2015')).toBe(false);
  });
  it('takes only real dates as bounds', () => {
    expect(['2016', '2016-02', '2016-02-29'].every(isPartialDate)).toBe(true);
    expect(['2015-02-29', '2021-02-31', '2016-13', '16', '2016-1-1'].some(isPartialDate)).toBe(
      false,
    );
  });
});

describe('the kind of date the range tests', () => {
  const both = (date: string | null, eventDate: string | undefined) => ({
    ...evidenceAt(date),
    ...(eventDate === undefined ? {} : { eventDate }),
  });
  const shown = (
    e: ReturnType<typeof both>,
    dateKind: Filters['dateKind'],
    from: string | null,
    to: string | null,
  ) => isEvidenceVisible(e, filters({ dateKind, from, to }));

  it('is the statement date by default, the event date on request', () => {
    expect(NO_FILTERS.dateKind).toBe('statement');
    // Said in 2016 about an event of May 2015.
    const e = both('2016-07', '2015-05');
    expect(shown(e, 'statement', '2016', '2016')).toBe(true);
    expect(shown(e, 'event', '2016', '2016')).toBe(false);
    expect(shown(e, 'event', '2015-05', '2015-05')).toBe(true);
    expect(shown(e, 'statement', '2015-05', '2015-05')).toBe(false);
  });

  it('takes a statement without an event date as undated for the event kind', () => {
    const e = both('2016-07', undefined);
    expect(shown(e, 'event', null, null)).toBe(true);
    expect(shown(e, 'event', '2000', null)).toBe(false);
    expect(shown(e, 'event', null, '2100')).toBe(false);
    expect(shown(both(null, '2016'), 'event', '2016-07', null)).toBe(true);
  });

  it('is a setting: alone it hides nothing and is not an active filter', () => {
    const eventKind = filters({ dateKind: 'event' });
    expect(isFiltering(eventKind)).toBe(false);
    expect(computeVisibility(graph, eventKind).edges.size).toBe(graph.size);
    expect(FILTERS.dateKind.param).toBe('dates');
    expect(FILTERS.dateKind.read('event')).toBe('event');
    expect(FILTERS.dateKind.read('bogus')).toBe('statement');
    expect(FILTERS.dateKind.read(null)).toBe('statement');
    expect(FILTERS.dateKind.write('statement')).toBeNull();
    expect(FILTERS.dateKind.write('event')).toBe('event');
  });

  it('gives the exports and counts the statements of the chosen kind in the range', () => {
    // The small dataset has no event dates: a range by event date hides every relation.
    const byEvent = computeVisibility(graph, filters({ dateKind: 'event', from: '2000' }));
    expect(byEvent.edges.size).toBe(0);
    const byStatement = computeVisibility(graph, filters({ from: '2000' }));
    expect(byStatement.edges.size).toBeGreaterThan(0);
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

describe('the filter declarations', () => {
  it('give every filter a URL parameter of its own and a default that hides nothing', () => {
    const params = FILTER_KEYS.map((key) => FILTERS[key].param);
    expect(new Set(params).size).toBe(params.length);
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(computeVisibility(graph, NO_FILTERS).edges.size).toBe(graph.size);
  });

  it('make every filter count: each one, set, hides something of a graph that has it', () => {
    // One value per filter that hides something of the small dataset: a filter declared but
    // not wired into visibility would fail here.
    const hiding: Filters = {
      hiddenRelations: new Set(['opposes']),
      hiddenModalities: new Set(['negated']),
      evidenceKinds: new Set(['annotated', 'machine-coded']),
      minStatements: 2,
      strictEvidence: { asserted: 2, outlets: 2 },
      hiddenKinds: new Set(['person']),
      hideIsolated: true,
      dateKind: 'event',
      from: '2021',
      to: '2019',
      hiddenArticles: new Set(['a2']),
    };
    const all = computeVisibility(graph, NO_FILTERS);
    for (const key of FILTER_KEYS) {
      const only = filters({
        [key]: hiding[key],
        // hideIsolated hides only what another filter left without relations.
        ...(key === 'hideIsolated' ? { hiddenRelations: new Set(['proposes-to']) } : {}),
        // The date kind is a setting: it changes what a date range hides.
        ...(key === 'dateKind' ? { from: '2000' } : {}),
      });
      const v = computeVisibility(graph, only);
      expect(isFiltering(only)).toBe(true);
      const hidesSomething =
        key === 'hideIsolated'
          ? v.nodes.size < computeVisibility(graph, { ...only, hideIsolated: false }).nodes.size
          : key === 'dateKind'
            ? v.edges.size < computeVisibility(graph, { ...only, dateKind: 'statement' }).edges.size
            : v.edges.size < all.edges.size || v.nodes.size < all.nodes.size;
      expect(hidesSomething, key).toBe(true);
    }
  });

  it('hide relations with fewer shown statements than the minimum', () => {
    const v = computeVisibility(graph, filters({ minStatements: 2 }));
    expect([...v.edges.values()].every((n) => n >= 2)).toBe(true);
    expect(v.edges.get(edgeKey('cooperates-with', 'alpha', 'beta'))).toBe(2);
    // The minimum counts the statements other filters leave shown.
    const fewer = computeVisibility(
      graph,
      filters({ minStatements: 2, hiddenArticles: new Set(['a2']) }),
    );
    expect(fewer.edges.has(edgeKey('cooperates-with', 'alpha', 'beta'))).toBe(false);
  });

  it('give the exports the statements the filters show', () => {
    const attr = graph.getEdgeAttributes(edgeKey('cooperates-with', 'alpha', 'beta'));
    expect(visibleEvidence(attr, NO_FILTERS)).toHaveLength(2);
    expect(visibleEvidence(attr, filters({ hiddenArticles: new Set(['a2']) }))).toHaveLength(1);
  });

  it('keep, under strict evidence, only relations enough asserted statements and outlets support', () => {
    // Alpha and Beta: asserted in a1 (The Test Post) and a2 (outlet unknown): two outlets.
    const strict = computeVisibility(
      graph,
      filters({ strictEvidence: { asserted: 2, outlets: 2 } }),
    );
    expect([...strict.edges.keys()]).toEqual([edgeKey('cooperates-with', 'alpha', 'beta')]);
    expect(
      computeVisibility(graph, filters({ strictEvidence: { asserted: 2, outlets: 3 } })).edges.size,
    ).toBe(0);
    // The modality filter decides what is shown first: without a2, one outlet is left.
    const withoutA2 = filters({
      strictEvidence: { asserted: 1, outlets: 2 },
      hiddenArticles: new Set(['a2']),
    });
    expect(computeVisibility(graph, withoutA2).edges.size).toBe(0);
  });
});
