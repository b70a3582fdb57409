import type { ActorGraph } from '../graph/actorGraph.ts';
import type { Modality } from '../model.ts';

/**
 * The signed network: per unordered pair of actors, a sign from the statements the filters
 * show. A relation type's `sign` (graph attribute relationTypes) says which way its statements
 * count: cooperates-with +1, opposes -1; types of sign 0 (proposes-to) do not count. Only
 * statements of the counted modalities count: asserted ones by default. A reported statement
 * (someone says that it happened) does not count unless asked for (`counted`), since the
 * article does not vouch for it; negated, denied, conditional and proposed statements never
 * say that the relation is there, and are best left uncounted too. Which statements are shown
 * at all is the filters' business (the modality filter, the dates): the analysis takes the
 * filtered graph.
 *
 * A statement is counted once per pair and sign even when the same sentence is annotated in
 * both directions (A opposes B and B opposes A): statements are told apart by article and span.
 * A pair's sign is the sign of (counted positive statements - counted negative statements):
 * the majority decides. A pair with as many of each (a tie) has no sign: it is left out of the
 * signed network (triads, camps) and listed with the contradictions, as every pair with
 * statements of both signs is.
 */

export type Sign = 1 | -1;

/** The modalities counted toward a sign unless told otherwise. */
export const DEFAULT_COUNTED: readonly Modality[] = ['asserted'];

export interface SignOptions {
  /** The modalities whose shown statements count toward a sign (default: asserted). */
  counted?: readonly Modality[];
}

/** The counted statements between two actors (distinct spans), by the sign of their types. */
export interface PairTally {
  /** The two actors, a < b (in code-unit order, as JSON consumers sort). */
  a: string;
  b: string;
  positive: number;
  negative: number;
  /** The sign the majority gives, 0 on a tie. */
  sign: Sign | 0;
  /** Keys of the relations whose counted statements make each side. */
  positiveEdges: string[];
  negativeEdges: string[];
}

/** A pair with a sign. */
export interface SignedPair extends PairTally {
  sign: Sign;
}

export interface SignedNetwork {
  /** Every pair with counted statements of a signed type, ordered by a then b. */
  tallies: PairTally[];
  /** The pairs with a sign (the tallies without ties), ordered by a then b. */
  pairs: SignedPair[];
  /** Each actor's signed pairs, by the other actor. */
  neighbours: Map<string, Map<string, SignedPair>>;
}

export const isSigned = (tally: PairTally): tally is SignedPair => tally.sign !== 0;

/** Orders pairs, and ids generally, by code units: the same order everywhere. */
export const byId = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The signed network of a (filtered) graph. */
export function signedNetwork(graph: ActorGraph, options: SignOptions = {}): SignedNetwork {
  const counted = new Set<Modality>(options.counted ?? DEFAULT_COUNTED);
  const signOf = new Map<string, number>(
    (graph.getAttribute('relationTypes') ?? []).map((t) => [t.id, t.sign]),
  );
  const byPair = new Map<string, PairTally>();
  // The counted statements of each side, by their span: a sentence annotated in both
  // directions (A opposes B, B opposes A) is one statement about the pair, not two.
  const spans = new Map<PairTally, { positive: Set<string>; negative: Set<string> }>();
  graph.forEachEdge((edge, attr, source, target) => {
    const sign = signOf.get(attr.relation) ?? 0;
    if (sign === 0) return;
    const countedHere = attr.evidence.filter((e) => counted.has(e.modality));
    if (countedHere.length === 0) return;
    const [a, b] = source < target ? [source, target] : [target, source];
    const key = `${a}\u0000${b}`;
    let tally = byPair.get(key);
    if (!tally) {
      tally = { a, b, positive: 0, negative: 0, sign: 0, positiveEdges: [], negativeEdges: [] };
      byPair.set(key, tally);
      spans.set(tally, { positive: new Set(), negative: new Set() });
    }
    const side = sign > 0 ? 'positive' : 'negative';
    const seen = spans.get(tally)![side];
    for (const e of countedHere) seen.add(`${e.article}\u0000${e.start}\u0000${e.end}`);
    tally[side] = seen.size;
    (sign > 0 ? tally.positiveEdges : tally.negativeEdges).push(edge);
  });
  const tallies = [...byPair.values()].sort((x, y) => byId(x.a, y.a) || byId(x.b, y.b));
  const neighbours = new Map<string, Map<string, SignedPair>>();
  const pairs: SignedPair[] = [];
  for (const tally of tallies) {
    tally.sign = Math.sign(tally.positive - tally.negative) as Sign | 0;
    tally.positiveEdges.sort(byId);
    tally.negativeEdges.sort(byId);
    if (!isSigned(tally)) continue;
    pairs.push(tally);
    for (const [x, y] of [
      [tally.a, tally.b],
      [tally.b, tally.a],
    ] as const) {
      let map = neighbours.get(x);
      if (!map) neighbours.set(x, (map = new Map()));
      map.set(y, tally);
    }
  }
  return { tallies, pairs, neighbours };
}

/** The relations behind a pair's sign: both sides, so that a tie's or a minority's show too. */
export const pairEdges = (tally: PairTally): string[] => [
  ...tally.positiveEdges,
  ...tally.negativeEdges,
];
