/**
 * The graph contract: what graph.json holds once loaded (a graphology mixed multigraph of
 * actors and their aggregated relations) and how its edges are keyed. The pipeline writes it,
 * the page and the exporters read it; nothing else defines it.
 */
import type { MultiGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../model.ts';

export type ActorGraph = MultiGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The key of the edge aggregating one (source, relation type, target). */
export function edgeKey(relation: string, source: string, target: string): string {
  return `${relation}:${source}:${target}`;
}
