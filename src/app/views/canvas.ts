import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import type { EdgeProgramType } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { ActorGraph } from '../../core/graph/actorGraph.ts';
import { parallelEdgeCurvatures } from '../../core/explore/curvature.ts';
import type { AppState, Explorer } from '../../core/explore/explorer.ts';
import {
  reduceEdge,
  reduceNode,
  type EdgeDisplay,
  type NodeDisplay,
} from '../../core/explore/reducers.ts';
import type { EdgeAttributes, NodeAttributes } from '../../core/model.ts';
import type { FocusLayer, FocusState } from './focusLayer.ts';

export type ActorSigma = Sigma<NodeAttributes, EdgeAttributes>;
type ActorEdgeProgram = EdgeProgramType<NodeAttributes, EdgeAttributes>;

/** Above this many edges, edge picking (click an edge) is off: it adds a picking pass per frame. */
export const EDGE_EVENTS_MAX_EDGES = 5_000;

/**
 * The network drawn with sigma: build positions, nodes by kind and degree, edges by relation,
 * arrows on directed relations, parallel edges curved apart. Filters go through the reducers;
 * a highlight is drawn by the focus layer over the unchanged network. The graph itself is
 * never changed for display.
 */
export function createCanvas(
  container: HTMLElement,
  explorer: Explorer,
): { sigma: ActorSigma; highlight: Pick<FocusLayer, 'shown'> } {
  const graph = explorer.graph;
  const curvatures = parallelEdgeCurvatures(graph);
  let visibility = explorer.current.visibility;

  const settings: Partial<Settings<NodeAttributes, EdgeAttributes>> = {
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    // Small graphs show every label; large ones thin them by sigma's label grid.
    labelRenderedSizeThreshold: graph.order <= 100 ? 0 : 4,
    labelDensity: graph.order <= 100 ? 2 : 0.7,
    labelGridCellSize: 70,
    enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX_EDGES,
    // sigma's own line and arrow programs for lone edges; curves for parallel ones.
    edgeProgramClasses: {
      curved: EdgeCurveProgram as unknown as ActorEdgeProgram,
      curvedArrow: EdgeCurvedArrowProgram as unknown as ActorEdgeProgram,
    },
    minEdgeThickness: 1,
    // Room for the labels of the actors at the edge, which extend to the right.
    stagePadding: graph.order <= 100 ? 80 : 30,
    nodeReducer: (node, data) => reduceNode(node, data as NodeAttributes & NodeDisplay, visibility),
    edgeReducer: (edge, attributes) => {
      const data = attributes as EdgeAttributes & EdgeDisplay;
      const curvature = curvatures.get(edge) ?? 0;
      const directed = !graph.isUndirected(edge);
      data.type =
        curvature === 0 ? (directed ? 'arrow' : 'line') : directed ? 'curvedArrow' : 'curved';
      data.curvature = curvature;
      return reduceEdge(edge, data, visibility);
    },
  };
  const sigma: ActorSigma = new Sigma(graph, container, settings);
  // The focus layer is loaded when first needed: a highlight, or the pointer entering the
  // canvas (so that it is there by the time a node is hovered).
  let focusLayer: FocusLayer | undefined;
  let loading: Promise<FocusLayer> | undefined;
  const showFocus = () => {
    loading ??= import('./focusLayer.ts').then(
      (m) => (focusLayer = m.createFocusLayer(sigma as unknown as Sigma)),
    );
    void loading.then((layer) => layer.show(focusStateOf(explorer.current)));
  };
  if (explorer.current.focus !== null) showFocus();
  container.addEventListener('pointerenter', () => void (loading ?? showFocus()), { once: true });

  explorer.subscribe((state, changes) => {
    if (changes.has('filters')) {
      visibility = state.visibility;
      // Filtering reindexes everything; the focus layer redraws after sigma has.
      sigma.refresh();
    }
    if (focusLayer) focusLayer.show(focusStateOf(state));
    else if (state.focus !== null) showFocus();
  });

  attachInteractions(sigma, explorer, graph);
  return { sigma, highlight: { shown: () => focusLayer?.shown() ?? { nodes: [], edges: [] } } };
}

const focusStateOf = (state: AppState): FocusState => ({
  focus: state.focus,
  focusActor: state.focusActor,
  selectedEdge: state.view.edge,
});

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
