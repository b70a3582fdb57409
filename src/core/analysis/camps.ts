import { Random } from '../generate/random.ts';
import { byId, type SignedNetwork, type SignedPair } from './signs.ts';

/**
 * Two camps: every actor with a signed pair goes to camp 0 or 1 so that as few signed pairs as
 * possible contradict the split (a positive pair across the camps, a negative pair within one).
 * That number is the frustration (the line index of balance: Harary 1959; Doreian and Mrvar
 * 1996; Aref and Wilson 2018); it is 0 exactly when the network is balanced (Cartwright and
 * Harary 1956). Finding it is NP-hard in general, so:
 *
 * - each connected component of the signed network is split on its own (no signed path joins
 *   two components, so their camps say nothing about one another);
 * - a component of at most `exactLimit` actors (20) is solved exactly by branch and bound
 *   (actors assigned in breadth-first order, the search cut wherever the frustration so far
 *   reaches the best split known, starting from the heuristic's);
 * - a larger one by a heuristic, after which the same exact search is tried within what is
 *   left of a budget of `searchBudget` search steps shared by all larger components (a count,
 *   not a time, so the result does not depend on the machine): if it finishes, the split is
 *   exact after all (tried up to 1,000 actors: beyond, a search of that budget cannot finish,
 *   and its recursion would only grow deep). The heuristic: `restarts` starts (a spanning-tree colouring from the first
 *   actor, then from seeded random roots, and seeded random splits), each improved by
 *   Kernighan-Lin / Fiduccia-Mattheyses passes (flip the actor whose flip removes the most
 *   frustration, even when none does, lock it, and keep the best prefix of the flips) until a
 *   pass improves nothing; the best split found is kept. Deterministic for a given seed.
 *
 * Labels are deterministic: in each component, the actor first in code-unit order is in camp 0.
 */
export type Camp = 0 | 1;

export interface CampOptions {
  /** The largest component solved exactly (default 20). */
  exactLimit?: number;
  /** Starts of the heuristic on larger components (default 16). */
  restarts?: number;
  /** The heuristic's seed (default 'camps'). */
  seed?: string;
  /** Steps of exact search shared by the larger components (default 50,000; 0: none). */
  searchBudget?: number;
}

export interface CampComponent {
  /** Its actors, the first in code-unit order first, then in breadth-first order. */
  actors: string[];
  frustration: number;
  exact: boolean;
}

export interface CampSplit {
  camps: Map<string, Camp>;
  /** The signed pairs that contradict the split, in all. */
  frustration: number;
  /** Whether every component was solved exactly (the frustration is then the least there is). */
  exact: boolean;
  /** The pairs that contradict the split, ordered by a then b (their edges are the evidence). */
  frustrated: SignedPair[];
  components: CampComponent[];
}

export const DEFAULT_EXACT_LIMIT = 20;
export const DEFAULT_SEARCH_BUDGET = 50_000;
/** The largest component the budgeted exact search is tried on. */
const SEARCH_SIZE_LIMIT = 1000;

/** The component as arrays: neighbours of i are nbr[start[i]..start[i+1]), with their pairs. */
interface Component {
  ids: string[];
  start: Int32Array;
  nbr: Int32Array;
  sign: Int8Array;
  pair: SignedPair[];
}

export function splitCamps(network: SignedNetwork, options: CampOptions = {}): CampSplit {
  const exactLimit = options.exactLimit ?? DEFAULT_EXACT_LIMIT;
  const restarts = Math.max(1, options.restarts ?? 16);
  let budgetLeft = options.searchBudget ?? DEFAULT_SEARCH_BUDGET;
  const random = new Random(options.seed ?? 'camps');
  const camps = new Map<string, Camp>();
  const frustrated: SignedPair[] = [];
  const components: CampComponent[] = [];
  for (const component of componentsOf(network)) {
    const n = component.ids.length;
    const small = n <= exactLimit;
    let best = heuristic(component, small ? 1 : restarts, random.fork(component.ids[0]!));
    // A split without frustration needs no search: nothing does better.
    let searched: Solution | null = null;
    if (best.cost > 0 && (small || (budgetLeft > 0 && n <= SEARCH_SIZE_LIMIT))) {
      const search = branchAndBound(component, best, small ? Infinity : budgetLeft);
      if (!small) budgetLeft -= search.steps;
      searched = search.solution;
    }
    const exact = best.cost === 0 || searched !== null;
    if (searched) best = searched;
    const assign = best.assign;
    if (assign[0] === 1) for (let i = 0; i < n; i++) assign[i] = assign[i]! ^ 1;
    component.ids.forEach((id, i) => camps.set(id, assign[i] as Camp));
    for (let i = 0; i < n; i++) {
      for (let k = component.start[i]!; k < component.start[i + 1]!; k++) {
        const j = component.nbr[k]!;
        if (j > i && isFrustrated(component.sign[k]!, assign[i]!, assign[j]!))
          frustrated.push(component.pair[k]!);
      }
    }
    components.push({ actors: component.ids, frustration: best.cost, exact });
  }
  frustrated.sort((x, y) => byId(x.a, y.a) || byId(x.b, y.b));
  return {
    camps,
    frustration: frustrated.length,
    exact: components.every((c) => c.exact),
    frustrated,
    components,
  };
}

