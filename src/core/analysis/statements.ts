import type { ActorGraph } from '../graph/actorGraph.ts';
import type { EdgeAttributes, Evidence } from '../model.ts';
import { byId } from './signs.ts';

/** One statement with the relation it supports: what a panel shows and links to. */
export interface Statement {
  /** The relation's edge key. */
  edge: string;
  relation: string;
  source: string;
  target: string;
  evidence: Evidence;
}

/**
 * The order in which statements make the strongest case: asserted first, then the latest
 * (undated last; a partial date such as 2016 sorts before 2016-07), then by article and
 * position, so that the order never depends on the graph's insertion order.
 */
export function compareStatements(x: Statement, y: Statement): number {
  const assertedX = x.evidence.modality === 'asserted' ? 0 : 1;
  const assertedY = y.evidence.modality === 'asserted' ? 0 : 1;
  if (assertedX !== assertedY) return assertedX - assertedY;
  const dx = x.evidence.date;
  const dy = y.evidence.date;
  if (dx !== dy) {
    if (dx === null) return 1;
    if (dy === null) return -1;
    return dx < dy ? 1 : -1;
  }
  return (
    byId(x.evidence.article, y.evidence.article) ||
    x.evidence.start - y.evidence.start ||
    byId(x.edge, y.edge)
  );
}

/**
 * The statements the (filtered) graph shows on the given relations, strongest first; a
 * sentence annotated on several of them (in both directions) is listed once, with its
 * strongest reading.
 */
export function statementsOf(
  graph: ActorGraph,
  edges: readonly string[],
  evidenceOf: (attr: EdgeAttributes) => readonly Evidence[] = (attr) => attr.evidence,
): Statement[] {
  const result: Statement[] = [];
  for (const edge of edges) {
    const attr = graph.getEdgeAttributes(edge);
    const source = graph.source(edge);
    const target = graph.target(edge);
    for (const evidence of evidenceOf(attr))
      result.push({ edge, relation: attr.relation, source, target, evidence });
  }
  result.sort(compareStatements);
  const seen = new Set<string>();
  return result.filter((s) => {
    const span = `${s.evidence.article}\u0000${s.evidence.start}\u0000${s.evidence.end}`;
    if (seen.has(span)) return false;
    seen.add(span);
    return true;
  });
}
