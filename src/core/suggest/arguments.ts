/**
 * The two sides of a cue, from the sentence's structure rather than word order alone: the
 * subject side (the nearest name before the cue in its clause that is not the object of a
 * preposition or of another verb; a relative pronoun's antecedent; a pronoun's referent) and
 * the object side (a verb's direct object, or a name after one of the cue's prepositions,
 * skipping phrases of place and time). Passive verbs swap the sides ("X was attacked by Y").
 * Names joined by "and" or commas form a group: every member takes part.
 */
import type { CueHit } from './cues.ts';
import { GENERIC_ACTS } from './events.ts';
import {
  AGENT_NOUNS,
  APPEAL_VERBS,
  isEachOtherAt,
  undergoneAt,
  isIngForm,
  NOUN_PHRASE_POS,
  COORDINATORS,
  MEMBER_NOUNS,
  OFFICE_NOUNS,
  RECEIVING_VERBS,
  isRulerNoun,
  VERB_COORDINATORS,
  INFINITIVE_ROOTS,
  RELATIVE_PRONOUNS,
  PARTICIPLE_OPENERS,
  QUOTE_MARKS,
  REPORTING_VERBS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  POSSESSIVES,
  isClauseBreak,
  isModifier,
  isNoun,
  isObjectAt,
  isPassiveAt,
  isPastParticiple,
  isPreposition,
  isVerb,
} from './grammar.ts';
import {
  isTitleWord,
  membersOf,
  nameAfterModifiers,
  pastModifiers,
  mentionOn,
  type PlacedMention,
  type SentenceView,
} from './sentence.ts';
import type { Token } from './read.ts';

/** How a side was found, for the score and the explanation. */
export type SideHow =
  | 'subject'
  | 'possessive'
  | 'relative'
  | 'pronoun'
  | 'agent'
  | 'object'
  | 'preposition'
  | 'between'
  /** The doer of an act the cue's object refers back to ("dismissed the protest"). */
  | 'act'
  /** Who says the quotation the cue is in ('"Y must go," X said'). */
  | 'speaker';

export interface Side {
  group: PlacedMention[];
  how: SideHow;
  /** Tokens between the side and the cue. */
  distance: number;
  /** The preposition that introduced it. */
  preposition?: string;
  /** For 'act': the word that told the act referred to. */
  act?: string;
}

export interface Parties {
  source?: Side;
  target?: Side;
  passive: boolean;
  /** Tokens of an infinitive the cue governs and whose object it took ("offered to coordinate ... with X"). */
  absorbed?: { first: number; last: number };
  /** What an accusation says the accused did ("accused X of attacking Y"): reported. */
  reported?: boolean;
  /** Where the cue's own phrase starts ("despite objections from X"): markers before it are the main clause's. */
  phraseStart?: number;
}

/** How far a side may be from its cue, in tokens. */
const MAX_REACH = 25;

/** A pronoun's possible referents, from what was said before. */
export interface Antecedents {
  /** The first subject group of the sentence so far, then of the sentence before. */
  groups: PlacedMention[][];
}

/** A hostile act the sentence's subject undergoes ("came under attack", "bowed to pressure"). */
export const undergone = (view: SentenceView, hit: CueHit): boolean =>
  hit.cue.code >= '10' &&
  undergoneAt(view.tokens, hit.first, view.sentence.first, hit.cue.pos === 'noun');

export function findParties(view: SentenceView, hit: CueHit, antecedents: Antecedents): Parties {
  const { tokens } = view;
  const passive = hit.cue.pos === 'verb' && isPassiveAt(tokens, hit.first, view.sentence.first);
  const before = hit.cue.pos === 'noun' ? possessiveBefore(view, hit.first) : undefined;
  const across =
    hit.cue.pos === 'verb' && SPEECH_ACT_ROOTS.has(hit.cue.code)
      ? acrossComplement(view, hit.first, antecedents)
      : undefined;
  let subject = before ?? across?.subject ?? findSubject(view, hit.first, antecedents);
  const right = findObject(view, hit, passive);
  // "came under attack from X", "bowed to pressure from X": X's act, against the subject; by
  // no one, when no one is named after it.
  if (undergone(view, hit))
    return right.agent && subject ? { passive, source: right.agent, target: subject } : { passive };
  // "called for sanctions on X", "called for X's expulsion": a call for a thing, made to no
  // one named; only "called for X to withdraw" and "called for calm" (the sides) are made to X.
  if (callsFor(view, hit) && right.object && !calledFor(view, hit, right.object))
    delete right.object;
  if (across && right.object && !passive)
    return { passive, source: across.subject, target: right.object, phraseStart: across.from };
  // "X told reporters ... and demanded that Y ...": a verb after "and" or "but" whose clause
  // names no subject shares the sentence's.
  if (!subject) {
    let k = hit.first - 1;
    if (hit.cue.pos === 'noun') {
      // "... but held no bilateral meeting": the noun's verb, then its coordinator.
      while (k >= view.sentence.first && isModifier(tokens[k]!)) k--;
      if (k >= view.sentence.first && tokens[k]!.pos === 'VERB') k--;
      else k = -1;
    }
    if (k >= view.sentence.first) subject = sharedSubject(view, k, hit.first, antecedents);
  }
  // "X said talks with Y would continue": talks, a meeting or cooperation a speaker announces
  // with no one else named as their side are the speaker's.
  if (!subject && hit.cue.pos === 'noun' && ANNOUNCED_ROOTS.has(hit.cue.code))
    subject = speakerOfComplement(view, hit.first, antecedents);
  // "the Philippines receives aid from the United States": the giver is the source.
  if (hit.cue.pos === 'noun' && right.agent && subject?.how === 'subject') {
    const end = subject.group[subject.group.length - 1]!.last;
    for (let k = end; k < hit.first; k++) {
      if (RECEIVING_VERBS.has(tokens[k]!.lemma)) {
        return { passive, source: right.agent, target: subject };
      }
    }
  }
  // "Lashkar-e-Taiba, which Pakistan denies sponsoring", "..., a move Serbia condemned": the
  // verb's object is what the relative clause or the apposition is about.
  if (!passive && !right.object && hit.cue.pos === 'verb' && subject?.how === 'subject') {
    const target = objectOfRelative(view, subject, antecedents);
    if (target) return { passive, source: subject, target };
  }
  // "X accused Y of attacking Z", "X blamed Y for an attack": what the accused did, as the
  // accuser reports it; an act of force with no one named it was done to ("of an attack", "of
  // shelling villages") was against the accuser.
  // "X blamed the ambush on Y": Y did it, as X reports it, against X.
  const blamed = blamedOn(view, hit, antecedents);
  if (blamed) return { passive, source: blamed.accused, target: blamed.accuser, reported: true };
  const accused = accusedOf(view, hit, antecedents);
  // "accused each other of sheltering rebels": what each did, not a relation between them.
  if (accused?.eachOther && !right.object) return { passive };
  if (accused) {
    const target =
      right.object ??
      (accused.accuser && accused.reported && againstAccuser(view, hit)
        ? accused.accuser
        : undefined);
    return {
      passive,
      source: accused.accused,
      ...(target ? { target } : {}),
      ...(accused.reported ? { reported: true } : {}),
    };
  }
  // "China, North Korea's main ally", "Norland is Sudmark's partner": a noun of a standing
  // relation between the name it is said of and its possessor.
  if (hit.cue.standing && !right.object) {
    // "Sudmark's ally", or "an ally of Sudmark".
    const after = tokens[hit.last];
    // "an affiliate of the North Pact Council": past a determiner.
    const of = tokens[hit.last + 1]?.pos === 'DET' ? hit.last + 2 : hit.last + 1;
    const ofName =
      !before && after?.lower === 'of' && of < view.sentence.last ? mentionOn(view, of) : undefined;
    const possessor =
      before ??
      (usable(ofName)
        ? { group: groupRightOf(view, ofName), how: 'possessive' as const, distance: 1 }
        : undefined);
    const holder = possessor && holderOf(view, before ? before.group[0]!.first : hit.first, hit);
    if (possessor && holder) return { passive, source: holder, target: possessor };
  }
  // "Norway rejected an EU demand", "despite objections from Brazil": a noun whose author is
  // named and whose addressee is not is addressed to the one who answers it.
  if (hit.cue.pos === 'noun' && !right.object && (before ?? right.agent)) {
    const answered = answerer(view, hit, before ?? right.agent!, antecedents);
    if (answered)
      return {
        passive,
        source: before ?? right.agent!,
        target: answered.target,
        ...(answered.phraseStart === undefined ? {} : { phraseStart: answered.phraseStart }),
      };
  }
  // "told the council that his government welcomed the renewal": said to the one told.
  if (!passive && !right.object && subject && TOLD_ROOTS.has(hit.cue.code)) {
    const told = oneTold(view, right.agent ?? subject, hit.first);
    if (told) return { passive, source: right.agent ?? subject, target: told };
  }
  if (passive) {
    return {
      passive,
      ...(right.agent ? { source: right.agent } : {}),
      ...(subject ? { target: subject } : {}),
    };
  }
  return {
    passive,
    ...((right.agent ?? subject) ? { source: right.agent ?? subject } : {}),
    ...(right.object ? { target: right.object } : {}),
    ...(right.absorbed ? { absorbed: right.absorbed } : {}),
  };
}

const usable = (m: PlacedMention | undefined): m is PlacedMention => m !== undefined && !m.modifier;

/**
 * The name that ends at token j, or that qualifies the nouns ending there: "Norwegian
 * officials", "EU experts", "the Kyrgyz border guards" stand for the state or body named.
 */
function nameEndingAt(view: SentenceView, j: number): PlacedMention | undefined {
  const { tokens, sentence } = view;
  const at = j >= sentence.first ? mentionOn(view, j) : undefined;
  if (at) return at;
  let k = j;
  while (k >= sentence.first && j - k < 2 && tokens[k]!.pos === 'NOUN' && !mentionOn(view, k)) k--;
  if (k === j || k < sentence.first) return undefined;
  const m = mentionOn(view, k);
  return m && m.last === k + 1 && !m.mention.possessive ? m : undefined;
}

/**
 * The object a relative clause or an apposition leaves out: "X, which S V-s" (X), "X that S
 * V-ed" (X); "<clause>, a move S condemned" (the clause's subject, when it is not S).
 */
