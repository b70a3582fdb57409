/**
 * Reactions to acts told before (events.ts keeps the acts):
 * - rememberDeeds: what a sentence's subject does ("North Korea launched a missile"), for a
 *   later "the launch"; rememberQuotation: what the speaker of a quotation says, for a later
 *   "the remarks";
 * - referredAct: the target of a cue whose object refers back to an act ("dismissed the
 *   protest": who protested), or, for "rejected the criticism" when no act of its word was
 *   told, to the latest act done to the reacting side;
 * - betweenSubject: "talks between A and B were mediated by Q", Q with each of them;
 * - judgements: "X called the detention 'an act of piracy'", a judgement of an act, aimed at
 *   whoever did it, for or against them as its words say.
 * Pure: the sentence, the acts and the lexicon's cues in, sides and cue hits out.
 */
import { findParties, type Antecedents, type Parties, type Side } from './arguments.ts';
import type { CueHit } from './cues.ts';
import {
  actAddressedTo,
  actReferredTo,
  definiteObject,
  definiteSubject,
  doneToNouns,
  rememberAct,
  SAYING_VERBS,
  type Act,
} from './events.ts';
import { MEMBER_NOUNS, pastRelativeClause, QUOTE_MARKS, VERB_COORDINATORS } from './grammar.ts';
import type { Cue } from './lexicon.ts';
import type { Mention } from './mentions.ts';
import type { Attribution } from './speakers.ts';
import { sentimentOf, type Token } from './read.ts';
import { wordsOf } from './score.ts';
import { mentionOn, type PlacedMention, type SentenceView } from './sentence.ts';

/** The acts an article has told so far, and the index of the sentence being read. */
export interface Told {
  acts: Act[];
  sentence: number;
}

/** What the reactions need of the suggester (suggest.ts). */
export interface ReactionLexicon {
  /** The CAMEO roots a noun is a cue of ("attack": 19): acts it may refer back to. */
  nounCodes: (noun: Token) => ReadonlySet<string>;
  /** Cues for a judgement: against (disapproval, 11) and for (praise, 05). */
  judging: { against?: Cue; for?: Cue };
  /** The relation type of a CAMEO root, as the lexicon maps it. */
  typeOfCode: ReadonlyMap<string, string>;
  /** The type of disapproval (root 11): a hostile act's. */
  opposition: string | undefined;
  /** The actor a person acts for (the registry's affiliation), if any. */
  affiliationOf: (actor: string) => string | undefined;
  isPerson: (actor: string) => boolean;
}

/**
 * The side of an act a state or body reacts to, each person in it as the actor they act for
 * ("Russia rejected the accusations" the Estonian minister made: against Estonia). A person
 * reacting keeps the persons.
 */
export function forStates(side: Side, reacting: Side, lexicon: ReactionLexicon): Side {
  if (reacting.group.some((m) => m.actor && lexicon.isPerson(m.actor))) return side;
  return {
    ...side,
    group: side.group.map((m) => {
      const affiliation =
        m.actor && lexicon.isPerson(m.actor) ? lexicon.affiliationOf(m.actor) : undefined;
      return affiliation ? { ...m, actor: affiliation } : m;
    }),
  };
}

/**
 * Whether `actor` is on the side of `side`: one of it, what one of it acts for, or a person who
 * acts for one of it. An act of one's own side is not what one reacts to.
 */
export function onSide(side: Side, lexicon: ReactionLexicon): (actor: string) => boolean {
  const own = new Set<string>();
  for (const m of side.group) {
    if (!m.actor) continue;
    own.add(m.actor);
    const affiliation = lexicon.affiliationOf(m.actor);
    if (affiliation) own.add(affiliation);
  }
  return (actor) => {
    if (own.has(actor)) return true;
    const affiliation = lexicon.affiliationOf(actor);
    return affiliation !== undefined && own.has(affiliation);
  };
}

/**
 * What the sentence's subject does: the verb right after it, and one joined to it by "and"
 * ("boarded and detained"); "X said", "X claimed" are acts of saying, which "the claim", "the
 * remarks" refer back to. A verb a cue already told (with its root) is not told again, nor
 * one in the scope of a negation.
 */
