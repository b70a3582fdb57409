/**
 * The few English function words the argument stage reads a sentence by: what ends a clause,
 * what joins two names, which prepositions introduce a place or a time rather than a party.
 * Grammar, not vocabulary: the relation words are in the cue lexicon.
 */
import type { Token } from './read.ts';

/** Double quotation marks (not the apostrophes, which also end plural possessives). */
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', '\u201c', '\u201d']);

/** Punctuation that closes a clause. */
const CLAUSE_PUNCTUATION = new Set([
  ';',
  ':',
  '(',
  ')',
  '[',
  ']',
  '—',
  '–',
  '?',
  '!',
  ...QUOTE_MARKS,
]);

/** Words that open another clause: relative pronouns, subordinators, contrast. */
const CLAUSE_WORDS = new Set([
  'which',
  'who',
  'whom',
  'whose',
  'while',
  'whereas',
  'but',
  'although',
  'though',
  'because',
  'since',
  'when',
  'where',
  'that',
  'after',
  'before',
  'if',
  'unless',
  'says',
  'said',
  'say',
  'told',
  'added',
  'insisted',
]);

/** Relative pronouns, whose clause is about the name just before them. */
export const RELATIVE_PRONOUNS = new Set(['which', 'who', 'whom', 'whose', 'that']);

/** Whether token `at` is inside a relative clause opened by ", which", ", who" ... before it. */
export function inRelativeClauseAt(tokens: readonly Token[], at: number, first: number): boolean {
  for (let k = at - 1; k > first; k--) {
    const t = tokens[k]!;
    if (t.text === ',' || t.text === ';') return false;
    if (RELATIVE_PRONOUNS.has(t.lower) && tokens[k - 1]!.text === ',') return true;
  }
  return false;
}

/**
 * The token after a relative clause between commas that opens at token `k` (", which lists the
 * ELN as ...,"), or `k` when none opens there. `last`: the sentence's end.
 */
export function pastRelativeClause(tokens: readonly Token[], k: number, last: number): number {
  if (tokens[k]?.text !== ',' || !RELATIVE_PRONOUNS.has(tokens[k + 1]?.lower ?? '')) return k;
  for (let j = k + 2; j < last && j - k <= 25; j++) if (tokens[j]!.text === ',') return j + 1;
  return k;
}

/**
 * Whether a preposition governs the token at `at` (modifiers between): "talks with the X",
 * not a subject. `first`: the sentence's first token.
 */
export function isGovernedAt(tokens: readonly Token[], at: number, first: number): boolean {
  let j = at - 1;
  while (j >= first && isModifier(tokens[j]!)) j--;
  return j >= first && isPreposition(tokens[j]!);
}

/**
 * Whether the name at token `at` is an object: of a preposition, or of a verb other than one
 * of saying ("supported Pakistan and called on both sides"), past the modifiers before it.
 */
export function isObjectAt(tokens: readonly Token[], at: number, first: number): boolean {
  let j = at - 1;
  while (j >= first && isModifier(tokens[j]!)) j--;
  const t = j >= first ? tokens[j]! : undefined;
  return (
    t !== undefined && (isPreposition(t) || (t.pos === 'VERB' && !REPORTING_VERBS.has(t.lemma)))
  );
}

/** The parts of speech of a noun phrase's words ("the two largest ports"). */
export const NOUN_PHRASE_POS: ReadonlySet<string> = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN']);

/** Whether tokens k and k + 1 are "each other" or "one another". */
export const isEachOtherAt = (tokens: readonly Token[], k: number): boolean => {
  const words = `${tokens[k]?.lower} ${tokens[k + 1]?.lower}`;
  return words === 'each other' || words === 'one another';
};

/** An "-ing" form: a participle or a gerund ("urging", "fighting"). */
export const isIngForm = (t: Token): boolean => /ing$/.test(t.lower);

export const isClauseBreak = (t: Token): boolean =>
  CLAUSE_PUNCTUATION.has(t.text) || (CLAUSE_WORDS.has(t.lower) && t.pos !== 'NOUN');

/** Between two names of one group: "X and Y", "X, Y and Z", "X as well as Y", "X-Y". */
export const COORDINATORS = new Set(['and', ',', '&', 'as', 'well', 'both', 'or', '-', '/']);

/** Tokens that may stand between a word and the noun phrase it governs. */
export const isModifier = (t: Token): boolean =>
  t.pos === 'DET' ||
  t.pos === 'ADJ' ||
  t.pos === 'ADV' ||
  t.pos === 'NUM' ||
  (t.pos === 'PRON' && /^(?:its|their|his|her|our|your|my)$/.test(t.lower)) ||
  t.lower === "'s" ||
  t.lower === "'";

