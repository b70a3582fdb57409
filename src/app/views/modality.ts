import type { Modality } from '../../core/model.ts';

/** How each modality is named and explained wherever evidence is shown. */
export const MODALITY_TEXT: Record<Modality, { short: string; explain: string }> = {
  asserted: { short: 'Asserted', explain: 'stated as fact' },
  reported: { short: 'Reported', explain: 'an unconfirmed report' },
  conditional: { short: 'Conditional', explain: 'only if a condition is met' },
  proposed: { short: 'Proposed', explain: 'planned or hypothetical, not (yet) done' },
  negated: { short: 'Negated', explain: 'the text says this is not so' },
  denied: { short: 'Denied', explain: 'someone denies it' },
};
