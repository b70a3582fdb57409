/**
 * The graph contract: what graph.json holds once loaded (a graphology mixed multigraph of
 * actors and their aggregated relations) and how its edges are keyed. The pipeline writes it,
 * the page and the exporters read it; nothing else defines it.
 */
import type { MultiGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RelationType } from '../model.ts';
import { edgeSize } from '../style.ts';

export type ActorGraph = MultiGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The key of the edge aggregating one (source, relation type, target). */
export function edgeKey(relation: string, source: string, target: string): string {
  return `${relation}:${source}:${target}`;
}

/**
 * The attributes of a relation of `type` with no evidence yet: the build then adds its
 * statements, the events layer its machine-coded evidence.
 */
export function emptyEdgeAttributes(type: RelationType): EdgeAttributes {
  return {
    relation: type.id,
    label: type.label,
    weight: 0,
    evidence: [],
    articles: [],
    firstDate: null,
    lastDate: null,
    firstEventDate: null,
    lastEventDate: null,
    color: type.color,
    size: edgeSize(0),
  };
}
