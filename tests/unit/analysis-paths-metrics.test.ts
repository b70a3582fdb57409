import { allSimplePaths } from 'graphology-simple-path';
import { describe, expect, it } from 'vitest';
import {
  actorMetrics,
  connectionPaths,
  pairGraph,
  pathIndex,
} from '../../src/core/analysis/index.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import { testNode } from '../helpers/dataset.ts';
import { g, type S } from '../helpers/handGraph.ts';

/** n asserted statements, each from its own article. */
const asserted = (n: number): S[] => Array.from({ length: n }, () => 'asserted' as const);

// ---- paths ------------------------------------------------------------------------------------

describe('connectionPaths', () => {
  const graph = g(
    ['a + b', asserted(3)],
    ['b + d', [...asserted(3), { modality: 'reported', date: '2024' }]],
    ['a - c', asserted(1)],
    ['c + d', asserted(5)],
    ['a > d', ['proposed']],
    ['a + e', asserted(2)],
    ['e + d', asserted(2)],
    ['e - d', asserted(1)],
    ['a + f', asserted(3)],
    ['f + g', asserted(3)],
    ['g + d', asserted(3)],
    ['h + i', asserted(9)],
  );
  const index = pathIndex(graph);

  it('ranks paths by their weakest step, then by length', () => {
    const result = connectionPaths(index, 'a', 'd');
    expect(result.found).toBe(5);
    expect(
      result.paths.map((p) => [p.actors.join(''), p.weakest.asserted, p.weakest.articles]),
    ).toEqual([
      ['abd', 3, 3],
      ['afgd', 3, 3],
      ['aed', 2, 2],
      ['acd', 1, 1],
      ['ad', 0, 1],
    ]);
  });

  it('takes the best relation of a pair for a step, with its strongest statement', () => {
    const [abd] = connectionPaths(index, 'a', 'd').paths;
    const bd = abd!.steps[1]!;
    expect(bd).toMatchObject({
      from: 'b',
      to: 'd',
      edge: edgeKey('cooperates-with', 'b', 'd'),
      relation: 'cooperates-with',
      asserted: 3,
      articles: 4,
      statements: 4,
    });
    // Asserted before the later reported statement.
    expect(bd.statement.evidence.modality).toBe('asserted');
    const aed = connectionPaths(index, 'a', 'd').paths[2]!;
    // e + d (2 asserted) rather than e - d (1).
    expect(aed.steps[1]!.edge).toBe(edgeKey('cooperates-with', 'd', 'e'));
    // The step goes from c to d over a relation a opposes c, written source to target.
    const acd = connectionPaths(index, 'd', 'a').paths[3]!;
    expect(acd.actors).toEqual(['d', 'c', 'a']);
    expect(acd.steps[1]!.statement).toMatchObject({
      source: 'a',
      target: 'c',
      relation: 'opposes',
    });
  });

  it('keeps to the longest path asked for, caps the list and counts all', () => {
    expect(connectionPaths(index, 'a', 'd', { maxSteps: 2 }).found).toBe(4);
    const capped = connectionPaths(index, 'a', 'd', { limit: 2 });
    expect([capped.found, capped.paths.length]).toEqual([5, 2]);
    expect(connectionPaths(index, 'a', 'd', { limit: 0 })).toMatchObject({ found: 5, paths: [] });
  });

  it('finds what graphology-simple-path finds', () => {
    for (const [from, to] of [
      ['a', 'd'],
      ['b', 'g'],
      ['c', 'f'],
    ] as const) {
      for (const maxSteps of [1, 2, 3, 4]) {
        const ours = connectionPaths(index, from, to, { maxSteps, limit: 1000 });
        const theirs = allSimplePaths(index.pairs, from, to, { maxDepth: maxSteps });
        expect(ours.found).toBe(theirs.length);
        expect(ours.paths.map((p) => p.actors.join()).sort()).toEqual(
          theirs.map((p) => p.join()).sort(),
        );
      }
    }
  });

  it('finds nothing between unconnected, unknown or identical actors', () => {
    expect(connectionPaths(index, 'a', 'h').found).toBe(0);
    expect(connectionPaths(index, 'a', 'nobody').found).toBe(0);
    expect(connectionPaths(index, 'a', 'a').found).toBe(0);
  });
});

// ---- metrics ----------------------------------------------------------------------------------

describe('actorMetrics', () => {
  it('gives degree, weighted degree, PageRank and betweenness as computed by hand', () => {
    // a + b (2 statements), b - c and c - b (1 each): the pair graph is the path a - b - c.
    const graph = g(['a + b', asserted(2)], 'b - c', 'c - b', ['lonely > a', ['proposed']]);
    graph.dropNode('lonely');
    const { actors } = actorMetrics(graph);
    const m = (id: string) => actors.get(id)!;
    expect([m('a').degree, m('b').degree, m('c').degree]).toEqual([1, 3, 2]);
    expect([m('a').weightedDegree, m('b').weightedDegree, m('c').weightedDegree]).toEqual([
      2, 4, 2,
    ]);
    expect([m('a').neighbours, m('b').neighbours, m('c').neighbours]).toEqual([1, 2, 1]);
    // Only b lies between two others (a and c), on their one shortest path.
    expect([m('a').betweenness, m('b').betweenness, m('c').betweenness]).toEqual([0, 1, 0]);
    // PageRank with damping 0.85 on the path with equal weights (2 and 2):
    // b = 0.05 + 0.85 (a + c), a = c = 0.05 + 0.85 b / 2  =>  b = 0.135 / 0.2775.
    const b = 0.135 / 0.2775;
    expect(m('b').pagerank).toBeCloseTo(b, 5);
    expect(m('a').pagerank).toBeCloseTo((1 - b) / 2, 5);
    expect(m('c').pagerank).toBeCloseTo((1 - b) / 2, 5);
  });

  it('weights the pair graph by statements, whatever the type and direction', () => {
    const pairs = pairGraph(g(['a + b', asserted(2)], 'a - b', 'b - a', 'b > c'));
    expect(pairs.type).toBe('undirected');
    expect(pairs.multi).toBe(false);
    expect(pairs.size).toBe(2);
    expect(pairs.getEdgeAttribute(pairs.edge('a', 'b')!, 'weight')).toBe(4);
  });

  it('finds two communities in two triangles joined by one relation, the same each time', () => {
    const graph = g('a + b', 'b + c', 'a - c', 'd + e', 'e + f', 'd + f', 'c > d', 'x + y');
    const result = actorMetrics(graph);
    const communities = Object.fromEntries([...result.actors].map(([id, m]) => [id, m.community]));
    expect(communities).toEqual({ a: 0, b: 0, c: 0, d: 1, e: 1, f: 1, x: 2, y: 2 });
    expect(result.communities).toBe(3);
    // Modularity: each triangle holds 3 of the 8 relations, with degree sums 7, 7 and 2.
    const q = 2 * (3 / 8 - (7 / 16) ** 2) + (1 / 8 - (2 / 16) ** 2);
    expect(result.modularity).toBeCloseTo(q, 10);
    const again = actorMetrics(graph);
    expect([...again.actors]).toEqual([...result.actors]);
  });

  it('copes with an empty graph and with actors without relations', () => {
    expect(actorMetrics(g()).actors.size).toBe(0);
    const graph = g('a + b');
    graph.addNode('alone', testNode('alone'));
    const result = actorMetrics(graph);
    expect(result.actors.get('alone')).toMatchObject({
      degree: 0,
      weightedDegree: 0,
      betweenness: 0,
    });
    expect(result.communities).toBe(2);
  });
});
