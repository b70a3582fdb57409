/**
 * Who speaks in a quotation: "we" and "I" inside quotation marks stand for the one the text
 * says is speaking, and become mentions of that actor, so that the later stages read
 * '"We call on Tehran to release the crew," said Catherine Ashworth' as Ashworth's appeal.
 *
 * The speaker of a quotation is the name next to a verb of speaking just after it
 * ('...," X said', '...," said X', '...," Britain's minister, X, told reporters') or just
 * before it ('X said: "...', 'X told reporters in Y, "...'), a pronoun the earlier stages
 * resolved ("she said") included. A quotation with neither takes the speaker of the nearest
 * quotation of its paragraph that has one ('"A," said X. "We ..."'). A quotation ends at its
 * closing mark or at the end of its paragraph. Names of several actors are not guessed.
 */
import type { Mention } from './mentions.ts';
import type { Token } from './read.ts';
import { QUOTE_MARKS } from './grammar.ts';

/** Verbs that attribute a quotation to its speaker, by lemma. */
const SPEAKING = new Set([
  'say',
  'tell',
  'add',
  'insist',
  'state',
  'declare',
  'write',
  'warn',
  'announce',
  'stress',
  'reply',
  'respond',
  'explain',
  'continue',
  'tweet',
]);

/** The first person, as a subject or an object: the speaker. */
const FIRST_PERSON = new Set(['we', 'i', 'us', 'me']);

/** How far, in tokens, a speaker's name may stand from its verb (titles in apposition). */
const REACH = 16;

interface Quotation {
  /** Tokens inside the marks: tokens[first] up to, not including, tokens[last]. */
  first: number;
  last: number;
  paragraph: number;
  speaker?: Mention;
}

/**
 * Mentions of the speaker for the first-person pronouns inside quotations. `mentions`: the
 * names and resolved references of the text, sorted by start.
 */
export function quotedSpeakers(
  text: string,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  isPerson: (actor: string) => boolean,
): Mention[] {
  const mentionAt = mentionsByToken(tokens, mentions);
  const { quotations, paragraphOf } = findQuotations(text, tokens);
  const near: Near = { tokens, mentionAt, paragraphOf };
  for (const q of quotations) q.speaker = speakerOf(near, q, isPerson);
  const found: Mention[] = [];
  for (const [i, q] of quotations.entries()) {
    const speaker = q.speaker ?? sameParagraph(quotations, i);
    if (!speaker || speaker.actorIds.length !== 1 || speaker.collective) continue;
    for (let k = q.first; k < q.last; k++) {
      const t = tokens[k]!;
      if (t.pos !== 'PRON' || !FIRST_PERSON.has(t.lower) || mentionAt[k]) continue;
      found.push({
        start: t.start,
        end: t.end,
        text: t.text,
        actorIds: speaker.actorIds,
        via: 'pronoun',
        possessive: false,
      });
    }
  }
  return found;
}

/** For each token, the mention it is part of (undefined when none). */
function mentionsByToken(
  tokens: readonly Token[],
  mentions: readonly Mention[],
): (Mention | undefined)[] {
  const at: (Mention | undefined)[] = new Array<Mention | undefined>(tokens.length);
  let k = 0;
  for (const m of mentions) {
    while (k < tokens.length && tokens[k]!.end <= m.start) k++;
    for (let j = k; j < tokens.length && tokens[j]!.start < m.end; j++) at[j] = m;
  }
  return at;
}

/** A text's tokens, the mention each is part of and the paragraph each is in. */
interface Near {
  tokens: readonly Token[];
  mentionAt: readonly (Mention | undefined)[];
  paragraphOf: Uint32Array;
}

/**
 * The quotations of a text, in order, and the paragraph of each token. Curly marks open and close; a straight mark opens after
 * a space or at a paragraph's start and closes otherwise. A line break ends a paragraph and
 * any quotation left open.
 */
