/**
 * A rebuilt graph taken into the graph the page shows, in place, so that the view stays: the
 * selection, the filters and the camera keep their meaning, and actors the page already shows
 * stay where they are (dragged, or moved by the layout run in the page). graphology's events
 * tell sigma what changed.
 */
import type { ActorGraph } from '../graph/actorGraph.ts';
import type { EdgeAttributes } from '../model.ts';
import { sameValue } from './sameValue.ts';

export interface GraphChanges {
  nodesAdded: string[];
  nodesDropped: string[];
  edgesAdded: string[];
  edgesDropped: string[];
  /** Relations still there whose attributes (statements) changed. */
  edgesChanged: string[];
}

export interface MergeOptions {
  /**
   * What the page adds to a relation's attributes for display (the canvas's `baseStroke`),
   * given before the relation is added or updated: a renderer may not be told of a relation
   * it has not drawn yet.
   */
  edgeAttributes?: (attr: EdgeAttributes) => EdgeAttributes;
}

export function mergeGraph(
  shown: ActorGraph,
  next: ActorGraph,
  options: MergeOptions = {},
): GraphChanges {
  const prepare = options.edgeAttributes ?? ((attr: EdgeAttributes) => attr);
  const changes: GraphChanges = {
    nodesAdded: [],
    nodesDropped: [],
    edgesAdded: [],
    edgesDropped: [],
    edgesChanged: [],
  };
  shown.replaceAttributes({ ...next.getAttributes() });
  // Relations first: one whose ends or direction changed is dropped and added anew.
  shown.forEachEdge((edge, _attr, source, target) => {
    const keep =
      next.hasEdge(edge) &&
      next.source(edge) === source &&
      next.target(edge) === target &&
      next.isDirected(edge) === shown.isDirected(edge);
    if (!keep) changes.edgesDropped.push(edge);
  });
  for (const edge of changes.edgesDropped) shown.dropEdge(edge);
  shown.forEachNode((node) => {
    if (!next.hasNode(node)) changes.nodesDropped.push(node);
  });
  for (const node of changes.nodesDropped) shown.dropNode(node);

  // Only what changed is touched: every update is an event a renderer acts on.
  next.forEachNode((node, attr) => {
    if (!shown.hasNode(node)) {
      shown.addNode(node, { ...attr });
      changes.nodesAdded.push(node);
      return;
    }
    const before = shown.getNodeAttributes(node);
    const after = { ...attr, x: before.x, y: before.y };
    if (!sameValue(before, after)) shown.replaceNodeAttributes(node, after);
  });
  next.forEachEdge((edge, attr, source, target, _s, _t, undirected) => {
    if (!shown.hasEdge(edge)) {
      const added = prepare({ ...attr });
      if (undirected) shown.addUndirectedEdgeWithKey(edge, source, target, added);
      else shown.addDirectedEdgeWithKey(edge, source, target, added);
      changes.edgesAdded.push(edge);
      return;
    }
    const before = shown.getEdgeAttributes(edge);
    const after = prepare({ ...attr });
    if (!sameValue(before, after)) {
      changes.edgesChanged.push(edge);
      shown.replaceEdgeAttributes(edge, after);
    }
  });
  return changes;
}