export const isVerb = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';

export const isNoun = (t: Token): boolean => t.pos === 'NOUN' || t.pos === 'PROPN';

export const isPreposition = (t: Token): boolean => t.pos === 'ADP' || t.lower === 'to';

/** Forms of "be" and "get" that make a passive with a past participle. */
const PASSIVE_AUXILIARIES = new Set(['be', 'get']);

/**
 * Whether the verb at `i` is passive: a past participle after a form of "be" or "get", with
 * at most an adverb or "not" between ("was not attacked", "were reportedly hit").
 */
export function isPassiveAt(tokens: readonly Token[], i: number, first: number): boolean {
  const verb = tokens[i]!;
  // A participle the model took for an adjective ("were mediated by") counts too.
  const participle = verb.participleOf !== undefined;
  if (!participle && (verb.pos !== 'VERB' || isIngForm(verb) || verb.lower === verb.lemma))
    return false;
  for (let k = i - 1; k >= Math.max(first, i - 4); k--) {
    const t = tokens[k]!;
    if (t.pos === 'ADV' || t.pos === 'PART') continue;
    // "had been shelled": "been" before a participle is a passive.
    if (t.lower === 'been') return true;
    if (t.lemma === 'have' || t.lower === 'being') continue;
    if (PASSIVE_AUXILIARIES.has(t.lemma) && (t.pos === 'AUX' || t.pos === 'VERB')) return true;
    break;
  }
  // "was welcomed by X and condemned by Y": a participle and its agent after "and" or "but"
  // share the passive before them.
  const before = tokens[i - 1];
  if (
    tokens[i + 1]?.lower === 'by' &&
    i - 1 > first &&
    (before!.lower === 'and' || before!.lower === 'but')
  )
    for (let j = i - 2; j >= Math.max(first, i - 12); j--)
      if (tokens[j + 1]!.lower === 'by' && isPassiveAt(tokens, j, first)) return true;
  return reducedRelative(tokens, i, first);
}

/**
 * "The agreement, signed in Cairo by X and Y, covers ...", "a deal signed on Wednesday by X":
 * a participle right after a noun (and a comma) whose agent follows with "by" in its phrase.
 */
function reducedRelative(tokens: readonly Token[], i: number, first: number): boolean {
  let k = i - 1;
  if (k >= first && tokens[k]!.text === ',') k--;
  if (k < first || tokens[k]!.pos !== 'NOUN') return false;
  // An object after it makes it active ("X, Norland's prime minister, condemned the attack by
  // Y"): only "by" or a phrase of place or time may follow it.
  const next = tokens[i + 1];
  if (!next || (next.lower !== 'by' && next.pos !== 'ADP' && next.pos !== 'ADV')) return false;
  for (let j = i + 1; j < tokens.length && j <= i + 6; j++) {
    const t = tokens[j]!;
    // "by X", "by the two governments"; not "spoke by telephone".
    if (t.lower === 'by') return ['PROPN', 'DET', 'ADJ', 'NUM'].includes(tokens[j + 1]?.pos ?? '');
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return false;
}

/** Verbs of saying that a speaker's words or a reported clause follow ("said", "told"). */
export const SPEECH_VERBS = ['say', 'tell', 'add', 'insist', 'state', 'announce', 'note'];

/** Verbs of saying and thinking: the name after them is the subject of what is said. */
export const REPORTING_VERBS = new Set([
  ...SPEECH_VERBS,
  'believe',
  'think',
  'claim',
  'report',
  'argue',
  'suggest',
  'confirm',
  'acknowledge',
  'hope',
  'fear',
  'know',
  'expect',
  'see',
]);

/** Subordinators that may open a participle clause ("after meeting", "while visiting"). */
export const PARTICIPLE_OPENERS = new Set(['after', 'before', 'while', 'when', 'since']);

/**
 * CAMEO roots whose verbs reach their party through an infinitive: appeals ("urged X to"),
 * offers ("offered to help X"), demands and threats ("threatened to attack X"). Other verbs'
 * infinitives are purposes ("cooperating to counter X") and name no party of theirs.
 */
export const INFINITIVE_ROOTS = new Set(['02', '03', '10', '13']);

/** Subject pronouns, which stand for a name said before. */
export const SUBJECT_PRONOUNS = new Set(['they', 'he', 'she', 'it', 'we']);

/** Prefixes that make a name a qualifier: "anti-ISIS operations", "pro-Moscow". */
export const STANCE_PREFIXES = new Set(['anti', 'pro', 'non', 'post', 'pre', 'ex']);

/** Words that may stand between a group and its verb ("X and Y each signed"). */
const EACH: ReadonlySet<string> = new Set(['each', 'both']);

/** Whether token i follows a name and "each" or "both" ("X and Y each signed memoranda"). */
export const afterNameAndEach = (tokens: readonly Token[], i: number, first: number): boolean =>
  i - 2 >= first && EACH.has(tokens[i - 1]!.lower) && tokens[i - 2]!.pos === 'PROPN';

/** A past participle ("signed", "imposed"): a verb form in its own right, not -ing. */
export const isPastParticiple = (t: Token): boolean =>
  t.pos === 'VERB' && t.lower !== t.lemma && !isIngForm(t);

/** Nouns for one who speaks or acts for another: "a spokesman for X" speaks as X. */
export const AGENT_NOUNS = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'envoy',
  'official',
  'representative',
  'minister',
  'negotiator',
  'ambassador',
  'delegate',
  'delegation',
  'adviser',
  'advisor',
  'chief',
  'head',
  'leader',
  'secretary',
]);

