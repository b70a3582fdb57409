import { nodeSize } from '../style.ts';
import type { ActorGraph } from './actorGraph.ts';

/**
 * The actor metrics graph.json carries: degree (distinct edges), evidence count and degree per
 * relation type, and the node size that follows from the evidence. Recomputed on a filtered
 * copy so that an export's figures describe what it holds.
 */
export function computeActorMetrics(graph: ActorGraph): void {
  let maxEvidence = 0;
  graph.forEachNode((node, attr) => {
    const byRelation: Record<string, number> = Object.fromEntries(
      Object.keys(attr.degreeByRelation).map((k) => [k, 0]),
    );
    let evidenceCount = 0;
    graph.forEachEdge(node, (_edge, edgeAttr) => {
      byRelation[edgeAttr.relation] = (byRelation[edgeAttr.relation] ?? 0) + 1;
      evidenceCount += edgeAttr.weight;
    });
    maxEvidence = Math.max(maxEvidence, evidenceCount);
    graph.mergeNodeAttributes(node, {
      degree: graph.degree(node),
      evidenceCount,
      degreeByRelation: byRelation,
    });
  });
  graph.updateEachNodeAttributes((_node, attr) => ({
    ...attr,
    size: nodeSize(attr.evidenceCount, maxEvidence, graph.order),
  }));
}
