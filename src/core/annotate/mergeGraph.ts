/**
 * A rebuilt graph taken into the graph the page shows, in place, so that the view stays: the
 * selection, the filters and the camera keep their meaning, and actors the page already shows
 * stay where they are (dragged, or moved by the layout run in the page). graphology's events
 * tell sigma what changed.
 */
import type { ActorGraph } from '../graph/actorGraph.ts';

export interface GraphChanges {
  nodesAdded: string[];
  nodesDropped: string[];
  edgesAdded: string[];
  edgesDropped: string[];
  /** Relations still there whose attributes (statements) changed. */
  edgesChanged: string[];
}

export function mergeGraph(shown: ActorGraph, next: ActorGraph): GraphChanges {
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

  next.forEachNode((node, attr) => {
    if (!shown.hasNode(node)) {
      shown.addNode(node, { ...attr });
      changes.nodesAdded.push(node);
      return;
    }
    const { x, y } = shown.getNodeAttributes(node);
    shown.replaceNodeAttributes(node, { ...attr, x, y });
  });
  next.forEachEdge((edge, attr, source, target, _s, _t, undirected) => {
    if (!shown.hasEdge(edge)) {
      if (undirected) shown.addUndirectedEdgeWithKey(edge, source, target, { ...attr });
      else shown.addDirectedEdgeWithKey(edge, source, target, { ...attr });
      changes.edgesAdded.push(edge);
      return;
    }
    const before = shown.getEdgeAttributes(edge);
    if (
      JSON.stringify(before.evidence) !== JSON.stringify(attr.evidence) ||
      before.weight !== attr.weight
    ) {
      changes.edgesChanged.push(edge);
    }
    shown.replaceEdgeAttributes(edge, { ...attr, baseStroke: before.baseStroke });
  });
  return changes;
}
