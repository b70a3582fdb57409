import { nodeSize } from '../style.ts';
import type { ActorGraph } from './actorGraph.ts';

/**
 * The actor metrics graph.json carries: degree (distinct edges), evidence count and degree per
 * relation type, and the node size that follows from the evidence. Recomputed on a filtered
 * copy so that an export's figures describe what it holds.
 */
export function computeActorMetrics(graph: ActorGraph): void {
  graph.forEachNode((node, attr) => {
    const byRelation: Record<string, number> = Object.fromEntries(
      Object.keys(attr.degreeByRelation).map((k) => [k, 0]),
    );
    let evidenceCount = 0;
    graph.forEachEdge(node, (_edge, edgeAttr) => {
      byRelation[edgeAttr.relation] = (byRelation[edgeAttr.relation] ?? 0) + 1;
      evidenceCount += edgeAttr.weight;
    });
    graph.mergeNodeAttributes(node, {
      degree: graph.degree(node),
      evidenceCount,
      degreeByRelation: byRelation,
    });
  });
  const sizes = builtSizes(graph);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, size: sizes.get(node)! }));
}

/**
 * Each actor's size as the build makes it: from its evidence count (the attribute), against the
 * largest evidence count of the graph. What computeActorMetrics writes, and what the page's
 * "Evidence (as built)" restores.
 */
export function builtSizes(graph: ActorGraph): Map<string, number> {
  let maxEvidence = 0;
  graph.forEachNode((_node, attr) => {
    maxEvidence = Math.max(maxEvidence, attr.evidenceCount);
  });
  return new Map(
    graph.mapNodes((node, attr) => [node, nodeSize(attr.evidenceCount, maxEvidence, graph.order)]),
  );
}
