import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { ActorGraph } from '../../core/graph/actorGraph.ts';
import type { AppState, Explorer } from '../../core/explore/explorer.ts';
import type { Visibility } from '../../core/explore/filters.ts';
import { mapChanges, setChanges } from '../../core/explore/highlight.ts';
import { placeLabels, type LabelCandidate } from '../../core/explore/labelPlacement.ts';
import { strokeOf, type Stroke } from '../../core/explore/strokes.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/model.ts';
import { sizePolicy } from '../../core/sizePolicy.ts';
import type { HighlightLayer } from './highlightLayer.ts';
import {
  LABEL_FONT,
  LABEL_MARGIN,
  sigmaLook,
  type ActorEdgeState,
  type ActorNodeState,
} from './sigmaLook.ts';

export type { ActorSigmaLook } from './sigmaLook.ts';

export type ActorSigma = Sigma<
  NodeAttributes,
  EdgeAttributes,
  GraphAttributes,
  ActorNodeState,
  ActorEdgeState
>;

/**
 * How far (in pixels) the pointer may move between pressing on an actor and letting go for it
 * to still count as a click: a hand's jitter must not turn a click into a drag.
 */
export const DRAG_THRESHOLD_PX = 4;

/** What the highlight shows now (for tests). */
export interface Highlight {
  shown(): { nodes: string[]; edges: string[] };
}

/** The network as drawn now, highlight included, as a PNG (snapshot.ts). */
export type NetworkPicture = () => Promise<Blob>;

/**
 * The network drawn with sigma 4: build positions, nodes by kind and degree, edges by
 * relation, arrows on directed relations, parallel relations curved apart by sigma, the
 * stroke of each line from its shown statements (sigmaLook.ts). Filters and strokes are item
 * states: a change sets the state of the items it changes, and sigma re-styles those alone.
 * A highlight is drawn by a layer of its own over the network (highlightLayer.ts), loaded
 * when first needed. The graph itself is never changed for display.
 */
