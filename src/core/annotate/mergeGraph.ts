/**
 * A rebuilt graph taken into the graph the page shows, in place, so that the view stays: the
 * selection, the filters and the camera keep their meaning, and actors the page already shows
 * stay where they are (dragged, or moved by the layout run in the page). graphology's events
 * tell sigma what changed. Either the whole rebuilt graph (mergeGraph: what changed is found
 * here) or what changed, as the workbench's save answers it (applyGraphDiff: a GraphDiff of
 * graphDiff.ts, checked first).
 */
import type { ActorGraph } from '../graph/actorGraph.ts';
import { describeProblems } from '../graph/checkGraph.ts';
import type { EdgeAttributes, NodeAttributes } from '../model.ts';
import { checkGraphDiff, edgesNotKept, type GraphDiff } from './graphDiff.ts';
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

/** A diff that does not fit the graph shown, or is malformed: nothing was changed. */
export class GraphDiffError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = 'GraphDiffError';
  }
}

const noChanges = (): GraphChanges => ({
  nodesAdded: [],
  nodesDropped: [],
  edgesAdded: [],
  edgesDropped: [],
  edgesChanged: [],
});

/** Drops relations, then actors (relations first: an actor's are gone with it). */
function drop(
  shown: ActorGraph,
  edges: readonly string[],
  nodes: readonly string[],
  changes: GraphChanges,
): void {
  for (const edge of edges) {
    shown.dropEdge(edge);
    changes.edgesDropped.push(edge);
  }
  for (const node of nodes) {
    shown.dropNode(node);
    changes.nodesDropped.push(node);
  }
}

/** Adds an actor, or updates one where it is (its position kept); only if it changed. */
function putNode(
  shown: ActorGraph,
  node: string,
  attr: NodeAttributes,
  changes: GraphChanges,
): void {
  if (!shown.hasNode(node)) {
    shown.addNode(node, { ...attr });
    changes.nodesAdded.push(node);
    return;
  }
  const before = shown.getNodeAttributes(node);
  const after = { ...attr, x: before.x, y: before.y };
  if (!sameValue(before, after)) shown.replaceNodeAttributes(node, after);
}

/** Adds a relation, or updates one (same ends and direction); only if it changed. */
function putEdge(
  shown: ActorGraph,
  edge: string,
  ends: { source: string; target: string; undirected: boolean },
  attr: EdgeAttributes,
  prepare: (attr: EdgeAttributes) => EdgeAttributes,
  changes: GraphChanges,
): void {
  if (!shown.hasEdge(edge)) {
    const added = prepare({ ...attr });
    if (ends.undirected) shown.addUndirectedEdgeWithKey(edge, ends.source, ends.target, added);
    else shown.addDirectedEdgeWithKey(edge, ends.source, ends.target, added);
    changes.edgesAdded.push(edge);
    return;
  }
  const before = shown.getEdgeAttributes(edge);
  const after = prepare({ ...attr });
  if (!sameValue(before, after)) {
    changes.edgesChanged.push(edge);
    shown.replaceEdgeAttributes(edge, after);
  }
}

const asIs = (attr: EdgeAttributes) => attr;

/** Takes the whole rebuilt graph `next` into `shown`: what changed is found by comparing. */
export function mergeGraph(
  shown: ActorGraph,
  next: ActorGraph,
  options: MergeOptions = {},
): GraphChanges {
  const prepare = options.edgeAttributes ?? asIs;
  const changes = noChanges();
  shown.replaceAttributes({ ...next.getAttributes() });
  // Relations first: one whose ends or direction changed is dropped and added anew.
  drop(
    shown,
    edgesNotKept(shown, next),
    shown.filterNodes((node) => !next.hasNode(node)),
    changes,
  );

  // Only what changed is touched: every update is an event a renderer acts on.
  next.forEachNode((node, attr) => putNode(shown, node, attr, changes));
  next.forEachEdge((edge, attr, source, target, _s, _t, undirected) =>
    putEdge(shown, edge, { source, target, undirected }, attr, prepare, changes),
  );
  return changes;
}

/**
 * Applies a diff received (graphDiff of the graph `shown` shows and the rebuilt one) to
 * `shown`, as mergeGraph would take the rebuilt graph in: positions kept, the page's edge
 * attributes added. The diff is checked first (checkGraphDiff); one that does not fit the
 * graph, or is malformed, throws a GraphDiffError saying why, and nothing is changed.
 */
export function applyGraphDiff(
  shown: ActorGraph,
  diff: unknown,
  options: MergeOptions = {},
): GraphChanges {
  const check = checkGraphDiff(shown, diff);
  if (check.problems.length > 0 || !check.attributes) {
    throw new GraphDiffError(
      `The network's changes cannot be taken in: ${describeProblems(check)}.`,
      check.problems,
    );
  }
  const { nodes, edges } = diff as GraphDiff;
  const prepare = options.edgeAttributes ?? asIs;
  const changes = noChanges();
  shown.replaceAttributes(check.attributes);
  drop(shown, edges.removed, nodes.removed, changes);
  for (const { key, attributes } of [...nodes.added, ...nodes.changed]) {
    putNode(shown, key, attributes, changes);
  }
  for (const { key, source, target, undirected, attributes } of [
    ...edges.added,
    ...edges.changed,
  ]) {
    putEdge(
      shown,
      key,
      { source, target, undirected: undirected === true },
      attributes,
      prepare,
      changes,
    );
  }
  return changes;
}
