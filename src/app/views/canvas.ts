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
import { sizePolicy } from '../../core/sizePolicy.ts';
import type { FocusLayer, FocusState } from './focusLayer.ts';

export type ActorSigma = Sigma<NodeAttributes, EdgeAttributes>;
type ActorEdgeProgram = EdgeProgramType<NodeAttributes, EdgeAttributes>;

/**
 * How far (in pixels) the pointer may move between pressing on an actor and letting go for it
 * to still count as a click: a hand's jitter must not turn a click into a drag.
 */
export const DRAG_THRESHOLD_PX = 4;

/**
 * The network drawn with sigma: build positions, nodes by kind and degree, edges by relation,
 * arrows on directed relations, parallel edges curved apart. Filters go through the reducers;
 * a highlight is drawn by the focus layer over the unchanged network. The graph itself is
 * never changed for display.
 */
/** @sigma/edge-curve's programs, which main.ts loads in parallel with graph.json. */
export type CurvePrograms = typeof import('@sigma/edge-curve');

export function mountCanvas(
  container: HTMLElement,
  explorer: Explorer,
  curves: CurvePrograms,
): { sigma: ActorSigma; highlight: Pick<FocusLayer, 'shown'>; unmount: () => void } {
  const graph = explorer.graph;
  const curvatures = parallelEdgeCurvatures(graph);
  const policy = sizePolicy(graph);
  let visibility = explorer.current.visibility;

  const settings: Partial<Settings<NodeAttributes, EdgeAttributes>> = {
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    // Small graphs show every label; large ones thin them by sigma's label grid.
    labelRenderedSizeThreshold: policy.labelRenderedSizeThreshold,
    labelDensity: policy.labelDensity,
    labelGridCellSize: 70,
    enableEdgeEvents: policy.edgeEvents,
    // sigma's own line and arrow programs for lone edges; curves for parallel ones.
    edgeProgramClasses: {
      curved: curves.default as unknown as ActorEdgeProgram,
      curvedArrow: curves.EdgeCurvedArrowProgram as unknown as ActorEdgeProgram,
    },
    minEdgeThickness: 1,
    // Room for the labels of the actors at the edge, which extend to the right.
    stagePadding: policy.stagePadding,
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

  const unsubscribe = explorer.subscribe((state, changes) => {
    if (changes.has('filters')) {
      visibility = state.visibility;
      // Filtering reindexes everything; the focus layer redraws after sigma has.
      sigma.refresh();
    }
    if (focusLayer) focusLayer.show(focusStateOf(state));
    else if (state.focus !== null) showFocus();
  });

  attachInteractions(sigma, explorer, graph);
  return {
    sigma,
    highlight: { shown: () => focusLayer?.shown() ?? { nodes: [], edges: [] } },
    unmount: () => {
      unsubscribe();
      sigma.kill();
    },
  };
}

const focusStateOf = (state: AppState): FocusState => ({
  focus: state.focus,
  focusActor: state.focusActor,
  selectedEdge: state.view.edge,
});

const isTouch = (event: Event): boolean =>
  typeof TouchEvent !== 'undefined' && event instanceof TouchEvent;

function attachInteractions(sigma: ActorSigma, explorer: Explorer, graph: ActorGraph): void {
  // The actor under the pointer since it was pressed, where it was pressed, and whether the
  // pointer has since moved far enough for this to be a drag rather than a click.
  let pressed: { node: string; x: number; y: number } | null = null;
  let dragging = false;

  // A finger has no hover: on touch, an actor is previewed by nothing but a tap (selection).
  sigma.on('enterNode', ({ node, event }) => {
    if (isTouch(event.original)) return;
    if (pressed === null) explorer.hover(node);
    sigma.getContainer().style.cursor = 'pointer';
  });
  sigma.on('leaveNode', () => {
    if (pressed === null) explorer.hover(null);
    sigma.getContainer().style.cursor = '';
  });
  sigma.on('enterEdge', () => {
    sigma.getContainer().style.cursor = 'pointer';
  });
  sigma.on('leaveEdge', () => {
    sigma.getContainer().style.cursor = '';
  });
  sigma.on('clickNode', ({ node }) => {
    if (!dragging) explorer.selectActor(node);
  });
  sigma.on('clickEdge', ({ edge }) => explorer.selectEdge(edge));
  sigma.on('clickStage', () => explorer.clearSelection());

  // Dragging an actor moves it (and it stays where it is dropped), once the pointer has moved
  // more than DRAG_THRESHOLD_PX: less is a click.
  sigma.on('downNode', ({ node, event }) => {
    pressed = { node, x: event.x, y: event.y };
    dragging = false;
    event.preventSigmaDefault();
  });
  sigma.on('moveBody', ({ event }) => {
    if (pressed === null) return;
    if (!dragging && Math.hypot(event.x - pressed.x, event.y - pressed.y) <= DRAG_THRESHOLD_PX) {
      event.preventSigmaDefault();
      return;
    }
    dragging = true;
    const position = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(pressed.node, { x: position.x, y: position.y });
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const drop = () => {
    if (pressed !== null) explorer.hover(null);
    pressed = null;
  };
  sigma.on('upNode', drop);
  sigma.on('upStage', drop);
}
