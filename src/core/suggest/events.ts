/**
 * Acts referred back to: "Sudmark dismissed the protest", "rejected the accusations",
 * "condemned the attack", "welcomed the proposal". A reaction whose object is a definite noun
 * for an act is aimed at whoever did that act. The article's acts told so far are kept (the
 * word that told each, and who did it); the object finds the latest one told in a word of the
 * same stem ("protest" after "lodged a protest", "the accusations" after "accused") a few
 * sentences back at most. Words of saying count as acts too ("the claim" after "claimed",
 * "the explanation" after "explained"), and so do the verbs a sentence's subject does ("the
 * launch" after "North Korea launched a missile"). Pure, and bounded: at most MAX_ACTS are kept.
 */
import { isNoun } from './grammar.ts';
import type { Token } from './read.ts';
import { mentionOn, type SentenceView } from './sentence.ts';

export interface Act {
  /** The lemma of the word that told it ("accuse", "protest"). */
  word: string;
  /** Its CAMEO root, when a cue told it. */
  code?: string;
  /** Told by a verb of saying ("said", "claimed"): what "the claim", "the remarks" refer to. */
  saying?: boolean;
  /** Who did it. */
  actors: string[];
  /** The index of its sentence in the article. */
  sentence: number;
  /** Its word's token: acts earlier in the same sentence count, later ones do not. */
  at: number;
}

/** How many sentences back an act may be referred to (4: 3 missed "the sanctions" of a lead). */
export const ACT_REACH = 4;

/** How many recent acts are kept. */
const MAX_ACTS = 30;

/** Words that open a definite reference to an act. */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'such']);

/** Verbs of saying whose nouns refer back to what was said ("the claim", "the remarks"). */
export const SAYING_VERBS = new Set([
  'say',
  'claim',
  'allege',
  'explain',
  'state',
  'announce',
  'assert',
  'remark',
  'comment',
  'suggest',
  'insist',
  'argue',
  'charge',
]);

/** Nouns for what was said, which refer back to any act of saying ("said ...", "the claim"). */
const SAYING_NOUNS = new Set([
  'claim',
  'remark',
  'statement',
  'comment',
  'allegation',
  'charge',
  'assertion',
  'explanation',
  'suggestion',
  'word',
]);

/**
 * Whether two words share a stem: the same lemma, a short word that starts the other ("warn"
 * and "warning"), or a common start of five letters or more that leaves at most three letters
 * of the shorter one ("accuse" and "accusation", "propose" and "proposal"; not "support" and
 * "supply", nor "condemn" and "condition").
 */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const shorter = Math.min(a.length, b.length);
  return (p >= 4 && p === shorter) || (p >= 5 && p >= shorter - 3);
}

/**
 * The definite noun phrase right after token `from` ("the protest", "these accusations", "the
 * latest Sudmark proposal" is not one: it names an actor), as its tokens and its head noun.
 */
export function definiteObject(
  view: SentenceView,
  from: number,
): { first: number; last: number; head: Token } | undefined {
  const { tokens, sentence } = view;
  let k = from;
  while (k < sentence.last && tokens[k]!.pos === 'ADV') k++;
  const det = tokens[k];
  if (!det || k >= sentence.last || !DEFINITE.has(det.lower)) return undefined;
  let end = k + 1;
  let head: number | undefined;
  while (end < sentence.last && end - k <= 4) {
    const t = tokens[end]!;
    if (mentionOn(view, end)) return undefined;
    if (isNoun(t)) head = end;
    else if (t.pos !== 'ADJ' || head !== undefined) break;
    end++;
  }
  if (head === undefined || tokens[head]!.pos !== 'NOUN') return undefined;
  return { first: k, last: head + 1, head: tokens[head]! };
}

/**
 * The latest act that `noun` may refer to, not done by one of `exclude`: told in a word of the
 * noun's stem, or by a cue of a root the noun is a cue of (`codesOf`: "the attack" after
 * "shelled", both CAMEO 19 fight).
 */
export function actReferredTo(
  acts: readonly Act[],
  noun: Token,
  sentence: number,
  at: number,
  exclude: ReadonlySet<string>,
  codesOf: (noun: Token) => ReadonlySet<string>,
): { act: Act; actor: string } | undefined {
  const codes = codesOf(noun);
  for (let i = acts.length - 1; i >= 0; i--) {
    const act = acts[i]!;
    if (act.sentence === sentence && act.at >= at) continue;
    if (sentence - act.sentence > ACT_REACH) break;
    const told =
      sameStem(act.word, noun.lemma) ||
      sameStem(act.word, noun.lower) ||
      (act.code !== undefined && codes.has(act.code)) ||
      (act.saying === true && (SAYING_NOUNS.has(noun.lemma) || SAYING_NOUNS.has(noun.lower)));
    if (!told) continue;
    const actors = act.actors.filter((a) => !exclude.has(a));
    if (actors.length === 1) return { act, actor: actors[0]! };
  }
  return undefined;
}

/** Adds an act, dropping the oldest beyond MAX_ACTS. */
export function rememberAct(acts: Act[], act: Act): void {
  if (act.actors.length === 0) return;
  acts.push(act);
  if (acts.length > MAX_ACTS) acts.splice(0, acts.length - MAX_ACTS);
}
