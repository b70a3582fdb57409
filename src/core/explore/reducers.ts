import type Graph from 'graphology';
import type { Visibility } from './filters.ts';
import type { Focus } from './focus.ts';

/** The display fields our reducers set (a subset of sigma's NodeDisplayData/EdgeDisplayData). */
export interface NodeDisplay {
  label?: string | null;
  color?: string;
  size?: number;
  hidden?: boolean;
  forceLabel?: boolean;
  highlighted?: boolean;
  zIndex?: number;
}

export interface EdgeDisplay {
  color?: string;
  size?: number;
  hidden?: boolean;
  zIndex?: number;
  type?: string;
  curvature?: number;
  label?: string | null;
  forceLabel?: boolean;
}

export interface RenderState {
  visibility: Visibility;
  /** When set, only these items stay vivid. */
  focus: Focus | null;
  /** The actor whose relationships are shown (selected or hovered): its label is forced. */
  focusActor: string | null;
  /** The relation whose evidence is shown. */
  selectedEdge: string | null;
  /** Hide, rather than dim, the relations outside the focus (large graphs: fewer to draw). */
  hideContextEdges?: boolean;
}

export const DIMMED_NODE_COLOUR = '#d5d9e0';
export const DIMMED_EDGE_COLOUR = '#eef0f3';

/**
 * Node display under filters and focus. Constant work per node (set lookups), and it mutates
 * the copy sigma hands it rather than allocating, since it runs for every node on each refresh.
 */
export function reduceNode<T extends NodeDisplay>(node: string, data: T, state: RenderState): T {
  if (!state.visibility.nodes.has(node)) {
    data.hidden = true;
    return data;
  }
  if (state.focus === null) return data;
  if (state.focus.nodes.has(node)) {
    data.forceLabel = true;
    data.zIndex = 1;
    if (node === state.focusActor) data.highlighted = true;
  } else {
    data.color = DIMMED_NODE_COLOUR;
    data.label = null;
    data.zIndex = 0;
  }
  return data;
}

/**
 * Edge display: hidden when filtered out; dimmed outside the focus; a relation none of whose
 * visible evidence says it happened (negated, denied, conditional, proposed) is drawn thin and
 * faint, so that it does not read as a fact.
 */
export function reduceEdge<T extends EdgeDisplay>(edge: string, data: T, state: RenderState): T {
  if (!state.visibility.edges.has(edge)) {
    data.hidden = true;
    return data;
  }
  const unconfirmed = state.visibility.unconfirmed.has(edge);
  if (state.focus !== null && !state.focus.edges.has(edge)) {
    if (state.hideContextEdges) {
      data.hidden = true;
      return data;
    }
    data.color = DIMMED_EDGE_COLOUR;
    data.zIndex = 0;
    return data;
  }
  if (unconfirmed && data.color) data.color = fade(data.color);
  if (unconfirmed && data.size) data.size = Math.max(0.5, data.size * 0.6);
  if (state.focus !== null) {
    data.zIndex = 1;
    if (edge === state.selectedEdge && data.size) data.size *= 1.8;
  }
  return data;
}

/** #rrggbb -> #rrggbbaa at 45% opacity (sigma reads 8-digit hex colours). */
export function fade(colour: string): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}73` : colour;
}

/**
 * The nodes and edges whose display changes between two focus states. Going from no focus to a
 * focus dims everything else, so every item changes; moving between two focuses only touches
 * the items of either.
 */
export function changedItems(
  graph: Graph,
  before: RenderState,
  after: RenderState,
): { nodes: string[]; edges: string[] } | null {
  if (
    before.focus === after.focus &&
    before.selectedEdge === after.selectedEdge &&
    before.focusActor === after.focusActor
  ) {
    return null;
  }
  if (before.focus === null || after.focus === null)
    return { nodes: graph.nodes(), edges: graph.edges() };
  return {
    nodes: union(before.focus.nodes, after.focus.nodes),
    edges: union(before.focus.edges, after.focus.edges, [before.selectedEdge, after.selectedEdge]),
  };
}

function union(a: Focus['nodes'], b: Focus['nodes'], extra: (string | null)[] = []): string[] {
  const all = new Set(a);
  for (const x of b) all.add(x);
  for (const x of extra) if (x !== null) all.add(x);
  return [...all];
}
