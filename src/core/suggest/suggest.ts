/**
 * Suggested relations for one article text: read (read.ts) -> actor mentions (mentions.ts) ->
 * per sentence, cues (cues.ts), their two sides (arguments.ts), modality (modality.ts) and a
 * score (score.ts); then the learned reader (learned.ts) adds, scored lower, pairs of a sentence
 * with a cue that the rules left unrelated. Pure: text and registry in, candidates out, best first. Every candidate
 * carries the character offsets of its sentence, its names and its cue words, so that a page
 * can show the sentence with the evidence highlighted.
 */
import type { Actor, Modality, RelationType } from '../model.ts';
import {
  conditionSubject,
  againstAfter,
  callsFor,
  conditionalOffer,
  saidMust,
  findParties,
  undergone,
  urgedTo,
  urgedToNoun,
  type Antecedents,
  type Parties,
  type Side,
} from './arguments.ts';
import { findCues, findModalityCues, type CueHit, type ModalityHit } from './cues.ts';
import {
  namedTogether,
  pairCandidates,
  probability,
  strongestEvidence,
  type CueSides,
  type LearnedModel,
  type PairCandidate,
} from './learned.ts';
import {
  isGovernedAt,
  isIngForm,
  isModifier,
  QUOTE_MARKS,
  inRelativeClauseAt,
  VERB_COORDINATORS,
} from './grammar.ts';
import type { Cue, Lexicon } from './lexicon.ts';
import { findMentions, indexNames, type Mention, type NameIndex } from './mentions.ts';
import { decideModality, type ModalityDecision } from './modality.ts';
import { quotedSpeakers } from './speakers.ts';
import { readText, type Token } from './read.ts';
import { scoreCandidate, scoreFallback } from './score.ts';
import {
  isParty,
  membersOf,
  mentionOn,
  viewSentence,
  type PlacedMention,
  type SentenceView,
} from './sentence.ts';
import { aimedElsewhere, atEachOther, pairKey, pairsOf } from './pairs.ts';
import { isDirectedIn } from '../pipeline/registry.ts';
import { citiesLeftOut } from './capitals.ts';
import { corefRegistry, resolveReferences, type CorefRegistry } from './coref.ts';
import {
  definiteObject,
  definiteSubject,
  objectNouns,
  rememberAct,
  SAYING_VERBS,
  type Act,
} from './events.ts';
import {
  APPROVING,
  MEDIATING,
  PRAISING,
  betweenSubject,
  REACTION_ROOTS,
  judgements,
  onSide,
  referredAct,
  forStates,
  rememberDeeds,
  rememberQuotation,
  type ReactionLexicon,
  type Told,
} from './reactions.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Suggestion {
  source: string;
  type: string;
  target: string;
  modality: Modality;
  /** A verbatim span of the text: the sentence. */
  quote: string;
  score: number;
  why: string;
  evidence: {
    /** The quote's offsets (the sentence's). */
    sentence: Span;
    source: Span & { text: string };
    target: Span & { text: string };
    cue: Span & { text: string; cameo: string };
    modality?: Span & { text: string };
  };
}

export interface AmbiguousMention extends Span {
  text: string;
  actors: string[];
}

export interface SuggestResult {
  suggestions: Suggestion[];
  /** Names that several actors share: reported, never guessed. */
  ambiguous: AmbiguousMention[];
  sentences: number;
  mentions: number;
}

export interface Suggester extends ReactionLexicon {
  names: NameIndex;
  lexicon: Lexicon;
  /** Whether a relation type is directed (an unknown one is). */
  directed: (type: string) => boolean;
  proposalTypes: ReadonlySet<string>;
  coref: CorefRegistry;
  /** The cue of CAMEO root 03 that an intent to yield on a condition is reported as. */
  offerCue: Cue | undefined;
  /** The fallbacks by position for what the structure does not give (see FallbackOptions). */
  fallback: FallbackOptions;
  /** The cue of CAMEO root 10 (demand) that an appeal to end or undo something is read as. */
  demand: Cue | undefined;
  /** The same root, for "X said Y must ...". */
  must: Cue | undefined;
  /** The cue of root 11 that siding with one against another is read as. */
  sidingAgainst: Cue | undefined;
  /** The cue of root 12 (reject) that a negated refusal cue ("does not recognise") is read as. */
  refusal: Cue | undefined;
  /** The learned reader (learned.ts), or none: the structure's readings only. */
  learned: LearnedModel | null;
  /** A relation type's label ("cooperates with"), for the why; its id when it has none. */
  typeLabel: (type: string) => string;
}

/**
 * Fallbacks, scored at most 0.4, for a sentence with a cue and two or more actors where the
 * structural stages found no relation for a pair:
 * - position: 'nearest' takes the nearest actor before the cue as source and the nearest after
 *   it as target; 'all' every actor before with every one after; 'off' none;
 * - onlyEmptyCue: only for a cue whose structure gave no pair at all (else for any cue, for a
 *   pair the sentence's suggestions do not relate yet);
 * - subject: a verb cue with a subject but no object, when exactly one other actor is named
 *   by name or description (those named only by a pronoun or as a quotation's speaker are left
 *   out, as the guess and as others).
 */
export interface FallbackOptions {
  position: 'off' | 'nearest' | 'all';
  onlyEmptyCue: boolean;
  subject: boolean;
  /** How far from the cue, in tokens, the names may be. */
  reach: number;
}

export const DEFAULT_FALLBACK: FallbackOptions = {
  position: 'nearest',
  onlyEmptyCue: true,
  subject: true,
  reach: 8,
};

/** Prepares the registry and the lexicon once for any number of texts. */
export function makeSuggester(
  actors: readonly Actor[],
  relationTypes: readonly RelationType[],
  lexicon: Lexicon,
  learned: LearnedModel | null = null,
): Suggester {
  const names = indexNames(actors, lexicon);
  const coref = corefRegistry(actors, lexicon.honorifics);
  const labels = new Map(relationTypes.map((t) => [t.id, t.label]));
  return {
    names,
    lexicon,
    directed: isDirectedIn(relationTypes),
    // Types whose CAMEO roots are appeals and offers (02, 03): the proposal is the relation.
    proposalTypes: new Set(
      relationTypes.filter((t) => t.cameo.some((c) => c === '02' || c === '03')).map((t) => t.id),
    ),
    isPerson: (id) => coref.kinds.get(id) === 'person',
    coref,
    opposition: relationTypes.find((t) => t.cameo.includes('11'))?.id,
    offerCue: offerCue(lexicon),
    demand: rootCue(lexicon, '10', 'an appeal to end or undo'),
    must: withWords(rootCue(lexicon, '10', 'what another "must" do'), ['must']),
    judging: { against: rootCue(lexicon, '11'), for: rootCue(lexicon, '05') },
    sidingAgainst: rootCue(lexicon, '11', 'siding with another against it'),
    refusal: rootCue(lexicon, '12', 'a refusal: the act negated'),
    typeOfCode: new Map(
      [...lexicon.cues.values()].flatMap((bucket) => bucket.map((c) => [c.code, c.type] as const)),
    ),
    fallback: DEFAULT_FALLBACK,
    nounCodes: nounCodes(lexicon),
    affiliationOf: (id) => coref.affiliation.get(id),
    learned,
    typeLabel: (type) => labels.get(type) ?? type,
  };
}