function objectOfRelative(
  view: SentenceView,
  subject: Side,
  antecedents: Antecedents,
): Side | undefined {
  const { tokens, sentence } = view;
  let j = subject.group[0]!.first - 1;
  // "X, which the United States accuses of ...": past the subject's article.
  if (j > sentence.first && tokens[j]!.lower === 'the') j--;
  if (j <= sentence.first) return undefined;
  const t = tokens[j]!;
  if (t.lower === 'which' || t.lower === 'whom' || t.lower === 'that') {
    let k = j - 1;
    while (k >= sentence.first && tokens[k]!.text === ',') k--;
    const antecedent = k >= sentence.first ? mentionOn(view, k) : undefined;
    return usable(antecedent)
      ? { group: groupLeftOf(view, antecedent), how: 'relative', distance: 0 }
      : undefined;
  }
  if (
    t.pos === 'NOUN' &&
    j - 2 >= sentence.first &&
    (tokens[j - 1]!.lower === 'a' || tokens[j - 1]!.lower === 'an') &&
    tokens[j - 2]!.text === ','
  ) {
    const group = antecedents.groups[0];
    const actors = new Set(subject.group.map((g) => g.actor));
    if (group && group[0]!.first >= sentence.first && !group.some((g) => actors.has(g.actor)))
      return { group, how: 'relative', distance: 0 };
  }
  return undefined;
}

/** "Russia's offer", "Russian air strikes", "U.S.-Russian willingness": a name just before a noun. */
function possessiveBefore(view: SentenceView, cueFirst: number): Side | undefined {
  const { tokens, sentence } = view;
  let k = cueFirst - 1;
  let steps = 0;
  while (k >= sentence.first && steps < 4) {
    const m = mentionOn(view, k);
    if (m) {
      if (!usable(m)) return undefined;
      if (!(m.mention.possessive || m.mention.via === 'demonym' || m.last === cueFirst))
        return undefined;
      return { group: groupLeftOf(view, m), how: 'possessive', distance: cueFirst - m.last };
    }
    const t = tokens[k]!;
    if (t.lower === 'whose') {
      // "X and Y, whose differences over ...": the relative pronoun's antecedent.
      let j = k - 1;
      while (j >= sentence.first && tokens[j]!.text === ',') j--;
      const antecedent = j >= sentence.first ? mentionOn(view, j) : undefined;
      return usable(antecedent)
        ? { group: groupLeftOf(view, antecedent), how: 'possessive', distance: cueFirst - k }
        : undefined;
    }
    if (!(isModifier(t) || (t.pos === 'NOUN' && steps === 0))) return undefined;
    k--;
    steps++;
  }
  return undefined;
}

/**
 * The mention is the object of a preposition or of a verb just before it; not when a verb
 * follows the group it begins ("envisages Washington and Moscow sharing intelligence": the
 * subject of what follows).
 */
function isGoverned(view: SentenceView, m: PlacedMention, groupEnd = m.last): boolean {
  const { tokens, sentence } = view;
  const next = tokens[groupEnd];
  const j = pastModifiers(view, m.first - 1, -1);
  const t = j >= sentence.first ? tokens[j]! : undefined;
  // A name right before a verb is its subject ("said Lavrov agreed"), unless a place after a
  // noun that is not its ruler ("The Sudmark embassy in Nordby called ...").
  if (next && groupEnd < sentence.last && next.pos === 'VERB')
    return (
      t !== undefined &&
      PLACE_PREPOSITIONS.has(t.lower) &&
      j > sentence.first &&
      tokens[j - 1]!.pos === 'NOUN' &&
      !isRulerNoun(tokens[j - 1])
    );
  if (!t) return false;
  if (isPreposition(t)) {
    if (t.lower === 'of') return false;
    // "two days before Philippine and Chinese officials were due to meet", "after al-Shabaab
    // fighters attacked": a clause's subject (a plural noun before a verb, or an auxiliary).
    if (SUBORDINATORS.has(t.lower)) {
      let n = groupEnd;
      while (n < sentence.last && tokens[n]!.pos === 'NOUN') n++;
      const verb = n > groupEnd && n < sentence.last ? tokens[n]! : undefined;
      const plural = tokens[n - 1]!.lower !== tokens[n - 1]!.lemma;
      if (verb && (verb.pos === 'AUX' || (verb.pos === 'VERB' && plural))) return false;
    }
    // "the ministries in Yerevan and Baku traded accusations": who govern from there.
    if (t.lower === 'in' && j > sentence.first && isRulerNoun(tokens[j - 1]))
      return phraseGoverned(view, j - 1);
    // "a spokesperson for the United Nations urged ...": the one spoken for.
    return !(t.lower === 'for' && j > sentence.first && AGENT_NOUNS.has(tokens[j - 1]!.lemma));
  }
  return t.pos === 'VERB' && !REPORTING_VERBS.has(t.lemma);
}

/**
 * Whether the noun phrase ending at token `head` is the object of a preposition or a verb
 * before it ("met officials in Moscow", "to the government in Moscow").
 */
function phraseGoverned(view: SentenceView, head: number): boolean {
  const { tokens, sentence } = view;
  let j = head - 1;
  while (j >= sentence.first && (isModifier(tokens[j]!) || tokens[j]!.pos === 'NOUN')) j--;
  if (j < sentence.first) return false;
  const t = tokens[j]!;
  return isPreposition(t) || (t.pos === 'VERB' && !REPORTING_VERBS.has(t.lemma));
}

/** Prepositions of a place or an addressee: "the embassy in X", "its ambassador to Y". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'to']);

/** Verbs whose object does what an infinitive after it says ("urged X to talk"). */
const CONTROL_VERBS = new Set([
  ...APPEAL_VERBS,
  'invite',
  'persuade',
  'push',
  'allow',
  'force',
  'order',
]);

/** Verbs that end an act already going on ("urged X to stop attacking Y": X attacks Y). */
const ENDING_COURSE = new Set(['stop', 'cease', 'end', 'halt']);

/** Verbs of an act's course between "to" and the act ("to stop attacking", "to resume talks"). */
const COURSE_VERBS = new Set([...ENDING_COURSE, 'resume', 'continue', 'start', 'begin']);

/**
 * For a cue that is the infinitive after a verb of urging and its object ("urged Sudmark to
 * talk with Ostria", "called on both neighbours to stop attacking"), that object: the one urged
 * is the infinitive's subject. `group` undefined when the object names no actor; `ongoing` when
 * the act is urged to end ("to stop attacking"); undefined when the cue is no such infinitive.
 */
export function urgedTo(
  view: SentenceView,
  cueFirst: number,
): { group: PlacedMention[] | undefined; at: number; ongoing: boolean } | undefined {
  const { tokens, sentence } = view;
  let k = cueFirst - 1;
  let ongoing = false;
  while (k > sentence.first && (tokens[k]!.pos === 'ADV' || COURSE_VERBS.has(tokens[k]!.lemma))) {
    if (ENDING_COURSE.has(tokens[k]!.lemma)) ongoing = true;
    k--;
  }
  if (k <= sentence.first || tokens[k]!.lower !== 'to' || tokens[k]!.pos !== 'PART') return;
  let j = k - 1;
  let named: PlacedMention | undefined;
  while (j >= sentence.first && k - j <= 8) {
    const m = mentionOn(view, j);
    if (m) {
      named = m;
      j = m.first - 1;
      continue;
    }
    const t = tokens[j]!;
    // "urged Norland, Ostria and the Gulf states to": a list's commas too.
    if (!NOUN_PHRASE_POS.has(t.pos) && t.pos !== 'CCONJ' && t.text !== ',') break;
    j--;
  }
  if (j === k - 1) return undefined;
  const object = j + 1;
  if (j >= sentence.first && tokens[j]!.pos === 'ADP') j--;
  const verb = j >= sentence.first ? tokens[j] : undefined;
  if (!verb || verb.pos !== 'VERB' || !CONTROL_VERBS.has(verb.lemma)) return undefined;
  return {
    group: named && usable(named) ? groupRightOf(view, named) : undefined,
    at: object,
    ongoing,
  };
}

/**
 * urgedTo for a noun cue that is the object of the infinitive ("urged X to resume dialogue
 * with Y", "to sign a pact with Y", "to return to the talks with Y"): past its determiners and
 * modifiers and a preposition, the verb it hangs on.
 */
export function urgedToNoun(view: SentenceView, nounFirst: number): ReturnType<typeof urgedTo> {
  const { tokens, sentence } = view;
  let k = nounFirst - 1;
  while (k > sentence.first && nounFirst - k <= 3 && ['DET', 'ADJ', 'NUM'].includes(tokens[k]!.pos))
    k--;
  if (tokens[k]?.pos === 'ADP' && k - 1 > sentence.first && tokens[k - 1]!.pos === 'VERB') k--;
  const verb = tokens[k];
  if (k <= sentence.first || verb?.pos !== 'VERB') return undefined;
  // A verb of the act's course is the walk's own ("to resume talks"); another is the infinitive.
  return urgedTo(view, COURSE_VERBS.has(verb.lemma) ? k + 1 : k);
}

/**
 * CAMEO roots of acts done by speaking (appeal, demand, disapprove, reject, threaten): such a
 * verb after a clause of saying is more often the speaker's than the reported subject's.
 */
const SPEECH_ACT_ROOTS = new Set(['02', '10', '11', '12', '13']);

/**
 * "X denied that Y had fired on the camps and accused Z of ...", "X said Y would press the EU,
 * and accused Z": a verb of speaking
 * (SPEECH_ACT_ROOTS) after "and" or "but" that follows a clause of saying's complement shares
 * the subject of the verb of saying, not of the complement; the saying's markers ("denied") are
 * not its own (`from`). A deed stays the complement's ("said that Y had shelled the town and
 * attacked Z": Y attacked).
 */
function acrossComplement(
  view: SentenceView,
  cueFirst: number,
  antecedents: Antecedents,
): { subject: Side; from: number } | undefined {
  const { tokens, sentence } = view;
  let k = cueFirst - 1;
  while (k >= sentence.first && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
  const group = antecedents.groups[0];
  if (k < sentence.first || !VERB_COORDINATORS.has(tokens[k]!.lower) || !group) return undefined;
  const end = group[group.length - 1]!.last;
  if (end > k || group[0]!.first < sentence.first) return undefined;
  // The verb of saying right after the subject, then "that" and a clause with its own verb.
  let j = end;
  while (j < k && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'AUX' || tokens[j]!.text === ','))
    j++;
  const saying = tokens[j];
  if (!saying || saying.pos !== 'VERB' || !COMPLEMENT_VERBS.has(saying.lemma)) return undefined;
  // "said that Y ..." or "said Y would ..." (a name right after the verb of saying).
  const clause = tokens[j + 1]?.lower === 'that' ? j + 2 : mentionOn(view, j + 1) ? j + 1 : -1;
  if (clause < 0) return undefined;
  let verbs = 0;
  for (let i = clause; i < k; i++) if (tokens[i]!.pos === 'VERB') verbs++;
  if (verbs === 0) return undefined;
  return { subject: { group, how: 'subject', distance: cueFirst - end }, from: k };
}

