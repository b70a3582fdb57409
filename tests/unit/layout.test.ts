import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { layoutGraph } from '../../src/core/pipeline/layout.ts';

function ring(n: number): Graph {
  const graph = new Graph();
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (let i = 0; i < n; i++) graph.addEdge(String(i), String((i + 1) % n), { weight: 1 });
  return graph;
}
const positions = (g: Graph) => g.mapNodes((n, a) => [n, a.x, a.y]);

describe('layoutGraph', () => {
  it('gives the same positions for the same graph and seed', () => {
    const a = ring(30);
    const b = ring(30);
    layoutGraph(a, { iterations: 50, seed: 's' });
    layoutGraph(b, { iterations: 50, seed: 's' });
    expect(positions(a)).toEqual(positions(b));
  });

  it('gives other positions for another seed', () => {
    const a = ring(30);
    const b = ring(30);
    layoutGraph(a, { iterations: 50, seed: 's' });
    layoutGraph(b, { iterations: 50, seed: 't' });
    expect(positions(a)).not.toEqual(positions(b));
  });

  it('spreads nodes out and keeps coordinates finite', () => {
    const g = ring(30);
    layoutGraph(g, { iterations: 50 });
    const xs = g.mapNodes((_n, a) => a.x as number);
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(new Set(xs).size).toBe(30);
  });
});
