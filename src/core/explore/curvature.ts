import type Graph from 'graphology';

/**
 * @sigma/edge-curve's default curvature. Written here rather than imported: that package
 * touches WebGL when it loads, and core modules must load anywhere.
 */
export const DEFAULT_EDGE_CURVATURE = 0.25;

/**
 * Curvature per edge so that parallel edges between the same two actors (the United States
 * cooperates with, opposes and proposes to Russia) are drawn apart. A lone edge is straight.
 * Follows sigma's edge-curve example: parallel edges fan out symmetrically, more of them
 * curving further, with diminishing spread.
 */
export function parallelEdgeCurvatures(graph: Graph): Map<string, number> {
  const groups = new Map<string, string[]>();
  graph.forEachEdge((edge, _attr, source, target) => {
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const list = groups.get(pair);
    if (list) list.push(edge);
    else groups.set(pair, [edge]);
  });
  const curvatures = new Map<string, number>();
  for (const edges of groups.values()) {
    if (edges.length === 1) {
      curvatures.set(edges[0]!, 0);
      continue;
    }
    const maxIndex = (edges.length - 1) / 2;
    edges.forEach((edge, i) => {
      // Index in [-maxIndex, maxIndex]; an edge drawn from the other end bends the other way.
      let index = i - maxIndex;
      const [source] = graph.extremities(edge);
      const [first] = graph.extremities(edges[0]!);
      if (source !== first) index = -index;
      curvatures.set(
        edge,
        curvature(index === 0 && edges.length % 2 === 1 ? 0 : index, Math.max(maxIndex, 0.5)),
      );
    });
  }
  return curvatures;
}

function curvature(index: number, maxIndex: number): number {
  const amplitude = 3.5;
  const maxCurvature =
    amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE * 2;
  return (maxCurvature * index) / maxIndex;
}
