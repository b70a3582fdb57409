import type { Evidence, Modality } from '../model.ts';

/**
 * How a relation's line is drawn, from the statements the filters show: what the evidence
 * says of whether the relation happened, visible on the line itself.
 */
export type Stroke = 'solid' | 'dashed' | 'dotted';

export const STROKES: readonly Stroke[] = ['solid', 'dashed', 'dotted'];

/** The legend's words for each stroke. */
export const STROKE_TEXT: Record<Stroke, { label: string; explain: string }> = {
  solid: { label: 'Asserted', explain: 'at least one shown statement asserts it' },
  dashed: {
    label: 'Reported, conditional or proposed only',
    explain: 'no shown statement asserts it; some report it, or make it a condition or a proposal',
  },
  dotted: {
    label: 'Negated or denied only',
    explain: 'every shown statement says it did not happen (drawn faint)',
  },
};

const AGAINST = new Set<Modality>(['negated', 'denied']);

/**
 * The stroke of a relation whose shown statements are `evidence`: solid when one is asserted,
 * dashed when none is but one is reported, conditional or proposed, dotted when all are
 * negated or denied.
 */
export function strokeOf(evidence: readonly Evidence[]): Stroke {
  let maybe = false;
  for (const e of evidence) {
    if (e.modality === 'asserted') return 'solid';
    if (!AGAINST.has(e.modality)) maybe = true;
  }
  return maybe ? 'dashed' : 'dotted';
}
