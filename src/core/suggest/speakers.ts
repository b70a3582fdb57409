/**
 * Who speaks in a quotation: "we", "I", "us" and "me" inside quotation marks stand for the one
 * the text says is speaking, and become mentions of that actor, so that the later stages read
 * '"We call on Tehran to release the crew," said Catherine Ashworth' as Ashworth's appeal.
 *
 * The speaker of a quotation is the name next to a verb of speaking just after it
 * ('...," X said', '...," said X', '...," Britain's minister, X, told reporters': the person
 * among the names, else the first; none when two are named, "X and Y said") or just before
 * it ('X said: "...', 'X, Britain's minister, told reporters in Y: "...'), a pronoun the
 * earlier stages resolved ("she said") included. A quotation that ends its sentence looks for
 * its speaker before it only: what follows is another sentence. A quotation with neither that
 * opens a sentence takes the speaker of the quotation just before it in its paragraph, unless
 * another actor is named between them ('"A," said X. "We ..."'). A quotation ends at its
 * closing mark or at the end of its paragraph. Names of several actors are not guessed.
 *
 * The verb of speaking after a quotation, with its one speaker, is also given back: an act of
 * saying that a later "the remarks" or "the warning" refers to (reactions.ts).
 */
import type { Mention } from './mentions.ts';
import type { Token } from './read.ts';
import { isGovernedAt, QUOTE_MARKS, SPEECH_VERBS } from './grammar.ts';

/** Verbs that attribute a quotation to its speaker, by lemma. */
const SPEAKING = new Set([
  ...SPEECH_VERBS,
  'declare',
  'write',
  'warn',
  'stress',
  'vow',
  'reply',
  'respond',
  'explain',
  'continue',
  'tweet',
]);

/** The first person, as a subject or an object: the speaker. */
const FIRST_PERSON = new Set(['we', 'i', 'us', 'me']);

/** Punctuation that ends a sentence. */
const FINAL = new Set(['.', '?', '!']);

/** How far, in tokens, a speaker's name may stand from its verb (titles in apposition). */
const REACH = 16;

interface Quotation {
  /** Tokens inside the marks: tokens[first] up to, not including, tokens[last]. */
  first: number;
  last: number;
  paragraph: number;
  speaker?: Mention;
  /** The verb of speaking after the closing mark that names the speaker ('," X said'). */
  verb?: number;
}

/** A verb of speaking after a quotation and the one speaker it names ('"...," X told reporters'). */
export interface Attribution {
  verb: number;
  speaker: Mention;
}

/** What the quotations of a text say of their speakers. */
export interface Speakers {
  /** The first-person pronouns inside quotations, as mentions of their speaker. */
  mentions: Mention[];
  /** The attributions after a quotation, in order: an act of saying for "the remarks". */
  attributions: Attribution[];
}

/** A text's tokens, the mention each is part of and the paragraph each is in. */
interface Near {
  tokens: readonly Token[];
  mentionAt: readonly (Mention | undefined)[];
  paragraphOf: Uint32Array;
  isPerson: (actor: string) => boolean;
}

/**
 * Mentions of the speaker for the first-person pronouns inside quotations, and the verbs of
 * speaking after quotations that name one speaker. `mentions`: the names and resolved
 * references of the text, sorted by start.
 */
export function quotedSpeakers(
  text: string,
  tokens: readonly Token[],
  mentions: readonly Mention[],
  isPerson: (actor: string) => boolean,
): Speakers {
  const mentionAt = mentionsByToken(tokens, mentions);
  const { quotations, paragraphOf } = findQuotations(text, tokens);
  const near: Near = { tokens, mentionAt, paragraphOf, isPerson };
  for (const q of quotations) Object.assign(q, speakerOf(near, q));
  const found: Mention[] = [];
  const attributions: Attribution[] = [];
  for (const [i, q] of quotations.entries()) {
    if (q.verb !== undefined && q.speaker?.actorIds.length === 1 && !q.speaker.collective)
      attributions.push({ verb: q.verb, speaker: q.speaker });
    const speaker = q.speaker ?? fromTheQuotationBefore(near, quotations, i);
    if (!speaker || speaker.actorIds.length !== 1 || speaker.collective) continue;
    const inner = innerQuotations(text, tokens, q);
    for (let k = q.first; k < q.last; k++) {
      const t = tokens[k]!;
      if (inner.some(([from, to]) => k > from && k < to)) continue;
      if (t.pos !== 'PRON' || !FIRST_PERSON.has(t.lower) || mentionAt[k]) continue;
      // "I" as a subject, not a numeral ("Phase I of the deal").
      const next = tokens[k + 1];
      if (t.lower === 'i' && !(next && ['VERB', 'AUX', 'ADV'].includes(next.pos))) continue;
      found.push({
        start: t.start,
        end: t.end,
        text: t.text,
        actorIds: speaker.actorIds,
        via: 'speaker',
        possessive: false,
      });
    }
  }
  return { mentions: found, attributions };
}

