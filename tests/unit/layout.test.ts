import Graph from 'graphology';
import random from 'graphology-layout/random';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYOUT_SEED,
  LayoutOptionError,
  layoutGraph,
} from '../../src/core/pipeline/layout.ts';

/** Two cliques of `n` actors each, joined by a single relation. */
function twoCliques(n: number): Graph {
  const graph = new Graph({ type: 'undirected' });
  for (const side of ['a', 'b']) {
    for (let i = 0; i < n; i++) graph.addNode(`${side}${i}`);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) graph.addEdge(`${side}${i}`, `${side}${j}`, { weight: 1 });
  }
  graph.addEdge('a0', 'b0', { weight: 1 });
  return graph;
}

const distance = (g: Graph, u: string, v: string) =>
  Math.hypot(
    g.getNodeAttribute(u, 'x') - g.getNodeAttribute(v, 'x'),
    g.getNodeAttribute(u, 'y') - g.getNodeAttribute(v, 'y'),
  );

/** Mean distance within the cliques divided by the mean distance across them. */
function separation(g: Graph): number {
  let within = 0;
  let nWithin = 0;
  let across = 0;
  let nAcross = 0;
  const nodes = g.nodes();
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const d = distance(g, nodes[i]!, nodes[j]!);
      if (nodes[i]![0] === nodes[j]![0]) {
        within += d;
        nWithin++;
      } else {
        across += d;
        nAcross++;
      }
    }
  }
  return within / nWithin / (across / nAcross);
}

const positions = (g: Graph) => g.mapNodes((n, a) => [n, a.x, a.y]);

describe('layoutGraph', () => {
  it('pulls related actors together and pushes the two groups apart', () => {
    // The seeded start alone mixes the groups: a layout that did nothing would fail here.
    const start = twoCliques(8);
    random.assign(start, { rng: seedrandom(DEFAULT_LAYOUT_SEED), scale: 100, center: 0 });
    expect(separation(start)).toBeGreaterThan(0.8);

    const laidOut = twoCliques(8);
    layoutGraph(laidOut, { iterations: 200 });
    expect(separation(laidOut)).toBeLessThan(0.5);
    // The bridge's two ends sit between their groups: closer to each other than the groups'
    // far members are.
    expect(distance(laidOut, 'a0', 'b0')).toBeLessThan(distance(laidOut, 'a5', 'b5'));
  });

  it('gives the same positions for the same graph and seed, and others for another seed', () => {
    const a = twoCliques(5);
    const b = twoCliques(5);
    const c = twoCliques(5);
    layoutGraph(a, { iterations: 50, seed: 's' });
    layoutGraph(b, { iterations: 50, seed: 's' });
    layoutGraph(c, { iterations: 50, seed: 't' });
    expect(positions(a)).toEqual(positions(b));
    expect(positions(a)).not.toEqual(positions(c));
    expect(positions(a).every(([, x, y]) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
  });

  it('refuses an iteration count it cannot use, with its own message', () => {
    for (const iterations of [0, -3, 2.5, Number.NaN, 100_001, 99999999999, 1e308]) {
      expect(() => layoutGraph(twoCliques(3), { iterations })).toThrow(LayoutOptionError);
    }
    expect(() => layoutGraph(twoCliques(3), { iterations: 0 })).toThrow(
      /whole number from 1 to 100,000 \(got 0\)/,
    );
  });

  it('lays out an empty graph without complaint', () => {
    expect(() => layoutGraph(new Graph())).not.toThrow();
  });

  describe('from a previous layout (previous)', () => {
    /** The two cliques laid out, and their positions. */
    const laidOut = () => {
      const g = twoCliques(5);
      g.forEachNode((n) => g.setNodeAttribute(n, 'size', 4));
      layoutGraph(g, { iterations: 100 });
      const previous = new Map(g.mapNodes((n, a) => [n, { x: a.x as number, y: a.y as number }]));
      return { g, previous };
    };

    it('keeps every known actor exactly where it was, and runs no ForceAtlas2', () => {
      const { previous } = laidOut();
      const again = twoCliques(5);
      again.forEachNode((n) => again.setNodeAttribute(n, 'size', 4));
      // A new relation between known actors: nothing moves.
      again.addEdge('a1', 'b2', { weight: 1 });
      layoutGraph(again, { previous });
      for (const [node, p] of previous) {
        expect(again.getNodeAttribute(node, 'x')).toBe(p.x);
        expect(again.getNodeAttribute(node, 'y')).toBe(p.y);
      }
    });

    it('starts a new actor beside its neighbour, deterministically', () => {
      const { g, previous } = laidOut();
      const place = () => {
        const next = g.copy();
        next.addNode('new', { size: 4 });
        next.addEdge('new', 'b3', { weight: 1 });
        layoutGraph(next, { previous });
        return next;
      };
      const next = place();
      const extent = Math.max(
        ...[...previous.values()].flatMap((p) => [Math.abs(p.x), Math.abs(p.y)]),
      );
      expect(distance(next, 'new', 'b3')).toBeLessThan(extent / 5);
      expect(distance(next, 'new', 'b3')).toBeGreaterThan(0);
      // Closer to its neighbour than to the other group.
      expect(distance(next, 'new', 'b3')).toBeLessThan(distance(next, 'new', 'a3'));
      expect(positions(place())).toEqual(positions(next));
      // The known actors kept their places exactly.
      const moved = [...previous].filter(
        ([n, p]) => next.getNodeAttribute(n, 'x') !== p.x || next.getNodeAttribute(n, 'y') !== p.y,
      );
      expect(moved).toEqual([]);
    });

    it('places new actors with no placed neighbour within the known extent, apart', () => {
      const { g, previous } = laidOut();
      const next = g.copy();
      next.addNode('x1', { size: 4 });
      next.addNode('x2', { size: 4 });
      next.addEdge('x1', 'x2', { weight: 1 });
      next.addNode('lonely', { size: 4 });
      layoutGraph(next, { previous });
      const xs = [...previous.values()].map((p) => p.x);
      for (const n of ['x1', 'x2', 'lonely']) {
        const x = next.getNodeAttribute(n, 'x') as number;
        expect(Number.isFinite(x)).toBe(true);
        expect(x).toBeGreaterThan(Math.min(...xs) - 50);
        expect(x).toBeLessThan(Math.max(...xs) + 50);
      }
      expect(distance(next, 'x1', 'lonely')).toBeGreaterThan(0);
    });

    it('moves a new actor clear of the discs around it, never a known one', () => {
      // Three known actors packed around the spot the new one would start at.
      const g = new Graph({ type: 'undirected' });
      const previous = new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 1, y: 0 }],
        ['c', { x: 0, y: 1 }],
        ['far', { x: 640, y: 640 }],
      ]);
      for (const n of previous.keys()) g.addNode(n, { size: 10 });
      g.addNode('new', { size: 10 });
      for (const n of ['a', 'b', 'c']) g.addEdge('new', n, { weight: 1 });
      layoutGraph(g, { previous });
      for (const [n, p] of previous) {
        expect([g.getNodeAttribute(n, 'x'), g.getNodeAttribute(n, 'y')]).toEqual([p.x, p.y]);
      }
      // 640 units on a 640-pixel canvas: a unit is a pixel; discs of 10 px, 6 px apart.
      for (const n of ['a', 'b', 'c']) expect(distance(g, 'new', n)).toBeGreaterThanOrEqual(26);
      expect(distance(g, 'new', 'a')).toBeLessThan(80);
    });
  });
});
