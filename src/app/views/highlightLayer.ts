import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import { MultiGraph } from 'graphology';
import type { ActorGraph } from '../../core/graph/actorGraph.ts';
import type { Focus } from '../../core/explore/focus.ts';
import type { Visibility } from '../../core/explore/filters.ts';
import { focusLabelOrder } from '../../core/explore/highlight.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../../core/model.ts';
import type { ActorSigma, ActorSigmaLook } from './canvas.ts';
import type { SnapshotLayer } from './snapshot.ts';

/** Labels drawn at most over a highlight (the most important first): beyond, they only collide. */
export const FOCUS_LABELS_MAX = 80;

export interface HighlightState {
  focus: Focus | null;
  /** Drawn with a label box. */
  focusActor: string | null;
  selectedEdge: string | null;
  visibility: Visibility;
}

export interface HighlightLayer {
  show(state: HighlightState): void;
  /** What is drawn now (for tests). */
  shown(): { nodes: string[]; edges: string[] };
  /** The layer as the PNG export draws it (snapshot.ts). */
  snapshotLayer(): SnapshotLayer;
}

/**
 * One actor's relationships (or one relation), highlighted without touching the network: a
 * translucent veil over the network's canvas, and above it a second sigma that draws only
 * the highlighted actors and relations, with the same styles, camera and framing. sigma 4
 * draws a whole network into one WebGL canvas, so any change to it redraws all of it; this
 * layer costs work in proportion to the highlight, and the network is not drawn again.
 */
export function createHighlightLayer(
  main: ActorSigma,
  look: ActorSigmaLook,
  settings: Partial<Settings>,
  /** Labels are placed on the network (small graphs): show those it shows, no others. */
  labelsPlaced: boolean,
): HighlightLayer {
  const container = main.getContainer();
  const veil = document.createElement('div');
  veil.className = 'highlight-veil';
  veil.hidden = true;
  const host = document.createElement('div');
  host.className = 'highlight-layer';
  container.append(veil, host);

  const source = main.getGraph();
  const graph: ActorGraph = new MultiGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: 'mixed',
    allowSelfLoops: false,
  });
  graph.replaceAttributes(source.getAttributes());
  const overlay: ActorSigma = new Sigma(graph, host, {
    ...look,
    settings: {
      ...settings,
      // The pointer goes through to the network (styles.css); the camera follows its camera.
      enableEdgeEvents: false,
      allowInvalidContainer: true,
    },
  });
  // Same framing and camera as the network below.
  const frame = () => overlay.setCustomBBox(main.getBBox());
  main.on('afterProcess', frame);
  main.on('resize', () => overlay.resize());
  main.getCamera().on('updated', (state) => overlay.getCamera().setState(state));
  overlay.getCamera().setState(main.getCamera().getState());
  frame();
  // Actors moved by a drag or the layout move here too.
  const follow = (node: string) => {
    if (graph.hasNode(node)) {
      const { x, y } = source.getNodeAttributes(node);
      graph.mergeNodeAttributes(node, { x, y });
    }
  };
  source.on('nodeAttributesUpdated', ({ key }) => follow(key));
  source.on('eachNodeAttributesUpdated', () => graph.forEachNode((node) => follow(node)));

  let drawn = { nodes: [] as string[], edges: [] as string[] };
  // Where each relation stands in the network's graph, counted again only when relations are
  // added or removed (the annotation workbench).
  let order: Map<string, number> | undefined;
  const recount = () => (order = undefined);
  source.on('edgeAdded', recount);
  source.on('edgeDropped', recount);
  source.on('cleared', recount);
  source.on('edgesCleared', recount);
  const orderOf = (edge: string) => {
    order ??= new Map(source.edges().map((key, i) => [key, i]));
    return order.get(edge) ?? 0;
  };

  return {
    show({ focus, focusActor, selectedEdge, visibility }) {
      veil.hidden = focus === null;
      graph.clear();
      drawn = { nodes: [], edges: [] };
      if (focus === null) return;
      for (const node of focus.nodes) {
        if (!visibility.nodes.has(node)) continue;
        graph.addNode(node, source.getNodeAttributes(node));
        drawn.nodes.push(node);
      }
      // Every relation between two highlighted actors is added, the ones outside the focus
      // hidden, so that parallel relations curve here exactly as they do below.
      const hidden: string[] = [];
      const pairs = new Set<string>();
      for (const edge of focus.edges) {
        const [s, t] = source.extremities(edge);
        if (!graph.hasNode(s) || !graph.hasNode(t)) continue;
        const pair = s < t ? `${s}\n${t}` : `${t}\n${s}`;
        if (pairs.has(pair)) continue;
        pairs.add(pair);
        // In the network's own order: sigma numbers parallel relations by it.
        const between = [...source.edges(s, t), ...source.edges(t, s)]
          .filter((key, i, all) => all.indexOf(key) === i)
          .sort((a, b) => orderOf(a) - orderOf(b));
        for (const key of between) {
          const attr = source.getEdgeAttributes(key);
          const [from, to] = source.extremities(key);
          if (source.isUndirected(key)) graph.addUndirectedEdgeWithKey(key, from, to, attr);
          else graph.addDirectedEdgeWithKey(key, from, to, attr);
          if (!focus.edges.has(key) || !visibility.edges.has(key)) hidden.push(key);
          else drawn.edges.push(key);
        }
      }
      if (hidden.length) overlay.setEdgesState(hidden, { isHidden: true });
      for (const edge of drawn.edges) {
        const stroke = visibility.strokes.get(edge);
        if (stroke && stroke !== source.getEdgeAttribute(edge, 'baseStroke'))
          overlay.setEdgeState(edge, { stroke });
        if (visibility.machineOnly.has(edge)) overlay.setEdgeState(edge, { machineOnly: true });
      }
      if (selectedEdge !== null && graph.hasEdge(selectedEdge))
        overlay.setEdgeState(selectedEdge, { isSelected: true });
      const labelled = focusLabelOrder(
        drawn.nodes
          .filter((n) => !labelsPlaced || n === focusActor || main.getNodeState(n).labelShown)
          .map((n) => [n, source.getNodeAttributes(n)] as [string, NodeAttributes]),
        focusActor,
        FOCUS_LABELS_MAX,
      );
      for (const [node] of labelled)
        overlay.setNodeState(node, {
          labelShown: true,
          labelPosition: main.getNodeState(node).labelPosition,
        });
      if (focusActor !== null && graph.hasNode(focusActor))
        overlay.setNodeState(focusActor, { isFocused: true });
    },
    shown: () => ({ nodes: [...drawn.nodes], edges: [...drawn.edges] }),
    snapshotLayer: () => ({
      sigma: overlay,
      veil: veil.hidden ? null : getComputedStyle(veil).backgroundColor,
    }),
  };
}
