import type Graph from 'graphology';
import random from 'graphology-layout/random';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import seedrandom from 'seedrandom';
import { sizePolicy } from '../sizePolicy.ts';

export interface LayoutOptions {
  /** ForceAtlas2 iterations, a whole number from 1; by default by graph size (sizePolicy). */
  iterations?: number;
  /** Seed of the starting positions: the same seed and graph give the same layout. */
  seed?: string;
  /**
   * The positions of a previous layout (the annotation workbench's rebuild after a change):
   * actors found here keep their positions and ForceAtlas2 is not run, so that the network
   * does not move under the analyst's eyes; a new actor starts beside its already placed
   * neighbours (their mean, plus a small seeded offset), or at a seeded spot among the others
   * if it has none, and is moved clear of the others' discs. Known actors do not move at all.
   */
  previous?: ReadonlyMap<string, { x: number; y: number }>;
}

export const DEFAULT_LAYOUT_SEED = 'actor-graph';

/** Raised for layout options that cannot be used; the message says what to give instead. */
export class LayoutOptionError extends Error {}

/**
 * The most iterations a build runs: ForceAtlas2 settles long before, and a mistyped count
 * (99999999999) would otherwise run for days.
 */
export const MAX_LAYOUT_ITERATIONS = 100_000;

/**
 * Checks an iteration count: ForceAtlas2 needs at least one iteration, a count is a whole
 * number, and at most MAX_LAYOUT_ITERATIONS. Returns the message to show, or undefined.
 */
export function checkLayoutIterations(iterations: unknown): string | undefined {
  if (
    typeof iterations === 'number' &&
    Number.isInteger(iterations) &&
    iterations >= 1 &&
    iterations <= MAX_LAYOUT_ITERATIONS
  ) {
    return undefined;
  }
  return `the number of layout iterations must be a whole number from 1 to ${MAX_LAYOUT_ITERATIONS.toLocaleString('en')} (got ${JSON.stringify(iterations)}); leave it out to let the graph's size decide`;
}

/**
 * ForceAtlas2's own inferred settings, with strong gravity (isolated actors stay near) and
 * Barnes-Hut as sizePolicy decides (ForceAtlas2 itself waits until 2,000 nodes, which makes a
 * 2,000-node layout slow). A graph without Barnes-Hut is spread wider, its hubs' attraction
 * distributed so that the many actors tied to one hub do not pile up on it; in a large one that
 * would push the hubs to the rim, so there hubs keep their neighbourhoods around them.
 */
export function layoutSettings(graph: Graph): ForceAtlas2Settings {
  const exact = !sizePolicy(graph).barnesHut;
  return {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: !exact,
    scalingRatio: exact ? 30 : 10,
    gravity: 1,
    strongGravityMode: true,
    outboundAttractionDistribution: exact,
  };
}

/**
 * Lays the graph out deterministically: seeded random starting positions, then a fixed number of
 * ForceAtlas2 iterations. Positions are rounded so that the JSON is stable across runs. Mutates
 * x and y in place. Throws LayoutOptionError for an iteration count that cannot be used.
 */
export function layoutGraph(graph: Graph, options: LayoutOptions = {}): void {
  const iterations = options.iterations ?? sizePolicy(graph).layoutIterations;
  const problem = checkLayoutIterations(iterations);
  if (problem !== undefined) throw new LayoutOptionError(problem);
  const seed = options.seed ?? DEFAULT_LAYOUT_SEED;
  if (options.previous) {
    const placed = placeFromPrevious(graph, options.previous, seed);
    graph.updateEachNodeAttributes((node, attr) =>
      placed.has(node)
        ? {
            ...attr,
            x: Math.round(attr.x * 1000) / 1000,
            y: Math.round(attr.y * 1000) / 1000,
          }
        : attr,
    );
    return;
  }
  random.assign(graph, { rng: seedrandom(seed), scale: 100, center: 0 });
  if (graph.order === 0) return;
  forceAtlas2.assign(graph, {
    iterations,
    getEdgeWeight: 'weight',
    settings: layoutSettings(graph),
  });
  separateDiscs(graph);
  graph.updateEachNodeAttributes((_node, attr) => ({
    ...attr,
    x: Math.round(attr.x * 1000) / 1000,
    y: Math.round(attr.y * 1000) / 1000,
  }));
}

/**
 * Positions from a previous layout (LayoutOptions.previous): known actors where they were; new
 * ones, in rounds, at the mean of their placed neighbours plus a seeded offset of a few discs'
 * width (seeded by the actor's id, so independent of the order); an actor with no placed
 * neighbour at a seeded spot within the known actors' extent. Then each new actor is moved
 * clear of the others' discs (clearDisc). The known actors are not moved at all: the
 * no-overlap pass over the whole network (separateDiscs) does not settle at 10,000 relations
 * and would move most of them, for seconds. Returns the new actors.
 */
