import type { ActorGraph } from '../graph/actorGraph.ts';
import { type PairTally, type Sign, type SignedNetwork } from './signs.ts';
import { statementsOf, type Statement } from './statements.ts';

/**
 * Contradictions: pairs of actors with counted statements of both signs (cooperation and
 * opposition), whatever sign the majority gave them. Each side comes with its strongest
 * statements (asserted first, then the latest), so that the two can be read next to each other
 * with their dates and articles.
 */
export interface ContradictionSide {
  /** Counted statements (asserted by default) on this side. */
  counted: number;
  /** The relations of this side's sign between the two actors that have counted statements. */
  edges: string[];
  /** Their shown statements, strongest first, at most `perSide`. */
  strongest: Statement[];
  /** How many shown statements this side has in all. */
  shown: number;
}

export interface Contradiction {
  a: string;
  b: string;
  /** The sign the majority gives the pair; 0 on a tie (the pair then has no sign). */
  sign: Sign | 0;
  positive: ContradictionSide;
  negative: ContradictionSide;
}

export interface ContradictionOptions {
  /** Statements listed per side (default 3). */
  perSide?: number;
}

export function contradictions(
  graph: ActorGraph,
  network: SignedNetwork,
  options: ContradictionOptions = {},
): Contradiction[] {
  const perSide = options.perSide ?? 3;
  const side = (counted: number, edges: string[]): ContradictionSide => {
    const all = statementsOf(graph, edges);
    return { counted, edges, strongest: all.slice(0, perSide), shown: all.length };
  };
  return network.tallies
    .filter((t: PairTally) => t.positive > 0 && t.negative > 0)
    .map((t) => ({
      a: t.a,
      b: t.b,
      sign: t.sign,
      positive: side(t.positive, t.positiveEdges),
      negative: side(t.negative, t.negativeEdges),
    }));
}