function findQuotations(
  text: string,
  tokens: readonly Token[],
): { quotations: Quotation[]; paragraphOf: Uint32Array } {
  const found: Quotation[] = [];
  const paragraphOf = new Uint32Array(tokens.length);
  let paragraph = 0;
  let open = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (k > 0 && text.slice(tokens[k - 1]!.end, t.start).includes('\n')) {
      if (open >= 0) found.push({ first: open, last: k, paragraph });
      open = -1;
      paragraph++;
    }
    paragraphOf[k] = paragraph;
    if (!QUOTE_MARKS.has(t.text)) continue;
    const opening =
      t.text === '\u201c' ||
      (t.text === '"' &&
        open < 0 &&
        (k === 0 || /[\s([\u2014\u2013-]/.test(text[t.start - 1] ?? ' ')));
    if (opening && open < 0) open = k + 1;
    else if (!opening && open >= 0) {
      found.push({ first: open, last: k, paragraph });
      open = -1;
    }
  }
  if (open >= 0) found.push({ first: open, last: tokens.length, paragraph });
  return { quotations: found, paragraphOf };
}

const isSpeaking = (t: Token): boolean =>
  (t.pos === 'VERB' || t.pos === 'AUX') && SPEAKING.has(t.lemma);

/** Whether a token ends a stretch in which a speaker is looked for. */
const ends = (t: Token): boolean =>
  QUOTE_MARKS.has(t.text) || t.text === '.' || t.text === '?' || t.text === '!';

/** The speaker named right after a quotation or right before it, if any. */
function speakerOf(
  near: Near,
  q: Quotation,
  isPerson: (actor: string) => boolean,
): Mention | undefined {
  return after(near, q.last + 1, q.paragraph, isPerson) ?? before(near, q.first - 1, q.paragraph);
}

/**
 * '...," X said', '...," Britain's minister, X, told', '...," said X': a verb of speaking
 * with nothing but its speaker's words between it and the closing mark at `from` - 1.
 */
function after(
  near: Near,
  from: number,
  paragraph: number,
  isPerson: (actor: string) => boolean,
): Mention | undefined {
  const { tokens, mentionAt, paragraphOf } = near;
  const named: Mention[] = [];
  for (let k = from; k < tokens.length && k - from <= REACH && paragraphOf[k] === paragraph; k++) {
    const t = tokens[k]!;
    const m = mentionAt[k];
    if (m) {
      if (named.at(-1) !== m) named.push(m);
      continue;
    }
    if (isSpeaking(t)) {
      // '...," said X'; not '..." and said his country ...'.
      if (named.length === 0) return k === from ? nameAfter(near, k + 1) : undefined;
      // "Tuvalu's minister, Seve Talakai, said": the person; else the first name.
      return named.find((m) => m.actorIds.length === 1 && isPerson(m.actorIds[0]!)) ?? named[0];
    }
    if (ends(t) || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON') return undefined;
  }
  return undefined;
}

/** 'said Foreign Minister X': the first name after the verb, titles only between. */
function nameAfter(near: Near, from: number): Mention | undefined {
  const { tokens, mentionAt, paragraphOf } = near;
  for (
    let k = from;
    k < tokens.length && k - from <= 4 && paragraphOf[k] === paragraphOf[from - 1];
    k++
  ) {
    if (mentionAt[k]) return mentionAt[k];
    const t = tokens[k]!;
    if (t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'DET') return;
  }
  return undefined;
}

/**
 * 'X said: "...', 'X told reporters in Y, "...', 'said X: "...': a verb of speaking in the
 * words before the opening mark at `at`, which a colon or a comma precedes.
 */
function before(near: Near, at: number, paragraph: number): Mention | undefined {
  const { tokens, mentionAt, paragraphOf } = near;
  const mark = tokens[at - 1];
  if (!mark || (mark.text !== ':' && mark.text !== ',')) return undefined;
  for (let k = at - 2; k >= 0 && at - k <= REACH && paragraphOf[k] === paragraph; k--) {
    const t = tokens[k]!;
    if (ends(t)) return undefined;
    if (!isSpeaking(t)) continue;
    // The subject just before the verb ("Osman told"), else a name after it ("said X:").
    for (let j = k - 1; j >= 0 && k - j <= 3 && paragraphOf[j] === paragraph; j--) {
      if (mentionAt[j]) return mentionAt[j];
      if (ends(tokens[j]!) || tokens[j]!.text === ',') break;
    }
    return nameAfter(near, k + 1);
  }
  return undefined;
}

/** The speaker of the nearest quotation of the same paragraph that has one, earlier first. */
function sameParagraph(quotations: readonly Quotation[], i: number): Mention | undefined {
  const { paragraph } = quotations[i]!;
  for (let j = i - 1; j >= 0 && quotations[j]!.paragraph === paragraph; j--)
    if (quotations[j]!.speaker) return quotations[j]!.speaker;
  for (let j = i + 1; j < quotations.length && quotations[j]!.paragraph === paragraph; j++)
    if (quotations[j]!.speaker) return quotations[j]!.speaker;
  return undefined;
}
