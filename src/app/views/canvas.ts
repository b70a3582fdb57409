import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import type { EdgeProgramType } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { ActorGraph } from '../../core/build/assemble.ts';
import { parallelEdgeCurvatures } from '../../core/explore/curvature.ts';
import type { AppState, Explorer } from '../../core/explore/explorer.ts';
import {
  changedItems,
  reduceEdge,
  reduceNode,
  type EdgeDisplay,
  type NodeDisplay,
  type RenderState,
} from '../../core/explore/reducers.ts';
import type { EdgeAttributes, NodeAttributes } from '../../core/model.ts';

export type ActorSigma = Sigma<NodeAttributes, EdgeAttributes>;
type ActorEdgeProgram = EdgeProgramType<NodeAttributes, EdgeAttributes>;

/** Above this many edges, edge picking (click an edge) is off: it adds a picking pass per frame. */
export const EDGE_EVENTS_MAX_EDGES = 5_000;
/**
 * Above this many edges, a highlight hides the other relations instead of dimming them: each
 * frame then draws only the highlighted ones, which is what makes a highlight cheap there.
 */
export const DIM_CONTEXT_MAX_EDGES = 2_000;

/**
 * The network drawn with sigma: build positions, nodes by kind and degree, edges by relation,
 * arrows on directed relations, parallel edges curved apart. Highlighting and filtering go
 * through reducers only; the graph is never changed for display.
 */
export function createCanvas(container: HTMLElement, explorer: Explorer): ActorSigma {
  const graph = explorer.graph;
  const curvatures = parallelEdgeCurvatures(graph);
  const hideContextEdges = graph.size > DIM_CONTEXT_MAX_EDGES;
  let render: RenderState = renderStateOf(explorer.current, hideContextEdges);

  const settings: Partial<Settings<NodeAttributes, EdgeAttributes>> = {
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    // Small graphs show every label; large ones thin them by sigma's label grid.
    labelRenderedSizeThreshold: graph.order <= 100 ? 0 : 7,
    labelDensity: graph.order <= 100 ? 2 : 0.7,
    labelGridCellSize: 70,
    zIndex: true,
    enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX_EDGES,
    defaultEdgeType: 'line',
    // sigma's own line and arrow programs for lone edges; curves for parallel ones.
    edgeProgramClasses: {
      curved: EdgeCurveProgram as unknown as ActorEdgeProgram,
      curvedArrow: EdgeCurvedArrowProgram as unknown as ActorEdgeProgram,
    },
    minEdgeThickness: 1,
    stagePadding: 40,
    nodeReducer: (node, data) => reduceNode(node, data as NodeAttributes & NodeDisplay, render),
    edgeReducer: (edge, attributes) => {
      const data = attributes as EdgeAttributes & EdgeDisplay;
      const curvature = curvatures.get(edge) ?? 0;
      const directed = !graph.isUndirected(edge);
      data.type =
        curvature === 0 ? (directed ? 'arrow' : 'line') : directed ? 'curvedArrow' : 'curved';
      data.curvature = curvature;
      return reduceEdge(edge, data, render);
    },
  };
  const sigma: ActorSigma = new Sigma(graph, container, settings);

  explorer.subscribe((state, changes) => {
    const previous = render;
    render = renderStateOf(state, hideContextEdges);
    if (changes.has('filters')) {
      sigma.refresh();
      return;
    }
    const items = changedItems(graph, previous, render);
    if (items) sigma.refresh({ partialGraph: items, skipIndexation: true });
  });

  attachInteractions(sigma, explorer, graph);
  return sigma;
}

function renderStateOf(state: AppState, hideContextEdges: boolean): RenderState {
  return {
    hideContextEdges,
    visibility: state.visibility,
    focus: state.focus,
    focusActor: state.focusActor,
    selectedEdge: state.view.edge,
  };
}

function attachInteractions(sigma: ActorSigma, explorer: Explorer, graph: ActorGraph): void {
  let dragged: string | null = null;
  let moved = false;

  sigma.on('enterNode', ({ node }) => {
    if (dragged === null) explorer.hover(node);
    sigma.getContainer().style.cursor = 'pointer';
  });
  sigma.on('leaveNode', () => {
    if (dragged === null) explorer.hover(null);
    sigma.getContainer().style.cursor = '';
  });
  sigma.on('enterEdge', () => {
    sigma.getContainer().style.cursor = 'pointer';
  });
  sigma.on('leaveEdge', () => {
    sigma.getContainer().style.cursor = '';
  });
  sigma.on('clickNode', ({ node }) => {
    if (!moved) explorer.selectActor(node);
  });
  sigma.on('clickEdge', ({ edge }) => explorer.selectEdge(edge));
  sigma.on('clickStage', () => explorer.clearSelection());

  // Dragging a node moves it (and it stays where it is dropped).
  sigma.on('downNode', ({ node, event }) => {
    dragged = node;
    moved = false;
    event.preventSigmaDefault();
  });
  sigma.on('moveBody', ({ event }) => {
    if (dragged === null) return;
    const position = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: position.x, y: position.y });
    moved = true;
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const drop = () => {
    if (dragged !== null) explorer.hover(null);
    dragged = null;
  };
  sigma.on('upNode', drop);
  sigma.on('upStage', drop);
}