/** Frustration of a split of a whole network (any camps map), for checks and comparisons. */
export function frustrationOf(network: SignedNetwork, camps: ReadonlyMap<string, Camp>): number {
  let n = 0;
  for (const p of network.pairs) if (isFrustrated(p.sign, camps.get(p.a)!, camps.get(p.b)!)) n++;
  return n;
}

const isFrustrated = (sign: number, x: number, y: number): boolean =>
  sign > 0 ? x !== y : x === y;

/** Connected components, each from its first actor in code-unit order, breadth first. */
function componentsOf(network: SignedNetwork): Component[] {
  const seen = new Set<string>();
  const result: Component[] = [];
  for (const first of [...network.neighbours.keys()].sort(byId)) {
    if (seen.has(first)) continue;
    const ids = [first];
    seen.add(first);
    for (let i = 0; i < ids.length; i++) {
      const around = [...network.neighbours.get(ids[i]!)!.keys()].sort(byId);
      for (const other of around) {
        if (seen.has(other)) continue;
        seen.add(other);
        ids.push(other);
      }
    }
    const index = new Map(ids.map((id, i) => [id, i]));
    const start = new Int32Array(ids.length + 1);
    const nbr: number[] = [];
    const sign: number[] = [];
    const pair: SignedPair[] = [];
    ids.forEach((id, i) => {
      start[i] = nbr.length;
      for (const [other, p] of network.neighbours.get(id)!) {
        nbr.push(index.get(other)!);
        sign.push(p.sign);
        pair.push(p);
      }
    });
    start[ids.length] = nbr.length;
    result.push({ ids, start, nbr: Int32Array.from(nbr), sign: Int8Array.from(sign), pair });
  }
  return result;
}

interface Solution {
  assign: Uint8Array;
  cost: number;
}

function costOf(c: Component, assign: Uint8Array): number {
  let cost = 0;
  for (let i = 0; i < c.ids.length; i++)
    for (let k = c.start[i]!; k < c.start[i + 1]!; k++) {
      const j = c.nbr[k]!;
      if (j > i && isFrustrated(c.sign[k]!, assign[i]!, assign[j]!)) cost++;
    }
  return cost;
}

/**
 * The exact least frustration: assign actors in breadth-first order, prune at the incumbent.
 * No solution when the search takes more than `budget` steps.
 */
function branchAndBound(
  c: Component,
  incumbent: Solution,
  budget: number,
): { solution: Solution | null; steps: number } {
  const n = c.ids.length;
  const assign = new Int8Array(n).fill(-1);
  let best = incumbent.cost;
  let bestAssign = incumbent.assign;
  let steps = 0;
  const added = (i: number, value: number): number => {
    let cost = 0;
    for (let k = c.start[i]!; k < c.start[i + 1]!; k++) {
      const other = assign[c.nbr[k]!]!;
      if (other >= 0 && isFrustrated(c.sign[k]!, value, other)) cost++;
    }
    return cost;
  };
  const search = (i: number, cost: number): void => {
    if (cost >= best || steps > budget) return;
    steps++;
    if (i === n) {
      best = cost;
      bestAssign = Uint8Array.from(assign);
      return;
    }
    const cost0 = added(i, 0);
    const cost1 = added(i, 1);
    const order = cost1 < cost0 ? [1, 0] : [0, 1];
    for (const value of order) {
      assign[i] = value;
      search(i + 1, cost + (value === 0 ? cost0 : cost1));
    }
    assign[i] = -1;
  };
  // The first actor's camp is fixed (the other labelling is the same split).
  assign[0] = 0;
  search(1, 0);
  return { solution: steps > budget ? null : { assign: bestAssign, cost: best }, steps };
}