function placeFromPrevious(
  graph: Graph,
  previous: ReadonlyMap<string, { x: number; y: number }>,
  seed: string,
): Set<string> {
  const placed = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node) => {
    const p = previous.get(node);
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) placed.set(node, { x: p.x, y: p.y });
  });
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const { x, y } of placed.values()) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (placed.size === 0) {
    [minX, maxX, minY, maxY] = [-50, 50, -50, 50];
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1);
  // A few discs' width at the reference canvas: near, and little for noverlap to push.
  const offset = (extent / REFERENCE_CANVAS_PX) * 4 * DISC_GAP_PX;
  const added = new Set(graph.filterNodes((node) => !placed.has(node)));
  let waiting = [...added];
  while (waiting.length > 0) {
    const next: string[] = [];
    const round = new Map<string, { x: number; y: number }>();
    for (const node of waiting) {
      let sx = 0;
      let sy = 0;
      let n = 0;
      graph.forEachNeighbor(node, (neighbour) => {
        const p = placed.get(neighbour);
        if (!p) return;
        sx += p.x;
        sy += p.y;
        n++;
      });
      if (n === 0) {
        next.push(node);
        continue;
      }
      const rng = seedrandom(`${seed}\u0000${node}`);
      const angle = rng() * 2 * Math.PI;
      const distance = offset * (0.5 + rng());
      round.set(node, {
        x: sx / n + distance * Math.cos(angle),
        y: sy / n + distance * Math.sin(angle),
      });
    }
    for (const [node, p] of round) placed.set(node, p);
    if (round.size === 0) {
      // No neighbour placed for any of them: seeded spots among the known actors.
      for (const node of next) {
        const rng = seedrandom(`${seed}\u0000${node}`);
        placed.set(node, {
          x: (minX + maxX) / 2 + (rng() - 0.5) * extent,
          y: (minY + maxY) / 2 + (rng() - 0.5) * extent,
        });
      }
      break;
    }
    waiting = next;
  }
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, ...placed.get(node)! }));
  if (added.size > 0 && graph.order > 1) {
    const unitsPerPixel = extent / REFERENCE_CANVAS_PX;
    const clear = graph.filterNodes((node) => !added.has(node));
    for (const node of added) {
      clearDisc(graph, node, clear, unitsPerPixel);
      clear.push(node);
    }
  }
  return added;
}

/**
 * Moves `node` to the first spot, on a spiral out from where it is, where its disc overlaps
 * none of the discs of `others` (sizes in pixels at REFERENCE_CANVAS_PX, DISC_GAP_PX apart, as
 * separateDiscs keeps them). Gives up after a few thousand spots (it stays where it is).
 */
function clearDisc(
  graph: Graph,
  node: string,
  others: readonly string[],
  unitsPerPixel: number,
): void {
  const radius = (n: string) =>
    ((graph.getNodeAttribute(n, 'size') as number | undefined) ?? 1) * unitsPerPixel;
  const own = radius(node);
  const gap = DISC_GAP_PX * unitsPerPixel;
  const discs = others.map((n) => {
    const a = graph.getNodeAttributes(n);
    return { x: a.x as number, y: a.y as number, r: radius(n) };
  });
  const x0 = graph.getNodeAttribute(node, 'x') as number;
  const y0 = graph.getNodeAttribute(node, 'y') as number;
  const step = own + gap / 2;
  const goldenAngle = Math.PI * (3 - Math.sqrt(5));
  for (let k = 0; k < 5000; k++) {
    const distance = step * Math.sqrt(k);
    const x = x0 + distance * Math.cos(k * goldenAngle);
    const y = y0 + distance * Math.sin(k * goldenAngle);
    if (discs.every((d) => Math.hypot(d.x - x, d.y - y) >= d.r + own + gap)) {
      graph.mergeNodeAttributes(node, { x, y });
      return;
    }
  }
}

/**
 * The canvas size, in pixels, the build assumes the network is shown at: the explorer's
 * network pane on a laptop. Node sizes are pixels on screen; the no-overlap pass converts
 * them to layout units at this scale.
 */
const REFERENCE_CANVAS_PX = 640;
/** Pixels kept between two actors' discs. */
const DISC_GAP_PX = 6;

/**
 * A no-overlap pass after ForceAtlas2 (graphology-layout-noverlap): no two actors' discs,
 * at their drawn size (`size`, pixels at the default zoom) on a canvas of
 * REFERENCE_CANVAS_PX, overlap. Pixels become layout units by the ratio of the layout's
 * extent to the canvas, measured again before each of a few rounds, since pushing discs
 * apart widens the extent.
 */
function separateDiscs(graph: Graph): void {
  if (graph.order < 2) return;
  for (let round = 0; round < 3; round++) {
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    graph.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x as number);
      maxX = Math.max(maxX, a.x as number);
      minY = Math.min(minY, a.y as number);
      maxY = Math.max(maxY, a.y as number);
    });
    const unitsPerPixel = Math.max(maxX - minX, maxY - minY, 1e-9) / REFERENCE_CANVAS_PX;
    noverlap.assign(graph, {
      maxIterations: 200,
      inputReducer: (_key, attr) => ({
        x: attr.x,
        y: attr.y,
        size: ((attr.size as number | undefined) ?? 1) * unitsPerPixel,
      }),
      settings: { margin: DISC_GAP_PX * unitsPerPixel, ratio: 1, speed: 3 },
    });
  }
}
