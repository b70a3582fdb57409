import type Graph from 'graphology';
import type { Visibility } from './filters.ts';

/** The items kept vivid while everything else is dimmed. */
export interface Focus {
  nodes: Set<string>;
  edges: Set<string>;
}

/** An actor, its counterparts through visible relations, and those relations. */
export function actorFocus(graph: Graph, visibility: Visibility, node: string): Focus {
  const nodes = new Set<string>([node]);
  const edges = new Set<string>();
  graph.forEachEdge(node, (edge, _attr, source, target) => {
    if (!visibility.edges.has(edge)) return;
    edges.add(edge);
    nodes.add(source === node ? target : source);
  });
  return { nodes, edges };
}

/** A relation and its two actors. */
export function edgeFocus(graph: Graph, edge: string): Focus {
  return { nodes: new Set(graph.extremities(edge)), edges: new Set([edge]) };
}

/** A path between two actors: its actors and the relation of each step. */
export function pathFocus(actors: readonly string[], steps: readonly { edge: string }[]): Focus {
  return { nodes: new Set(actors), edges: new Set(steps.map((step) => step.edge)) };
}
