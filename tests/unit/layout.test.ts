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
});
