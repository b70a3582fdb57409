import type Graph from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RelationType } from '../model.ts';
import { corroboration, type Corroboration } from './corroboration.ts';
import { isKindVisible, visibleEvidence, type Filters, type Visibility } from './filters.ts';

export type Direction = 'out' | 'in' | 'mutual';

export interface RelationItem {
  edge: string;
  counterpart: string;
  counterpartLabel: string;
  /** Visible pieces of evidence (annotated statements). */
  evidence: number;
  /**
   * Machine-coded events behind the relation (GDELT), when that kind of evidence is shown; 0
   * otherwise. Never added to `evidence`: an event count is not a count of statements.
   */
  machineEvents: number;
  /** None of the visible evidence says the relation happened. */
  unconfirmed: boolean;
  /** From how many articles and outlets the visible statements come. */
  corroboration: Corroboration;
}

export interface RelationGroup {
  relation: RelationType;
  direction: Direction;
  /** "proposes to", "receives proposals from", "cooperates with". */
  phrase: string;
  items: RelationItem[];
}

/**
 * An actor's visible relations grouped by relation type and direction, in vocabulary order,
 * outgoing before incoming; within a group, the best-evidenced counterparts first.
 */
export function summariseRelations(
  graph: Graph<NodeAttributes, EdgeAttributes, GraphAttributes>,
  node: string,
  visibility: Visibility,
  filters: Filters,
): RelationGroup[] {
  const relationTypes = graph.getAttribute('relationTypes');
  const articles = graph.getAttribute('articles');
  const groups = new Map<string, RelationGroup>();
  const machineShown = isKindVisible('machine-coded', filters);
  for (const relation of relationTypes) {
    const directions: Direction[] = relation.directed ? ['out', 'in'] : ['mutual'];
    for (const direction of directions) {
      groups.set(`${relation.id}/${direction}`, {
        relation,
        direction,
        phrase: direction === 'in' ? (relation.inverseLabel ?? relation.label) : relation.label,
        items: [],
      });
    }
  }
  graph.forEachEdge(node, (edge, attr, source, target, _s, _t, undirected) => {
    const evidence = visibility.edges.get(edge);
    if (evidence === undefined) return;
    const direction: Direction = undirected ? 'mutual' : source === node ? 'out' : 'in';
    const counterpart = source === node ? target : source;
    groups.get(`${attr.relation}/${direction}`)?.items.push({
      edge,
      counterpart,
      counterpartLabel: graph.getNodeAttribute(counterpart, 'label'),
      evidence,
      machineEvents: machineShown ? (attr.machine?.events ?? 0) : 0,
      unconfirmed: visibility.unconfirmed.has(edge),
      corroboration: corroboration(visibleEvidence(attr, filters), articles),
    });
  });
  const result = [...groups.values()].filter((g) => g.items.length > 0);
  for (const group of result) {
    group.items.sort(
      (a, b) =>
        b.evidence - a.evidence ||
        b.machineEvents - a.machineEvents ||
        a.counterpartLabel.localeCompare(b.counterpartLabel),
    );
  }
  return result;
}