/**
 * The quotations within a quotation ('"X said 'we will go'," Y said': X's words, not Y's), as
 * the tokens of their opening and closing marks. A mark that opens with none to close it inside
 * the quotation is an apostrophe ("'cause", "'em", "'Tis").
 */
function innerQuotations(text: string, tokens: readonly Token[], q: Quotation): [number, number][] {
  const found: [number, number][] = [];
  for (let k = q.first; k < q.last; k++) {
    if (!opensInner(text, tokens[k]!)) continue;
    let close = k + 1;
    while (close < q.last && !closesInner(text, tokens[close]!)) close++;
    // None closes after this one, so none after any later one: the rest are apostrophes.
    if (close === q.last) break;
    found.push([k, close]);
    k = close;
  }
  return found;
}

/** A single quotation mark that opens a quotation: after a space or a mark, before a letter. */
const opensInner = (text: string, t: Token): boolean =>
  (t.text === "'" || t.text === '\u2018') &&
  (t.start === 0 || /[\s"\u201c(]/.test(text[t.start - 1]!)) &&
  /\p{L}/u.test(text[t.end] ?? '');

/** A single quotation mark that closes one: right after a word or a mark, not before a letter. */
const closesInner = (text: string, t: Token): boolean =>
  (t.text === "'" || t.text === '\u2019') &&
  t.start > 0 &&
  !/\s/.test(text[t.start - 1]!) &&
  !/\p{L}/u.test(text[t.end] ?? '');

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

/**
 * The quotations of a text, in order, and the paragraph of each token. Curly marks open and
 * close; a straight mark opens after a space, a bracket or a dash, and closes otherwise. A
 * line break ends a paragraph and any quotation left open.
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
const ends = (t: Token): boolean => QUOTE_MARKS.has(t.text) || FINAL.has(t.text);

/**
 * The speaker named right after a quotation, unless the quotation ends its sentence
 * ('"We will not attack." Ostria said it welcomed the pledge'), or right before it.
 */
function speakerOf(near: Near, q: Quotation): Pick<Quotation, 'speaker' | 'verb'> {
  const last = near.tokens[q.last - 1];
  const closesSentence = last !== undefined && q.last > q.first && FINAL.has(last.text);
  const attributed = closesSentence ? undefined : after(near, q.last + 1, q.paragraph);
  if (attributed?.speaker) return attributed;
  return { speaker: before(near, q.first - 1, q.paragraph) };
}

/** A name in an attribution, and whether a preposition governs it ("a spokesman for X"). */
interface Named {
  mention: Mention;
  governed: boolean;
}

/**
 * The one speaker among the names of an attribution, by rank: a person ("Britain's minister,
 * X"), another name, a possessor ("the UN's coordinator for Sudan"), a name after a preposition
 * ("a spokesman for X"); none when the first rank that has names has two ("X and Y said").
 */
function oneSpeaker(near: Near, named: readonly Named[]): Mention | undefined {
  const person = (m: Mention) => m.actorIds.length === 1 && near.isPerson(m.actorIds[0]!);
  const plain = named.filter((n) => !n.governed && !n.mention.possessive).map((n) => n.mention);
  const ranks = [
    plain.filter(person),
    plain,
    named.filter((n) => !n.governed && n.mention.possessive).map((n) => n.mention),
    named.filter((n) => n.governed).map((n) => n.mention),
  ];
  const rank = ranks.find((r) => r.length > 0);
  if (!rank) return undefined;
  return new Set(rank.map((m) => m.actorIds.join())).size === 1 ? rank[0] : undefined;
}

/**
 * '...," X said', '...," Britain's minister, X, told', '...," said X': a verb of speaking
 * with nothing but its speaker's words between it and the closing mark at `from` - 1.
 */
function after(
  near: Near,
  from: number,
  paragraph: number,
): { speaker: Mention | undefined; verb: number } | undefined {
  const { tokens, mentionAt, paragraphOf } = near;
  const named: Named[] = [];
  for (let k = from; k < tokens.length && k - from <= REACH && paragraphOf[k] === paragraph; k++) {
    const t = tokens[k]!;
    const m = mentionAt[k];
    if (m) {
      if (named.at(-1)?.mention !== m)
        named.push({ mention: m, governed: isGovernedAt(tokens, k, from) });
      continue;
    }
    if (isSpeaking(t)) {
      // '...," said X'; not '..." and said his country ...'.
      if (named.length === 0)
        return k === from ? { speaker: nameAfter(near, k + 1), verb: k } : undefined;
      return { speaker: oneSpeaker(near, named), verb: k };
    }
    if (ends(t) || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON') return undefined;
  }
  return undefined;
}

/**
 * 'said Foreign Minister X', 'said a spokesman for X': the first name after the verb, with
 * only titles and their prepositions between.
 */
function nameAfter(near: Near, from: number): Mention | undefined {
  const { tokens, mentionAt, paragraphOf } = near;
  for (
    let k = from;
    k < tokens.length && k - from <= 6 && paragraphOf[k] === paragraphOf[from - 1];
    k++
  ) {
    if (mentionAt[k]) return mentionAt[k];
    const t = tokens[k]!;
    if (!['PROPN', 'NOUN', 'ADJ', 'DET', 'ADP'].includes(t.pos)) return undefined;
  }
  return undefined;
}

/**
 * 'X said: "...', 'X, Britain's minister, told reporters in Y, "...', 'said X: "...': a verb
 * of speaking in the words before the opening mark at `at`, which a colon or a comma
 * precedes; its speaker is among the names before it back to the clause's start.
 */
function before(near: Near, at: number, paragraph: number): Mention | undefined {
  const { tokens, mentionAt, paragraphOf } = near;
  const mark = tokens[at - 1];
  if (!mark || (mark.text !== ':' && mark.text !== ',')) return undefined;
  for (let k = at - 2; k >= 0 && at - k <= REACH && paragraphOf[k] === paragraph; k--) {
    const t = tokens[k]!;
    if (ends(t)) return undefined;
    if (!isSpeaking(t)) continue;
    let start = k;
    while (start > 0 && k - start < REACH && paragraphOf[start - 1] === paragraph) {
      const w = tokens[start - 1]!;
      if (!mentionAt[start - 1] && (ends(w) || ['VERB', 'AUX', 'SCONJ'].includes(w.pos))) break;
      start--;
    }
    const named: Named[] = [];
    for (let j = start; j < k; j++) {
      const m = mentionAt[j];
      if (m && named.at(-1)?.mention !== m)
        named.push({ mention: m, governed: isGovernedAt(tokens, j, start) });
    }
    return named.length > 0 ? oneSpeaker(near, named) : nameAfter(near, k + 1);
  }
  return undefined;
}

/**
 * For a quotation with no speaker of its own that opens a sentence, the speaker of the
 * quotation just before it in its paragraph, if no other actor is named between them.
 */
function fromTheQuotationBefore(
  near: Near,
  quotations: readonly Quotation[],
  i: number,
): Mention | undefined {
  const { tokens, mentionAt } = near;
  const q = quotations[i]!;
  const previous = quotations[i - 1];
  if (!previous?.speaker || previous.paragraph !== q.paragraph) return undefined;
  const opening = q.first - 2 < 0 ? undefined : tokens[q.first - 2];
  if (opening && !FINAL.has(opening.text) && !QUOTE_MARKS.has(opening.text)) return undefined;
  // Another actor between, as a subject ("Tom Brandt disagreed"), after the sentence that
  // attributes the quotation before ('"A," Uzbek Foreign Minister X told reporters.'), not in a
  // title ("Britain's minister") nor after a preposition ("told reporters in Y").
  let from = previous.last + 1;
  const closed = FINAL.has(tokens[previous.last - 1]?.text ?? '');
  if (!closed) while (from < q.first - 1 && !FINAL.has(tokens[from]!.text)) from++;
  for (let k = from; k < q.first - 1; k++) {
    const m = mentionAt[k];
    if (
      m &&
      !m.possessive &&
      !isGovernedAt(tokens, k, from) &&
      m.actorIds.join() !== previous.speaker.actorIds.join()
    )
      return undefined;
  }
  return previous.speaker;
}
