import type { ActorKind, EdgeAttributes, Evidence, Modality, NodeAttributes } from '../model.ts';
import { UNCONFIRMED_MODALITIES } from '../model.ts';
import type Graph from 'graphology';

/**
 * What the user has chosen to hide. Filters hide, they never delete: the graph itself is never
 * changed, only what is drawn and counted.
 */
export interface Filters {
  hiddenRelations: ReadonlySet<string>;
  hiddenModalities: ReadonlySet<Modality>;
  hiddenKinds: ReadonlySet<ActorKind>;
  hiddenArticles: ReadonlySet<string>;
  /** Inclusive bounds as YYYY, YYYY-MM or YYYY-MM-DD; null for open. */
  from: string | null;
  to: string | null;
  /** Hide actors none of whose relations is visible. */
  hideIsolated: boolean;
}

export const NO_FILTERS: Filters = {
  hiddenRelations: new Set(),
  hiddenModalities: new Set(),
  hiddenKinds: new Set(),
  hiddenArticles: new Set(),
  from: null,
  to: null,
  hideIsolated: false,
};

export function isFiltering(f: Filters): boolean {
  return (
    f.hiddenRelations.size > 0 ||
    f.hiddenModalities.size > 0 ||
    f.hiddenKinds.size > 0 ||
    f.hiddenArticles.size > 0 ||
    f.from !== null ||
    f.to !== null ||
    f.hideIsolated
  );
}

/** The first and last day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can stand for. */
export function dateBounds(date: string): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) return [`${date}-01`, `${date}-31`];
  return [date, date];
}

/**
 * Whether a (possibly partial) date may fall in [from, to]: "2016" is in a range from
 * 2016-07, since part of 2016 is. Undated evidence is outside any range that has a bound.
 */
export function dateInRange(date: string | null, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (date === null) return false;
  const [first, last] = dateBounds(date);
  if (from !== null && last < dateBounds(from)[0]) return false;
  if (to !== null && first > dateBounds(to)[1]) return false;
  return true;
}

export function isEvidenceVisible(e: Evidence, f: Filters): boolean {
  return (
    !f.hiddenModalities.has(e.modality) &&
    !f.hiddenArticles.has(e.article) &&
    dateInRange(e.date, f.from, f.to)
  );
}

export function visibleEvidence(edge: EdgeAttributes, f: Filters): Evidence[] {
  return edge.evidence.filter((e) => isEvidenceVisible(e, f));
}

const UNCONFIRMED = new Set<Modality>(UNCONFIRMED_MODALITIES);

/** True when none of the evidence says the relation happened (negated, conditional, ...). */
export const allUnconfirmed = (evidence: readonly Evidence[]): boolean =>
  evidence.length > 0 && evidence.every((e) => UNCONFIRMED.has(e.modality));

export interface Visibility {
  nodes: Set<string>;
  /** Visible edges with their number of visible pieces of evidence. */
  edges: Map<string, number>;
  /** Visible edges whose visible evidence is all negated, denied, conditional or proposed. */
  unconfirmed: Set<string>;
}

/** Decides what is drawn under the filters: one pass over the nodes and the edges. */
export function computeVisibility(
  graph: Graph<NodeAttributes, EdgeAttributes>,
  f: Filters,
): Visibility {
  const kindVisible = new Set<string>();
  graph.forEachNode((node, attr) => {
    if (!f.hiddenKinds.has(attr.kind)) kindVisible.add(node);
  });
  const evidenceFiltered =
    f.hiddenModalities.size > 0 || f.hiddenArticles.size > 0 || f.from !== null || f.to !== null;
  const edges = new Map<string, number>();
  const unconfirmed = new Set<string>();
  const connected = new Set<string>();
  graph.forEachEdge((edge, attr, source, target) => {
    if (
      f.hiddenRelations.has(attr.relation) ||
      !kindVisible.has(source) ||
      !kindVisible.has(target)
    )
      return;
    const shown = evidenceFiltered ? visibleEvidence(attr, f) : attr.evidence;
    if (shown.length === 0) return;
    edges.set(edge, shown.length);
    if (allUnconfirmed(shown)) unconfirmed.add(edge);
    connected.add(source);
    connected.add(target);
  });
  const nodes = f.hideIsolated
    ? new Set([...kindVisible].filter((n) => connected.has(n)))
    : kindVisible;
  return { nodes, edges, unconfirmed };
}
