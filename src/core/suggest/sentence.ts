/**
 * One sentence as the later stages see it: its tokens, and the actor mentions on them. A
 * mention that only qualifies a person named right after it ("Russian Foreign Minister Sergei
 * Lavrov", "Islamic State spokesman al-Adnani") is marked as a modifier: the person is the
 * party, not the state or group.
 */
import type { Mention } from './mentions.ts';
import { isModifier, STANCE_PREFIXES } from './grammar.ts';
import type { Sentence, Token } from './read.ts';

export interface PlacedMention {
  mention: Mention;
  /** Index in the article's list of mentions. */
  index: number;
  /** Its tokens: tokens[first] up to, not including, tokens[last]. */
  first: number;
  last: number;
  /** The one actor it names; undefined when the name is ambiguous. */
  actor?: string;
  /** Only qualifies the person named next. */
  modifier: boolean;
}

/** A mention that can be a side of a relation: it names one actor and qualifies no one. */
export const isParty = (m: PlacedMention): m is PlacedMention & { actor: string } =>
  m.actor !== undefined && !m.modifier;

/** The mentions on the same tokens as m: the members of "the two", or m alone. */
export function membersOf(view: SentenceView, m: PlacedMention): PlacedMention[] {
  if (!m.mention.collective) return [m];
  return view.mentions.filter((o) => o.index === m.index);
}

export interface SentenceView {
  tokens: readonly Token[];
  sentence: Sentence;
  mentions: PlacedMention[];
  /** For each token of the sentence (index - sentence.first), its mention in `mentions`, or -1. */
  mentionAt: Int32Array;
}

/** Nouns of time, which end a clause before a speaker's name, not a title. */
const TIME_NOUNS = new Set([
  'yesterday',
  'today',
  'tonight',
  'day',
  'week',
  'weekend',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
]);

/** Words that may stand between a qualifier and the person it qualifies (titles, "of"). */
export const isTitleWord = (t: Token): boolean =>
  t.pos === 'PROPN' ||
  t.pos === 'NOUN' ||
  t.pos === 'ADJ' ||
  t.lower === 'of' ||
  t.lower === 'the' ||
  t.lower === "'s" ||
  t.lower === '-';

/**
 * Places the mentions that fall in a sentence on its tokens. `mentions` must be sorted by
 * start; `from` is where to begin looking in it (the caller walks sentences in order, so the
 * whole article costs one pass).
 */
