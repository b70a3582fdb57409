import type { ActorKind, Modality } from './model.ts';
import { sizePolicy } from './sizePolicy.ts';

/**
 * Node colours by actor kind. Chosen to stay apart from the relation colours (green, red,
 * purple) so that a node is never mistaken for an edge.
 */
export const KIND_COLORS: Record<ActorKind, string> = {
  state: '#3a6ea5',
  organisation: '#8c6bb1',
  'armed-group': '#5b5b5b',
  coalition: '#2b9bb3',
  military: '#9c755f',
  person: '#e8a33d',
};

export const KIND_LABELS: Record<ActorKind, string> = {
  state: 'State',
  organisation: 'Organisation',
  'armed-group': 'Armed group',
  coalition: 'Coalition',
  military: 'Armed forces',
  person: 'Person',
};

/** How each modality is named and explained wherever statements are shown or filtered. */
export const MODALITY_TEXT: Record<Modality, { short: string; explain: string }> = {
  asserted: { short: 'Asserted', explain: 'stated as fact' },
  reported: { short: 'Reported', explain: 'an unconfirmed report' },
  conditional: { short: 'Conditional', explain: 'only if a condition is met' },
  proposed: { short: 'Proposed', explain: 'planned or hypothetical, not (yet) done' },
  negated: { short: 'Negated', explain: 'the text says this is not so' },
  denied: { short: 'Denied', explain: 'someone denies it' },
};

/**
 * Node size (in pixels at the default zoom) grows with the square root of the evidence behind
 * the actor's relations, relative to the best-evidenced actor; the range narrows as the graph
 * grows (sizePolicy), so that thousands of actors do not cover one another.
 */
export function nodeSize(evidenceCount: number, maxEvidence: number, order: number): number {
  const [min, max] = sizePolicy({ order, size: 0 }).nodeSizeRange;
  const share = maxEvidence > 0 ? Math.sqrt(evidenceCount / maxEvidence) : 0;
  return Math.round((min + (max - min) * share) * 100) / 100;
}

/** Edge thickness grows with the logarithm of its evidence count. */
export const edgeSize = (weight: number): number =>
  Math.round((1 + Math.log2(Math.max(1, weight))) * 100) / 100;
