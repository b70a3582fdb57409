import { describe, expect, it } from 'vitest';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import { assembleGraph } from '../../src/core/pipeline/assemble.ts';
import type { LocatedRelation } from '../../src/core/pipeline/evidence.ts';
import type { Actor, Evidence, RelationType } from '../../src/core/model.ts';
import { COOPERATES, OPPOSES } from '../helpers/dataset.ts';

const types: RelationType[] = [COOPERATES, OPPOSES];
const actors: Actor[] = [
  { id: 'a', label: 'A', kind: 'state' },
  { id: 'b', label: 'B', kind: 'person', aliases: ['Bee'], affiliation: 'a' },
  { id: 'c', label: 'C', kind: 'armed-group' },
];
const ev = (article: string, date: string | null, start = 0): Evidence => ({
  article,
  quote: 'q',
  start,
  end: start + 1,
  modality: 'asserted',
  date,
});
const item = (
  relation: string,
  source: string,
  target: string,
  evidence: Evidence,
): LocatedRelation => ({
  relation,
  source,
  target,
  directed: relation !== 'cooperates-with',
  evidence,
});

const graph = assembleGraph({
  name: 'Test',
  description: 'd',
  actors,
  relationTypes: types,
  articles: [],
  located: [
    item('cooperates-with', 'a', 'b', ev('x', '2016-07')),
    item('cooperates-with', 'a', 'b', ev('y', '2014-10', 5)),
    item('cooperates-with', 'a', 'b', {
      ...ev('y', null, 9),
      eventDate: '2015-03',
      eventDateBasis: 'stated',
      eventDateHow: 'March 2015',
    }),
    item('opposes', 'a', 'b', ev('x', '2016-07')),
    item('opposes', 'b', 'a', ev('x', '2016-07')),
  ],
});

describe('assembleGraph', () => {
  it('has a node per actor, including actors without relations', () => {
    expect(graph.nodes()).toEqual(['a', 'b', 'c']);
    expect(graph.getNodeAttributes('b')).toMatchObject({
      label: 'B',
      kind: 'person',
      aliases: ['Bee'],
      affiliation: 'a',
    });
  });

  it('aggregates evidence per source, relation type and target', () => {
    expect(graph.size).toBe(3);
    const coop = graph.getEdgeAttributes(edgeKey('cooperates-with', 'a', 'b'));
    expect(coop.weight).toBe(3);
    expect(coop.evidence).toHaveLength(3);
    expect(coop.articles).toEqual(['x', 'y']);
    expect([coop.firstDate, coop.lastDate]).toEqual(['2014-10', '2016-07']);
  });

  it('gives every edge its first and last event dates, null where no statement has one', () => {
    const coop = graph.getEdgeAttributes(edgeKey('cooperates-with', 'a', 'b'));
    expect([coop.firstEventDate, coop.lastEventDate]).toEqual(['2015-03', '2015-03']);
    const opposes = graph.getEdgeAttributes(edgeKey('opposes', 'a', 'b'));
    expect([opposes.firstEventDate, opposes.lastEventDate]).toEqual([null, null]);
    // In graph.json, right after the statement dates.
    expect(Object.keys(coop).slice(5, 9)).toEqual([
      'firstDate',
      'lastDate',
      'firstEventDate',
      'lastEventDate',
    ]);
  });

  it('keeps symmetric relations undirected and the others directed, in both directions', () => {
    expect(graph.isUndirected(edgeKey('cooperates-with', 'a', 'b'))).toBe(true);
    expect(graph.isDirected(edgeKey('opposes', 'a', 'b'))).toBe(true);
    expect(graph.source(edgeKey('opposes', 'b', 'a'))).toBe('b');
  });

  it('computes degree per relation type and evidence counts', () => {
    expect(graph.getNodeAttributes('a')).toMatchObject({
      degree: 3,
      evidenceCount: 5,
      degreeByRelation: { 'cooperates-with': 1, opposes: 2 },
    });
    expect(graph.getNodeAttributes('c')).toMatchObject({ degree: 0, evidenceCount: 0 });
    expect(graph.getNodeAttribute('a', 'size')).toBeGreaterThan(
      graph.getNodeAttribute('c', 'size'),
    );
  });

  it('serialises to plain JSON that graphology reads back', () => {
    const copy = JSON.parse(JSON.stringify(graph.export()));
    expect(copy.options).toEqual({ type: 'mixed', multi: true, allowSelfLoops: false });
    expect(
      copy.edges.find((e: { key: string }) => e.key === 'cooperates-with:a:b').undirected,
    ).toBe(true);
  });
});