/** Nouns of offices a person holds for a state or body ("the president", "a minister"). */
export const OFFICE_NOUNS: readonly string[] = [
  ...AGENT_NOUNS,
  'president',
  'premier',
  'chancellor',
  'general',
  'commander',
];

/**
 * Nouns for those who govern a state from its capital, by lemma: "the government in Lima", "the
 * authorities in Bamako", "officials in Kabul" are the state, not a place.
 */
export const RULER_NOUNS: ReadonlySet<string> = new Set([
  'government',
  'authority',
  'authorities',
  'leadership',
  'regime',
  'administration',
  'junta',
  'ministry',
  'official',
]);

/**
 * Possessive determiners of the third person: before "government", "country" (coref.ts), and
 * opening a reference to an act ("his accusations", "its proposal": events.ts).
 */
export const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their']);

/**
 * Verbs that ask the one after them to act ("urged X to talk", "called on them to"): "them"
 * after one is the two sides (coref.ts); each is a verb of control too (arguments.ts).
 */
export const APPEAL_VERBS: ReadonlySet<string> = new Set([
  'urge',
  'ask',
  'call',
  'appeal',
  'press',
  'encourage',
  'implore',
  'tell',
]);

/** Whether a token is one of RULER_NOUNS ("Officials" opening a sentence too). */
export const isRulerNoun = (t: Token | undefined): boolean =>
  t !== undefined &&
  (RULER_NOUNS.has(t.lemma) || (t.singular !== undefined && RULER_NOUNS.has(t.singular)));

/** Nouns for those who act for a body: "envoys of X", "fighters of X" stand for X. */
export const MEMBER_NOUNS = new Set([
  ...AGENT_NOUNS,
  'diplomat',
  'troop',
  'force',
  'fighter',
  'soldier',
  'militant',
  'member',
  'unit',
  'guard',
  'expert',
  'army',
]);

/** Verbs whose subject receives what a noun after them names ("receives aid from X"). */
export const RECEIVING_VERBS = new Set(['receive', 'get', 'obtain', 'accept', 'gain']);

/** Coordinators that join two verb phrases of one subject ("X told ... and demanded ..."). */
export const VERB_COORDINATORS = new Set(['and', 'but']);

/** Verbs of giving way to what another does ("bowed to pressure", "caved in to the demands"). */
const YIELDING = new Set(['bow', 'yield', 'succumb', 'cave', 'give', 'submit', 'capitulate']);

/**
 * Whether the cue at token `i` names what its sentence's subject undergoes: a noun after
 * "under" ("came under attack", "under pressure from X"), or a word after "to" that a verb of
 * yielding governs ("bowed to pressure", "gave in to the demands"; the tagger reads "to
 * pressure" as a verb too), articles and adjectives between.
 */
export function undergoneAt(
  tokens: readonly Token[],
  i: number,
  first: number,
  noun: boolean,
): boolean {
  let k = i - 1;
  while (k >= first && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ')) k--;
  if (k < first) return false;
  if (tokens[k]!.lower === 'under') return noun;
  if (tokens[k]!.lower !== 'to') return false;
  k--;
  if (k >= first && tokens[k]!.lower === 'in') k--;
  return k >= first && YIELDING.has(tokens[k]!.lemma);
}
