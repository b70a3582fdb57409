/**
 * Every choice that depends on the size of the graph, in one place (as graphology's
 * `inferSettings(graph)` does for ForceAtlas2): node sizes, layout iterations and Barnes-Hut,
 * labels, edge picking and the margin around the network. The build, the exporters and the
 * page all ask here, so a threshold cannot drift between them.
 *
 * Tiers by number of actors:
 *   small   <= 100    every label drawn, wide size range, a wide margin for labels at the rim
 *   medium  <= 500    labels thinned by sigma's grid; exact (pairwise) repulsion still affordable
 *   large   <= 5,000  Barnes-Hut repulsion (ForceAtlas2 itself waits until 2,000: too slow)
 *   huge    > 5,000   fewer layout iterations, the narrowest size range
 * Edge picking (a second picking pass per frame) is by number of relations instead.
 */

export type SizeTier = 'small' | 'medium' | 'large' | 'huge';

export interface SizePolicy {
  tier: SizeTier;
  /** Node size range in pixels at the default zoom (see nodeSize in style.ts). */
  nodeSizeRange: readonly [number, number];
  /** ForceAtlas2 iterations of the build's layout. */
  layoutIterations: number;
  /** Approximate repulsion (Barnes-Hut) rather than computing it pairwise. */
  barnesHut: boolean;
  /** sigma's labelRenderedSizeThreshold and labelDensity. */
  labelRenderedSizeThreshold: number;
  labelDensity: number;
  /** Whether relations can be picked with the pointer (sigma's enableEdgeEvents). */
  edgeEvents: boolean;
  /** Pixels kept free around the network (labels extend to the right of their actors). */
  stagePadding: number;
}

export const TIER_MAX_NODES = { small: 100, medium: 500, large: 5_000 } as const;
/** Above this many relations, edge picking is off: it doubles the picking pass. */
export const EDGE_EVENTS_MAX_EDGES = 5_000;

export function sizeTier(order: number): SizeTier {
  if (order <= TIER_MAX_NODES.small) return 'small';
  if (order <= TIER_MAX_NODES.medium) return 'medium';
  if (order <= TIER_MAX_NODES.large) return 'large';
  return 'huge';
}

/** The policy for a graph of `order` actors and `size` relations. */
export function sizePolicy(graph: { order: number; size: number }): SizePolicy {
  const tier = sizeTier(graph.order);
  const small = tier === 'small';
  return {
    tier,
    nodeSizeRange: small ? [4, 20] : tier === 'medium' ? [2.5, 14] : [1.5, 9],
    layoutIterations: tier === 'huge' ? 100 : tier === 'large' ? 300 : 1000,
    barnesHut: tier === 'large' || tier === 'huge',
    labelRenderedSizeThreshold: small ? 0 : 4,
    labelDensity: small ? 2 : 0.7,
    edgeEvents: graph.size <= EDGE_EVENTS_MAX_EDGES,
    stagePadding: small ? 24 : 30,
  };
}
