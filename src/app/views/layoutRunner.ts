import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Graph from 'graphology';
import type { ActorGraph } from '../../core/graph/actorGraph.ts';
import { layoutSettings } from '../../core/pipeline/layout.ts';

/** The most often the shown network takes the layout's positions, in milliseconds. */
export const LAYOUT_DRAW_INTERVAL_MS = 100;
/**
 * Drawing takes at most this share of the time while the layout runs: a network that takes
 * 0.7 s to draw (10k relations in software WebGL, which also takes the worker's cores) takes
 * new positions every 7 s, and the worker iterates in between.
 */
export const LAYOUT_DRAW_SHARE = 0.1;

export interface LayoutRunner {
  isRunning(): boolean;
  start(): void;
  stop(): void;
  /** ForceAtlas2 iterations run since the page loaded (for the benchmark and tests). */
  iterations(): number;
}

/**
 * ForceAtlas2 in a web worker, decoupled from drawing: the worker iterates on a bare copy of
 * the graph (positions and weights only), so an iteration never waits for sigma; the shown
 * graph takes the copy's positions in one batch update at most every LAYOUT_DRAW_INTERVAL_MS,
 * and less often when drawing is slow (so that drawing takes at most LAYOUT_DRAW_SHARE of the
 * time), and once more when the layout stops. Each iteration dispatches `layout-iteration`
 * on the document.
 */
export function createLayoutRunner(graph: ActorGraph): LayoutRunner {
  const shadow = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  graph.forEachNode((node, attr) => shadow.addNode(node, { x: attr.x, y: attr.y }));
  graph.forEachEdge((edge, attr, source, target, _s, _t, undirected) => {
    if (undirected) shadow.addUndirectedEdgeWithKey(edge, source, target, { weight: attr.weight });
    else shadow.addDirectedEdgeWithKey(edge, source, target, { weight: attr.weight });
  });
  const layout = new FA2Layout(shadow, {
    settings: layoutSettings(graph),
    getEdgeWeight: 'weight',
  });
  let iterations = 0;
  let lastCopy = 0;
  // What the last copy cost to draw: from the copy to the first task after the second frame
  // (sigma may draw it in the frame after the next), never forgotten at once: a slow draw
  // keeps the copies apart until draws are seen to be fast.
  let drawCost = 0;
  const copyPositions = () => {
    const start = performance.now();
    lastCopy = start;
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          drawCost = Math.max(performance.now() - start, drawCost / 2);
        }, 0),
      ),
    );
    graph.updateEachNodeAttributes(
      (node, attr) => {
        const moved = shadow.getNodeAttributes(node);
        attr.x = moved.x as number;
        attr.y = moved.y as number;
        return attr;
      },
      { attributes: ['x', 'y'] },
    );
  };
  shadow.on('eachNodeAttributesUpdated', () => {
    iterations++;
    document.dispatchEvent(new CustomEvent('layout-iteration', { detail: iterations }));
    const wait = Math.max(LAYOUT_DRAW_INTERVAL_MS, drawCost / LAYOUT_DRAW_SHARE);
    if (performance.now() - lastCopy >= wait) copyPositions();
  });
  // An actor dragged while the layout runs keeps where it was dropped.
  graph.on('nodeAttributesUpdated', ({ key, attributes }) => {
    if (layout.isRunning()) return;
    if (shadow.hasNode(key)) shadow.mergeNodeAttributes(key, { x: attributes.x, y: attributes.y });
  });
  return {
    isRunning: () => layout.isRunning(),
    start: () => {
      // Positions moved by hand since the last run are the start.
      graph.forEachNode((node, attr) => shadow.mergeNodeAttributes(node, { x: attr.x, y: attr.y }));
      layout.start();
      // The network takes the starting positions at once, which also measures its draw cost.
      copyPositions();
    },
    stop: () => {
      layout.stop();
      copyPositions();
    },
    iterations: () => iterations,
  };
}
