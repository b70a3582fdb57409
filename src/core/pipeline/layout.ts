import type Graph from 'graphology';
import random from 'graphology-layout/random';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import seedrandom from 'seedrandom';

export interface LayoutOptions {
  /** ForceAtlas2 iterations; by default fewer as the graph grows. */
  iterations?: number;
  /** Seed of the starting positions: the same seed and graph give the same layout. */
  seed?: string;
}

export const DEFAULT_LAYOUT_SEED = 'actor-graph';

export function defaultIterations(order: number): number {
  if (order <= 500) return 1000;
  if (order <= 5000) return 300;
  return 100;
}

/** Above this many nodes, repulsion is approximated (Barnes-Hut) rather than computed pairwise. */
export const BARNES_HUT_MIN_NODES = 500;

/**
 * ForceAtlas2's own inferred settings, with strong gravity (isolated actors stay near) and
 * Barnes-Hut from a few hundred nodes (ForceAtlas2 itself waits until 2,000, which makes a
 * 2,000-node layout slow). A small graph is spread wider, its hubs' attraction distributed so
 * that the many actors tied to one hub do not pile up on it; in a large one that would push
 * the hubs to the rim, so there hubs keep their neighbourhoods around them.
 */
export function layoutSettings(graph: Graph): ForceAtlas2Settings {
  const small = graph.order <= BARNES_HUT_MIN_NODES;
  return {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: !small,
    scalingRatio: small ? 30 : 10,
    gravity: 1,
    strongGravityMode: true,
    outboundAttractionDistribution: small,
  };
}

/**
 * Lays the graph out deterministically: seeded random starting positions, then a fixed number of
 * ForceAtlas2 iterations (Barnes-Hut above a few thousand nodes, as inferSettings decides).
 * Positions are rounded so that the JSON is stable across runs. Mutates x and y in place.
 */
export function layoutGraph(graph: Graph, options: LayoutOptions = {}): void {
  const rng = seedrandom(options.seed ?? DEFAULT_LAYOUT_SEED);
  random.assign(graph, { rng, scale: 100, center: 0 });
  forceAtlas2.assign(graph, {
    iterations: options.iterations ?? defaultIterations(graph.order),
    getEdgeWeight: 'weight',
    settings: layoutSettings(graph),
  });
  graph.updateEachNodeAttributes((_node, attr) => ({
    ...attr,
    x: Math.round(attr.x * 1000) / 1000,
    y: Math.round(attr.y * 1000) / 1000,
  }));
}
