/**
 * A candidate's score, 0 to 1, from the evidence that made it: how each side was found and how
 * far from the cue, how sure the names are, whether the cue is a verb or a noun. The `why`
 * names the same evidence in words. The weights are round numbers, set by reasoning about
 * which evidence is stronger, not fitted to any data set.
 */
import type { Side } from './arguments.ts';
import type { CueHit } from './cues.ts';
import type { MentionVia } from './mentions.ts';
import type { ModalityDecision } from './modality.ts';
import type { Token } from './read.ts';

const SIDE_WEIGHT: Record<Side['how'], number> = {
  subject: 0.2,
  possessive: 0.2,
  agent: 0.25,
  object: 0.25,
  preposition: 0.22,
  between: 0.25,
  relative: 0.12,
  pronoun: 0.08,
  act: 0.1,
  speaker: 0.15,
};

const NAME_PENALTY: Record<MentionVia, number> = {
  name: 0,
  honorific: 0,
  demonym: 0.05,
  capital: 0.05,
  surname: 0.08,
  transliteration: 0.1,
  description: 0.1,
  pronoun: 0.12,
  speaker: 0.12,
  act: 0.05,
  addressee: 0.15,
};

const SIDE_WORDS: Record<Side['how'], string> = {
  subject: 'subject before the cue',
  possessive: 'names the cue',
  agent: 'agent ("by", "from")',
  object: 'object of the verb',
  preposition: 'after',
  between: 'between',
  relative: 'antecedent of the relative clause',
  pronoun: 'what the pronoun stands for',
  act: 'who did the act it refers to',
  speaker: "the quotation's speaker",
};

export interface ScoreInput {
  hit: CueHit;
  tokens: readonly Token[];
  source: { side: Side; text: string; via: MentionVia };
  target: { side: Side; text: string; via: MentionVia };
  /** Both sides come from one group ("X and Y agreed"), as a pair or both ways. */
  fromGroup: 'pair' | 'both-ways' | undefined;
  passive: boolean;
  modality: ModalityDecision;
}

const describeSide = (s: { side: Side; text: string; via: MentionVia }): string => {
  const how =
    s.side.how === 'preposition'
      ? `after "${s.side.preposition}"`
      : s.side.how === 'act'
        ? `who did the act it refers to, told as "${s.side.act}"`
        : SIDE_WORDS[s.side.how];
  const via =
    s.via === 'name' || s.via === 'act'
      ? ''
      : s.via === 'speaker'
        ? ", the quotation's speaker"
        : s.via === 'addressee'
          ? ', asked of the two sides'
          : `, by ${s.via}`;
  return `"${s.text}" (${how}${via})`;
};

/** The words of the tokens from first to last (excluded), as they stand. */
export const wordsOf = (tokens: readonly Token[], span: { first: number; last: number }): string =>
  tokens
    .slice(span.first, span.last)
    .map((t) => t.text)
    .join(' ');

/** The why: its parts and then the modality's marker words, if any, joined by '; '. */
function withModality(
  parts: string[],
  tokens: readonly Token[],
  modality: ModalityDecision,
): string {
  if (modality.marker) parts.push(`${modality.modality} ("${wordsOf(tokens, modality.marker)}")`);
  return parts.join('; ');
}

export function scoreCandidate(input: ScoreInput): { score: number; why: string } {
  const { hit, tokens, source, target } = input;
  let score = 0.3;
  const near = (d: number) => (d <= 3 ? 1 : d <= 8 ? 0.75 : 0.5);
  if (input.fromGroup) {
    score += input.fromGroup === 'pair' ? 0.35 : 0.25;
    score += 0.1 * near(source.side.distance);
  } else {
    score += SIDE_WEIGHT[source.side.how] * near(source.side.distance);
    score += SIDE_WEIGHT[target.side.how] * near(target.side.distance);
  }
  if (hit.cue.pos === 'verb') score += 0.1;
  if (input.passive) score += 0.05;
  score -= NAME_PENALTY[source.via] + NAME_PENALTY[target.via];
  score = Math.round(Math.min(0.98, Math.max(0.05, score)) * 100) / 100;

  const words = wordsOf(tokens, hit);
  const parts = [
    `cue "${words}" (CAMEO ${hit.cue.code} ${hit.cue.rootName}${input.passive ? ', passive' : ''})`,
  ];
  if (input.fromGroup === 'pair') {
    parts.push(`${describeSide(source)} and ${describeSide(target)} together`);
  } else if (input.fromGroup === 'both-ways') {
    parts.push(`${describeSide(source)} and ${describeSide(target)}, each to the other`);
  } else {
    parts.push(`source ${describeSide(source)}`, `target ${describeSide(target)}`);
  }
  return { score, why: withModality(parts, tokens, input.modality) };
}

/** The highest score a fallback by position may have: below every structural reading. */
export const FALLBACK_MAX = 0.4;

export interface FallbackInput {
  hit: CueHit;
  tokens: readonly Token[];
  /** The names as they stand: before the cue (or its subject) and after it (or the other). */
  before: { text: string; via: MentionVia };
  after: { text: string; via: MentionVia };
  /**
   * position: the nearest names before and after the cue; subject: the cue's subject and the
   * one other actor of the sentence; reciprocal: a mutual act, both ways.
   */
  kind: 'position' | 'subject' | 'reciprocal';
  modality: ModalityDecision;
}

/**
 * A fallback's score and why: a guess by position in the sentence when the structure gave no
 * relation for the pair, scored at most FALLBACK_MAX (so `--min-score 0.5` hides every one).
 */
export function scoreFallback(input: FallbackInput): { score: number; why: string } {
  const { hit, tokens, before, after } = input;
  let score = FALLBACK_MAX;
  if (hit.cue.pos !== 'verb') score -= 0.05;
  score -= (NAME_PENALTY[before.via] + NAME_PENALTY[after.via]) / 2;
  score = Math.round(Math.min(FALLBACK_MAX, Math.max(0.05, score)) * 100) / 100;
  const words = wordsOf(tokens, hit);
  const how =
    input.kind === 'subject'
      ? `"${before.text}" the cue's subject, "${after.text}" the only other actor named, same sentence; no object found`
      : input.kind === 'reciprocal'
        ? `"${before.text}" before the cue, "${after.text}" after it, same sentence, a mutual act (each to the other); structure not recognised`
        : `"${before.text}" before the cue, "${after.text}" after it, same sentence; structure not recognised`;
  const parts = [`fallback: ${how}`, `cue "${words}" (CAMEO ${hit.cue.code} ${hit.cue.rootName})`];
  return { score, why: withModality(parts, tokens, input.modality) };
}