/** The best of several improved starts. */
function heuristic(c: Component, restarts: number, random: Random): Solution {
  const n = c.ids.length;
  let best: Solution | null = null;
  for (let r = 0; r < restarts; r++) {
    let assign: Uint8Array;
    if (r === 0) assign = treeColouring(c, 0, null);
    else if (r % 2 === 1) assign = treeColouring(c, random.int(n), random);
    else assign = Uint8Array.from({ length: n }, () => random.int(2));
    improve(c, assign);
    const cost = costOf(c, assign);
    if (best === null || cost < best.cost) best = { assign, cost };
    if (best.cost === 0) break;
  }
  return best!;
}

/** Colours a breadth-first spanning tree so that every tree pair agrees with the split. */
function treeColouring(c: Component, root: number, random: Random | null): Uint8Array {
  const n = c.ids.length;
  const assign = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const queue = [root];
  seen[root] = 1;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    const ks: number[] = [];
    for (let k = c.start[i]!; k < c.start[i + 1]!; k++) ks.push(k);
    if (random) random.shuffle(ks);
    for (const k of ks) {
      const j = c.nbr[k]!;
      if (seen[j]) continue;
      seen[j] = 1;
      assign[j] = c.sign[k]! > 0 ? assign[i]! : assign[i]! ^ 1;
      queue.push(j);
    }
  }
  return assign;
}

/**
 * Kernighan-Lin / Fiduccia-Mattheyses passes over one split, in place: in each pass, flip the
 * unlocked actor with the largest gain (frustration removed by its flip; ties to the lower
 * index), lock it, and go on while the best prefix keeps improving (giving up after `patience`
 * flips without a new best); undo the flips after the best prefix. Passes repeat until one
 * improves nothing. Gains live in a heap with lazy deletion.
 */
function improve(c: Component, assign: Uint8Array): void {
  const n = c.ids.length;
  if (n < 2) return;
  const gain = new Int32Array(n);
  let maxDegree = 0;
  for (let i = 0; i < n; i++) {
    maxDegree = Math.max(maxDegree, c.start[i + 1]! - c.start[i]!);
    for (let k = c.start[i]!; k < c.start[i + 1]!; k++)
      gain[i]! += isFrustrated(c.sign[k]!, assign[i]!, assign[c.nbr[k]!]!) ? 1 : -1;
  }
  const flip = (i: number, locked: Uint8Array | null, heap: number[] | null) => {
    assign[i] = assign[i]! ^ 1;
    gain[i] = -gain[i]!;
    for (let k = c.start[i]!; k < c.start[i + 1]!; k++) {
      const j = c.nbr[k]!;
      gain[j]! += isFrustrated(c.sign[k]!, assign[i]!, assign[j]!) ? 2 : -2;
      if (heap && locked && !locked[j]) heapPush(heap, keyOf(gain[j]!, j));
    }
  };
  // A heap key orders by gain, then by lower index: (gain + maxDegree) * n + (n - 1 - i).
  const keyOf = (g: number, i: number) => (g + maxDegree) * n + (n - 1 - i);
  const patience = Math.min(n, 50);
  for (;;) {
    const locked = new Uint8Array(n);
    const heap: number[] = [];
    for (let i = 0; i < n; i++) heapPush(heap, keyOf(gain[i]!, i));
    const flips: number[] = [];
    let total = 0;
    let bestTotal = 0;
    let bestLength = 0;
    while (heap.length > 0) {
      const key = heapPop(heap);
      const i = n - 1 - (key % n);
      const g = Math.floor(key / n) - maxDegree;
      if (locked[i] || gain[i] !== g) continue;
      locked[i] = 1;
      total += g;
      flip(i, locked, heap);
      flips.push(i);
      if (total > bestTotal) {
        bestTotal = total;
        bestLength = flips.length;
      } else if (flips.length - bestLength >= patience) break;
    }
    for (let f = flips.length - 1; f >= bestLength; f--) flip(flips[f]!, null, null);
    if (bestTotal === 0) return;
  }
}

/** A binary max-heap of numbers. */
function heapPush(heap: number[], key: number): void {
  let i = heap.length;
  heap.push(key);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! >= key) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = key;
}

function heapPop(heap: number[]): number {
  const top = heap[0]!;
  const last = heap.pop()!;
  if (heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= heap.length) break;
    const r = l + 1;
    const child = r < heap.length && heap[r]! > heap[l]! ? r : l;
    if (heap[child]! <= last) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}