export function suggestRelations(text: string, suggester: Suggester): SuggestResult {
  const reading = readSentences(text, suggester);
  const suggestions = reading.sentences.flatMap((s) => s.found);
  if (suggester.learned) suggestions.push(...learnedSuggestions(text, reading, suggester));
  suggestions.sort(
    (a, b) => b.score - a.score || a.evidence.sentence.start - b.evidence.sentence.start,
  );
  return {
    suggestions,
    ambiguous: reading.names
      .filter((m) => m.actorIds.length > 1)
      .map((m) => ({ start: m.start, end: m.end, text: m.text, actors: [...m.actorIds].sort() })),
    sentences: reading.sentenceCount,
    mentions: reading.mentions,
  };
}

/** What the structure read in one sentence naming an actor. */
export interface SentenceReading {
  /** Its suggestions, one per relation. */
  found: Suggestion[];
  hits: CueHit[];
  markers: ModalityHit[];
  /** Each cue read and the actors of its sides, for the learned reader's features. */
  sides: CueSides[];
}

/** The structure's reading of an article, sentence by sentence (no learned stage). */
export interface ArticleReading {
  names: Mention[];
  mentions: number;
  sentenceCount: number;
  /** The sentences that name an actor, in order. */
  sentences: (SentenceReading & { view: SentenceView; index: number })[];
}

/** Names, references and each sentence's cues, sides and suggestions, by the rules. */
export function readSentences(text: string, suggester: Suggester): ArticleReading {
  const read = readText(text);
  const names = citiesLeftOut(findMentions(text, suggester.names), read.tokens);
  const resolved = mergeByStart(
    names,
    resolveReferences(text, read.tokens, read.sentences, names, suggester.coref),
  );
  // "We" and "I" in a quotation: its speaker, once names and pronouns are known.
  const speakers = quotedSpeakers(text, read.tokens, resolved, suggester.isPerson);
  const mentions = mergeByStart(resolved, speakers.mentions);
  const sentences: ArticleReading['sentences'] = [];
  const acts: Act[] = [];
  const { attributions } = speakers;
  let said = 0;
  let from = 0;
  for (const [index, sentence] of read.sentences.entries()) {
    const placed = viewSentence(read.tokens, sentence, mentions, from, suggester.isPerson);
    from = placed.next;
    const view = placed.view;
    if (view.mentions.length === 0) {
      continue;
    }
    const firstGroup = firstSubjectGroup(view);
    const reading = suggestInSentence(
      text,
      view,
      suggester,
      (cueFirst) => ({
        groups:
          firstGroup && firstGroup[firstGroup.length - 1]!.last <= cueFirst ? [firstGroup] : [],
      }),
      { acts, sentence: index },
    );
    rememberDeeds(view, firstGroup, { acts, sentence: index });
    // The attributions in this sentence: they come in order, so a cursor walks them once.
    while (said < attributions.length && attributions[said]!.verb < sentence.first) said++;
    let end = said;
    while (end < attributions.length && attributions[end]!.verb < sentence.last) end++;
    rememberQuotation(view, { acts, sentence: index }, attributions.slice(said, end));
    sentences.push({ ...reading, view, index });
  }
  return { names, mentions: mentions.length, sentenceCount: read.sentences.length, sentences };
}

/** The candidates of the learned reader in each sentence, with their sentence. */
export function learnedCandidates(
  reading: ArticleReading,
  suggester: Suggester,
  types: readonly string[],
): { sentence: ArticleReading['sentences'][number]; candidate: PairCandidate }[] {
  const together = namedTogether(reading.sentences.map((s) => s.view));
  return reading.sentences.flatMap((sentence) =>
    pairCandidates(
      {
        view: sentence.view,
        hits: sentence.hits,
        related: sentence.found,
        sides: sentence.sides,
        index: sentence.index,
        together,
        directed: suggester.directed,
        kindOf: (id) => suggester.coref.kinds.get(id),
        affiliationOf: suggester.affiliationOf,
      },
      types,
    ).map((candidate) => ({ sentence, candidate })),
  );
}

/** The verb cue whose object phrase a noun cue ends ("signed a defence pact": signed). */
function objectOf(view: SentenceView, hits: readonly CueHit[], noun: CueHit): CueHit | undefined {
  const { tokens } = view;
  return hits.find((h) => {
    // At least a word between: "Saudi-brokered negotiations" is a qualifier, not an object.
    if (h.cue.pos !== 'verb' || h.last >= noun.first || noun.first - h.last > 4) return false;
    for (let k = h.last; k < noun.first; k++) {
      const t = tokens[k]!;
      if (mentionOn(view, k) || !['DET', 'ADJ', 'NOUN', 'NUM'].includes(t.pos)) return false;
    }
    return true;
  });
}

/** A reaction in the passive said of a definite noun ("The deployment was condemned by X"). */
function passiveReaction(view: SentenceView, hit: CueHit, parties: Parties): boolean {
  return (
    parties.passive &&
    hit.cue.pos === 'verb' &&
    (REACTION_ROOTS.has(hit.cue.code) || APPROVING.has(hit.cue.words[0]!)) &&
    definiteSubject(view, hit.first) !== undefined
  );
}

/** A learned suggestion is scored at most this, below the structure's readings. */
export const LEARNED_MAX_SCORE = 0.45;

/**
 * The learned reader's suggestions (learned.ts): pairs the structure did not relate, whose
 * probability reaches the model's threshold, with the cue of the type nearest to them as
 * evidence and the modality the sentence's markers give that cue.
 */
function learnedSuggestions(
  text: string,
  reading: ArticleReading,
  suggester: Suggester,
): Suggestion[] {
  const model = suggester.learned!;
  const out: Suggestion[] = [];
  for (const { sentence, candidate } of learnedCandidates(reading, suggester, model.types)) {
    const p = probability(model, candidate.features);
    if (p < model.threshold) continue;
    const { cue, source, target } = candidate;
    const first = source.first <= target.first ? source : target;
    const read = readByPosition(sentence.view, cue, sentence.markers, first, suggester);
    // A refusal ("does not recognise X") is the rules' reading, of another type.
    if (read.reading !== cue) continue;
    const evidence = strongestEvidence(model, candidate.features, 3, suggester.typeLabel);
    out.push(
      toSuggestion(text, sentence.view, cue, source, target, read.modality, {
        score: Math.round(LEARNED_MAX_SCORE * p * 100) / 100,
        why:
          `learned from ${model.articles} annotated articles (p ${p.toFixed(2)}), not read ` +
          `from the sentence's structure${evidence.length > 0 ? `: ${evidence.join('; ')}` : ''}`,
      }),
    );
  }
  return out;
}

