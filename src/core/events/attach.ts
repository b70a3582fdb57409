import type { RelationType } from '../model.ts';
import { emptyEdgeAttributes, type ActorGraph } from '../graph/actorGraph.ts';
import type { LayerRow } from './layer.ts';
import { machineEvidenceByEdge } from './layer.ts';

export interface MachineSummary {
  /** Edges with machine-coded evidence. */
  edges: number;
  /** Of those, edges no statement supports (drawn apart, hidden by default). */
  machineOnly: number;
  events: number;
}

/**
 * Puts the machine-coded layer on the graph, apart from the annotated evidence: an edge that
 * statements support gets `machine` beside its `evidence`; a relation only GDELT has becomes an
 * edge with no statement (weight 0). Runs after the layout and the actors' metrics, which stay
 * those of the annotated graph, so that the default view does not change.
 */
export function attachMachineEvidence(
  graph: ActorGraph,
  rows: readonly LayerRow[],
  relationTypes: readonly RelationType[],
): MachineSummary {
  const types = new Map(relationTypes.map((t) => [t.id, t]));
  const summary: MachineSummary = { edges: 0, machineOnly: 0, events: 0 };
  for (const [key, machine] of machineEvidenceByEdge(rows)) {
    summary.edges++;
    summary.events += machine.events;
    if (graph.hasEdge(key)) {
      graph.setEdgeAttribute(key, 'machine', machine);
      continue;
    }
    const first = rows.find((r) => `${r.relation}:${r.source}:${r.target}` === key)!;
    const type = types.get(first.relation)!;
    const attributes = { ...emptyEdgeAttributes(type), machine };
    summary.machineOnly++;
    if (type.directed) graph.addDirectedEdgeWithKey(key, first.source, first.target, attributes);
    else graph.addUndirectedEdgeWithKey(key, first.source, first.target, attributes);
  }
  return summary;
}