export function viewSentence(
  tokens: readonly Token[],
  sentence: Sentence,
  mentions: readonly Mention[],
  from: number,
  isPerson: (actor: string) => boolean,
): { view: SentenceView; next: number } {
  const mentionAt = new Int32Array(sentence.last - sentence.first).fill(-1);
  const placed: PlacedMention[] = [];
  let m = from;
  while (m < mentions.length && mentions[m]!.end <= sentence.start) m++;
  let t = sentence.first;
  for (; m < mentions.length && mentions[m]!.start < sentence.end; m++) {
    const mention = mentions[m]!;
    // A name across the sentence's edge (a window cut inside it) is no evidence the quote holds.
    if (mention.start < sentence.start || mention.end > sentence.end) continue;
    while (t < sentence.last && tokens[t]!.end <= mention.start) t++;
    let last = t;
    while (last < sentence.last && tokens[last]!.start < mention.end) last++;
    if (last === t) continue;
    const slot = placed.length;
    if (mention.collective) {
      for (const actor of mention.actorIds)
        placed.push({ mention, index: m, first: t, last, actor, modifier: false });
    } else
      placed.push({
        mention,
        index: m,
        first: t,
        last,
        ...(mention.actorIds.length === 1 ? { actor: mention.actorIds[0]! } : {}),
        modifier: false,
      });
    for (let k = t; k < last; k++)
      if (mentionAt[k - sentence.first] === -1) mentionAt[k - sentence.first] = slot;
  }
  // "anti-ISIS operations", "pro-Moscow separatists": a stance, not a party.
  for (const p of placed) {
    const token = tokens[p.first]!;
    const inside = token.text.slice(0, Math.max(0, p.mention.start - token.start));
    const dash = tokens[p.first - 1];
    const prefix = tokens[p.first - 2];
    if (/^\p{L}+-$/u.test(inside) && STANCE_PREFIXES.has(inside.slice(0, -1).toLowerCase()))
      p.modifier = true;
    else if (
      p.first - 2 >= sentence.first &&
      dash?.text === '-' &&
      prefix &&
      STANCE_PREFIXES.has(prefix.lower)
    )
      p.modifier = true;
  }
  // A dateline ("SEOUL —", "WASHINGTON (Reuters) —", "KINSHASA, 18 March 2025 —"): the place
  // the story was filed from, not a party to it. Not an acronym ("NATO – Russia talks").
  const first = placed[0];
  const dash =
    first && first.first === sentence.first
      ? datelineEnd(tokens, first.mention, first.last, sentence.last)
      : -1;
  // "SEOUL, South Korea (AP) —": every name before the dash.
  if (dash >= 0) for (const p of placed) if (p.last <= dash) p.modifier = true;
  // A qualifier: followed, through title words only, by a person's name.
  for (let i = 0; i + 1 < placed.length; i++) {
    const a = placed[i]!;
    const b = placed[i + 1]!;
    // "Yemen's Houthi movement": a possessor right before another actor's name.
    if (a.mention.possessive && b.actor && a.actor !== b.actor && b.first - a.last <= 1) {
      if (b.first === a.last || tokens[a.last]!.lower === "'s") {
        a.modifier = true;
        continue;
      }
    }
    if (!b.actor || !isPerson(b.actor) || (a.actor && isPerson(a.actor))) continue;
    if (b.first - a.last > 6) continue;
    let titles = true;
    for (let k = a.last; k < b.first; k++) {
      // "Japan's ambassador, Hiroshi Tanabe", "the Japanese ambassador, Hiroshi Tanabe": a title
      // in apposition (not "attacked Sudmark yesterday, Tom Brandt said").
      const apposition =
        tokens[k]!.text === ',' &&
        k === b.first - 1 &&
        k > a.last &&
        tokens[k - 1]!.pos === 'NOUN' &&
        !TIME_NOUNS.has(tokens[k - 1]!.lemma);
      if (!isTitleWord(tokens[k]!) && !apposition) titles = false;
    }
    if (titles) a.modifier = true;
  }
  return { view: { tokens, sentence, mentions: placed, mentionAt }, next: Math.max(from, m - 1) };
}

const DASHES = new Set(['\u2014', '\u2013', '-', '--']);

/**
 * The dash of a dateline, or -1: a name (`mention`, its tokens ending before `last`) written in
 * capitals that the registry does not write so ("SEOUL"), opening a sentence, a dash before
 * any verb, and words in lower case after it (a headline all in capitals, "NORLAND - SUDMARK
 * TALKS RESUME", has none).
 */
export function datelineEnd(
  tokens: readonly Token[],
  mention: Mention,
  last: number,
  end: number,
): number {
  if (!mention.shouted) return -1;
  for (let k = last; k < end && k - last <= 8; k++) {
    const t = tokens[k]!;
    if (DASHES.has(t.text)) {
      for (let j = k + 1; j < end; j++) if (/\p{Ll}/u.test(tokens[j]!.text)) return k;
      return -1;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') return -1;
  }
  return -1;
}

/** The mention on token i, if any. */
export const mentionOn = (view: SentenceView, i: number): PlacedMention | undefined => {
  const slot = view.mentionAt[i - view.sentence.first];
  return slot === undefined || slot < 0 ? undefined : view.mentions[slot];
};

/**
 * The first token from k on (`step` 1) or back (`step` -1) that is no modifier (a determiner,
 * an adjective, a number) or that a name covers; it may be outside the sentence.
 */
export function pastModifiers(view: SentenceView, k: number, step: 1 | -1): number {
  const { tokens, sentence } = view;
  while (k >= sentence.first && k < sentence.last && isModifier(tokens[k]!) && !mentionOn(view, k))
    k += step;
  return k;
}

/** The name that token k's modifiers lead to ("against the rebel Red Front"), if any. */
export function nameAfterModifiers(view: SentenceView, k: number): PlacedMention | undefined {
  const j = pastModifiers(view, k, 1);
  return j < view.sentence.last ? mentionOn(view, j) : undefined;
}
