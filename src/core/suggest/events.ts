/**
 * Acts referred back to: "Sudmark dismissed the protest", "rejected the accusations",
 * "condemned the attack", "welcomed the proposal". A reaction whose object is a definite noun
 * for an act is aimed at whoever did that act. The article's acts told so far are kept (the
 * word that told each, and who did it); the object finds the latest one told by the verb the
 * noun is made from, or by the noun itself ("protest" after "lodged a protest", "the
 * accusations" after "accused"), a few sentences back at most or in the article's lead; a
 * possessive opens such a reference too ("his accusations", "its proposal"). Words of saying
 * count as acts too ("the claim" after "claimed", "the explanation" after "explained", "her
 * claims" after "accused"), and so do the verbs a sentence's subject does ("the launch" after "North Korea
 * launched a missile"). Pure, and bounded: at most MAX_ACTS are kept.
 */
import { isNoun, isPassiveAt, POSSESSIVES } from './grammar.ts';
import type { Token } from './read.ts';
import { mentionOn, type SentenceView } from './sentence.ts';

export interface Act {
  /** The lemma of the word that told it ("accuse", "protest"). */
  word: string;
  /** Its CAMEO root, when a cue told it. */
  code?: string;
  /** Told by a verb of saying ("said", "claimed"): what "the claim", "the remarks" refer to. */
  saying?: boolean;
  /**
   * Referred to by its own word ("the suspension", "the praise") or as any act ("the move"), not
   * by another of its root: told by a verb that ends a measure ("cancelled", "suspended") or
   * that approves of what another did ("welcomed": "the accord" after it is not the welcome).
   */
  ownWordOnly?: boolean;
  /**
   * The nouns of a verb's object ("signed a development agreement": development, agreement):
   * "the agreement" names this act, by its object, as surely as by its word.
   */
  nouns?: readonly string[];
  /** Who did it (both sides of a mutual act: "talks between X and Y"). */
  actors: string[];
  /** Whom it was done to. */
  targets: string[];
  /** The index of its sentence in the article. */
  sentence: number;
  /** Its word's token: acts earlier in the same sentence count, later ones do not. */
  at: number;
}

/** How many sentences back an act may be referred to (4: 3 missed "the sanctions" of a lead). */
export const ACT_REACH = 4;

/** The sentences of an article's lead (a headline, then one or two), referred to from anywhere. */
const LEAD = 3;

/** How many doers an act referred back to may have ("the agreement" of X, Y and Z). */
const MAX_DOERS = 3;

/** How many recent acts are kept. */
const MAX_ACTS = 30;

/** Words that open a definite reference to an act. */
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'such']);

/** Verbs of saying whose nouns refer back to what was said ("the claim", "the remarks"). */
export const SAYING_VERBS = new Set([
  'say',
  'tell',
  'accuse',
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
  'account',
  'version',
  'reading',
  'interpretation',
  'position',
  'narrative',
  'characterisation',
  'characterization',
  'portrayal',
  'description',
]);

/** Nouns for whatever was done last ("the move was criticised"): any act but a saying. */
export const GENERIC_ACTS: ReadonlySet<string> = new Set(['move', 'step', 'action']);

/** Nouns of acts whose verbs no regular ending gives. */
const IRREGULAR: ReadonlyMap<string, readonly string[]> = new Map([
  ['explanation', ['explain']],
  ['detention', ['detain']],
  ['expulsion', ['expel']],
  ['intervention', ['intervene']],
  ['response', ['respond']],
  ['defence', ['defend']],
  ['defense', ['defend']],
  ['pursuit', ['pursue']],
  ['withdrawal', ['withdraw']],
  ['decision', ['decide']],
  ['invasion', ['invade']],
  ['complaint', ['complain']],
  ['threat', ['threaten']],
  ['criticism', ['criticise', 'criticize']],
  ['charge', ['accuse', 'allege', 'charge']],
  ['suspension', ['suspend']],
  ['cancellation', ['cancel']],
  // "the plan", "the initiative" after "proposed", "a Kenyan proposal".
  ['plan', ['propose', 'proposal']],
  ['initiative', ['propose', 'proposal']],
]);

/** Endings of nouns made from verbs, and what the verb ends in instead. */
const NOUN_ENDINGS: readonly [string, readonly string[]][] = [
  ['ation', ['', 'e', 'ate']], // accusation: accuse; condemnation: condemn; termination
  ['ment', ['']], // announcement, agreement
  ['ance', ['', 'e']], // assistance, resistance
  ['ence', ['', 'e']], // interference
  ['ing', ['', 'e']], // warning, shelling
  ['ion', ['', 'e']], // protection, rejection
  ['ure', ['e']], // seizure, closure
  ['al', ['e']], // proposal, refusal, approval (not signal: "signe")
];