export function rememberDeeds(
  view: SentenceView,
  subject: readonly PlacedMention[] | undefined,
  told: Told,
): void {
  if (!subject) return;
  const { tokens } = view;
  const end = subject[subject.length - 1]!.last;
  const actors = [...new Set(subject.flatMap((m) => (m.actor ? [m.actor] : [])))];
  const deed = (k: number) => {
    if (told.acts.some((a) => a.sentence === told.sentence && a.at === k)) return;
    const word = tokens[k]!.lemma;
    rememberAct(told.acts, {
      word,
      saying: SAYING_VERBS.has(word),
      actors,
      targets: [],
      sentence: told.sentence,
      at: k,
    });
  };
  // "Sudmark's foreign ministry said", "Norwegian officials said": past the nouns it qualifies.
  let start = end;
  while (
    start < view.sentence.last &&
    start - end <= 4 &&
    (tokens[start]!.lower === "'s" ||
      tokens[start]!.lower === "'" ||
      tokens[start]!.pos === 'ADJ' ||
      (tokens[start]!.pos === 'NOUN' && SPEAKING_BODIES.has(tokens[start]!.lemma))) &&
    !mentionOn(view, start)
  )
    start++;
  start = pastRelativeClause(tokens, start, view.sentence.last);
  for (let k = start; k < view.sentence.last && k - start <= 6; k++) {
    const t = tokens[k]!;
    if (t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART') continue;
    // A deed said not to have been done is none ("did not propose talks").
    if (t.pos !== 'VERB' || t.negated) return;
    deed(k);
    const next = k + 2;
    if (tokens[k + 1]?.lower === 'and' && next < view.sentence.last && tokens[next]!.pos === 'VERB')
      deed(next);
    const saying = laterSaying(view, next);
    if (saying !== undefined) deed(saying);
    return;
  }
}

/**
 * A verb of saying joined by "and" later in the subject's clause ("condemned the attack and
 * said ..."), before another name or a semicolon; none said not to be done.
 */
function laterSaying(view: SentenceView, from: number): number | undefined {
  const { tokens } = view;
  for (let k = from; k + 1 < view.sentence.last && k - from <= 12; k++) {
    const t = tokens[k]!;
    if (t.text === ';' || QUOTE_MARKS.has(t.text) || mentionOn(view, k)) return undefined;
    const verb = tokens[k + 1]!;
    if (t.lower === 'and' && verb.pos === 'VERB' && SAYING_VERBS.has(verb.lemma))
      return verb.negated ? undefined : k + 1;
  }
  return undefined;
}

/**
 * What the speaker of a quotation says ('"...," X told reporters', '"...," said X'): an act of
 * saying, for a later "the remarks", "the statement", "the warning". The attributions are
 * speakers.ts's, the verbs of speaking after a quotation that name its one speaker.
 */
export function rememberQuotation(
  view: SentenceView,
  told: Told,
  attributions: readonly Attribution[],
): void {
  const { tokens, sentence } = view;
  for (const { verb, speaker } of attributions) {
    if (verb < sentence.first || verb >= sentence.last) continue;
    if (told.acts.some((a) => a.sentence === told.sentence && a.at === verb)) continue;
    rememberAct(told.acts, {
      word: tokens[verb]!.lemma,
      saying: true,
      actors: [...speaker.actorIds],
      targets: [],
      sentence: told.sentence,
      at: verb,
    });
  }
}

/**
 * Nouns for those who speak or act for a state or body, past which its name is the subject
 * ("Sudmark's foreign ministry said"; not "Sudmark's proposal angered Norland").
 */
const SPEAKING_BODIES: ReadonlySet<string> = new Set([
  ...MEMBER_NOUNS,
  'ministry',
  'department',
  'office',
  'embassy',
  'government',
  'cabinet',
  'presidency',
]);

/** CAMEO roots of answering what another did (disapprove, reject). */
export const REACTION_ROOTS: ReadonlySet<string> = new Set(['11', '12']);
/** Verbs that praise what another did: words about an act, no act of their root themselves. */
export const PRAISING: ReadonlySet<string> = new Set([
  'welcome',
  'praise',
  'endorse',
  'applaud',
  'commend',
]);
/** Verbs that approve of what another did (cues of CAMEO 05 and 07). */
export const APPROVING: ReadonlySet<string> = new Set([...PRAISING, 'back', 'support']);

/** Verbs of helping others to an act ("the talks were mediated by X"): with each of its doers. */
export const MEDIATING: ReadonlySet<string> = new Set(['mediate', 'broker', 'facilitate', 'host']);

/**
 * The target of a cue whose object refers back to an act told before ("dismissed the
 * protest"): who did it, as a side on the object's words, with the act. An object that names
 * its author ("the statement by Ostia") is not referred back: the name is read as it stands.
 * `own`: whether an actor is on the reacting side (onSide), never the target.
 */
export function referredAct(
  text: string,
  view: SentenceView,
  hit: CueHit,
  own: (actor: string) => boolean,
  told: Told,
  lexicon: ReactionLexicon,
  passive = false,
): { side: Side; act: Act } | undefined {
  // "The agreement was signed by X" tells who did it; "the decision was welcomed by X" reacts.
  const lemma = hit.cue.words[0]!;
  const reacting = REACTION_ROOTS.has(hit.cue.code) || APPROVING.has(lemma);
  if (passive && !reacting && !MEDIATING.has(lemma)) return undefined;
  const object = passive ? definiteSubject(view, hit.first) : definiteObject(view, hit.last);
  if (!object) return undefined;
  const { tokens } = view;
  const after = tokens[object.last];
  if (
    after &&
    object.last + 1 < view.sentence.last &&
    (after.lower === 'by' || after.lower === 'from' || after.lower === 'of') &&
    mentionOn(view, object.last + 1)
  )
    return undefined;
  const found =
    actReferredTo(
      told.acts,
      object.head,
      told.sentence,
      hit.first,
      own,
      lexicon.nounCodes,
      reacting,
      passive ? [] : doneToNouns(view, object.last),
    ) ??
    (REACTION_ROOTS.has(hit.cue.code) && !passive
      ? actAddressedTo(told.acts, object.head, told.sentence, hit.first, own)
      : undefined);
  if (!found) return undefined;
  const start = tokens[object.first]!.start;
  const end = tokens[object.last - 1]!.end;
  const group = found.actors.map((actor): PlacedMention => {
    const mention: Mention = {
      start,
      end,
      text: text.slice(start, end),
      actorIds: [actor],
      via: 'act',
      possessive: false,
    };
    return { mention, index: -1, first: object.first, last: object.last, actor, modifier: false };
  });
  return {
    side: { group, how: 'act', distance: object.first - hit.last, act: found.act.word },
    act: found.act,
  };
}

/** Verbs that judge what they name by what follows ("called the plan 'a direct threat'"). */
const JUDGING_VERBS = new Set(['call', 'describe', 'brand', 'label', 'term', 'dub']);

/** How positive wink-nlp's sentiment of a judgement must be to read it as praise. */
const PRAISE = 0.3;

/** How many tokens a judgement's words may run to. */
const MAX_JUDGEMENT = 20;

const QUOTES = new Set([...QUOTE_MARKS, '\u2018', '\u2019']);

/**
 * "X called the detention 'an act of piracy'": a judgement of an act told before, aimed at
 * whoever did it. Against them when its words say so (a cue word among them: "a direct
 * threat"; else a negative sentiment, wink-nlp's) or, when they say neither, when the act
 * judged was a hostile one done to the judge's own side ("Minsk called the accusations 'a
 * fabrication'"); for them when its words are a
 * cooperative cue or positive ("a victory for the rule of law"). As cue hits with their
 * parties, for the cue loop, and the spans judged (an act and the words said of it, whose cues
 * are no act of the judge's), whatever the verdict; `hits` are the sentence's cues.
 */
export function judgements(
  text: string,
  view: SentenceView,
  lexicon: ReactionLexicon,
  hits: readonly CueHit[],
  antecedentsAt: (cueFirst: number) => Antecedents,
  told: Told,
): { found: { hit: CueHit; parties: Parties }[]; judged: { first: number; last: number }[] } {
  const { tokens, sentence } = view;
  const found: { hit: CueHit; parties: Parties }[] = [];
  const judged: { first: number; last: number }[] = [];
  const anyJudging = lexicon.judging.against ?? lexicon.judging.for;
  if (!anyJudging) return { found, judged };
  for (let k = sentence.first; k < sentence.last; k++) {
    const t = tokens[k]!;
    if (t.pos !== 'VERB' || !JUDGING_VERBS.has(t.lemma)) continue;
    // "called Ostria's reaction 'hysterical'", "the Polish reaction": whose it is is named.
    const definite = definiteObject(view, k + 1);
    const owned = definite ? undefined : ownedObject(view, k + 1);
    const object = definite ?? owned;
    if (!object) continue;
    // Its words: to the end of the clause, past commas and "and" inside quotes.
    let end = object.last;
    let quotes = 0;
    for (; end < sentence.last && end - object.last < MAX_JUDGEMENT; end++) {
      const w = tokens[end]!.text;
      if (QUOTES.has(w)) quotes++;
      else if (quotes % 2 === 0 && (w === ',' || w === ';' || VERB_COORDINATORS.has(w))) break;
    }
    if (end === object.last) continue;
    // "described X's partnerships": no judgement without its "as".
    if (owned && t.lemma === 'describe' && tokens[object.last]?.lower !== 'as') continue;
    // "called the talks with Norland a success": the object names a fresh act of its own, whose
    // parties the cue loop reads; only the words said of it are the judge's.
    const after = tokens[object.last];
    const named =
      after?.pos === 'ADP' &&
      (mentionOn(view, object.last + 1) ??
        (tokens[object.last + 1]?.pos === 'DET' ? mentionOn(view, object.last + 2) : undefined));
    judged.push({ first: named ? object.last : object.first, last: end });
    const probe: CueHit = { cue: anyJudging, first: k, last: k + 1 };
    const source = findParties(view, probe, antecedentsAt(k)).source;
    if (!source) continue;
    const own = onSide(source, lexicon);
    if (owned?.owner.actor && own(owned.owner.actor)) continue;
    const referred = owned
      ? {
          side: { group: [owned.owner], how: 'object' as const, distance: owned.first - k },
          act: undefined,
        }
      : referredAct(text, view, probe, own, told, lexicon);
    if (!referred) continue;
    const verdict = judge(
      text,
      tokens,
      { first: object.last, last: end },
      hits,
      referred.act,
      referred.act?.targets.some(own) ?? false,
      lexicon,
    );
    if (!verdict) continue;
    const cue = verdict.against ? lexicon.judging.against : lexicon.judging.for;
    if (!cue) continue;
    found.push({
      hit: {
        cue: { ...cue, rootName: `${cue.rootName}; a judgement, by ${verdict.reason}` },
        first: k,
        last: k + 1,
      },
      parties: { source, target: forStates(referred.side, source, lexicon), passive: false },
    });
  }
  return { found, judged };
}

/**
 * For or against, and why, from a judgement's words (tokens `span`) and the act judged
 * (`aimedAtJudge`: done to the judge's side).
 */
function judge(
  text: string,
  tokens: readonly Token[],
  span: { first: number; last: number },
  hits: readonly CueHit[],
  act: Act | undefined,
  aimedAtJudge: boolean,
  lexicon: ReactionLexicon,
): { against: boolean; reason: string } | undefined {
  const cue = hits.find((h) => h.first >= span.first && h.first < span.last);
  if (cue)
    return {
      against: cue.cue.type === lexicon.opposition,
      reason: `the word "${wordsOf(tokens, cue)}"`,
    };
  const sentiment = sentimentOf(text.slice(tokens[span.first]!.start, tokens[span.last - 1]!.end));
  if (sentiment >= PRAISE || sentiment < 0)
    return { against: sentiment < 0, reason: `its sentiment (${sentiment.toFixed(2)})` };
  if (
    aimedAtJudge &&
    act?.code !== undefined &&
    lexicon.typeOfCode.get(act.code) === lexicon.opposition
  )
    return { against: true, reason: "the act judged, a hostile one against the judge's side" };
  return undefined;
}

/**
 * A noun phrase right after token `from` whose owner is named: "Ostria's reaction", "the
 * Ostrian reaction" (a possessive or a demonym, then adjectives and one noun that names no
 * one), as its tokens and its owner.
 */
function ownedObject(
  view: SentenceView,
  from: number,
): { first: number; last: number; owner: PlacedMention } | undefined {
  const { tokens, sentence } = view;
  let k = from;
  if (tokens[k]?.lower === 'the') k++;
  const owner = k < sentence.last ? mentionOn(view, k) : undefined;
  if (!owner?.actor || owner.first !== k) return undefined;
  const possessive = owner.mention.possessive;
  if (!possessive && (owner.mention.via !== 'demonym' || k === from)) return undefined;
  let j = owner.last;
  if (possessive && tokens[j]?.lower === "'s") j++;
  while (j < sentence.last && tokens[j]!.pos === 'ADJ') j++;
  const head = tokens[j];
  if (!head || j >= sentence.last || head.pos !== 'NOUN' || mentionOn(view, j)) return undefined;
  return { first: from, last: j + 1, owner };
}

/**
 * The parties of an act a passive verb of helping or approving is said of, when the act is
 * its subject with "between" ("Talks between A and B were mediated by Q"): A and B.
 */
export function betweenSubject(
  view: SentenceView,
  hit: CueHit,
  read: readonly { hit: CueHit; parties: Parties }[],
): Side | undefined {
  const verb = hit.cue.words[0]!;
  if (!MEDIATING.has(verb) && !APPROVING.has(verb)) return undefined;
  const { tokens, sentence } = view;
  let k = hit.first - 1;
  while (k > sentence.first && ['AUX', 'ADV', 'PART'].includes(tokens[k]!.pos)) k--;
  for (const r of read) {
    const side = r.parties.target;
    if (r.hit.cue.pos !== 'noun' || side?.how !== 'between') continue;
    if (side.group[side.group.length - 1]!.last === k + 1) return side;
  }
  return undefined;
}
