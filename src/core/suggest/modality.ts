/**
 * A candidate's modality from the modality cues of its sentence, first that applies:
 * - denied: a denial before the cue ("denied reports that X coordinated with Y");
 * - negated: a negation between the subject side and the cue ("X has not attacked"), or close
 *   before the cue, and inside the scope wink-nlp's negation model gives it;
 * - conditional: a condition anywhere in the sentence ("... but only if", "unless");
 * - proposed: a plan, an offer or a modal close before the cue ("will cooperate", "plans to
 *   strike"); not for proposals themselves (an offer is a fact, not a plan);
 * - reported: a report marker anywhere in the sentence ("reportedly", "according to").
 */
import type { Modality } from '../model.ts';
import type { CueHit, ModalityHit } from './cues.ts';
import type { CueModality } from './lexicon.ts';

export interface ModalityDecision {
  modality: Modality;
  /** The cue that decided it. */
  marker?: ModalityHit;
}

/** How far before the cue a negation or a plan still governs it, in tokens. */
const NEAR = 6;
/** How far before the cue a plan expressed by a noun or verb still governs it. */
const PLAN_REACH = 14;

export function decideModality(
  hit: CueHit,
  markers: readonly ModalityHit[],
  options: {
    /** Where the subject side ends (a token index), if it is before the cue. */
    subjectEnd?: number;
    /** The cue's type is itself a proposal. */
    proposal: boolean;
    /** wink-nlp puts the cue in the scope of a negation. */
    negatedScope: boolean;
  },
): ModalityDecision {
  const before = (m: ModalityHit) => m.last <= hit.first;
  const outsideCue = (m: ModalityHit) => m.last <= hit.first || m.first >= hit.last;
  const find = (modality: CueModality, test: (m: ModalityHit) => boolean) =>
    markers.find((m) => m.modality === modality && test(m));

  const denied = find('denied', before);
  if (denied) return { modality: 'denied', marker: denied };

  const from = Math.min(options.subjectEnd ?? hit.first - NEAR, hit.first - 1);
  const negated = find(
    'negated',
    (m) =>
      before(m) &&
      m.first >= Math.max(from, hit.first - 2 * NEAR) &&
      (options.negatedScope || hit.first - m.last <= 2),
  );
  if (negated) return { modality: 'negated', marker: negated };

  const conditional = find('conditional', outsideCue);
  if (conditional) return { modality: 'conditional', marker: conditional };

  if (!options.proposal) {
    const proposed = find(
      'proposed',
      (m) =>
        before(m) &&
        (hit.first - m.last <= NEAR ||
          (m.last - m.first >= 1 && hit.first - m.last <= PLAN_REACH) ||
          hit.first - m.first <= PLAN_REACH),
    );
    if (proposed) return { modality: 'proposed', marker: proposed };
  }

  const reported = find('reported', outsideCue);
  if (reported) return { modality: 'reported', marker: reported };
  return { modality: 'asserted' };
}