/** Two lists of mentions sorted by start, as one. */
function mergeByStart(a: readonly Mention[], b: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** A cue for "would yield if": root 03 (express intent to cooperate), as the lexicon types it. */
function offerCue(lexicon: Lexicon): Cue | undefined {
  return withWords(rootCue(lexicon, '03'), ['would']);
}

/** The cue told by other words ("would", "must"). */
const withWords = (cue: Cue | undefined, words: string[]): Cue | undefined =>
  cue && { ...cue, words };

/**
 * A cue of root `code`, for acts the lexicon's words do not name (a judgement); `note` said
 * after the root's name in the why ("an appeal to end or undo").
 */
function rootCue(lexicon: Lexicon, code: string, note?: string): Cue | undefined {
  for (const bucket of lexicon.cues.values()) {
    const cue = bucket.find((c) => c.code === code);
    if (cue)
      return {
        ...cue,
        pos: 'verb',
        prepositions: new Set(),
        reciprocal: false,
        standing: false,
        refusal: false,
        ...(note ? { rootName: `${cue.rootName}; ${note}` } : {}),
      };
  }
  return undefined;
}

/** Roots of siding with someone ("sided with", "fought alongside", "backed X against Y"). */
const SIDING_ROOTS = new Set(['05', '06', '07']);

/** The roots of the one-word noun cues of a noun's lemma. */
function nounCodes(lexicon: Lexicon): (noun: Token) => ReadonlySet<string> {
  const codes = new Map<string, Set<string>>();
  for (const bucket of lexicon.cues.values())
    for (const cue of bucket)
      // Not a noun of a standing relation ("its allies"): one who is, not an act.
      if (cue.pos === 'noun' && cue.words.length === 1 && !cue.standing)
        codes.set(cue.words[0]!, (codes.get(cue.words[0]!) ?? new Set()).add(cue.code));
  const none: ReadonlySet<string> = new Set();
  return (noun) =>
    codes.get(noun.lemma) ??
    codes.get(noun.lower) ??
    (noun.singular ? codes.get(noun.singular) : undefined) ??
    none;
}

/** Verbs that end or ease a measure: "lifted the sanctions on X" is no act against X. */
const ENDING_VERBS = new Set([
  'lift',
  'ease',
  'relax',
  'end',
  'stop',
  'halt',
  'cease',
  'suspend',
  'drop',
  'remove',
  'scrap',
  'rescind',
  'revoke',
  'waive',
  'cancel',
  'terminate',
  'annul',
]);

/**
 * Whether cue `hit` is a measure ended or eased, not an act: an opposing noun after such a verb
 * ("lifted the sanctions", "eased tariffs"), or such a verb, itself a cue of opposition
 * ("suspended", "revoked"), whose object is an opposing noun ("suspended the sanctions").
 */
function liftsOpposition(
  view: SentenceView,
  hit: CueHit,
  hits: readonly CueHit[],
  suggester: Suggester,
): boolean {
  if (hit.cue.type !== suggester.opposition) return false;
  const { tokens, sentence } = view;
  if (hit.cue.pos === 'noun') return afterEndingVerb(view, hit);
  if (!ENDING_VERBS.has(tokens[hit.first]!.lemma)) return false;
  let k = hit.last;
  while (k < sentence.last && k - hit.last < 4 && isModifier(tokens[k]!)) k++;
  return hits.some(
    (h) => h.first === k && h.cue.pos === 'noun' && h.cue.type === suggester.opposition,
  );
}

/**
 * Whether noun cue `hit` names cooperation a verb that ends a measure ends ("ended its military
 * cooperation with X", "stopped the aid to X"): no cooperation then; the verb, if a cue, tells
 * what it is.
 */
function endsCooperation(view: SentenceView, hit: CueHit, suggester: Suggester): boolean {
  if (hit.cue.pos !== 'noun' || hit.cue.type === suggester.opposition) return false;
  // Not talks or a meeting: "ended the talks" says they were held.
  if (suggester.proposalTypes.has(hit.cue.type) || hit.cue.code === '04') return false;
  return afterEndingVerb(view, hit);
}

/** Whether noun cue `hit` is the object of a verb that ends a measure ("lifted the ..."). */
function afterEndingVerb(view: SentenceView, hit: CueHit): boolean {
  return endingVerbAt(view, hit) !== undefined;
}

/** The token of the verb that ends the measure noun cue `hit` names ("lifted the ..."), if any. */
function endingVerbAt(view: SentenceView, hit: CueHit): number | undefined {
  const { tokens, sentence } = view;
  let k = hit.first - 1;
  while (k >= sentence.first && hit.first - k <= 4 && isModifier(tokens[k]!)) k--;
  const verb = tokens[k];
  return k >= sentence.first && verb?.pos === 'VERB' && ENDING_VERBS.has(verb.lemma)
    ? k
    : undefined;
}

/**
 * The verb that would end the measure noun cue `hit` names, when it is negated or refused ("did
 * not lift the sanctions", "refused to lift the sanctions", "would not suspend them"): the
 * measure stands, asserted. Its token, or undefined.
 */
function endingRefused(
  view: SentenceView,
  hit: CueHit,
  markers: readonly ModalityHit[],
): number | undefined {
  const k = hit.cue.pos === 'noun' ? endingVerbAt(view, hit) : undefined;
  if (k === undefined) return undefined;
  const refused = markers.some((m) => m.modality === 'negated' && m.last <= k && k - m.last <= 2);
  return view.tokens[k]!.negated || refused ? k : undefined;
}

/** CAMEO roots whose verbs undo the cooperation a noun after them names (reject, reduce relations). */
const UNDOING_ROOTS = new Set(['12', '16']);

/** How a side found left of the cue, in its clause, is told. */
const SUBJECT_SIDES: ReadonlySet<Side['how']> = new Set(['subject', 'pronoun', 'relative']);

/**
 * The first group of names in a sentence that is not the object of a preposition, nor inside a
 * relative clause.
 */
function firstSubjectGroup(view: SentenceView): PlacedMention[] | undefined {
  for (const m of view.mentions) {
    if (m.modifier || !m.actor) continue;
    if (isGovernedAt(view.tokens, m.first, view.sentence.first)) continue;
    // "The three governments, which left the North Pact Council, said": not the clause's.
    if (inRelativeClauseAt(view.tokens, m.first, view.sentence.first)) continue;
    const group = membersOf(view, m);
    for (const next of view.mentions.slice(view.mentions.indexOf(m) + group.length)) {
      const between = view.tokens.slice(group[group.length - 1]!.last, next.first);
      // Not a possessive: it owns the noun after it ("China, Pakistan's closest ally, said";
      // "X and Y's leaders": the leaders are Y's, not the group's).
      if (
        next.actor &&
        !next.modifier &&
        !next.mention.possessive &&
        between.length > 0 &&
        between.length <= 3 &&
        between.every((t) => t.lower === 'and' || t.text === ',' || t.pos === 'DET')
      ) {
        group.push(next);
      } else break;
    }
    return group;
  }
  return undefined;
}

/**
 * Whether the words at `j` open a yes/no question: an auxiliary ("Will", "Did", "Has") and its
 * subject, not a verb ('"has attacked Sudmark"' states).
 */
function opensQuestion(view: SentenceView, j: number): boolean {
  const subject = view.tokens[j + 1];
  return (
    view.tokens[j]?.pos === 'AUX' &&
    subject !== undefined &&
    j + 1 < view.sentence.last &&
    subject.pos !== 'VERB' &&
    subject.pos !== 'AUX'
  );
}

/** A sentence that opens a yes/no question and ends with "?". */
function isYesNoQuestion(view: SentenceView): boolean {
  const { tokens, sentence } = view;
  let first = sentence.first;
  while (first < sentence.last && tokens[first]!.pos === 'PUNCT') first++;
  let last = sentence.last - 1;
  while (last > first && QUOTE_MARKS.has(tokens[last]!.text)) last--;
  return first < last && opensQuestion(view, first) && tokens[last]!.text === '?';
}

/** Marks that open a quotation a question may stand in ("Will ...?", ‘Will ...?’). */
const QUESTION_OPENERS: ReadonlySet<string> = new Set([...QUOTE_MARKS, '\u2018', ':']);
/** Marks that close one. */
const QUESTION_CLOSERS: ReadonlySet<string> = new Set([...QUOTE_MARKS, '\u2019', '.', '!']);

/**
 * Whether the word at `k` is asked about rather than stated: in a clause of "whether" ("asked
 * whether Norland would attack Sudmark", "it is unclear whether or not ...") with no verb of
 * its own between (a verb there ends the question: "Officials asked whether talks could resume
 * after Norland attacked Sudmark"), not "whether to" (a step weighed: "agreed to explore
 * whether to provide weapons"), or in a quoted yes/no question ('The minister asked: "Will Norland attack
 * Sudmark?"': an auxiliary then its subject, and "?" before the quote or the sentence ends).
 */
function askedAbout(view: SentenceView, k: number): boolean {
  const { tokens, sentence } = view;
  for (let j = k - 1; j >= sentence.first; j--) {
    if (tokens[j]!.pos === 'VERB') break;
    // "whether to provide": a step weighed, which analysts record as intended; not a question.
    if (tokens[j]!.lower === 'whether') {
      if (tokens[j + 1]?.lower === 'to') break;
      return true;
    }
  }
  for (let j = k - 1; j >= sentence.first; j--) {
    const t = tokens[j]!;
    if (t.text === ',' || t.text === ';') return false;
    if (!QUESTION_OPENERS.has(t.text)) continue;
    if (!opensQuestion(view, j + 1)) return false;
    for (let e = k + 1; e < sentence.last; e++) {
      const end = tokens[e]!.text;
      if (end === '?') return true;
      if (QUESTION_CLOSERS.has(end)) return false;
    }
    return false;
  }
  return false;
}

function suggestInSentence(
  text: string,
  view: SentenceView,
  suggester: Suggester,
  antecedentsAt: (cueFirst: number) => Antecedents,
  told: Told,
): SentenceReading {
  const { tokens, sentence } = view;
  // "Will Norland meet Ostria?": a question asks, it states nothing, not even an intention.
  if (isYesNoQuestion(view)) return { found: [], hits: [], markers: [], sides: [] };
  const markers = findModalityCues(view, suggester.lexicon);
  // A cue word inside a longer negation ("refused to", "declined to") only marks the modality
  // of what follows; "agreed to", "offered to" stay cues.
  const hits = findCues(view, suggester.lexicon).filter(
    (hit) =>
      !askedAbout(view, hit.first) &&
      !markers.some(
        (m) =>
          (m.modality === 'negated' || m.modality === 'denied') &&
          m.last - m.first > hit.last - hit.first &&
          m.first <= hit.first &&
          m.last > hit.first,
      ),
  );
  // An intent to yield on a condition: "X would withdraw ... if Y ...", a proposal (CAMEO 035).
  const offerCue = suggester.offerCue;
  const extra: { hit: CueHit; parties: Parties }[] = [];
  const conditionAfter = (k: number) =>
    markers.find((m) => m.modality === 'conditional' && m.first >= k);
  const condition = conditionAfter(sentence.first);
  if (offerCue && condition) {
    for (let k = sentence.first; k < sentence.last; k++) {
      const t = tokens[k]!;
      if (!(t.pos === 'AUX' && (t.lemma === 'will' || t.lemma === 'would' || t.lower === "'ll")))
        continue;
      let v = k + 1;
      while (v < sentence.last && tokens[v]!.pos === 'ADV') v++;
      const verb = tokens[v];
      const condition = conditionAfter(v + 1);
      if (!verb || !condition || !suggester.lexicon.concessions.has(verb.lemma)) continue;
      const parties = conditionalOffer(view, k, v, condition, antecedentsAt(k));
      if (parties) extra.push({ hit: { cue: offerCue, first: k, last: v + 1 }, parties });
    }
  }
  // "X said Y must withdraw": a demand of Y.
  if (suggester.must)
    for (let k = sentence.first + 1; k < sentence.last; k++) {
      if (tokens[k]!.lower !== 'must') continue;
      const parties = saidMust(view, k, antecedentsAt(k));
      if (!parties?.source) continue;
      // Not of one's own side ("Brandt said Norland must act", of his own state).
      const own = onSide(parties.source, suggester);
      if (!parties.target?.group.some((m) => m.actor && own(m.actor)))
        extra.push({ hit: { cue: suggester.must, first: k, last: k + 1 }, parties });
    }
  const absorbed: { first: number; last: number }[] = [];
  const byKey = new Map<string, Suggestion>();
  /** Where a verb of rejecting or reducing relations governs a noun ("suspended talks with"). */
  const undone: { first: number; last: number }[] = [];
  /** The definite objects of verb cues ("condemned the deal"): acts referred to, not done. */
  const referring: { first: number; last: number; approving: boolean; judged?: true }[] = [];
  const judging = judgements(text, view, suggester, hits, antecedentsAt, told);
  extra.push(...judging.found);
  // 'called the strike "a deliberate attack"': the act judged and the judge's words about it
  // are no act of the judge's.
  for (const span of judging.judged) referring.push({ ...span, approving: false, judged: true });
  const queue: { hit: CueHit; parties?: Parties }[] = [...extra, ...hits.map((hit) => ({ hit }))];
  /**
   * Every cue read, with its parties and how many pairs they gave, and whether a guess by
   * position may stand in for them: for the fallbacks.
   */
  const read: { hit: CueHit; parties: Parties; pairs: number; guess: boolean }[] = [];
  /** Each cue's sides, read once (a noun's may be needed first by the verb it is the object of). */
  const sides = new Map<CueHit, Parties>();
  const sidesOf = (h: CueHit): Parties => {
    let found = sides.get(h);
    if (!found) sides.set(h, (found = findParties(view, h, antecedentsAt(h.first))));
    return found;
  };
  for (const { hit, parties: given } of queue) {
    if (!given && absorbed.some((a) => hit.first >= a.first && hit.first < a.last)) continue;
    // "suspended talks with X": no talks; but "rejected a proposal by X" tells X's proposal.
    const undoneNoun =
      hit.cue.pos === 'noun' &&
      hit.cue.type !== suggester.opposition &&
      undone.some((a) => hit.first >= a.first && hit.first < a.last);
    if (undoneNoun && !suggester.proposalTypes.has(hit.cue.type)) continue;
    const stands = endingRefused(view, hit, markers);
    if (!given && stands === undefined && liftsOpposition(view, hit, hits, suggester)) continue;
    if (!given && endsCooperation(view, hit, suggester)) continue;
    const found = given ?? sidesOf(hit);
    // "Ostria condemned the deal", "welcomed the agreement": an act a verb's definite object
    // names is not the verb's subject's; the noun keeps only the parties of its own phrase
    // ("welcomed the talks between A and B"), and is no ground for a guess. But one who backs
    // an act against another sides with it ("backed the attack on Sudmark").
    const governing = referring.find((a) => hit.first >= a.first && hit.first < a.last);
    const stripped =
      !given &&
      hit.cue.pos === 'noun' &&
      governing !== undefined &&
      found.source !== undefined &&
      SUBJECT_SIDES.has(found.source.how) &&
      !(governing.approving && found.target);
    // "X, which quarrels with Z over the Sudmarkian dam, signed a pact with Y": a noun that is
    // a verb cue's object has the verb's subject, not the nearest name before it.
    const verb =
      !given && !stripped && hit.cue.pos === 'noun' ? objectOf(view, hits, hit) : undefined;
    const verbSource = verb ? sidesOf(verb).source : undefined;
    const parties = stripped
      ? { ...found, source: undefined }
      : verbSource &&
          found.source &&
          SUBJECT_SIDES.has(found.source.how) &&
          SUBJECT_SIDES.has(verbSource.how)
        ? { ...found, source: verbSource }
        : found;
    const object = hit.cue.pos === 'verb' && !given ? definiteObject(view, hit.last) : undefined;
    if (object) referring.push({ ...object, approving: APPROVING.has(hit.cue.words[0]!) });
    // Its object names an act ("condemned the attack", "the deal") when a noun cue is in it.
    const actNoun =
      object &&
      hits.find((h) => h.cue.pos === 'noun' && h.first >= object.first && h.first < object.last);
    const namesAct = actNoun !== undefined;
    // "Norland condemned the attack on Sudmark by the Red Front": the names after the act's
    // noun are its parties, not the reaction's, which is aimed at whoever did the act: the
    // noun's author when it names one ("rejects ... US sanctions"), else the act told before.
    // Not "blamed the attack on X", whose X is the one blamed.
    if (
      actNoun &&
      REACTION_ROOTS.has(hit.cue.code) &&
      hit.cue.words[0] !== 'blame' &&
      parties.target &&
      parties.target.group[0]!.first > object!.first
    ) {
      const author = sidesOf(actNoun).source;
      parties.target =
        author && (author.how === 'possessive' || author.how === 'agent') ? author : undefined;
    }
    // "Talks between Norland and Sudmark were mediated by Qatar": with each of them.
    if (parties.passive && parties.source && !parties.target && hit.cue.pos === 'verb')
      parties.target = betweenSubject(view, hit, read);
    const author = parties.source?.how === 'agent' || parties.source?.how === 'possessive';
    if (undoneNoun && !author) continue;
    // "X and Y signed the accord": the parties to the accord are the signers themselves (their
    // ministers, their states), not others to pair them with. A reaction of several ("X and Y
    // welcomed the accord") is aimed at its parties still.
    const jointDeed =
      !suggester.directed(hit.cue.type) &&
      !REACTION_ROOTS.has(hit.cue.code) &&
      !APPROVING.has(hit.cue.words[0]!) &&
      new Set(parties.source?.group.flatMap((m) => (m.actor ? [m.actor] : []))).size > 1;
    if (!parties.target && parties.source && hit.cue.pos === 'verb' && !jointDeed) {
      const own = onSide(parties.source, suggester);
      const act = referredAct(text, view, hit, own, told, suggester, parties.passive);
      if (act) parties.target = forStates(act.side, parties.source, suggester);
    }
    // The act, for a later "the protest", "the attack": not one said not to have happened.
    if (parties.source && !tokens[hit.first]!.negated) {
      const word = hit.cue.pos === 'noun' ? tokens[hit.last - 1]! : tokens[hit.first]!;
      const ids = (side?: Side) => side?.group.flatMap((m) => (m.actor ? [m.actor] : [])) ?? [];
      const mutual = !suggester.directed(hit.cue.type);
      const targets = [...new Set(ids(parties.target))];
      // "brokered an agreement between X and Y", "brokered the talks between X and Y": the
      // agreement, the talks, and what a noun of the cue's root refers to later ("the
      // agreement" after "brokered", both CAMEO 05) are X's and Y's, not the broker's.
      const theirs =
        parties.target?.how === 'between' &&
        targets.length > 0 &&
        (hit.cue.pos === 'noun' || MEDIATING.has(hit.cue.words[0]!));
      rememberAct(told.acts, {
        word: word.lemma,
        ...(hit.cue.pos === 'verb' ? { nouns: objectNouns(view, hit.last) } : {}),
        code: hit.cue.code,
        // "accused": an act of saying too, for a later "her claims".
        ...(SAYING_VERBS.has(word.lemma) ? { saying: true } : {}),
        // "cancelled the agreements": no later "the sanctions" of its root refers to it; nor
        // does "the accord" to "welcomed".
        ...(ENDING_VERBS.has(word.lemma) || PRAISING.has(word.lemma) ? { ownWordOnly: true } : {}),
        actors: theirs
          ? targets
          : [...new Set([...ids(parties.source), ...(mutual ? targets : [])])],
        targets,
        sentence: told.sentence,
        at: hit.first,
      });
      // The mediation itself is the mediator's, referred to by its own word only ("the
      // mediation"): by the cue's lemma, since wink leaves "mediated" as it is.
      if (theirs && hit.cue.pos === 'verb')
        rememberAct(told.acts, {
          word: hit.cue.words[0]!,
          code: hit.cue.code,
          ownWordOnly: true,
          actors: [...new Set(ids(parties.source))],
          targets,
          sentence: told.sentence,
          at: hit.first,
        });
    }
    // An offer on a condition that names no one else is made to the condition's subject
    // ("ready to help ... if both sides asked").
    const after = conditionAfter(hit.last);
    if (!parties.target && parties.source && after && suggester.proposalTypes.has(hit.cue.type)) {
      const target = conditionSubject(view, after.last);
      if (target) parties.target = target;
    }
    if (parties.absorbed && suggester.proposalTypes.has(hit.cue.type))
      absorbed.push(parties.absorbed);
    if (hit.cue.pos === 'verb' && UNDOING_ROOTS.has(hit.cue.code)) {
      const objectAt = parties.target ? parties.target.group[0]!.first : hit.last + 6;
      undone.push({ first: hit.last, last: Math.min(objectAt, hit.last + 6) });
    }
    // "fought alongside X against Y", "sided with X against Y": against Y too.
    if (
      !given &&
      suggester.sidingAgainst &&
      SIDING_ROOTS.has(hit.cue.code) &&
      hit.cue.pos === 'verb' &&
      parties.source &&
      parties.target?.how === 'object'
    ) {
      const against = againstAfter(view, parties.target.group, hit.last);
      if (against)
        queue.push({
          hit: { ...hit, cue: suggester.sidingAgainst },
          parties: { passive: false, source: parties.source, target: against },
        });
    }
    const pairs = pairsOf(parties.source, parties.target, hit, {
      directed: suggester.directed(hit.cue.type),
      aimed: hit.cue.reciprocal && aimedElsewhere(view, hit),
      eachOther: hit.cue.pos === 'verb' && atEachOther(view, hit, parties.source),
    });
    // A verb whose object names an act it could not find ("condemned the deal") guesses
    // nothing either, nor the words of a judgement.
    read.push({
      hit,
      parties,
      pairs: pairs.length,
      // Nor a call for a thing ("called for sanctions on X"), made to no one named.
      guess:
        !stripped &&
        !governing?.judged &&
        !(namesAct && !parties.target) &&
        // Nor a reaction said of an act ("the deployment was condemned by X") it could not find.
        !(!parties.target && passiveReaction(view, hit, parties)) &&
        !(callsFor(view, hit) && !parties.target) &&
        // "came under attack": from no one named, not from whoever the sentence names.
        !undergone(view, hit),
    });
    // "urged Sudmark to talk with Ostria": an infinitive after a verb of urging.
    const urged =
      pairs.length === 0
        ? undefined
        : hit.cue.pos === 'verb'
          ? urgedTo(view, hit.first)
          : urgedToNoun(view, hit.first);
    // "called on Sudmark to withdraw its troops": an appeal to one party to end or undo what it
    // does is also a demand (CAMEO 10).
    const demand = demandOf(view, hit, parties, suggester);
    const readings: CueHit[] = demand ? [hit, { ...hit, cue: demand }] : [hit];
    const subjectEnd =
      parties.source && lastToken(parties.source) <= hit.first
        ? lastToken(parties.source)
        : undefined;
    // The words naming an act referred to ("the proposal") mark nothing of the reaction.
    const act = parties.target?.how === 'act' ? parties.target.group[0] : undefined;
    // "would not bow to pressure and accused X": a verb of its own after "and" or "but", in
    // another form than the one negated or planned (not "did not attack and bomb X", "will
    // meet X and sign").
    const ownVerb =
      hit.cue.pos === 'verb' && tokens[hit.first]!.lower !== tokens[hit.first]!.lemma
        ? coordinatedAt(view, hit.first)
        : undefined;
    const own = markers.filter(
      (m) =>
        !(
          (m.modality === 'negated' || m.modality === 'proposed') &&
          ownVerb !== undefined &&
          m.last <= ownVerb
        ) &&
        (parties.phraseStart === undefined || m.first >= parties.phraseStart) &&
        !(act && m.first >= act.first && m.first < act.last) &&
        // "did not lift the sanctions", "would not lift them": the negation and the plan are
        // the lifting's; the sanctions stand.
        !(
          stands !== undefined &&
          (m.modality === 'negated' || m.modality === 'proposed') &&
          m.last <= stands
        ) &&
        !(m.modality === 'conditional' && laterVerbBetween(view, hit.last, m.first)) &&
        // "Norland would talk only if Sudmark withdrew, but Sudmark attacked Ostria": the plan
        // and the condition were another clause's (not "..., but signalled that talks could
        // start", whose subject is the same).
        !(
          (m.modality === 'conditional' || m.modality === 'proposed' || m.modality === 'negated') &&
          m.last <= hit.first &&
          newClauseBetween(view, m.last, hit.first)
        ),
    );
    // Each reading of the cue (the appeal, and the demand it may also be) with each pair.
    for (const told of readings) {
      // The reading's modality, the same for every pair.
      const { reading, modality } = refusedOrNot(
        told,
        decideModality(told, own, {
          ...(subjectEnd === undefined ? {} : { subjectEnd }),
          proposal: suggester.proposalTypes.has(told.cue.type),
          negatedScope: stands === undefined && tokens[told.first]!.negated,
        }),
        suggester,
      );
      if (parties.reported && modality.modality === 'asserted') {
        // "accused X of arming Y, a charge X denied": the deed is denied.
        const denial = deniedCharge(view, own, hit.last);
        if (denial) Object.assign(modality, { modality: 'denied', marker: denial });
        else modality.modality = 'reported';
      }
      // "pledged aid to X", "offers of help from X": the aid is offered, not given.
      if (modality.modality === 'asserted' && offeredNoun(view, reading, suggester))
        modality.modality = 'proposed';
      // "urged Sudmark to talk with Ostria": what one is urged to do is not yet done.
      // But "urged Sudmark to stop attacking Ostria": Sudmark does.
      if (modality.modality === 'asserted' && urged && !urged.ongoing)
        modality.modality = 'proposed';
      for (const pair of pairs) {
        const { source, target, fromGroup } = pair;
        const { score, why } = scoreCandidate({
          hit: reading,
          tokens,
          source: { side: pair.sourceSide, text: source.mention.text, via: source.mention.via },
          target: { side: pair.targetSide, text: target.mention.text, via: target.mention.via },
          fromGroup,
          passive: parties.passive,
          modality,
        });
        const suggestion = toSuggestion(text, view, reading, source, target, modality, {
          score,
          why,
        });
        // One suggestion per relation in a sentence: its quote is the sentence, and a relation
        // with the same quote twice is one (the build warns, the workbench refuses the second).
        const key = keyOf(suggestion, suggester);
        const kept = byKey.get(key);
        if (!kept || kept.score < score) byKey.set(key, suggestion);
      }
    }
  }
  if (suggester.fallback.position !== 'off' || suggester.fallback.subject)
    addFallbacks(text, view, suggester, read, markers, byKey);
  const idsOf = (side?: Side) => side?.group.flatMap((m) => (m.actor ? [m.actor] : [])) ?? [];
  const sidesRead = read.map(({ hit, parties }) => ({
    type: hit.cue.type,
    source: idsOf(parties.source),
    target: idsOf(parties.target),
    sourceHow: parties.source?.how,
    targetHow: parties.target?.how,
  }));
  return { found: [...byKey.values()], hits, markers, sides: sidesRead };
}

/**
 * Whether a clause with a subject of its own opens between tokens `from` and `to`: "but" or a
 * semicolon, then not a verb, an auxiliary or an adverb ("but Sudmark attacked", "; the
 * ministry said").
 */
function newClauseBetween(view: SentenceView, from: number, to: number): boolean {
  const { tokens } = view;
  for (let k = from; k + 1 < to; k++) {
    if (tokens[k]!.lower !== 'but' && tokens[k]!.text !== ';') continue;
    const next = tokens[k + 1]!.pos;
    if (next !== 'VERB' && next !== 'AUX' && next !== 'ADV') return true;
  }
  return false;
}

/**
 * The coordinator ("and", "but") that joins verb `at` to the clause before it, adverbs
 * between ("and then accused"), if one does.
 */
function coordinatedAt(view: SentenceView, at: number): number | undefined {
  const { tokens, sentence } = view;
  let k = at - 1;
  while (k > sentence.first && tokens[k]!.pos === 'ADV') k--;
  return k >= sentence.first && VERB_COORDINATORS.has(tokens[k]!.lower) ? k : undefined;
}

/**
 * Whether a verb of its own stands between tokens `from` and `to`: one joined by "and" or "but"
 * ("accused X ... and warned it would respond if ..."), a participle after a comma
 * ("..., warning that ... if"), or, when `from` is inside a relative clause, the main verb after
 * the comma that closes it ("X, which brokered a deal between Y and Z, said it would host
 * talks if ..."). A condition after it is that verb's, not the cue's.
 */
function laterVerbBetween(view: SentenceView, from: number, to: number): boolean {
  const hasVerb = (tokens: readonly Token[], a: number, b: number) =>
    tokens.slice(a, b).some((t) => t.pos === 'VERB');
  const { tokens } = view;
  const relative = inRelativeClauseAt(view.tokens, from, view.sentence.first);
  for (let k = from; k + 1 < to; k++) {
    const t = tokens[k]!;
    let v = k + 1;
    while (v < to && tokens[v]!.pos === 'ADV') v++;
    const verb = tokens[v];
    // "..., but each side warned it would resume fighting if ...": a clause of its own, its
    // subject before its verb (not "but only if", whose condition is the cue's).
    if ((t.lower === 'but' || t.text === ';') && hasVerb(tokens, k + 1, to)) return true;
    if (!verb || v >= to || verb.pos !== 'VERB') continue;
    if (VERB_COORDINATORS.has(t.lower)) return true;
    if (t.text === ',' && (isIngForm(verb) || relative)) return true;
  }
  return false;
}

/** Nouns for an accusation that a denial after it takes back ("a charge X denied"). */
const CHARGES = new Set(['charge', 'accusation', 'allegation', 'claim']);

/**
 * A denial after `from` of the accusation it follows: ", a charge X denied", "- an accusation
 * that X has repeatedly denied" (the noun after the comma or dash and its determiner).
 */
function deniedCharge(
  view: SentenceView,
  markers: readonly ModalityHit[],
  from: number,
): ModalityHit | undefined {
  const { tokens } = view;
  return markers.find((m) => {
    if (m.modality !== 'denied' || m.first < from) return false;
    for (let k = m.first - 1; k >= from && m.first - k <= 8; k--) {
      const t = tokens[k]!;
      if (t.text === ',' || t.text === '-' || t.text === '\u2014' || t.text === '\u2013')
        return CHARGES.has(tokens[k + 2]?.lemma ?? '');
    }
    return false;
  });
}

/**
 * Whether noun cue `hit` names what an offer offers: the object of a verb of root 03
 * ("pledged aid", "offered its help") or the noun after "offer of" ("offers of help").
 */
function offeredNoun(view: SentenceView, hit: CueHit, suggester: Suggester): boolean {
  if (hit.cue.pos !== 'noun' || suggester.proposalTypes.has(hit.cue.type)) return false;
  const { tokens, sentence } = view;
  let k = hit.first - 1;
  while (k >= sentence.first && isModifier(tokens[k]!)) k--;
  if (k < sentence.first) return false;
  const offer = (t: Token) =>
    suggester.lexicon.cues.get(t.lemma)?.some((c) => c.code === '03' && c.words.length === 1);
  if (tokens[k]!.pos === 'VERB') return offer(tokens[k]!) === true;
  return tokens[k]!.lower === 'of' && k - 1 >= sentence.first && offer(tokens[k - 1]!) === true;
}

/**
 * The modality of a pair read by position, not by structure (a fallback, the learned reader):
 * the markers of the sentence, the subject side ending at `first` when it stands before the cue;
 * a negated refusal ("does not recognise") read as a refusal.
 */
function readByPosition(
  view: SentenceView,
  hit: CueHit,
  markers: readonly ModalityHit[],
  first: PlacedMention,
  suggester: Suggester,
): { reading: CueHit; modality: ModalityDecision } {
  return refusedOrNot(
    hit,
    decideModality(hit, markers, {
      ...(first.last <= hit.first ? { subjectEnd: first.last } : {}),
      proposal: suggester.proposalTypes.has(hit.cue.type),
      negatedScope: view.tokens[hit.first]!.negated,
    }),
    suggester,
  );
}

/** A negated cue of the cue file's `refusals` ("does not recognise X"): a refusal, asserted. */
function refusedOrNot(
  hit: CueHit,
  modality: ModalityDecision,
  suggester: Suggester,
): { reading: CueHit; modality: ModalityDecision } {
  const refusal = suggester.refusal;
  if (modality.modality !== 'negated' || !refusal || !hit.cue.refusal)
    return { reading: hit, modality };
  return {
    reading: { ...hit, cue: { ...refusal, words: hit.cue.words } },
    modality: { modality: 'asserted' },
  };
}

/**
 * A suggestion of the cue's type from source to target, with the offsets of its sentence (the
 * quote), its names, its cue words and its modality marker, if any.
 */
function toSuggestion(
  text: string,
  view: SentenceView,
  hit: CueHit,
  source: PlacedMention,
  target: PlacedMention,
  modality: ModalityDecision,
  scored: { score: number; why: string },
): Suggestion {
  const { tokens, sentence } = view;
  const cueStart = tokens[hit.first]!.start;
  const cueEnd = tokens[hit.last - 1]!.end;
  const marker = modality.marker;
  return {
    source: source.actor!,
    type: hit.cue.type,
    target: target.actor!,
    modality: modality.modality,
    quote: text.slice(sentence.start, sentence.end),
    score: scored.score,
    why: scored.why,
    evidence: {
      sentence: { start: sentence.start, end: sentence.end },
      source: spanOf(source.mention),
      target: spanOf(target.mention),
      cue: {
        start: cueStart,
        end: cueEnd,
        text: text.slice(cueStart, cueEnd),
        cameo: hit.cue.code,
      },
      ...(marker
        ? {
            modality: {
              start: tokens[marker.first]!.start,
              end: tokens[marker.last - 1]!.end,
              text: text.slice(tokens[marker.first]!.start, tokens[marker.last - 1]!.end),
            },
          }
        : {}),
    },
  };
}

/**
 * The fallbacks by position (FallbackOptions): for a cue and a pair of actors of its sentence
 * that the structural stages did not relate, the cue's type from the actor before the cue to
 * the one after it (both ways for a mutual act), scored low and said to be a guess.
 */
function addFallbacks(
  text: string,
  view: SentenceView,
  suggester: Suggester,
  read: readonly { hit: CueHit; parties: Parties; pairs: number; guess: boolean }[],
  markers: ReturnType<typeof findModalityCues>,
  byKey: Map<string, Suggestion>,
): void {
  const options = suggester.fallback;
  const { tokens } = view;
  const actors = view.mentions.filter(isParty);
  if (actors.length < 2 || new Set(actors.map((m) => m.actor)).size < 2) return;
  const related = new Set<string>();
  for (const s of byKey.values()) related.add(pairKey(s.source, s.target));
  const added = new Map<string, Suggestion>();
  const propose = (
    told: CueHit,
    source: PlacedMention,
    target: PlacedMention,
    kind: 'position' | 'subject' | 'reciprocal',
  ) => {
    const [first, second] =
      kind === 'subject' || source.first < target.first ? [source, target] : [target, source];
    if (!source.actor || !target.actor || source.actor === target.actor) return;
    if (related.has(pairKey(source.actor, target.actor))) return;
    // A person and the state or body they speak for ("we ...," Vietnam's minister X said).
    const { affiliationOf } = suggester;
    if (
      affiliationOf(source.actor) === target.actor ||
      affiliationOf(target.actor) === source.actor
    )
      return;
    const { reading, modality } = readByPosition(view, told, markers, source, suggester);
    const { score, why } = scoreFallback({
      hit: reading,
      tokens,
      before: { text: first.mention.text, via: first.mention.via },
      after: { text: second.mention.text, via: second.mention.via },
      kind,
      modality,
    });
    const suggestion = toSuggestion(text, view, reading, source, target, modality, {
      score,
      why,
    });
    const key = keyOf(suggestion, suggester);
    const kept = added.get(key);
    if (!byKey.has(key) && (!kept || kept.score < score)) added.set(key, suggestion);
  };
  for (const { hit, parties, pairs, guess } of read) {
    if (!guess) continue;
    if (
      options.subject &&
      hit.cue.pos === 'verb' &&
      pairs === 0 &&
      parties.source &&
      !parties.target
    ) {
      const own = new Set(parties.source.group.map((m) => m.actor));
      // The actors named by name or description only: a pronoun or a quotation's speaker as
      // the other was right 4 times in 17 (and counting them as others, to block a guess, lost
      // 7 right guesses of 11 on the sets).
      // A qualifier counts ("Russian Ambassador X": Russia is named too).
      const others = view.mentions.filter(
        (m) =>
          m.actor &&
          !own.has(m.actor) &&
          m.mention.via !== 'pronoun' &&
          m.mention.via !== 'speaker',
      );
      if (others.length > 0 && others.every((m) => m.actor === others[0]!.actor))
        for (const s of parties.source.group) propose(hit, s, others[0]!, 'subject');
    }
    if (options.position === 'off' || (options.onlyEmptyCue && pairs > 0)) continue;
    const before = actors.filter((m) => m.last <= hit.first && hit.first - m.last <= options.reach);
    const after = actors.filter((m) => m.first >= hit.last && m.first - hit.last <= options.reach);
    if (before.length === 0 || after.length === 0) continue;
    const sources =
      options.position === 'all'
        ? before
        : before.filter((m) => m.index === before[before.length - 1]!.index);
    const targets =
      options.position === 'all' ? after : after.filter((m) => m.index === after[0]!.index);
    for (const s of sources) {
      for (const t of targets) {
        if (hit.cue.reciprocal) {
          propose(hit, s, t, 'reciprocal');
          propose(hit, t, s, 'reciprocal');
        } else propose(hit, s, t, 'position');
      }
    }
  }
  for (const [key, suggestion] of added) byKey.set(key, suggestion);
}

const spanOf = (m: Mention): Span & { text: string } => ({
  start: m.start,
  end: m.end,
  text: m.text,
});

const lastToken = (side: Side): number => side.group[side.group.length - 1]!.last;

/** A suggestion's relation, as relationKey gives it. */
const keyOf = (s: Suggestion, suggester: Suggester): string =>
  relationKey(s.source, s.type, s.target, suggester.directed(s.type));

/** The key two suggestions or annotations share when they state the same relation. */
export function relationKey(
  source: string,
  type: string,
  target: string,
  directed: boolean,
): string {
  const [a, b] = directed || source <= target ? [source, target] : [target, source];
  return `${a}\u0000${type}\u0000${b}`;
}

/**
 * What an appeal asks one party to do that makes it a demand: to end or undo something (the
 * verbs that end a measure, and more). Not "return" ("to return to the negotiating table").
 */
const DEMANDED = new Set([
  ...ENDING_VERBS,
  'withdraw',
  'release',
  'free',
  'avoid',
  'refrain',
  'correct',
  'respect',
  'explain',
  'abandon',
  'reverse',
  'hand',
  'extradite',
  'arrest',
  'pay',
  'apologise',
  'apologize',
  'comply',
  'retract',
  'leave',
  'quit',
  'dismantle',
  'renounce',
  'pull',
]);

/**
 * The demand an appeal is too ("called on Sudmark to withdraw", "asked Manila to release the
 * crew"): a verb of appeal (CAMEO 02) whose one party, not a pair, is asked to end or undo
 * something. Appeals to both sides ("urged both sides to free all detainees") stay appeals.
 */
function demandOf(
  view: SentenceView,
  hit: CueHit,
  parties: Parties,
  suggester: Suggester,
): Cue | undefined {
  if (!suggester.demand || hit.cue.code !== '02' || hit.cue.pos !== 'verb' || !parties.target)
    return undefined;
  const group = parties.target.group;
  if (group.length !== 1 || group[0]!.mention.collective) return undefined;
  const { tokens, sentence } = view;
  let k = group[0]!.last;
  if (k + 1 >= sentence.last || tokens[k]!.lower !== 'to') return undefined;
  k++;
  while (k < sentence.last && tokens[k]!.pos === 'ADV') k++;
  if (k >= sentence.last || !DEMANDED.has(tokens[k]!.lemma)) return undefined;
  return suggester.demand;
}