export function mountCanvas(
  container: HTMLElement,
  explorer: Explorer,
): { sigma: ActorSigma; highlight: Highlight; picture: NetworkPicture; unmount: () => void } {
  const graph = explorer.graph;
  const policy = sizePolicy(graph);
  const relationTypes = graph.getAttribute('relationTypes');
  const settings: Partial<Settings> = {
    labelRenderedSizeThreshold: policy.labelRenderedSizeThreshold,
    labelDensity: policy.labelDensity,
    labelGridCellSize: 70,
    enableEdgeEvents: policy.edgeEvents,
    minEdgeThickness: 1,
    // Node sizes are pixels at the default zoom, as the build chose them (sizePolicy.ts).
    itemSizesReference: 'screen',
    // Room for the labels of the actors at the edge.
    stagePadding: policy.stagePadding,
    // The framing keeps the labels inside the canvas, not only the discs.
    autoRescaleContent: policy.tier === 'small' ? 'labels' : 'nodes',
  };
  // Each line's stroke with every statement shown: the first frame draws it with no state
  // to set; the filters' strokes then go through item states where they differ.
  graph.updateEachEdgeAttributes((_edge, attr) => withBaseStroke(attr), {
    attributes: ['baseStroke'],
  });
  const sigma: ActorSigma = new Sigma(graph, container, {
    ...sigmaLook(relationTypes, policy),
    settings,
  });

  let visibility: Visibility | null = null;
  let strokeOverrides = new Map<string, Stroke>();
  const applyVisibility = (next: Visibility) => {
    const before = visibility;
    // After a rebuild (the workbench), items the graph no longer has are left out.
    const nodes = before
      ? setChanges(before.nodes, next.nodes, (n) => graph.hasNode(n))
      : { added: [], removed: graph.filterNodes((n) => !next.nodes.has(n)) };
    const edges = before
      ? setChanges(new Set(before.edges.keys()), new Set(next.edges.keys()), (e) =>
          graph.hasEdge(e),
        )
      : { added: [], removed: graph.filterEdges((e) => !next.edges.has(e)) };
    if (nodes.added.length) sigma.setNodesState(nodes.added, { isHidden: false });
    if (nodes.removed.length) sigma.setNodesState(nodes.removed, { isHidden: true });
    if (edges.added.length) sigma.setEdgesState(edges.added, { isHidden: false });
    if (edges.removed.length) sigma.setEdgesState(edges.removed, { isHidden: true });
    // Strokes: only where the shown statements give another than all of them do.
    const overrides = new Map<string, Stroke>();
    for (const [edge, stroke] of next.strokes)
      if (stroke !== graph.getEdgeAttribute(edge, 'baseStroke')) overrides.set(edge, stroke);
    const changes = mapChanges<string, Stroke | 'auto'>(strokeOverrides, overrides, 'auto');
    for (const [stroke, keys] of changes)
      sigma.setEdgesState(
        keys.filter((e) => graph.hasEdge(e)),
        { stroke },
      );
    strokeOverrides = overrides;
    // Relations shown on machine-coded evidence alone (none while it is hidden, the default).
    const machine = setChanges(before?.machineOnly ?? new Set<string>(), next.machineOnly, (e) =>
      graph.hasEdge(e),
    );
    if (machine.added.length) sigma.setEdgesState(machine.added, { machineOnly: true });
    if (machine.removed.length) sigma.setEdgesState(machine.removed, { machineOnly: false });
    visibility = next;
  };
  applyVisibility(explorer.current.visibility);

  // The highlight layer is loaded when first needed: a highlight, or the pointer entering the
  // canvas (so that it is there by the time an actor is hovered).
  let layer: HighlightLayer | undefined;
  let loading: Promise<HighlightLayer> | undefined;
  const highlightOf = (state: AppState) => ({
    focus: state.focus,
    focusActor: state.focusActor,
    selectedEdge: state.view.edge,
    visibility: state.visibility,
  });
  const loadLayer = () =>
    (loading ??= import('./highlightLayer.ts').then(
      (m) =>
        (layer = m.createHighlightLayer(
          sigma,
          sigmaLook(relationTypes, policy, true),
          settings,
          policy.tier === 'small',
        )),
    ));
  // Small graphs show every label, each placed where it covers no other (labelPlacement.ts);
  // placed again when the camera settles, since labels keep their size as the network zooms.
  let labelled = new Set<string>();
  const placeAllLabels = () => {
    if (policy.tier !== 'small' || !visibility) return;
    const measure = labelMeasurer();
    const candidates: LabelCandidate[] = [];
    for (const node of visibility.nodes) {
      const data = sigma.getNodeDisplayData(node);
      const label = graph.getNodeAttribute(node, 'label');
      if (!data || !label) continue;
      const { x, y } = sigma.framedGraphToViewport(data);
      candidates.push({ key: node, x, y, radius: sigma.scaleSize(data.size), ...measure(label) });
    }
    const { width, height } = sigma.getDimensions();
    const { positions, crowded } = placeLabels(candidates, {
      margin: LABEL_MARGIN,
      bounds: { minX: 0, minY: 0, maxX: width, maxY: height },
    });
    const byPosition = new Map<ActorNodeState['labelPosition'], string[]>();
    for (const [node, position] of positions) {
      if (sigma.getNodeState(node).labelPosition === position) continue;
      const list = byPosition.get(position) ?? [];
      list.push(node);
      byPosition.set(position, list);
    }
    for (const [labelPosition, keys] of byPosition) sigma.setNodesState(keys, { labelPosition });
    // The highlight's labels go where the network's do.
    if (byPosition.size > 0) layer?.show(highlightOf(explorer.current));
    // A label that fits nowhere is left out at this zoom.
    const crowdedSet = new Set(crowded);
    const next = new Set(candidates.map((c) => c.key).filter((k) => !crowdedSet.has(k)));
    const { added, removed } = setChanges(labelled, next, (n) => graph.hasNode(n));
    if (removed.length) sigma.setNodesState(removed, { labelShown: false });
    if (added.length) sigma.setNodesState(added, { labelShown: true });
    labelled = next;
  };
  let placeTimer: ReturnType<typeof setTimeout> | undefined;
  const placeSoon = () => {
    clearTimeout(placeTimer);
    placeTimer = setTimeout(placeAllLabels, 120);
  };
  // Where a label fits depends on the viewport: a move of the camera or a new size of the
  // canvas (the workbench's reader opening beside it) places them again.
  sigma.getCamera().on('updated', placeSoon);
  sigma.on('resize', placeSoon);
  placeAllLabels();

  const showHighlight = (state: AppState) => {
    if (layer) layer.show(highlightOf(state));
    else if (state.focus !== null)
      void loadLayer().then((made) => made.show(highlightOf(explorer.current)));
  };
  showHighlight(explorer.current);
  container.addEventListener('pointerenter', () => void loadLayer(), { once: true });

  const unsubscribe = explorer.subscribe((state, changes) => {
    if (changes.has('filters') && state.visibility !== visibility) {
      applyVisibility(state.visibility);
      placeAllLabels();
    }
    showHighlight(state);
  });

  // sigma follows the window's size; the container also changes with the page's layout (the
  // workbench's reader widens the left panel), which the window does not see.
  let size = { width: container.clientWidth, height: container.clientHeight };
  const resized = new ResizeObserver(() => {
    const next = { width: container.clientWidth, height: container.clientHeight };
    if (next.width === size.width && next.height === size.height) return;
    size = next;
    sigma.scheduleRefresh();
  });
  resized.observe(container);

  attachInteractions(sigma, explorer, graph);
  return {
    sigma,
    highlight: { shown: () => layer?.shown() ?? { nodes: [], edges: [] } },
    picture: async () =>
      (await import('./snapshot.ts')).networkPng(
        layer ? [{ sigma }, layer.snapshotLayer()] : [{ sigma }],
      ),
    unmount: () => {
      clearTimeout(placeTimer);
      resized.disconnect();
      unsubscribe();
      sigma.kill();
    },
  };
}

/**
 * A relation's attributes with the stroke of all its statements (`baseStroke`), which the
 * canvas draws without a state; a rebuild's relations get it before they are added.
 */
export function withBaseStroke(attr: EdgeAttributes): EdgeAttributes {
  attr.baseStroke = strokeOf(attr.evidence);
  return attr;
}

/** Width and height of a label as drawn, measured once per text. */
function labelMeasurer(): (text: string) => { width: number; height: number } {
  const context = document.createElement('canvas').getContext('2d');
  if (context) context.font = `${LABEL_FONT.weight} ${LABEL_FONT.size}px ${LABEL_FONT.family}`;
  return (text) => {
    if (!context) return { width: text.length * LABEL_FONT.size * 0.6, height: LABEL_FONT.size };
    const m = context.measureText(text);
    return {
      width: m.width,
      height: Math.max(LABEL_FONT.size, m.fontBoundingBoxAscent + m.fontBoundingBoxDescent),
    };
  };
}

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
