import { MultiGraph } from 'graphology';
import type { ActorGraph } from '../graph/actorGraph.ts';
import { computeActorMetrics } from '../graph/metrics.ts';
import { edgeSize } from '../style.ts';
import { edgeDateRange } from '../time/edgeDates.ts';
import type { EdgeAttributes, NodeAttributes } from '../model.ts';
import {
  isFiltering,
  isKindVisible,
  visibleEvidence,
  type Filters,
  type Visibility,
} from './filters.ts';

/**
 * A copy of the graph holding only what the filters show: visible actors, visible relations,
 * and on each relation only its visible evidence (weight, articles and dates recomputed). The
 * copy carries the same attributes as the built graph, so every exporter can take it; current
 * positions are kept, so an export looks like the screen.
 */
export function filteredGraph(
  graph: ActorGraph,
  filters: Filters,
  visibility: Pick<Visibility, 'nodes' | 'edges'>,
): ActorGraph {
  const copy: ActorGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  const filtering = isFiltering(filters);
  copy.replaceAttributes({
    ...graph.getAttributes(),
    ...(filtering ? { description: `${graph.getAttribute('description')} Filtered view.` } : {}),
  });
  graph.forEachNode((node, attr) => {
    if (visibility.nodes.has(node)) copy.addNode(node, cloneNode(attr));
  });
  // Machine-coded evidence travels only while the filters show it (not by default).
  const machineShown = isKindVisible('machine-coded', filters);
  graph.forEachEdge((edge, { machine, ...attr }, source, target, _s, _t, undirected) => {
    if (!visibility.edges.has(edge) || !copy.hasNode(source) || !copy.hasNode(target)) return;
    const evidence = filtering ? visibleEvidence(attr, filters) : attr.evidence;
    const attributes: EdgeAttributes = {
      ...attr,
      ...(machine && machineShown ? { machine } : {}),
      evidence: evidence.map((e) => ({ ...e })),
      weight: evidence.length,
      articles: [...new Set(evidence.map((e) => e.article))],
      // First and last statement and event dates of the statements kept.
      ...edgeDateRange(evidence),
      size: edgeSize(evidence.length),
    };
    if (undirected) copy.addUndirectedEdgeWithKey(edge, source, target, attributes);
    else copy.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  computeActorMetrics(copy);
  return copy;
}

function cloneNode(attr: NodeAttributes): NodeAttributes {
  return { ...attr, aliases: [...attr.aliases], degreeByRelation: { ...attr.degreeByRelation } };
}