/**
 * The verbs a noun of an act is made from, by its ending ("accusation": accuse, accus;
 * "warning": warn, warne) or a short list ("detention": detain); the noun itself first ("protest",
 * "attack"). Whole words are compared: "hostage" is not "host", "reporters" not "report".
 */
export function verbsOfNoun(noun: string): string[] {
  const verbs = [noun];
  verbs.push(...(IRREGULAR.get(noun) ?? []));
  for (const [ending, replacements] of NOUN_ENDINGS) {
    if (!noun.endsWith(ending) || noun.length - ending.length < 3) continue;
    const base = noun.slice(0, -ending.length);
    for (const r of replacements) verbs.push(base + r);
    break;
  }
  return verbs;
}

/**
 * The nouns of an indefinite object phrase right after a verb's token `from` ("signed a
 * development agreement in Kigali": development, agreement), as lemmas and singulars: what a
 * later "the agreement" names. None for a definite object ("rejected the sanctions" refers to
 * sanctions told before, it tells none), past a mention, or beyond a few words.
 */
export function objectNouns(view: SentenceView, from: number): string[] {
  const { tokens, sentence } = view;
  let k = from;
  while (k < sentence.last && tokens[k]!.pos === 'ADV') k++;
  const opener = tokens[k];
  if (!opener || DEFINITE.has(opener.lower) || POSSESSIVES.has(opener.lower)) return [];
  if (opener.lower === 'a' || opener.lower === 'an') k++;
  const nouns: string[] = [];
  for (let n = 0; k < sentence.last && n < 4; k++, n++) {
    const t = tokens[k]!;
    if (mentionOn(view, k)) break;
    if (t.pos === 'NOUN') nouns.push(t.lemma, ...(t.singular ? [t.singular] : []));
    else if (t.pos !== 'ADJ' && t.pos !== 'NUM') break;
  }
  return nouns;
}

/**
 * The nouns of the phrase after "on", "against" or "at" that ends a definite object at token
 * `from` ("the attack on the tanker": tanker), as lemmas and singulars: what the act was done to.
 * None past a mention (the names after are the act's parties) or beyond a few words.
 */
export function doneToNouns(view: SentenceView, from: number): string[] {
  const { tokens, sentence } = view;
  const preposition = tokens[from];
  if (!preposition || from >= sentence.last || !DONE_TO.has(preposition.lower)) return [];
  const nouns: string[] = [];
  for (let k = from + 1, n = 0; k < sentence.last && n < 4; k++, n++) {
    const t = tokens[k]!;
    if (mentionOn(view, k)) return [];
    if (t.pos === 'NOUN') nouns.push(t.lemma, ...(t.singular ? [t.singular] : []));
    else if (nouns.length > 0 || !['DET', 'ADJ', 'NUM'].includes(t.pos)) break;
  }
  return nouns;
}

/** Prepositions after an act's noun that name what it was done to. */
const DONE_TO = new Set(['on', 'against', 'at']);

/**
 * The definite noun phrase right after token `from` ("the protest", "these accusations", "his
 * accusations", "its proposal"; "the latest Sudmark proposal" is not one: it names an actor;
 * nor "its own proposal"), as its tokens and its head noun.
 */
