import type Sigma from 'sigma';
import type { EdgeProgram, NodeProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Focus } from '../../core/explore/focus.ts';
import { focusLabelOrder } from '../../core/explore/reducers.ts';

/** Labels drawn at most over a highlight (the most important first): beyond, they only collide. */
export const FOCUS_LABELS_MAX = 80;

export interface FocusState {
  focus: Focus | null;
  /** Drawn with a label box, as sigma draws a hovered node. */
  focusActor: string | null;
  selectedEdge: string | null;
}

export interface FocusLayer {
  show(state: FocusState): void;
  /** What is drawn now (for tests). */
  shown(): { nodes: string[]; edges: string[] };
}

/**
 * One actor's relationships, highlighted without touching the rest of the network: the base
 * layers stay as they are, a translucent veil dims them, and the focused actors and relations
 * are drawn again above it, by sigma's own programs in a WebGL layer of their own (the way
 * sigma draws hovered nodes). A highlight then costs work in proportion to the highlighted
 * items, not to the graph, and no redraw of the whole network.
 */
export function createFocusLayer(sigma: Sigma): FocusLayer {
  const veil = sigma.createLayer<HTMLDivElement>('focusVeil', 'div', {
    afterLayer: 'labels',
    style: { background: 'rgba(255, 255, 255, 0.78)', display: 'none', pointerEvents: 'none' },
  });
  const glCanvas = sigma.createCanvas('focus', { afterLayer: 'focusVeil' });
  const gl = sigma.createWebGLContext('focus', { canvas: glCanvas });
  // createCanvasContext places the canvas like createCanvas does, though its type omits it.
  sigma.createCanvasContext('focusLabels', { afterLayer: 'focus' } as {
    style?: Partial<CSSStyleDeclaration>;
  });
  const labelCanvas = sigma.getCanvases().focusLabels!;
  const labels = labelCanvas.getContext('2d')!;
  // Sized here as sigma sizes its own layers; sigma.resize(true) would also clear the
  // network's canvases and picking textures, until its next full render.
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  for (const el of [veil, glCanvas, labelCanvas]) {
    el.style.width = `${width}px`;
    el.style.height = `${height}px`;
    el.style.pointerEvents = 'none';
  }
  for (const el of [glCanvas, labelCanvas]) {
    el.setAttribute('width', `${width * ratio}px`);
    el.setAttribute('height', `${height * ratio}px`);
    el.style.display = 'none';
  }
  gl.viewport(0, 0, width * ratio, height * ratio);
  if (ratio !== 1) labels.scale(ratio, ratio);

  // The same program classes sigma uses, instantiated once on this layer's context.
  const settings = sigma.getSettings();
  const programs = new Map<string, EdgeProgram | NodeProgram>();
  const program = <P extends EdgeProgram | NodeProgram>(kind: 'edge' | 'node', type: string): P => {
    const key = `${kind}:${type}`;
    let made = programs.get(key);
    if (!made) {
      const Program = (kind === 'edge' ? settings.edgeProgramClasses : settings.nodeProgramClasses)[
        type
      ];
      if (!Program) throw new Error(`No ${kind} program for type "${type}"`);
      made = new Program(gl, null, sigma) as P;
      programs.set(key, made);
    }
    return made as P;
  };

  let state: FocusState = { focus: null, focusActor: null, selectedEdge: null };
  let drawnNodes: string[] = [];
  let drawnEdges: string[] = [];

  const draw = () => {
    const { focus } = state;
    const display = focus === null ? 'none' : 'block';
    veil.style.display = display;
    glCanvas.style.display = display;
    labelCanvas.style.display = display;
    drawnNodes = [];
    drawnEdges = [];
    if (focus === null) return;

    const graph = sigma.getGraph();
    const edgesByType = new Map<string, [EdgeDisplayData, NodeDisplayData, NodeDisplayData][]>();
    for (const edge of focus.edges) {
      const data = sigma.getEdgeDisplayData(edge);
      if (!data || data.hidden) continue;
      const [s, t] = graph.extremities(edge);
      const source = sigma.getNodeDisplayData(s);
      const target = sigma.getNodeDisplayData(t);
      if (!source || !target || source.hidden || target.hidden) continue;
      const item: [EdgeDisplayData, NodeDisplayData, NodeDisplayData] = [
        edge === state.selectedEdge ? { ...data, size: data.size * 1.8 } : data,
        source,
        target,
      ];
      const list = edgesByType.get(data.type);
      if (list) list.push(item);
      else edgesByType.set(data.type, [item]);
      drawnEdges.push(edge);
    }
    const nodesByType = new Map<string, NodeDisplayData[]>();
    const labelled: [string, NodeDisplayData][] = [];
    for (const node of focus.nodes) {
      const data = sigma.getNodeDisplayData(node);
      if (!data || data.hidden) continue;
      const list = nodesByType.get(data.type);
      if (list) list.push(data);
      else nodesByType.set(data.type, [data]);
      labelled.push([node, data]);
      drawnNodes.push(node);
    }

    gl.clear(gl.COLOR_BUFFER_BIT);
    const params = sigma.getRenderParams();
    for (const [type, items] of edgesByType) {
      const edges = program<EdgeProgram>('edge', type);
      edges.reallocate(items.length);
      items.forEach(([data, source, target], i) => edges.process(0, i, source, target, data));
      edges.render(params);
    }
    for (const [type, items] of nodesByType) {
      const nodes = program<NodeProgram>('node', type);
      nodes.reallocate(items.length);
      items.forEach((data, i) => nodes.process(0, i, data));
      nodes.render(params);
    }

    // Labels: the focused actor boxed, as sigma draws a hovered node, and drawn last, on top;
    // the others plain, the largest first, up to a limit.
    const size = sigma.getDimensions();
    labels.clearRect(0, 0, size.width, size.height);
    for (const [node, data] of focusLabelOrder(
      labelled,
      state.focusActor,
      FOCUS_LABELS_MAX,
    ).reverse()) {
      const { x, y } = sigma.framedGraphToViewport(data);
      const drawn = { key: node, ...data, x, y, size: sigma.scaleSize(data.size) };
      if (node === state.focusActor) {
        settings.defaultDrawNodeHover(labels, drawn, settings);
        // sigma draws a hovered node's disc over its box from another WebGL layer; one disc
        // drawn here does the same without a layer more to composite.
        labels.beginPath();
        labels.arc(x, y, drawn.size, 0, Math.PI * 2);
        labels.fillStyle = data.color;
        labels.fill();
      } else settings.defaultDrawNodeLabel(labels, drawn, settings);
    }
  };

  // Whatever makes sigma draw again (camera, layout, filters) moves the highlight with it.
  sigma.on('afterRender', () => {
    if (state.focus !== null) draw();
  });

  return {
    show(next) {
      state = next;
      draw();
    },
    shown: () => ({ nodes: [...drawnNodes], edges: [...drawnEdges] }),
  };
}