/**
 * A call "for" something ("called for", "appealed for"): made to no one it names. Not "asked
 * for" or "pressed for", whose addressee the annotators read from what is asked.
 */
export function callsFor(view: SentenceView, hit: CueHit): boolean {
  const verb = view.tokens[hit.first]!.lemma;
  return (
    hit.cue.code === '02' &&
    hit.cue.pos === 'verb' &&
    (verb === 'call' || verb === 'appeal') &&
    (hit.cue.words.at(-1) === 'for' ||
      (hit.last < view.sentence.last && view.tokens[hit.last]!.lower === 'for'))
  );
}

/** Whether "call for" is made to its object: the sides asked for calm, or "for X to ...". */
function calledFor(view: SentenceView, hit: CueHit, object: Side): boolean {
  const first = object.group[0]!;
  if (first.mention.via === 'addressee') return true;
  const end = lastOf(object.group);
  return (
    first.first === hit.last &&
    !first.mention.possessive &&
    end < view.sentence.last &&
    view.tokens[end]!.lower === 'to'
  );
}

/**
 * "X said (that) Y must withdraw": what one says another must do is a demand of them, by the
 * one who says it. `at` is the token "must", with the names of Y right before it and a verb
 * of saying before them. Not "must not" (a demand too, but the negation would read as the
 * demand's).
 */
export function saidMust(
  view: SentenceView,
  at: number,
  antecedents: Antecedents,
): Parties | undefined {
  const { tokens, sentence } = view;
  const next = at + 1 < sentence.last ? tokens[at + 1] : undefined;
  if (next && (next.lower === 'not' || next.lower === "n't" || next.lower === 'never'))
    return undefined;
  const named = nameEndingAt(view, at - 1);
  if (!usable(named) || named.mention.possessive) return undefined;
  const group = groupLeftOf(view, named);
  let j = group[0]!.first - 1;
  if (j >= sentence.first && tokens[j]!.pos === 'DET') j--;
  // '"Khartoum must pull back," Dawit said': the speaker named after the quotation.
  // Or a sentence of a quotation that goes on from the one before ('Khartoum must ...," he said').
  const quoted =
    j < sentence.first || QUOTE_MARKS.has(tokens[j]!.text)
      ? speakerAfterQuote(view, at)
      : undefined;
  // 'X said: "Y must pay."': past the quotation mark and the colon.
  if (j > sentence.first && QUOTE_MARKS.has(tokens[j]!.text) && tokens[j - 1]!.text === ':') j -= 2;
  if (j >= sentence.first && tokens[j]!.lower === 'that') j--;
  const verb = j >= sentence.first ? tokens[j]! : undefined;
  const reporting = verb?.pos === 'VERB' && COMPLEMENT_VERBS.has(verb.lemma);
  const source = quoted ?? (reporting ? findSubject(view, j, antecedents) : undefined);
  if (!source) return undefined;
  return {
    passive: false,
    source,
    target: { group, how: 'subject', distance: at - lastOf(group) },
  };
}

/**
 * The one named as speaking right after the quotation that token `from` is in, in the same
 * sentence: '...," X said', '...," said X'.
 */
function speakerAfterQuote(view: SentenceView, from: number): Side | undefined {
  const { tokens, sentence } = view;
  let close = from + 1;
  while (close < sentence.last && !QUOTE_MARKS.has(tokens[close]!.text)) close++;
  if (close >= sentence.last || tokens[close - 1]?.text !== ',') return undefined;
  let k = close + 1;
  const speaking = (t: Token | undefined) => t?.pos === 'VERB' && SPEECH_VERBS.includes(t.lemma);
  if (speaking(tokens[k])) k++;
  const m = nameAfterModifiers(view, k);
  if (!usable(m)) return undefined;
  const group = groupRightOf(view, m);
  // "said X" or "X said" (a title between: "X, the foreign minister, said").
  if (
    !speaking(tokens[close + 1]) &&
    !tokens.slice(lastOf(group), lastOf(group) + 8).some(speaking)
  )
    return undefined;
  return { group, how: 'speaker', distance: k - from };
}

/** CAMEO roots of talks and cooperation a speaker may announce as their own side's. */
const ANNOUNCED_ROOTS = new Set(['04', '05', '06']);

/** Verbs that announce what their subject's side will do ("signalled that talks ..."). */
const ANNOUNCING = new Set([...REPORTING_VERBS, 'signal', 'indicate']);

/**
 * The subject of a verb of saying whose complement a noun phrase opens ("X said (that) the
 * talks with Y would continue", "signalled that talks with Y could start"): only determiners
 * and adjectives between the verb (or its "that") and the noun at `cueFirst`.
 */