export function definiteObject(
  view: SentenceView,
  from: number,
): { first: number; last: number; head: Token } | undefined {
  const { tokens, sentence } = view;
  let k = from;
  while (k < sentence.last && tokens[k]!.pos === 'ADV') k++;
  const det = tokens[k];
  if (!det || k >= sentence.last || !(DEFINITE.has(det.lower) || POSSESSIVES.has(det.lower)))
    return undefined;
  // "rejected its own proposal": the reacting side's, not the one told before.
  if (POSSESSIVES.has(det.lower) && tokens[k + 1]?.lower === 'own') return undefined;
  // "warned that more attacks would follow", "said that the attack ...": "that" opens a clause
  // (a determiner or a verb follows), not "rejected that claim".
  if (det.lower === 'that' && thatOpensClause(tokens, k, sentence.last)) return undefined;
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

/** Whether "that" at token `k` opens a clause: a determiner right after it, or a verb soon. */
function thatOpensClause(tokens: readonly Token[], k: number, last: number): boolean {
  if (tokens[k + 1]?.pos === 'DET') return true;
  for (let j = k + 1; j < last && j <= k + 4; j++) {
    const t = tokens[j]!;
    if (t.pos === 'AUX' || t.pos === 'VERB') return true;
    if (t.pos === 'PUNCT') return false;
  }
  return false;
}

/**
 * The definite noun phrase a passive verb at token `verb` is said of ("The decision was
 * welcomed by ...", "the plan has also been criticised"): the phrase right before its
 * auxiliaries, opening the clause.
 */
export function definiteSubject(
  view: SentenceView,
  verb: number,
  elided = true,
): { first: number; last: number; head: Token } | undefined {
  const { tokens, sentence } = view;
  let k = verb - 1;
  // "The pact, however, was criticised by X": past auxiliaries, adverbs and a parenthesis.
  while (
    k >= sentence.first &&
    (['ADV', 'AUX', 'PART'].includes(tokens[k]!.pos) || tokens[k]!.text === ',')
  )
    k--;
  // "The deployment was welcomed by X but was condemned by Y": the subject of the passive
  // before "but" or "and", whose own subject is left out.
  if (
    elided &&
    k > sentence.first &&
    (tokens[k]!.lower === 'but' || tokens[k]!.lower === 'and') &&
    (tokens[k + 1]!.pos === 'AUX' || (k === verb - 1 && tokens[verb + 1]?.lower === 'by'))
  ) {
    for (let j = k - 1; j > sentence.first; j--)
      if (isPassiveAt(tokens, j, sentence.first)) return definiteSubject(view, j, false);
    return undefined;
  }
  if (k < sentence.first || tokens[k]!.pos !== 'NOUN' || mentionOn(view, k)) return undefined;
  const last = k + 1;
  while (k >= sentence.first && (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'ADJ')) {
    if (mentionOn(view, k)) return undefined;
    k--;
  }
  if (k < sentence.first || !DEFINITE.has(tokens[k]!.lower) || last - k > 5) return undefined;
  const opens = k === sentence.first || [',', ';', ':'].includes(tokens[k - 1]!.text);
  return opens ? { first: k, last, head: tokens[last - 1]! } : undefined;
}

/** A noun's forms: its lemma, as written, and the singular of a plural the model kept. */
function formsOf(noun: Token): string[] {
  return [noun.lemma, noun.lower, ...(noun.singular ? [noun.singular] : [])];
}

/**
 * The act that `noun` refers to: the latest told by the verb the noun is made from, by the noun
 * itself, or by a cue of a root the noun is a cue of (`codesOf`: "the attack" after "shelled",
 * both CAMEO 19 fight); and who did it, leaving out the reacting side (`own`): each of them
 * when several did it ("welcomed the agreement" signed by X and Y), none when more than
 * MAX_DOERS did. The latest act the noun names by its word or its object ("the agreement"
 * after "signed a development agreement") is taken before a later one only its root matches
 * ("brokered talks", both CAMEO 05); else the latest act told.
 */
export function actReferredTo(
  acts: readonly Act[],
  noun: Token,
  sentence: number,
  at: number,
  own: (actor: string) => boolean,
  codesOf: (noun: Token) => ReadonlySet<string>,
  /** A reaction's object may be "the move": whatever was done last. */
  reacting: boolean,
  /** The nouns of what the act was done to ("the attack on the tanker": tanker). */
  doneTo: readonly string[] = [],
): { act: Act; actors: string[] } | undefined {
  const codes = codesOf(noun);
  const forms = formsOf(noun);
  const verbs = new Set(forms.flatMap(verbsOfNoun));
  const saying = forms.some((f) => SAYING_NOUNS.has(f));
  const generic = reacting && noun.lower === noun.lemma && GENERIC_ACTS.has(noun.lemma);
  let byRoot: { act: Act; actors: string[] } | undefined;
  let rootFound = false;
  for (let i = acts.length - 1; i >= 0; i--) {
    const act = acts[i]!;
    if (act.sentence === sentence && act.at >= at) continue;
    // By the noun's own verb, or the object of the act's verb ("the agreement" after "signed
    // an agreement"); else by its cue's root ("the meeting" after "held talks", "the attack"
    // after "shelled"), not as any act or any saying ("the move", "the statement").
    const ownWord = verbs.has(act.word) || (act.nouns?.some((n) => forms.includes(n)) ?? false);
    const named = ownWord || (act.code !== undefined && !act.ownWordOnly && codes.has(act.code));
    // An act a cue told is a deed even if a saying too ("accused": "the move").
    const deed = !act.saying || act.code !== undefined;
    const told = named || (generic && deed) || (act.saying === true && saying);
    if (!told) continue;
    // Beyond the reach, only an act of the lead that the noun names, which the rest of the
    // article reacts to ("Ankara dismissed the protest" that the lead told).
    if (sentence - act.sentence > ACT_REACH && (act.sentence >= LEAD || !named)) continue;
    const actors = act.actors.filter((a) => !own(a));
    const found =
      act.actors.length > MAX_DOERS || actors.length === 0 ? undefined : { act, actors };
    if (ownWord && found) return found;
    // "the attack on the tanker": the act done to the tanker, before a later one of its root.
    if (found && act.nouns?.some((n) => doneTo.includes(n))) return found;
    // The latest act of another kind stands unless an older one is named by its own word.
    if (!rootFound) {
      rootFound = true;
      byRoot = found;
    }
  }
  return byRoot;
}

/** How many sentences back an act done to the reacting side may be what it answers. */
export const ADDRESSED_REACH = 3;

/**
 * Nouns for what one side says or asks of another ("rejected the criticism", "dismissed the
 * demands"), which answer whoever addressed the reacting side when no act of their own word
 * was told ("urged Sudmark to ..." before "Sudmark rejected the criticism"), and which acts
 * each may answer: a hostile one (CAMEO 10 to 20: "the criticism" after a threat), a request
 * (02 appeal, 03 intent, 10 demand: "the request" after "urged"), or any said or done.
 */
const ADDRESSED_NOUNS: ReadonlyMap<string, 'hostile' | 'asking' | 'any'> = new Map([
  ['accusation', 'hostile'],
  ['allegation', 'hostile'],
  ['charge', 'hostile'],
  ['complaint', 'hostile'],
  ['condemnation', 'hostile'],
  ['criticism', 'hostile'],
  ['objection', 'hostile'],
  ['protest', 'hostile'],
  ['ultimatum', 'hostile'],
  ['warning', 'hostile'],
  ['appeal', 'asking'],
  ['call', 'asking'],
  ['demand', 'asking'],
  ['request', 'asking'],
  ['claim', 'any'],
  ['comment', 'any'],
  ['concern', 'any'],
  ['remark', 'any'],
  ['statement', 'any'],
]);

/** The acts each kind of addressed noun may answer (see ADDRESSED_NOUNS). */
const ANSWERS: Record<'hostile' | 'asking' | 'any', (act: Act) => boolean> = {
  hostile: (act) => act.code !== undefined && act.code >= '10',
  asking: (act) => act.code === '02' || act.code === '03' || act.code === '10',
  any: (act) => act.code !== undefined || act.saying === true,
};

/**
 * The act a reaction answers when its noun names none told ("Sudmark rejected the criticism"
 * after "Norland urged Sudmark to ..."): the latest act done to the reacting side (`own`), a
 * few sentences back at most, and its doers but the reacting side's own.
 */
export function actAddressedTo(
  acts: readonly Act[],
  noun: Token,
  sentence: number,
  at: number,
  own: (actor: string) => boolean,
): { act: Act; actors: string[] } | undefined {
  const forms = formsOf(noun);
  const kind = forms.map((f) => ADDRESSED_NOUNS.get(f)).find((k) => k !== undefined);
  if (!kind) return undefined;
  for (let i = acts.length - 1; i >= 0; i--) {
    const act = acts[i]!;
    if (act.sentence === sentence && act.at >= at) continue;
    if (sentence - act.sentence > ADDRESSED_REACH) break;
    if (!act.targets.some(own) || !ANSWERS[kind](act)) continue;
    const actors = act.actors.filter((a) => !own(a));
    if (actors.length > 0 && act.actors.length <= MAX_DOERS) return { act, actors };
  }
  return undefined;
}

/**
 * Adds an act, dropping the oldest beyond MAX_ACTS; the lead's acts, which the whole article
 * may refer to, go last.
 */
export function rememberAct(acts: Act[], act: Act): void {
  if (act.actors.length === 0) return;
  acts.push(act);
  while (acts.length > MAX_ACTS) {
    const oldest = acts.findIndex((a) => a.sentence >= LEAD);
    acts.splice(oldest >= 0 && oldest < acts.length - 1 ? oldest : 0, 1);
  }
}