function speakerOfComplement(
  view: SentenceView,
  cueFirst: number,
  antecedents: Antecedents,
): Side | undefined {
  const { tokens, sentence } = view;
  let k = cueFirst - 1;
  while (k >= sentence.first && (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADJ')) k--;
  if (k >= sentence.first && tokens[k]!.lower === 'that') k--;
  const verb = k >= sentence.first ? tokens[k]! : undefined;
  if (!verb || verb.pos !== 'VERB' || !ANNOUNCING.has(verb.lemma)) return undefined;
  // "X said ..., but signalled that talks ...": the subject of the first verb.
  return findSubject(view, k, antecedents) ?? sharedSubject(view, k - 1, cueFirst, antecedents);
}

/**
 * "X told reporters ... and demanded that Y ...": the sentence's first subject, for a verb
 * after "and" or "but" (at or before token `from`, past adverbs and auxiliaries) whose clause
 * names no subject of its own. `cueFirst`: the cue, for the distance.
 */
function sharedSubject(
  view: SentenceView,
  from: number,
  cueFirst: number,
  antecedents: Antecedents,
): Side | undefined {
  const { tokens, sentence } = view;
  let k = from;
  while (k >= sentence.first && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
  const group = antecedents.groups[0];
  if (k < sentence.first || !VERB_COORDINATORS.has(tokens[k]!.lower) || !group) return undefined;
  const last = group[group.length - 1]!;
  return last.last <= k && last.first >= sentence.first
    ? { group, how: 'subject', distance: cueFirst - last.last }
    : undefined;
}

/** Verbs whose "that" clause is what is said, denied or believed. */
const COMPLEMENT_VERBS = new Set([...REPORTING_VERBS, 'deny', 'insist', 'warn', 'admit', 'argue']);

/** How far before "that" the verb whose clause it opens may stand ("told reporters in Moscow"). */
const COMPLEMENT_REACH = 6;

/**
 * Whether the "that" at token k opens what a verb of saying before it says ("told reporters in
 * Moscow that ...", "said on Monday that ..."): the nearest verb before it, a few words back,
 * is one of COMPLEMENT_VERBS.
 */
function saidBefore(view: SentenceView, k: number): boolean {
  const { tokens, sentence } = view;
  for (let j = k - 1; j >= sentence.first && j >= k - COMPLEMENT_REACH; j--) {
    const t = tokens[j]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return COMPLEMENT_VERBS.has(t.lemma);
    if (isClauseBreak(t)) return false;
  }
  return false;
}

function findSubject(
  view: SentenceView,
  cueFirst: number,
  antecedents: Antecedents,
): Side | undefined {
  const { tokens, sentence } = view;
  // "the Sudmark-backed Red Front": the name joined to the participle by a hyphen.
  const compound = compoundOwner(view, cueFirst);
  if (compound) return { group: [compound], how: 'subject', distance: 1 };
  // "a General Assembly resolution condemning Russia": the author of the noun the participle
  // hangs on.
  const author = cueFirst - 2 >= sentence.first ? mentionOn(view, cueFirst - 2) : undefined;
  if (
    isIngForm(tokens[cueFirst]!) &&
    tokens[cueFirst - 1]?.pos === 'NOUN' &&
    !mentionOn(view, cueFirst - 1) &&
    usable(author) &&
    author.last === cueFirst - 1 &&
    !author.mention.possessive
  )
    return { group: [author], how: 'subject', distance: 2 };
  // "urged Sudmark to talk with Ostria": the one urged is the infinitive's subject.
  const urged = urgedTo(view, cueFirst);
  if (urged)
    return urged.group
      ? { group: urged.group, how: 'subject', distance: cueFirst - urged.at }
      : undefined;
  // "Kerry said Tuesday after meeting with Lavrov": a participle clause's subject is that of
  // the clause it hangs on, across the subordinator and a verb of saying.
  let participle = false;
  for (let k = cueFirst - 1; k >= sentence.first && cueFirst - k <= MAX_REACH; k--) {
    const m = mentionOn(view, k);
    // ", Sudmark's closest ally, blamed X and called on ...": the owner in an apposition; and
    // "urged restraint and offered ...": the sides asked are an object.
    if (
      m?.mention.via === 'addressee' ||
      (m?.mention.possessive && tokens[m.first - 1]?.text === ',' && closedByComma(view, m))
    ) {
      k = m.first;
      continue;
    }
    if (m) {
      const group = usable(m) ? groupLeftOf(view, m) : [];
      const head = group[0];
      if (!head || isGoverned(view, head, m.last)) {
        k = (head ?? m).first;
        continue;
      }
      return { group, how: 'subject', distance: cueFirst - m.last };
    }
    const t = tokens[k]!;
    if (t.text === ',') {
      const antecedent = beforeRelativeClause(view, k, cueFirst);
      if (antecedent)
        return { group: groupLeftOf(view, antecedent), how: 'subject', distance: cueFirst - k };
      // "The three governments, which left the North Pact Council, accused X": the names of a
      // relative clause are not the subject of the verb after it; what stands before it may be.
      const opening = relativeClauseOpening(view, k, cueFirst);
      if (opening !== undefined) {
        k = opening;
        continue;
      }
      // "X said in a statement, urging Y to ...": a participle clause after a comma.
      if (k === cueFirst - 1 && tokens[cueFirst]!.pos === 'VERB' && isIngForm(tokens[cueFirst]!))
        participle = true;
    }
    if (SUBJECT_PRONOUNS.has(t.lower) && (t.pos === 'PRON' || t.pos === 'DET')) {
      const group = speakerOf(view, k) ?? referent(t.lower, antecedents);
      return group ? { group, how: 'pronoun', distance: cueFirst - k - 1 } : undefined;
    }
    // 'expressed "full solidarity"', 'remained "ready to help"': the quote opens the cue's own
    // words; not scare quotes after a determiner ('ridiculed the "partnership"'), which keep
    // their distance.
    if (
      QUOTE_MARKS.has(t.text) &&
      k > sentence.first &&
      !SCARE.has(tokens[k - 1]!.lower) &&
      tokens[k - 1]!.pos !== 'DET' &&
      tokens.slice(k + 1, cueFirst).every((x) => isModifier(x) || x.pos === 'NOUN')
    )
      continue;
    // "has since accused": an adverb between the auxiliary and the verb.
    if (t.lower === 'since' && k === cueFirst - 1 && tokens[k - 1]?.pos === 'AUX') continue;
    // "after a drone strike hit", "as X and Y trade blame": a clause with its own subject;
    // else a preposition ("after a day of talks", "before the vote").
    // ("after meeting with X" is a participle clause, read below).
    if (SUBORDINATORS.has(t.lower) && t.pos === 'ADP') {
      if (opensClause(view, k, cueFirst)) return undefined;
      if (k !== cueFirst - 1 || !isIngForm(tokens[cueFirst]!)) continue;
    }
    if (isClauseBreak(t)) {
      if (k === cueFirst - 1 && PARTICIPLE_OPENERS.has(t.lower) && isIngForm(tokens[cueFirst]!)) {
        participle = true;
        continue;
      }
      // "said in a statement, urging": not "said his officers, working alongside X".
      const next = tokens[k + 1]!;
      if (
        participle &&
        REPORTING_VERBS.has(t.lemma) &&
        (next.pos === 'ADP' || next.pos === 'ADV' || next.text === ',')
      )
        continue;
      if (!RELATIVE_PRONOUNS.has(t.lower)) return undefined;
      // "told reporters in Moscow that Western pressure ...": what is told, not Moscow's.
      if (t.lower === 'that' && saidBefore(view, k)) return undefined;
      let j = k - 1;
      while (j >= sentence.first && tokens[j]!.text === ',') j--;
      const antecedent = nameEndingAt(view, j);
      return usable(antecedent)
        ? { group: groupLeftOf(view, antecedent), how: 'relative', distance: cueFirst - k }
        : undefined;
    }
  }
  return undefined;
}

/**
 * Whether the noun phrase a possessive opens ends at a comma, with no verb ("Sudmark's closest
 * ally,", "Iran's closest partner in the region,").
 */
function closedByComma(view: SentenceView, owner: PlacedMention): boolean {
  const { tokens, sentence } = view;
  for (let k = owner.last + 1; k < sentence.last && k - owner.last <= 8; k++) {
    const t = tokens[k]!;
    if (t.text === ',') return true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || isClauseBreak(t) || mentionOn(view, k)) return false;
  }
  return false;
}

/**
 * The name joined by a hyphen to the participle at `at` ("Sudmark-backed", "Moscow-based"),
 * with no space between: it qualifies the noun after it and is the participle's subject.
 */
function compoundOwner(view: SentenceView, at: number): PlacedMention | undefined {
  const { tokens, sentence } = view;
  const hyphen = tokens[at - 1];
  const participle = tokens[at];
  if (at - 2 < sentence.first || hyphen?.text !== '-' || !participle) return undefined;
  if (mentionOn(view, at) || !/ed$/.test(participle.lower)) return undefined;
  if (tokens[at - 2]!.end !== hyphen.start || hyphen.end !== tokens[at]!.start) return undefined;
  const m = nameEndingAt(view, at - 2);
  return usable(m) && m.last === at - 1 ? m : undefined;
}

/** Verbs whose passive names the one who acts after "to" ("was summoned to the ministry of X"). */
const SUMMONING = new Set(['summon']);

/**
 * Whether a preposition names the one who acts: "by"; "from" after a noun or a passive verb
 * ("objections from X", "shelled from the Tajik side"); "to" after a passive "summon" ("was
 * summoned to the Sudmark foreign ministry": the ministry's state summoned).
 */
function namesAgent(preposition: string, cue: CueHit['cue'], passive: boolean): boolean {
  return (
    preposition === 'by' ||
    (preposition === 'from' && (cue.pos === 'noun' || passive)) ||
    (preposition === 'to' && passive && SUMMONING.has(cue.words[0]!))
  );
}

/** Words the model tags as prepositions that may open a clause ("after the talks collapsed"). */
const SUBORDINATORS = new Set(['after', 'before', 'as']);

/**
 * Whether the word at token `at` opens a clause with a subject of its own, as seen from the cue
 * at `cueFirst` before which it stands: a noun phrase after it, then a verb ("after a drone
 * strike hit", "as X and Y trade blame", "as fighting between X and Y escalated"). Not when the
 * verb is the cue's own and the sentence has no verb before the word ("Norland before the vote
 * warned", "Norland as host will meet"), nor when a comma closes the clause before the cue
 * ("Norland, after the talks collapsed, imposed").
 */
function opensClause(view: SentenceView, at: number, cueFirst: number): boolean {
  const { tokens, sentence } = view;
  let j = at + 1;
  // "as fighting between X and Y escalated": a gerund heads the phrase.
  if (j === cueFirst && isIngForm(tokens[j]!)) j++;
  while (j < sentence.last && NOUN_PHRASE.has(tokens[j]!.pos)) j++;
  if (j === at + 1 || j >= sentence.last) return false;
  if (tokens[j]!.pos !== 'VERB' && tokens[j]!.pos !== 'AUX') return false;
  // The cue inside the clause's subject ("after a drone strike hit").
  if (j > cueFirst) return true;
  let v = j;
  while (v < cueFirst && ['AUX', 'ADV', 'PART'].includes(tokens[v]!.pos)) v++;
  if (v === cueFirst)
    return tokens.slice(sentence.first, at).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return !tokens.slice(j, cueFirst).some((t) => t.text === ',');
}

const NOUN_PHRASE: ReadonlySet<string> = new Set([...NOUN_PHRASE_POS, 'CCONJ', 'ADP']);

/** Nouns of the titles a person holds for a state or body ("deputy prime minister"). */
const TITLE_NOUNS = new Set([
  ...OFFICE_NOUNS,
  'deputy',
  'director',
  'governor',
  'mayor',
  'chairman',
  'chairwoman',
  'chair',
  'counterpart',
]);

/** Nouns for a state or group that the name after "of" says ("the government of X"). */
const STAND_IN_NOUNS = new Set([
  'government',
  'authority',
  'region',
  'province',
  'republic',
  'kingdom',
  'state',
  'territory',
  'leadership',
  'ministry',
  'people',
]);

/** Words before scare quotes ('the "partnership"', 'so-called "talks"'). */
const SCARE = new Set(['so-called', 'called', 'supposed', 'alleged']);

/** Words that open a relative clause or an apposition between a subject and its verb. */
const APPOSITION_OPENERS = new Set([...RELATIVE_PRONOUNS, 'a', 'an', 'the', 'once', 'formerly']);

/** Nouns for the act a clause tells, that a relative clause goes on about ("a move that"). */
const MOVE_NOUNS = new Set([...GENERIC_ACTS, 'decision', 'act', 'measure']);

/**
 * The name a possessed noun phrase is said of: in apposition ("China, North Korea's main
 * ally, ...") or after a copula ("Norland is Sudmark's partner", "remains").
 */
function holderOf(view: SentenceView, phraseStart: number, hit: CueHit): Side | undefined {
  const { tokens, sentence } = view;
  let k = phraseStart - 1;
  const skip = () => {
    while (
      k >= sentence.first &&
      (tokens[k]!.pos === 'DET' || tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'ADJ')
    )
      k--;
  };
  skip();
  // "one of Somalia's closest partners"
  const oneOf =
    k - 1 >= sentence.first && tokens[k]!.lower === 'of' && tokens[k - 1]!.lower === 'one';
  if (oneOf) {
    k -= 2;
    skip();
  }
  if (k < sentence.first) return undefined;
  const t = tokens[k]!;
  const copula = (t.pos === 'AUX' || t.pos === 'VERB') && COPULAS.has(t.lemma);
  if (t.text !== ',' && !copula) return undefined;
  // "X has become", "X has long been": past the auxiliaries and adverbs.
  if (copula)
    while (
      k - 1 >= sentence.first &&
      (['AUX', 'ADV', 'PART'].includes(tokens[k - 1]!.pos) || tokens[k - 1]!.lower === 'long')
    )
      k--;
  const holder = nameEndingAt(view, k - 1);
  if (!usable(holder)) return undefined;
  const group = groupLeftOf(view, holder);
  // "Norland, Sudmark's allies and Ostria": a list, not one name said to be several allies.
  const noun = tokens[hit.last - 1]!;
  if (!oneOf && group.length === 1 && noun.lower !== noun.lemma && noun.lower.endsWith('s'))
    return undefined;
  return { group, how: 'subject', distance: 0 };
}

/** Verbs that say what a name is ("X is Y's ally", "has become", "remains"). */
const COPULAS = new Set(['be', 'remain', 'become']);

/** Verbs of answering what someone else said or did: "rejected a demand", "drew criticism". */
const ANSWERING_VERBS = new Set([
  'reject',
  'dismiss',
  'refuse',
  'rebuff',
  'ignore',
  'defy',
  'resist',
  'face',
  'draw',
  'receive',
  'answer',
  'heed',
  'brush',
  'shrug',
  'counter',
]);
/** Verbs of accusing, and the preposition that introduces what the accused did. */
const ACCUSING: ReadonlyMap<string, string> = new Map([
  ['accuse', 'of'],
  ['suspect', 'of'],
  ['blame', 'for'],
]);
/** CAMEO roots of acts of force (coerce, assault, fight, mass violence). */
const FORCE_ROOTS = new Set(['17', '18', '19', '20']);

/**
 * Whether an act of force the accused is said to have done was done to the accuser: named by
 * a noun ("of an attack"), or by a verb of fighting or coercion (roots 19, 17: "of shelling
 * villages", "of harassing a ship") with no name after it in its clause ("villages in
 * Ostria"); not "of killing protesters" (root 18: whose?).
 */
function againstAccuser(view: SentenceView, hit: CueHit): boolean {
  if (!FORCE_ROOTS.has(hit.cue.code)) return false;
  if (hit.cue.pos === 'noun') return true;
  if (hit.cue.code !== '19' && hit.cue.code !== '17') return false;
  for (let k = hit.last; k < view.sentence.last && !isClauseBreak(view.tokens[k]!); k++)
    if (mentionOn(view, k)) return false;
  return true;
}

/**
 * "X blamed the attack on Y": an act of force, named by a noun right after "blame", that the
 * blamer puts on Y; Y (the accused) and X (the accuser, whose side it was done to).
 */
function blamedOn(
  view: SentenceView,
  hit: CueHit,
  antecedents: Antecedents,
): { accused: Side; accuser: Side } | undefined {
  const { tokens, sentence } = view;
  if (hit.cue.pos !== 'noun' || !FORCE_ROOTS.has(hit.cue.code)) return undefined;
  let k = hit.first - 1;
  // "blamed a drone strike on Y": up to two nouns before the act's.
  let nouns = 0;
  while (
    k >= sentence.first &&
    !mentionOn(view, k) &&
    (isModifier(tokens[k]!) || (tokens[k]!.pos === 'NOUN' && ++nouns <= 2))
  )
    k--;
  // "blamed most of the raids on Y": a share of them.
  if (k > sentence.first && tokens[k]!.lower === 'of' && isModifier(tokens[k - 1]!)) k -= 2;
  const verb = k >= sentence.first ? tokens[k]! : undefined;
  if (verb?.pos !== 'VERB' || verb.lemma !== 'blame') return undefined;
  if (hit.last >= sentence.last || tokens[hit.last]!.lower !== 'on') return undefined;
  // "blamed the attack on Sudmark on the Red Front": the last "on" names the one blamed, the
  // first the one attacked.
  const named: PlacedMention[] = [];
  for (let i = hit.last; i < sentence.last && !isClauseBreak(tokens[i]!); i++) {
    if (tokens[i]!.lower !== 'on') continue;
    const m = nameAfterModifiers(view, i + 1);
    if (usable(m)) named.push(m);
  }
  const blamed = named.at(-1);
  const attacked = named.length > 1 ? named[0] : undefined;
  const accuser = attacked
    ? {
        group: groupRightOf(view, attacked),
        how: 'preposition' as const,
        distance: attacked.first - hit.last,
        preposition: 'on',
      }
    : findSubject(view, k, antecedents);
  if (!blamed || !accuser) return undefined;
  return {
    accused: {
      group: groupRightOf(view, blamed),
      how: 'preposition',
      distance: blamed.first - hit.last,
      preposition: 'on',
    },
    accuser,
  };
}

/**
 * "X accused Y of <cue>": Y (the accused) and X (the accuser), when the cue follows "of" (or
 * "for" after "blame"), reported; "X criticised Y for <-ing verb>": Y, as a fact.
 */
function accusedOf(
  view: SentenceView,
  hit: CueHit,
  antecedents: Antecedents,
): { accused: Side; accuser?: Side; reported: boolean; eachOther?: true } | undefined {
  const { tokens, sentence } = view;
  const k = pastModifiers(view, hit.first - 1, -1);
  if (k <= sentence.first) return undefined;
  // "accused X of arming and sheltering Y", "of backing Y and attacking Z": the second
  // gerund is the first's.
  if ((tokens[k]!.lower === 'and' || tokens[k]!.lower === 'or') && isIngForm(tokens[hit.first]!)) {
    for (let j = k - 1; j > sentence.first && k - j <= 6; j--) {
      const t = tokens[j]!;
      if (isClauseBreak(t) || t.text === ',') break;
      if (isIngForm(t) && (tokens[j - 1]!.lower === 'of' || tokens[j - 1]!.lower === 'for'))
        return accusedOf(view, { ...hit, first: j, last: j + 1 }, antecedents);
    }
  }
  // "accused X of sending armed men across the river to attack a patrol": the purpose of the
  // gerund's act is the accused's too.
  if (tokens[k]!.lower === 'to' && tokens[k]!.pos === 'PART') {
    for (let j = k - 1; j > sentence.first && k - j <= 10; j--) {
      const t = tokens[j]!;
      if (isClauseBreak(t) || t.text === ',' || t.pos === 'VERB') {
        if (isIngForm(t) && (tokens[j - 1]!.lower === 'of' || tokens[j - 1]!.lower === 'for'))
          return accusedOf(view, { ...hit, first: j, last: j + 1 }, antecedents);
        break;
      }
    }
  }
  const preposition = tokens[k]!.lower;
  if (preposition !== 'of' && preposition !== 'for') return undefined;
  // "X and Y accused each other of arming Z": each one accused, by the other.
  if (k - 3 >= sentence.first && isEachOtherAt(tokens, k - 2)) {
    if (ACCUSING.get(tokens[k - 3]!.lemma) !== preposition) return undefined;
    const accusers = findSubject(view, k - 3, antecedents);
    return accusers && accusers.group.length > 1
      ? { accused: accusers, reported: true, eachOther: true }
      : undefined;
  }
  // "X was accused (by Y) of arming Z", "X is suspected of arming Z": the passive's subject.
  let p = k - 1;
  const agent = nameEndingAt(view, p);
  const agents = usable(agent) ? groupLeftOf(view, agent) : undefined;
  if (agents && tokens[agents[0]!.first - 1]?.lower === 'by') p = agents[0]!.first - 2;
  if (
    p > sentence.first &&
    ACCUSING.get(tokens[p]!.lemma) === preposition &&
    isPassiveAt(tokens, p, sentence.first)
  ) {
    const accusedSide = findSubject(view, p, antecedents);
    const by =
      p < k - 1 && agents ? { group: agents, how: 'agent' as const, distance: 1 } : undefined;
    return accusedSide
      ? { accused: accusedSide, ...(by ? { accuser: by } : {}), reported: true }
      : undefined;
  }
  // "Sudmark, which Norland accuses of arming the Red Front": the relative clause's antecedent,
  // the object its verb leaves out.
  if (ACCUSING.get(tokens[k - 1]!.lemma) === preposition && tokens[k - 1]!.pos === 'VERB') {
    const accuser = findSubject(view, k - 1, antecedents);
    const accusedSide = accuser ? objectOfRelative(view, accuser, antecedents) : undefined;
    return accusedSide ? { accused: accusedSide, accuser: accuser!, reported: true } : undefined;
  }
  // "accused X, Y and others of": past the words that close the list.
  let j = k - 1;
  while (j > k - 5 && j > sentence.first && !mentionOn(view, j) && !closesList(view, j)) j--;
  const accused = nameEndingAt(
    view,
    closesList(view, j) ? j - 1 : circumstanceAfter(view, j, k) ? j : k - 1,
  );
  if (!usable(accused)) return undefined;
  const group = groupLeftOf(view, accused);
  let v = group[0]!.first - 1;
  while (v >= sentence.first && isModifier(tokens[v]!)) v--;
  if (v < sentence.first) return undefined;
  const side: Side = { group, how: 'object', distance: hit.first - lastOf(group) };
  // "criticised X for funding Y", "praised X for hosting Y": the deed of the one judged, as a
  // fact; only a verb (an -ing form) after the preposition.
  if (ACCUSING.get(tokens[v]!.lemma) !== preposition)
    return tokens[v]!.pos === 'VERB' && hit.cue.pos === 'verb' && isIngForm(tokens[hit.first]!)
      ? { accused: side, reported: false }
      : undefined;
  const accuser = findSubject(view, v, antecedents);
  return { accused: side, ...(accuser ? { accuser } : {}), reported: true };
}

/**
 * Whether the words after token j up to token k are a phrase of time or place that starts with
 * a preposition or an adverb ("accused X on Friday of", "accused X again of"), no verb in it.
 */
function circumstanceAfter(view: SentenceView, j: number, k: number): boolean {
  const { tokens } = view;
  if (j + 1 >= k || !mentionOn(view, j)) return false;
  const first = tokens[j + 1]!.pos;
  if (first !== 'ADP' && first !== 'ADV') return false;
  for (let i = j + 1; i < k; i++)
    if (!['ADP', 'ADV', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[i]!.pos))
      return false;
  return true;
}

/** CAMEO roots of words said against someone (demand, disapprove, reject, threaten, protest). */
const SPOKEN_OPPOSITION = new Set(['10', '11', '12', '13', '14']);
/** Prepositions of a clause's circumstances: "despite objections from X", "amid criticism by X". */
const CIRCUMSTANCE_PREPOSITIONS = new Set(['despite', 'amid', 'amidst']);

/**
 * The one a noun cue is addressed to when its author is named and no addressee is: the
 * subject of a verb of answering that governs it ("Norway rejected a European Union demand"),
 * or the sentence's subject when it stands after "despite" or "amid".
 */
function answerer(
  view: SentenceView,
  hit: CueHit,
  author: Side,
  antecedents: Antecedents,
): { target: Side; phraseStart?: number } | undefined {
  const { tokens, sentence } = view;
  let k = Math.min(hit.first, author.group[0]!.first) - 1;
  while (k >= sentence.first && (isModifier(tokens[k]!) || tokens[k]!.lower === "'s")) k--;
  if (k < sentence.first) return undefined;
  const t = tokens[k]!;
  let target: Side | undefined;
  let phraseStart: number | undefined;
  if (t.pos === 'VERB' && ANSWERING_VERBS.has(t.lemma)) {
    target = findSubject(view, k, antecedents);
    // "X seized a tanker, in a move that drew condemnation from Y": the move is X's, the
    // subject of the clause before the comma ("Z said X seized ...": X, not Z).
    const noun = tokens[k - 2];
    if (
      !target &&
      noun &&
      k - 2 > sentence.first &&
      RELATIVE_PRONOUNS.has(tokens[k - 1]!.lower) &&
      MOVE_NOUNS.has(noun.lemma)
    ) {
      let j = k - 3;
      while (j > sentence.first && (tokens[j]!.pos === 'DET' || tokens[j]!.pos === 'ADP')) j--;
      // The clause's own verb: not a participle or an infinitive hanging on it ("ordered X
      // to leave, accusing her of prejudging ..., in a move that").
      const finite = (i: number) =>
        tokens[i]!.pos === 'VERB' && !isIngForm(tokens[i]!) && tokens[i - 1]?.lower !== 'to';
      if (tokens[j]!.text === ',') {
        while (j > sentence.first && !finite(j)) j--;
        if (finite(j)) target = findSubject(view, j, antecedents);
      }
    }
  } else if (CIRCUMSTANCE_PREPOSITIONS.has(t.lower) && SPOKEN_OPPOSITION.has(hit.cue.code)) {
    const group = antecedents.groups[0];
    if (group && group[0]!.first >= sentence.first && lastOf(group) <= k) {
      target = { group, how: 'subject', distance: hit.first - lastOf(group) };
      phraseStart = k;
    }
  }
  const authors = new Set(author.group.map((g) => g.actor));
  if (!target || target.group.some((g) => authors.has(g.actor))) return undefined;
  return phraseStart === undefined ? { target } : { target, phraseStart };
}

/**
 * "China, which hosted the talks that led to the deal, has offered ...": the comma at `comma`
 * closes a relative clause or an apposition right before the verb; its antecedent is the
 * verb's subject, and so is a name the apposition holds alone ("Norland's closest ally,
 * Ostria, said").
 */
function beforeRelativeClause(
  view: SentenceView,
  comma: number,
  cueFirst: number,
): PlacedMention | undefined {
  const { tokens } = view;
  const j = openingMark(view, comma, cueFirst);
  if (j === undefined) return undefined;
  // "Norland's closest ally, Ostria, said": the name in apposition is who acts.
  const apposed = nameEndingAt(view, comma - 1);
  if (usable(apposed) && apposed.first === j + 1 && !apposed.mention.possessive) return apposed;
  // ", which ...," ", who ...," or an apposition: ", a former ally of Sudmark,", ",
  // Norland's fiercest critic,".
  const next = tokens[j + 1]!.lower;
  const possessive = mentionOn(view, j + 1)?.mention.possessive === true;
  if (!APPOSITION_OPENERS.has(next) && !possessive) return undefined;
  const antecedent = nameEndingAt(view, j - 1);
  return usable(antecedent) ? antecedent : undefined;
}

/**
 * The comma that opens the relative clause (", which ...", ", who ...", ", whose ...") the comma
 * at `comma` closes, with nothing but auxiliaries and adverbs between it and the cue.
 */
function relativeClauseOpening(
  view: SentenceView,
  comma: number,
  cueFirst: number,
): number | undefined {
  const { tokens } = view;
  const j = openingMark(view, comma, cueFirst);
  return j !== undefined && tokens[j]!.text === ',' && RELATIVE_PRONOUNS.has(tokens[j + 1]!.lower)
    ? j
    : undefined;
}

/**
 * The comma or semicolon that opens the stretch the comma at `comma` closes, when nothing but
 * auxiliaries and adverbs stand between that comma and the cue ("X, which ..., has offered").
 */
function openingMark(view: SentenceView, comma: number, cueFirst: number): number | undefined {
  const { tokens, sentence } = view;
  for (let k = comma + 1; k < cueFirst; k++) {
    const p = tokens[k]!.pos;
    if (p !== 'AUX' && p !== 'ADV' && p !== 'PART') return undefined;
  }
  for (let j = comma - 1; j > sentence.first && comma - j <= MAX_REACH; j--) {
    const t = tokens[j]!.text;
    if (t === ',' || t === ';') return j;
  }
  return undefined;
}

/**
 * What "they" stands for: a group of names said before it in the sentence ("The US and Russia
 * brokered a truce, but they have not coordinated"). "He", "she" and "it" are left alone: the
 * registry does not say who is a he or a she, and a wrong guess would put words in a mouth.
 */
function referent(pronoun: string, antecedents: Antecedents): PlacedMention[] | undefined {
  if (pronoun !== 'they') return undefined;
  return antecedents.groups.find((group) => group.length > 1);
}

/**
 * "The United States said it would ...", "Kerry added that he ...": a pronoun right after a
 * verb of saying stands for the one who says it, named just before that verb.
 */
function speakerOf(view: SentenceView, pronoun: number): PlacedMention[] | undefined {
  const { tokens, sentence } = view;
  let k = pronoun - 1;
  if (k >= sentence.first && tokens[k]!.lower === 'that') k--;
  if (k < sentence.first || !REPORTING_VERBS.has(tokens[k]!.lemma)) return undefined;
  const verb = k;
  k--;
  while (k >= sentence.first && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
  // "Ostria, Sudmark's closest ally, said it ...": the name before the apposition.
  const speaker =
    k > sentence.first && tokens[k]!.text === ','
      ? beforeRelativeClause(view, k, verb)
      : nameEndingAt(view, k);
  return usable(speaker) && speaker.actor ? groupLeftOf(view, speaker) : undefined;
}

/**
 * What joins two names, if anything: "and" (or "or", "as well as", "&", a hyphen, a slash),
 * or a comma alone, which joins only inside a list that "and" closes ("X, Y and Z").
 */
function joinBetween(
  view: SentenceView,
  from: number,
  to: number,
  /** After a possessive: "Ostria's President Anton Keller and ...", the possessor's person. */
  possessor = false,
): 'and' | 'comma' | undefined {
  // "Wagner and her counterpart Nduhungirehe", "and his deputy foreign minister Y": the name
  // after a possessive's title is the next member.
  const { tokens } = view;
  if (
    tokens[from]?.lower === 'and' &&
    POSSESSIVES.has(tokens[from + 1]?.lower ?? '') &&
    to - from <= 7 &&
    titleUpTo(view, from + 2, to)
  )
    return 'and';
  if (to - from > (possessor ? 8 : 4) || to <= from) return undefined;
  let join: 'and' | 'comma' | undefined;
  /** The possessor's person: a title and a name the registry does not know. */
  let skipped = 0;
  let named = false;
  for (let k = from; k < to; k++) {
    const t = view.tokens[k]!;
    if (mentionOn(view, k)) return undefined;
    if (possessor && join === undefined && ['PROPN', 'NOUN', 'PART'].includes(t.pos)) {
      skipped++;
      named ||= t.pos === 'PROPN';
      continue;
    }
    if (t.text === ',') join ??= 'comma';
    else if (COORDINATORS.has(t.lower)) join = 'and';
    else if (join === 'and' && MEMBER_NOUNS.has(t.lemma) && view.tokens[k + 1]?.lower === 'of') {
      // "government troops and fighters of the SPLM-IO": those who act for the next name.
      k++;
    } else if (t.pos !== 'DET') return undefined;
  }
  // "Norland's support and Sudmark": no person of the possessor's.
  if (skipped > 0 && !named) return undefined;
  return join;
}

/** Nouns for the one a possessor stands beside ("Norland and its ally Ostria"). */
const PEER_NOUNS = new Set(['ally', 'partner', 'neighbour', 'neighbor']);

/**
 * Whether the words from `from` to `to` are a title ending in an office's noun ("counterpart",
 * "foreign minister", "Rwandan counterpart" with its qualifier placed before) or a peer's
 * ("ally"): a possessive's title, naming the one after it.
 */
function titleUpTo(view: SentenceView, from: number, to: number): boolean {
  const last = view.tokens[to - 1]?.lemma ?? '';
  const ends =
    TITLE_NOUNS.has(last) ||
    PEER_NOUNS.has(last) ||
    // The mention at `to` begins with the title's noun (a person's mention takes in the title
    // before the name: "her deputy foreign minister Carl Berg" is "deputy foreign" and then
    // "minister Carl Berg"), or is a qualifier the title goes on past ("her Rwandan
    // counterpart Nduhungirehe").
    TITLE_NOUNS.has(view.tokens[to]?.lemma ?? '') ||
    view.mentions.some((m) => m.first === to && m.modifier);
  if (to < from || !ends) return false;
  for (let k = from; k < to; k++) {
    const t = view.tokens[k]!;
    if (mentionOn(view, k) || !['NOUN', 'ADJ', 'PROPN'].includes(t.pos)) return false;
  }
  return true;
}

/**
 * Whether the mention at `slot` ends a list of three names or more joined by commas alone that
 * opens the sentence ("Russia, Iran, Syria 'cooperating ...'").
 */
function opensCommaList(view: SentenceView, slot: number): boolean {
  let names = 1;
  for (let i = slot; i > 0; i--) {
    const m = view.mentions[i - 1]!;
    if (!usable(m) || joinBetween(view, m.last, view.mentions[i]!.first) !== 'comma') return false;
    names++;
    if (m.first === view.sentence.first) return names >= 3;
  }
  return false;
}

/** Whether `qualifier` stands right before `m`, through title words only ("South Korean President"). */
function qualifiesNext(view: SentenceView, qualifier: PlacedMention, m: PlacedMention): boolean {
  for (let k = qualifier.last; k < m.first; k++) if (!isTitleWord(view.tokens[k]!)) return false;
  return true;
}

/** The group a mention ends: "X and Y", "X, Y and Z", "both X and Y", "X as well as Y", "X-Y". */
function groupLeftOf(view: SentenceView, last: PlacedMention): PlacedMention[] {
  const group = membersOf(view, last);
  // "Norland, Ostria and other states": "and" closes the list with words that name no actor.
  const closed = closesList(view, last.last);
  let m = group[0]!;
  for (;;) {
    const slot = view.mentions.indexOf(m);
    let previous = slot > 0 ? view.mentions[slot - 1] : undefined;
    let start = m.first;
    // "Japanese Prime Minister A and South Korean President B": past B's qualifier.
    if (previous?.modifier && qualifiesNext(view, previous, m)) {
      start = previous.first;
      previous = slot > 1 ? view.mentions[slot - 2] : undefined;
    }
    if (!usable(previous)) break;
    const join = joinBetween(view, previous.last, start, previous.mention.possessive);
    // The join nearest the anchor must be a conjunction; commas may list the names before it,
    // or alone make a list of three or more that opens the sentence (a headline's "X, Y, Z").
    if (join === undefined) break;
    if (join === 'comma' && group.length === 1 && !closed && !opensCommaList(view, slot)) break;
    const members = membersOf(view, previous);
    // "Norland attacked Sudmark, and Ostria condemned ...", "met in Sudby, and Norland
    // praised ...", "attacked Sudmark and Velia, and Ostria ...": ", and" after the object of a
    // verb or a preposition begins a clause; not after a list of commas ("of X, Y, and Z").
    if (
      commaAnd(view, previous.last, start) &&
      !afterComma(view, members[0]!) &&
      isObjectAt(view.tokens, listStart(view, members[0]!).first, view.sentence.first)
    )
      break;
    group.unshift(...members);
    m = members[0]!;
  }
  return group.filter((g) => g.actor !== undefined);
}

/** Whether the words from `from` to `to` are a comma and "and" or "but" (", and the"). */
function commaAnd(view: SentenceView, from: number, to: number): boolean {
  const { tokens } = view;
  return (
    tokens[from]?.text === ',' && from + 1 < to && VERB_COORDINATORS.has(tokens[from + 1]!.lower)
  );
}

/** Whether a comma alone joins m to the name before it ("Norland, Sudmark"). */
function afterComma(view: SentenceView, m: PlacedMention): boolean {
  const slot = view.mentions.indexOf(m);
  const previous = slot > 0 ? view.mentions[slot - 1] : undefined;
  return usable(previous) && joinBetween(view, previous.last, m.first) === 'comma';
}

/** The first name of the list that ends with m ("Sudmark" of "Sudmark and Velia"). */
function listStart(view: SentenceView, m: PlacedMention): PlacedMention {
  let first = m;
  for (;;) {
    const slot = view.mentions.indexOf(first);
    const previous = slot > 0 ? view.mentions[slot - 1] : undefined;
    if (
      !usable(previous) ||
      commaAnd(view, previous.last, first.first) ||
      joinBetween(view, previous.last, first.first) === undefined
    )
      return first;
    first = membersOf(view, previous)[0]!;
  }
}

/** The group a mention begins, stopping before a name that starts a clause of its own. */
function groupRightOf(
  view: SentenceView,
  firstMention: PlacedMention,
  /** "between A and B ...": the names after "and" close the pair, whatever follows them. */
  pair = false,
): PlacedMention[] {
  const { tokens } = view;
  const apposed = apposedToQualified(view, firstMention);
  if (apposed) return groupRightOf(view, apposed, pair);
  const group = membersOf(view, firstMention);
  let closed = group.length;
  let m = group[group.length - 1]!;
  for (;;) {
    const slot = view.mentions.indexOf(m);
    let next = view.mentions[slot + 1];
    const join = next ? joinBetween(view, m.last, next.first) : undefined;
    // "Villareal and Japan's ambassador, Hiroshi Tanabe": past the qualifier to its person.
    if (next?.modifier && join === 'and') {
      const person = personQualified(view, next);
      if (person) next = person;
      else break;
    } else if (!usable(next)) break;
    if (join === undefined) break;
    // "... Ukraine and the US condemned it": the US begins a clause.
    const after = tokens[next.last];
    if (after && isVerb(after) && !next.mention.possessive && !pair) break;
    const members = membersOf(view, next);
    group.push(...members);
    if (join === 'and') closed = group.length;
    m = members[members.length - 1]!;
  }
  // Names after the last "and" joined by commas only are not part of the list, unless "and"
  // closes it with words that name no actor ("urged Japan, India and the Gulf states").
  if (closesList(view, m.last)) closed = group.length;
  return group.slice(0, closed).filter((g) => g.actor !== undefined);
}

/**
 * The name in apposition to a noun phrase a name or demonym qualifies ("two American defence
 * contractors, Harcourt Aerospace and Lyle Dynamics,"): the phrase's referents, named. Not
 * a name that begins a clause of its own ("Sudmarkian positions, Ostria said").
 */
function apposedToQualified(view: SentenceView, m: PlacedMention): PlacedMention | undefined {
  const { tokens, sentence } = view;
  if (m.mention.possessive) return undefined;
  let k = m.last;
  while (k < sentence.last && k - m.last < 4 && ['NOUN', 'ADJ'].includes(tokens[k]!.pos)) k++;
  if (k === m.last || tokens[k]?.text !== ',' || k + 1 >= sentence.last) return undefined;
  // ", the Red Front,": past "the".
  const at = tokens[k + 1]!.lower === 'the' ? k + 2 : k + 1;
  const named = at < sentence.last ? mentionOn(view, at) : undefined;
  if (!usable(named) || named.first !== at || named.mention.via !== 'name') return undefined;
  // The apposition ends with the list: at a comma, the sentence's end or a preposition.
  let end = named.last;
  for (;;) {
    const join = tokens[end]?.lower;
    const next = join === 'and' || join === ',' ? mentionOn(view, end + 1) : undefined;
    if (!usable(next) || next.first !== end + 1) break;
    end = next.last;
  }
  const after = tokens[end];
  return end >= sentence.last ||
    after!.text === ',' ||
    after!.pos === 'ADP' ||
    after!.pos === 'PUNCT'
    ? named
    : undefined;
}

/**
 * Whether the words at `k` close a list with a phrase that names no actor: "and" (or "or")
 * and a determiner, adjective or noun ("and other states", "and the Gulf states", "and
 * others").
 */
function closesList(view: SentenceView, k: number): boolean {
  const { tokens, sentence } = view;
  return (
    k + 1 < sentence.last &&
    (tokens[k]!.lower === 'and' || tokens[k]!.lower === 'or') &&
    !mentionOn(view, k + 1) &&
    (['DET', 'ADJ', 'NOUN', 'PROPN'].includes(tokens[k + 1]!.pos) ||
      POSSESSIVES.has(tokens[k + 1]!.lower))
  );
}

interface RightSide {
  object?: Side;
  agent?: Side;
  absorbed?: { first: number; last: number };
}

/** Nouns of what someone asks, offers or says, whose "from X" names its author. */
const AUTHORED_NOUNS = new Set([
  'request',
  'proposal',
  'offer',
  'demand',
  'call',
  'appeal',
  'plea',
  'invitation',
  'bid',
  'suggestion',
  'initiative',
  'message',
  'letter',
  'note',
  'protest',
  'complaint',
  'ultimatum',
]);

/**
 * The side named right after "against" (and its modifiers) that follows a group, if any ("with
 * X against Y and Z"); `cueLast`: where the cue ends, for the distance.
 */
export function againstAfter(
  view: SentenceView,
  group: readonly PlacedMention[],
  cueLast: number,
): Side | undefined {
  const { tokens, sentence } = view;
  const k = lastOf(group);
  if (k >= sentence.last || tokens[k]!.lower !== 'against') return undefined;
  const m = nameAfterModifiers(view, k + 1);
  if (!usable(m)) return undefined;
  const side = groupRightOf(view, m);
  return { group: side, how: 'preposition', distance: m.first - cueLast, preposition: 'against' };
}

function findObject(view: SentenceView, hit: CueHit, passive: boolean): RightSide {
  const { tokens, sentence } = view;
  const cue = hit.cue;
  const result: RightSide = {};
  /** The preposition governing what comes next; '' for none yet (a direct object). */
  let preposition = '';
  /** The noun phrase being read belongs to a preposition that introduces no party. */
  let skipping = false;
  let theme = false;
  /** The last noun read, for a name in apposition to it ("his counterpart Wang Yi"). */
  let lastNoun = -1;
  let infinitive: number | undefined;
  /** After "a pact drawn up by": the name is the theme's owner, the cue's other side. */
  let ownerBy = false;
  /** Where "by" stood, if right after a noun ("a proposal by X": X is its author). */
  let authorAt = -1;
  /** The theme's noun before "of" ("an offer of help from X": "offer"). */
  let ofHead = -1;
  for (let k = hit.last; k < sentence.last && k - hit.last <= MAX_REACH; k++) {
    const t = tokens[k]!;
    let m = mentionOn(view, k);
    // "between Kosovo's deputy prime minister, Arben Krasniqi, and ...": the person qualified.
    if (m?.modifier && !skipping && (preposition !== '' || (cue.pos === 'verb' && !theme)))
      m = personQualified(view, m) ?? m;
    if (m) {
      const at = k;
      k = m.last - 1;
      if (!usable(m)) continue;
      if (skipping) continue;
      // "the Sudmark-backed rebel group Red Front": the name qualifies what follows; read on
      // past its participle.
      if (m.last + 1 < sentence.last && compoundOwner(view, m.last + 1) === m) {
        k = m.last + 1;
        continue;
      }
      if (ownerBy && !passive) {
        result.object = {
          group: groupRightOf(view, m),
          how: 'preposition',
          distance: at - hit.last,
          preposition: 'by',
        };
        return result;
      }
      const agentive = namesAgent(preposition, cue, passive);
      if (agentive && (passive || cue.pos === 'noun')) {
        // "signed by X and Y ended the dispute": the names after "by" close the group.
        result.agent = {
          group: groupRightOf(view, m, preposition === 'by'),
          how: 'agent',
          distance: at - hit.last,
        };
        preposition = '';
        k = lastOf(result.agent.group) - 1;
        continue;
      }
      if (passive) continue;
      // "rejected a proposal by X", "welcomed a statement by X", "a request from X": the
      // noun's author.
      const authored = agentive || preposition === 'from';
      if (authored && theme && cue.pos === 'verb' && authorAt === lastNoun + 1) {
        result.object = {
          group: groupRightOf(view, m),
          how: 'preposition',
          distance: at - hit.last,
          preposition: preposition,
        };
        return result;
      }
      if (preposition !== '' && !agentive) {
        const between = preposition === 'between' || preposition === 'among';
        result.object = {
          group: groupRightOf(view, m, between),
          how: between ? 'between' : 'preposition',
          distance: at - hit.last,
          preposition,
        };
        // "fought with X against Y": X is on the subject's side; Y is the other side.
        const against =
          preposition === 'with' ? againstAfter(view, result.object.group, hit.last) : undefined;
        if (against && cue.prepositions.has('against')) {
          result.object = against;
          return result;
        }
        // "the attack on Sudmark by the Red Front": a noun's agent after its object.
        const end = lastOf(result.object.group);
        const b = pastModifiers(view, end + 1, 1);
        const agent =
          tokens[end]?.lower === 'by' && b < sentence.last ? mentionOn(view, b) : undefined;
        if (cue.pos === 'noun' && !result.agent && usable(agent))
          result.agent = { group: groupRightOf(view, agent), how: 'agent', distance: b - hit.last };
      } else if (
        preposition === '' &&
        cue.pos === 'verb' &&
        (!theme || (lastNoun === at - 1 && !tokens[lastNoun]!.lower.endsWith('s')))
      ) {
        result.object = { group: groupRightOf(view, m), how: 'object', distance: at - hit.last };
      } else if (preposition === '' && theme && m.mention.possessive) {
        continue;
      } else {
        // A name after a noun that is not a cue's party ("weapons Russia ..."): read on.
        theme = true;
        continue;
      }
      if (infinitive !== undefined && result.object) {
        result.absorbed = { first: infinitive, last: at };
      }
      return result;
    }
    // "have blocked and water-cannoned X", "arming and commanding X": verbs sharing an object.
    if (k === hit.last && cue.pos === 'verb' && (t.lower === 'and' || t.lower === 'or')) {
      let j = k + 1;
      while (
        j < sentence.last &&
        j - k <= 4 &&
        tokens[j]!.pos !== 'VERB' &&
        (tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'ADV' || tokens[j]!.text === '-')
      )
        j++;
      if (j < sentence.last && tokens[j]!.pos === 'VERB' && !mentionOn(view, j)) {
        k = j;
        continue;
      }
    }
    // "demanded that Tokyo withdraw", "urged that X": the complement's subject is the party.
    if (
      k === hit.last &&
      t.lower === 'that' &&
      cue.pos === 'verb' &&
      !passive &&
      (cue.code === '02' || cue.code === '10')
    )
      continue;
    // "strikes against armed groups, including X and Y": the names the noun stands for.
    const example = examplesAt(tokens, t.text === ',' ? k + 1 : k, sentence.last);
    if (example > 0 && theme && !skipping && (preposition !== '' || cue.pos === 'verb')) {
      k = example - 1;
      theme = false;
      continue;
    }
    // 'expressed "full solidarity" with X': the quote closes the cue's own words.
    if (k === hit.last && QUOTE_MARKS.has(t.text)) continue;
    if (isClauseBreak(t) || t.text === ',') break;
    if (t.lower === 'to' && k + 1 < sentence.last && tokens[k + 1]!.pos === 'VERB') {
      // "offered to coordinate ... with X", "threatened to attack X": the infinitive's party.
      if (infinitive !== undefined || passive || !INFINITIVE_ROOTS.has(cue.code)) break;
      infinitive = k;
      // "offered to mediate": the verb itself may stand for those it is offered to (coref.ts).
      if (!mentionOn(view, k + 1)) k++;
      preposition = '';
      theme = false;
      skipping = false;
      continue;
    }
    if (isPreposition(t)) {
      // "talks with envoys of X", "clashes with fighters of X": those who act for X; "a
      // memorandum with the breakaway region of X", "with the government of X": X.
      const before = tokens[k - 1]!.lemma;
      if (
        !skipping &&
        lastNoun === k - 1 &&
        ((t.lower === 'of' && (MEMBER_NOUNS.has(before) || STAND_IN_NOUNS.has(before))) ||
          // "accused the government in Lima": who governs from there.
          (t.lower === 'in' && isRulerNoun(tokens[k - 1])))
      ) {
        // As a verb's object too: "attacked the breakaway region of X".
        if (preposition === '') theme = false;
        continue;
      }
      // "rejected a request from X", "welcomed an offer of help from X": right after a verb's
      // object noun (and its "of" phrase), its author too.
      const authored = (n: number) =>
        n >= 0 && AUTHORED_NOUNS.has(tokens[n]!.singular ?? tokens[n]!.lemma);
      if (t.lower === 'of' && theme && lastNoun === k - 1) ofHead = k - 1;
      const authorFrom =
        t.lower === 'from' &&
        cue.pos === 'verb' &&
        theme &&
        !passive &&
        lastNoun === k - 1 &&
        (authored(lastNoun) || (authored(ofHead) && k - ofHead <= 4));
      if (namesAgent(t.lower, cue, passive) || authorFrom) {
        preposition = t.lower;
        skipping = false;
        authorAt = k;
      } else if (cue.prepositions.has(t.lower)) {
        preposition = t.lower;
        skipping = false;
      } else {
        skipping = true;
      }
      continue;
    }
    if (isVerb(t)) {
      // "endorsed a pact drawn up by Oman": a participle after the theme, with its agent.
      const by = tokens[k + 1]?.lower === 'by' ? k + 1 : tokens[k + 2]?.lower === 'by' ? k + 2 : -1;
      if (theme && !ownerBy && isPastParticiple(t) && by > 0 && by < sentence.last) {
        ownerBy = true;
        k = by;
        skipping = false;
        continue;
      }
      // "the sanctions imposed by X on Y": a noun cue's participle with its agent.
      if (
        cue.pos === 'noun' &&
        k === hit.last &&
        !result.agent &&
        isPastParticiple(t) &&
        tokens[k + 1]?.lower === 'by' &&
        k + 2 < sentence.last
      ) {
        preposition = 'by';
        skipping = false;
        k++;
        continue;
      }
      // A participle or an infinitive that the cue governs ends the search for its object.
      break;
    }
    if (isNoun(t)) {
      if (!skipping) theme = true;
      lastNoun = k;
      continue;
    }
    if (isModifier(t) || t.pos === 'CCONJ' || t.pos === 'PART') continue;
    // Anything else (a pronoun, a subordinate clause): stop.
    if (t.pos === 'PRON' || t.pos === 'SCONJ') break;
  }
  return result;
}

const lastOf = (group: readonly PlacedMention[]): number => group[group.length - 1]!.last;

/**
 * The person a qualifier names by a title right after it ("Japan's ambassador, Hiroshi
 * Tanabe", "Kosovo's first deputy prime minister, Arben Krasniqi"): nothing but the title's
 * words and one comma between, a title noun among them, and the person not the subject of
 * what follows ("Japan's decision, Hiroshi Tanabe said" names no ambassador).
 */
function personQualified(view: SentenceView, qualifier: PlacedMention): PlacedMention | undefined {
  const { tokens, sentence } = view;
  const slot = view.mentions.indexOf(qualifier);
  const person = slot < 0 ? undefined : view.mentions[slot + 1];
  if (!person || person.modifier || person.first - qualifier.last > 6) return undefined;
  const isTitle = (t: Token) => TITLE_NOUNS.has(t.lemma) || TITLE_NOUNS.has(t.lower);
  // "Egyptian Petroleum Minister Sherif Abdel-Ghani": the title may open the person's name.
  let titled = isTitle(tokens[person.first]!);
  for (let k = qualifier.last; k < person.first; k++) {
    const t = tokens[k]!;
    if (t.text === ',' && k === person.first - 1) continue;
    if (t.lower === "'s" || t.pos === 'ADJ') continue;
    // "Benin's minister of state for development, Romuald Agossou".
    if (titled && (t.lower === 'of' || t.lower === 'for')) continue;
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return undefined;
    if (isTitle(t)) titled = true;
  }
  const after = tokens[person.last];
  if (after && person.last < sentence.last && (isVerb(after) || after.pos === 'AUX'))
    return undefined;
  return titled ? person : undefined;
}

/** Where the names after "including", "such as", "notably" at token k begin, or -1. */
function examplesAt(tokens: readonly Token[], k: number, end: number): number {
  const t = tokens[k];
  if (!t || k >= end) return -1;
  if (t.lower === 'including' || t.lower === 'notably' || t.lower === 'especially') return k + 1;
  if (t.lower === 'such' && k + 1 < end && tokens[k + 1]!.lower === 'as') return k + 2;
  return -1;
}

/** Verbs of telling: the name after them is the one told ("told the United States that ..."). */
const TELLING = new Set(['tell', 'assure', 'inform', 'notify', 'promise', 'write', 'signal']);

/**
 * "X told Y that it would ...", "told the council that his government welcomed ...": the one
 * told, when the side `source` is the subject of what was told.
 */
function oneTold(view: SentenceView, source: Side, cueFirst: number): Side | undefined {
  const { tokens, sentence } = view;
  const from = source.group[0]!.first;
  for (let k = from - 1; k >= sentence.first && from - k <= 14; k--) {
    if (!TELLING.has(tokens[k]!.lemma)) continue;
    const m = nameAfterModifiers(view, k + 1);
    const own = new Set(source.group.map((g) => g.actor));
    if (usable(m) && !own.has(m.actor))
      return { group: groupRightOf(view, m), how: 'object', distance: cueFirst - m.last };
    return undefined;
  }
  return undefined;
}

/** CAMEO roots of appeals, offers and cooperation (02-07): told to someone, meant for them. */
const TOLD_ROOTS = new Set(['02', '03', '04', '05', '06', '07']);

/**
 * "... if Japan restored ...", "provided both sides agree": the subject of the condition that
 * starts at `from`, when it names an actor.
 */
export function conditionSubject(view: SentenceView, from: number): Side | undefined {
  const { tokens, sentence } = view;
  let k = from;
  while (k < sentence.last && tokens[k]!.pos === 'DET' && !mentionOn(view, k)) k++;
  const m = k < sentence.last ? mentionOn(view, k) : undefined;
  if (!usable(m) || m.first !== k) return undefined;
  // The subject of a clause: a verb (or its auxiliary) follows the group.
  const group = groupRightOf(view, m);
  const end = group[group.length - 1]!.last;
  const next = tokens[end];
  if (!next || end >= sentence.last) return undefined;
  // "if Uruguay drops its plan": a word in -s between a name and a determiner is a verb, however
  // the tagger read it.
  const after = end + 1 < sentence.last ? tokens[end + 1] : undefined;
  const verbByPlace =
    next.pos === 'NOUN' &&
    next.lower.endsWith('s') &&
    (after?.pos === 'DET' || (after?.pos === 'PRON' && after.lower !== 'who'));
  if (!(isVerb(next) || next.pos === 'ADV' || verbByPlace)) return undefined;
  return { group, how: 'subject', distance: k - from };
}

/** How many tokens after the verb of yielding the one whose measure it undoes may be named. */
const CONCESSION_REACH = 6;

/** Prepositions that lead from a verb of yielding to the one it yields to ("sanctions on Y"). */
const CONCESSION_PREPOSITIONS = new Set(['on', 'from', 'against', 'to', 'of', 'with']);

/**
 * "would lift the sanctions on Y if", "would withdraw its troops from Y if", "would release the
 * Y sailors if": a name in the object of the verb of yielding at `verb`, within
 * CONCESSION_REACH tokens and before the condition at `conditionFirst`: reached through
 * modifiers (isModifier), nouns and the prepositions above only (not past a comma, a verb,
 * "in" or "at": "would withdraw, Ostria said, if", "its troops in Y"), and not of the side
 * yielding.
 */
function concessionObject(
  view: SentenceView,
  verb: number,
  conditionFirst: number,
  source: Side,
): Side | undefined {
  const { tokens } = view;
  const own = new Set(source.group.map((g) => g.actor));
  const end = Math.min(conditionFirst, verb + 1 + CONCESSION_REACH, view.sentence.last);
  for (let k = verb + 1; k < end; k++) {
    const m = mentionOn(view, k);
    if (m) {
      if (m.first !== k || !usable(m) || own.has(m.actor) || m.mention.via === 'pronoun')
        return undefined;
      return { group: groupRightOf(view, m), how: 'object', distance: k - verb };
    }
    const t = tokens[k]!;
    const onTheWay =
      isModifier(t) ||
      t.pos === 'NOUN' ||
      (t.pos === 'ADP' && CONCESSION_PREPOSITIONS.has(t.lower));
    if (!onTheWay) return undefined;
  }
  return undefined;
}

/**
 * An intent to yield on a condition (CAMEO 035): "X would withdraw the complaint if Y ...",
 * "X told Y that it would stop attacking ... if ...", "X would lift the sanctions on Y if ...".
 * The modal at `modal`, the verb of yielding at `verb`; the source is the modal's subject, the
 * target the one told, else the one named after the verb (before the condition), else the
 * condition's subject.
 */
export function conditionalOffer(
  view: SentenceView,
  modal: number,
  verb: number,
  condition: { first: number; last: number },
  antecedents: Antecedents,
): Parties | undefined {
  const source = findSubject(view, modal, antecedents);
  if (!source) return undefined;
  let target = oneTold(view, source, modal);
  target ??= concessionObject(view, verb, condition.first, source);
  target ??= conditionSubject(view, condition.last);
  return target ? { passive: false, source, target } : undefined;
}
