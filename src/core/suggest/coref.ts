/**
 * A simple, salience-based coreference: the words that stand for an actor named before them
 * become mentions of it, so that the later stages read them as names.
 * - a definite description by its head noun: "the bloc", "the rebel alliance", "the group",
 *   "the country's", by the kinds of actor the noun can name, or by the last word of a recent
 *   actor's label ("the council" after the Gulf Cooperation Council): the most recent actor
 *   that fits; not a title before a name ("the regional bloc IGAD");
 * - "government troops" or "forces": the state named last;
 * - "his/her/its/their government" or "country": the state of the person named last (by the
 *   registry's affiliation), else the most recent state;
 * - "the two", "both sides", "the two governments", "its two neighbours", "all parties",
 *   "between the neighbours": a group of two, from the sentence if it names both before the words, else a pair joined by
 *   "and" just before, else the two actors the article has named most (see pairOf); "the two
 *   ministers" (diplomats, presidents, envoys): the two persons the sentence and the two before
 *   name, when they name exactly two besides a speaker;
 * - "the three", "the three governments" (a noun "the two" may carry): the latest list of exactly
 *   three actors ("X, Y and Z") in the sentence or the two before it; no guess without one;
 * - "restraint" or "calm" asked for ("urged restraint", "called for calm"), and "them" asked to
 *   act ("urged them to talk"): the two sides of the conflict, found as for "the two" (never the
 *   ones who ask);
 * - "it" as a subject (before a verb) or after a preposition: the subject of the sentence, or
 *   of the one before, if it is an organisation, state or group; else the last such actor.
 * - "he" or "she" as a subject: the one person named in the sentence before it or in the one
 *   before, or, when those name no person, in the one before them ('"... demand. Their
 *   detention is ...," she said' after a quotation of two sentences); never a guess between two
 *   persons (the registry does not say who is which).
 * Linear: one pass over the tokens, looking back over a bounded list of recent actors (and, for
 * "the two" with no "X and Y" near, over the actors named so far: at most the registry's).
 */
import type { Actor } from '../model.ts';
import {
  AGENT_NOUNS,
  APPEAL_VERBS,
  POSSESSIVES,
  isGovernedAt,
  isObjectAt,
  isPreposition,
  NOUN_PHRASE_POS,
  OFFICE_NOUNS,
  REPORTING_VERBS,
  isRulerNoun,
} from './grammar.ts';
import type { Mention } from './mentions.ts';
import { singularOf, type Sentence, type Token } from './read.ts';
import { datelineEnd } from './sentence.ts';

type Kind = Actor['kind'];

/** How many sentences back "he" or "she" looks for a person when those nearer name none. */
const PRONOUN_REACH = 2;

const ORGANISED: readonly Kind[] = ['organisation', 'coalition'];
const ARMED: readonly Kind[] = ['armed-group', 'coalition'];

/** Head nouns of definite descriptions and the kinds of actor they may name. */
const DESCRIPTIONS = new Map<string, readonly Kind[]>([
  ['bloc', ORGANISED],
  ['alliance', ['coalition', 'organisation', 'armed-group']],
  ['coalition', ['coalition', 'armed-group']],
  ['organisation', ORGANISED],
  ['organization', ORGANISED],
  ['agency', ORGANISED],
  ['body', ORGANISED],
  ['mission', ORGANISED],
  ['group', ARMED],
  ['militia', ARMED],
  ['movement', ARMED],
  ['insurgents', ARMED],
  ['rebels', ARMED],
  ['guerrillas', ARMED],
  ['militants', ARMED],
  ['faction', ARMED],
  ['country', ['state']],
  ['government', ['state']],
  ['nation', ['state']],
  ['kingdom', ['state']],
  ['republic', ['state']],
  ['administration', ['state']],
  ['regime', ['state']],
  ['army', ['military']],
  ['military', ['military']],
  ['navy', ['military']],
]);

/** Words before "two" that make it a pair of actors: "the two", "its two neighbours". */
const PAIR_DETERMINERS = new Set(['the', 'our', ...POSSESSIVES]);
/** "all sides", "all parties": the parties to the dispute, read as a pair. */
const ALL_NOUNS = new Set(['sides', 'parties']);
/**
 * Nouns "the two" and "both" may carry ("the two sides", "both countries"): states, persons
 * (a pair of persons named just before, else as for any), or any.
 */
const PAIR_NOUNS = new Map<string, 'state' | 'person' | 'any'>([
  ['sides', 'any'],
  ['countries', 'state'],
  ['governments', 'state'],
  ['nations', 'state'],
  ['neighbours', 'state'],
  ['neighbors', 'state'],
  ['parties', 'any'],
  ['states', 'state'],
  ['rivals', 'any'],
  ['capitals', 'state'],
  ['groups', 'any'],
  ['leaders', 'any'],
  ['delegations', 'any'],
  ['forces', 'any'],
  ['armies', 'any'],
  ['militaries', 'any'],
  ['ministers', 'person'],
  ['presidents', 'person'],
  ['diplomats', 'person'],
  ['envoys', 'person'],
]);

/** "each side", "each government": the pair, by the singular of a pair noun. */
const EACH_NOUNS = new Map(
  [...PAIR_NOUNS.keys()].flatMap((plural) => {
    const one = singularOf(plural);
    return one ? [[one, plural] as const] : [];
  }),
);

/** Nouns after "government" that name a state's armed men ("government troops"). */
const STATE_FORCES = new Set(['troops', 'forces', 'soldiers', 'army']);

/** How many recent actors are kept to resolve against. */
const RECENT = 40;

export interface CorefRegistry {
  kinds: ReadonlyMap<string, Kind>;
  affiliation: ReadonlyMap<string, string>;
  /** The last word of each registered label of two words or more, folded: "council". */
  labelHeads: ReadonlyMap<string, readonly string[]>;
  /** Words that stand before a person's name, lower case: the lexicon's honorifics' last words. */
  titles: ReadonlySet<string>;
}

/** `honorifics`: the cue file's ("Mr", "Prime Minister", "Senator"). */
export function corefRegistry(
  actors: readonly Actor[],
  honorifics: readonly string[],
): CorefRegistry {
  const labelHeads = new Map<string, string[]>();
  for (const a of actors) {
    if (a.kind === 'person') continue;
    const words = a.label.trim().split(/\s+/);
    if (words.length < 2) continue;
    const head = words[words.length - 1]!.toLowerCase();
    if (DESCRIPTIONS.has(head) || PAIR_NOUNS.has(head)) continue;
    labelHeads.set(head, [...(labelHeads.get(head) ?? []), a.id]);
  }
  return {
    kinds: new Map(actors.map((a) => [a.id, a.kind])),
    affiliation: new Map(
      actors.filter((a) => a.affiliation).map((a) => [a.id, a.affiliation!] as const),
    ),
    labelHeads,
    titles: new Set(
      honorifics.map((h) => h.trim().toLowerCase().split(/\s+/).pop()!.replace(/\.$/, '')),
    ),
  };
}

interface Seen {
  actor: string;
  sentence: number;
  /** Token index of its mention, and the index just past it. */
  at: number;
  end: number;
  /** The actor this one follows with "and" ("X and Y"), if any. */
  pairedWith?: string;
  /** The pair follows "between" ("talks between X and Y"). */
  between?: boolean;
  /** "and" closes a longer list ("W, X and Y"): X and Y are no pair of their own. */
  listed?: boolean;
}

/**
 * Mentions for the descriptions and pronouns of a text, to merge with the names found. They
 * carry `via` "description" or "pronoun"; a pair ("the two") is one mention of both actors,
 * marked `collective`.
 */
export function resolveReferences(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  mentions: readonly Mention[],
  registry: CorefRegistry,
): Mention[] {
  const found: Mention[] = [];
  const recent: Seen[] = [];
  /** How often each actor has been named so far (names and resolved references). */
  const timesNamed = new Map<string, number>();
  const kindOf = (id: string) => registry.kinds.get(id);
  let m = 0;
  let previousSubject: string | undefined;
  /** Whether token k is inside a name, over the whole text (for the sentence before). */
  const inName = new Uint8Array(tokens.length);
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    let subject: string | undefined;
    let t = sentence.first;
    const local: (Seen & { possessive?: boolean; qualifier?: boolean })[] = [];
    for (; m < mentions.length && mentions[m]!.start < sentence.end; m++) {
      const mention = mentions[m]!;
      while (t < sentence.last && tokens[t]!.end <= mention.start) t++;
      let last = t;
      while (last < sentence.last && tokens[last]!.start < mention.end) last++;
      for (let k = t; k < last; k++) inName[k] = 1;
      if (last === t || mention.actorIds.length !== 1) continue;
      // "Yemen's Houthi movement": the possessor only qualifies the next name; so does
      // "Norland's closest ally, Ostria,": the name in apposition is the head.
      const before = local[local.length - 1];
      if (before?.possessive && t - before.end <= 1) before.qualifier = true;
      if (before?.possessive && apposedAfter(tokens, before.end, t)) before.qualifier = true;
      local.push({
        actor: mention.actorIds[0]!,
        sentence: s,
        at: t,
        end: last,
        possessive: mention.possessive,
        // "DOHA, June 3 (Wire) –": where the story was filed, not its subject.
        ...(t === sentence.first && datelineEnd(tokens, mention, last, sentence.last) >= 0
          ? { qualifier: true }
          : {}),
      });
    }
    let next = 0;
    /** Keeps an actor as recent, noting the one it follows with "and" ("X and Y"). */
    const remember = (seen: Seen) => {
      const before = recent.at(-1);
      if (before && before.sentence === s && seen.at > before.end && seen.at - before.end <= 2) {
        const between = tokens.slice(before.end, seen.at);
        if (
          between.some((x) => x.lower === 'and') &&
          between.every((x) => x.lower === 'and' || x.pos === 'DET')
        ) {
          seen.pairedWith = before.actor;
          if (tokens[before.at - 1]?.lower === 'between') seen.between = true;
          const third = recent.at(-2);
          if (
            third?.sentence === s &&
            before.at === third.end + 1 &&
            tokens[third.end]!.text === ','
          )
            seen.listed = true;
        }
      }
      recent.push(seen);
      timesNamed.set(seen.actor, (timesNamed.get(seen.actor) ?? 0) + 1);
      if (recent.length > RECENT) recent.shift();
    };
    const governed = (at: number) => isGovernedAt(tokens, at, sentence.first);
    /** ", Sudmark's closest ally,": an owner opening an apposition. */
    const inApposition = (l: { at: number; possessive?: boolean }) =>
      l.possessive === true &&
      l.at - 1 > sentence.first &&
      tokens[l.at - 1]!.text === ',' &&
      inName[l.at - 2] === 1;
    /**
     * The pair "the two", "them" or the sides asked for calm stand for at token k (see pairOf):
     * not persons, states only when the words say so; as a verb's object (`object`), never its
     * subjects: this sentence's names before k that are no object of a preposition or a verb,
     * but not the owner in an apposition nor a qualifier. An organisation (a mediator, a monitoring mission) is one of the two
     * sides only when the text says so ("X and the EU").
     */
    const sidesAsked = (k: number, states: boolean, object: boolean) =>
      pairOf(
        recent,
        s,
        (id) => {
          const kind = kindOf(id);
          return kind !== undefined && kind !== 'person' && (!states || kind === 'state');
        },
        object
          ? new Set(
              local
                .filter(
                  (l, i) =>
                    l.at < k &&
                    !isObjectAt(tokens, l.at, sentence.first) &&
                    // "between X and the Red Front": the second of an object's pair too.
                    !(
                      l.pairedWith !== undefined &&
                      i > 0 &&
                      isObjectAt(tokens, local[i - 1]!.at, sentence.first)
                    ) &&
                    !inApposition(l) &&
                    !l.qualifier,
                )
                .map((l) => l.actor),
            )
          : undefined,
        timesNamed,
        (id) => kindOf(id) !== 'organisation',
      );
    const take = (k: number) => {
      while (next < local.length && local[next]!.at < k) {
        const seen = local[next++]!;
        remember(seen);
        if (subject === undefined && kindOf(seen.actor) !== 'person' && !seen.qualifier) {
          if (!governed(seen.at)) subject = seen.actor;
        }
      }
    };
    const mostRecent = (fits: (id: string) => boolean): string | undefined => {
      for (let i = recent.length - 1; i >= 0; i--)
        if (fits(recent[i]!.actor)) return recent[i]!.actor;
      return undefined;
    };
    const add = (first: number, last: number, actorIds: string[], via: Mention['via']) => {
      const start = tokens[first]!.start;
      const end = tokens[last - 1]!.end;
      const after = tokens[last];
      if (actorIds.length === 1)
        remember({ actor: actorIds[0]!, sentence: s, at: first, end: last });
      found.push({
        start,
        end,
        text: text.slice(start, end),
        actorIds,
        via,
        possessive: after !== undefined && after.start === end && /^'s?$/.test(after.lower),
        ...(actorIds.length > 1 ? { collective: true } : {}),
      });
    };
    for (let k = sentence.first; k < sentence.last; k++) {
      if (inName[k]) continue;
      take(k);
      const tok = tokens[k]!;
      // "urged restraint", "called for calm": an appeal made to the two sides of a conflict.
      if (CALMING.has(tok.lower) && appealsBefore(tokens, k, sentence.first)) {
        const pair = sidesAsked(k, false, true);
        if (pair) add(k, k + 1, pair, 'addressee');
        continue;
      }
      // "offered a neutral venue", "offered to mediate", "its good offices": a mediator's offer,
      // made to the two sides of a conflict.
      if (offersMediation(tokens, k, sentence.first)) {
        const pair = sidesAsked(k, false, true);
        if (pair) add(k, k + 1, pair, 'addressee');
        continue;
      }
      // "urged them to talk", "called on them to": those asked, a pair as for "the two".
      if (
        tok.lower === 'them' &&
        tok.pos === 'PRON' &&
        tokens[k + 1]?.lower === 'to' &&
        k + 2 < sentence.last &&
        tokens[k + 2]!.pos === 'VERB' &&
        k > sentence.first &&
        (APPEAL_VERBS.has(tokens[k - 1]!.lemma) ||
          (['on', 'upon'].includes(tokens[k - 1]!.lower) &&
            k - 1 > sentence.first &&
            APPEAL_VERBS.has(tokens[k - 2]!.lemma)))
      ) {
        const pair = sidesAsked(k, false, true);
        if (pair) add(k, k + 1, pair, 'pronoun');
        continue;
      }
      // "The three governments", "the three countries' navies", "the three agreed": the list of
      // exactly three the sentence or the two before it named ("Mali, Niger and Chad"), if any.
      if (PAIR_DETERMINERS.has(tok.lower) && tokens[k + 1]?.lower === 'three') {
        const noun = tokens[k + 2];
        const bare = noun === undefined || noun.pos === 'VERB' || noun.pos === 'AUX';
        const three =
          bare || PAIR_NOUNS.has(noun.lower) ? listOfThree(recent, tokens, s) : undefined;
        if (three) {
          add(k, bare ? k + 2 : k + 3, three, 'description');
          k = bare ? k + 1 : k + 2;
          continue;
        }
      }
      // "the two", "both sides", "the two governments", "its two neighbours", "all sides",
      // "both warring parties", "each side". ("Either side" is left: it named a war's two sides
      // more often than the article's parties.)
      const two = PAIR_DETERMINERS.has(tok.lower) && tokens[k + 1]?.lower === 'two';
      // "an exchange of prisoners between the neighbours": two, with no "two".
      const betweenThe =
        tok.lower === 'the' && k > sentence.first && tokens[k - 1]!.lower === 'between';
      if (
        (two ||
          betweenThe ||
          tok.lower === 'both' ||
          tok.lower === 'all' ||
          tok.lower === 'each') &&
        k + 1 < sentence.last
      ) {
        let after = two ? k + 2 : k + 1;
        // Up to two adjectives may come between: "both warring parties", "the two Gulf
        // states", "the two West African neighbours".
        const modifier = (j: number) =>
          tokens[j]!.pos === 'ADJ' || (tokens[j]!.pos === 'PROPN' && !inName[j]);
        for (let skip = 1; skip <= 2; skip++) {
          const head = after + skip;
          if (head >= sentence.last || !modifier(head - 1)) break;
          if (PAIR_NOUNS.has(tokens[head]!.lower)) {
            after = head;
            break;
          }
        }
        const noun = after < sentence.last ? tokens[after]! : undefined;
        // "each side", "each government": the singular.
        const key = tok.lower === 'each' ? EACH_NOUNS.get(noun?.lower ?? '') : noun?.lower;
        const hasNoun = key !== undefined && PAIR_NOUNS.has(key);
        // "the two agreed", not "its two largest ports", "the two-day talks".
        const bare = two && (!noun || (!NOUN_PHRASE_POS.has(noun.pos) && noun.text !== '-'));
        // "all" only with "sides" or "parties"; "the two" or "both" with any of the nouns.
        const fitsNoun = tok.lower === 'all' ? hasNoun && ALL_NOUNS.has(key) : hasNoun;
        if (fitsNoun || bare) {
          const states = hasNoun && PAIR_NOUNS.get(key) === 'state';
          // The object of a verb, or of its preposition ("urged both", "called on both").
          const at = k - 1 > sentence.first && tokens[k - 1]!.pos === 'ADP' ? k - 2 : k - 1;
          const verb = at >= sentence.first ? tokens[at]! : undefined;
          const object =
            verb !== undefined && verb.pos === 'VERB' && !REPORTING_VERBS.has(verb.lemma);
          // As a verb's object, never its subjects ("Ostria, Sudmark's ally, urged both sides").
          // "The two top diplomats discussed": the two persons just named, when there are.
          const persons =
            hasNoun && PAIR_NOUNS.get(key) === 'person' && !object
              ? personsOf(
                  recent,
                  s,
                  (id) => kindOf(id) === 'person',
                  // The speaker of this sentence ("Lind said the two ministers ...").
                  (seen) => {
                    if (seen.sentence !== s) return false;
                    const next = tokens[seen.end];
                    return next !== undefined && REPORTING_VERBS.has(next.lemma);
                  },
                )
              : undefined;
          const pair = persons ?? sidesAsked(k, states, object);
          if (pair) add(k, hasNoun ? after + 1 : after, pair, 'description');
          k = hasNoun ? after : after - 1;
          continue;
        }
      }
      if (tok.lower === 'the') {
        // "the (rebel) alliance": up to two words before the head.
        for (let h = k + 1; h < Math.min(sentence.last, k + 4); h++) {
          if (inName[h]) break;
          const head = tokens[h]!;
          const kinds = DESCRIPTIONS.get(head.lower);
          const heads = registry.labelHeads.get(head.lower);
          const following = tokens[h + 1];
          // A noun that goes on ("the group's leader" yes, "the government delegation" no).
          const compound =
            following !== undefined &&
            h + 1 < sentence.last &&
            (following.pos === 'NOUN' || following.pos === 'PROPN') &&
            !inName[h + 1];
          // "the government of Sudmark", "the government in Lima": the name after says who.
          const named =
            (following?.lower === 'of' || (following?.lower === 'in' && isRulerNoun(head))) &&
            h + 2 < sentence.last &&
            inName[h + 2] === 1;
          // "the regional bloc IGAD", "the rebel group M23": a title of the name after it.
          const titled = h + 1 < sentence.last && inName[h + 1] === 1;
          if ((kinds || heads) && !compound && !named && !titled && head.pos !== 'VERB') {
            // "Opposition leader X accused the government": a person named before it in the
            // sentence speaks of the government of the state the registry says they belong to.
            const person = isRulerNoun(head)
              ? local.filter((l) => l.at < k && kindOf(l.actor) === 'person').at(-1)
              : undefined;
            const home = person ? registry.affiliation.get(person.actor) : undefined;
            const fits = (id: string | undefined): id is string =>
              id !== undefined &&
              ((kinds?.includes(kindOf(id) ?? 'person') ?? false) ||
                (heads?.includes(id) ?? false));
            // Opening a sentence, the last one's subject when it fits ("Al-Shabaab, an al-Qaeda
            // affiliate, has fought ... The group killed"), else the last actor that fits.
            const actor =
              home && kindOf(home) === 'state'
                ? home
                : k === sentence.first && fits(previousSubject)
                  ? previousSubject
                  : mostRecent(fits);
            if (actor) add(k, h + 1, [actor], 'description');
            k = h;
            break;
          }
          if (!(head.pos === 'ADJ' || head.pos === 'NOUN' || head.pos === 'PROPN')) break;
        }
        continue;
      }
      // "government troops", "government forces": the state named last.
      if (
        tok.lower === 'government' &&
        k + 1 < sentence.last &&
        STATE_FORCES.has(tokens[k + 1]!.lower) &&
        !inName[k + 1]
      ) {
        const actor = mostRecent((id) => kindOf(id) === 'state');
        if (actor) add(k, k + 2, [actor], 'description');
        k++;
        continue;
      }
      if (POSSESSIVES.has(tok.lower) && k + 1 < sentence.last) {
        const noun = tokens[k + 1]!.lower;
        if (noun === 'government' || noun === 'country') {
          const person = tok.lower === 'his' || tok.lower === 'her';
          const speaker = person ? mostRecent((id) => kindOf(id) === 'person') : undefined;
          const affiliated = speaker ? registry.affiliation.get(speaker) : undefined;
          const actor =
            affiliated && kindOf(affiliated) === 'state'
              ? affiliated
              : mostRecent((id) => kindOf(id) === 'state');
          if (actor) add(k, k + 2, [actor], 'description');
          k++;
        }
        continue;
      }
      // "He accused ...": the one person named in this sentence before it or in the one
      // before (or the one before that, when those name no person and may name none the
      // registry does not know); with two or more the registry cannot say who is who, so none.
      if ((tok.lower === 'he' || tok.lower === 'she') && tok.pos === 'PRON') {
        // "He accused", "She later accused", "he also said".
        let v = k + 1;
        if (v < sentence.last && tokens[v]!.pos === 'ADV') v++;
        const after = tokens[v];
        if (!after || v >= sentence.last || (after.pos !== 'VERB' && after.pos !== 'AUX')) continue;
        // "Fiji's prime minister said he ...": an unnamed office holder of this sentence is
        // the one meant, for the actor the office is of.
        const personsFrom = (from: number) =>
          new Set(
            recent
              .filter((r) => r.sentence >= from && kindOf(r.actor) === 'person')
              .map((r) => r.actor),
          );
        let from = s - 1;
        let persons = personsFrom(from);
        while (
          persons.size === 0 &&
          from > 0 &&
          from > s - PRONOUN_REACH &&
          // (An unknown person named with a title is found by the check below.)
          !mayNamePerson(tokens, sentences[from]!, inName)
        )
          persons = personsFrom(--from);
        const office = unnamedOffice(tokens, sentence.first, k, inName);
        if (office !== undefined) {
          // With a person named in this sentence too, "he" could be either: none.
          const here = local.some((l) => l.at < k && kindOf(l.actor) === 'person');
          const holder = local.find((l) => l.end <= office && office - l.end <= 3 && l.possessive);
          if (!here && holder && kindOf(holder.actor) !== 'person')
            add(k, k + 1, [holder.actor], 'pronoun');
          continue;
        }
        // A person the registry does not know ("Prime Minister Lars Holm") counts as a second.
        const first = sentences[Math.max(0, from)]!.first;
        if (persons.size === 1 && !unknownPerson(tokens, first, k, inName, registry.titles))
          add(k, k + 1, [...persons], 'pronoun');
        continue;
      }
      if (tok.lower === 'it' && tok.pos === 'PRON') {
        const after = tokens[k + 1];
        const before = k > sentence.first ? tokens[k - 1] : undefined;
        // "it was in contact with": "be" before a preposition; not "it was reported that".
        const then = tokens[k + 2];
        const asSubject =
          after !== undefined &&
          k + 1 < sentence.last &&
          (after.pos === 'VERB' ||
            (after.pos === 'AUX' &&
              (after.lemma !== 'be' ||
                (then !== undefined && k + 2 < sentence.last && then.pos === 'ADP'))));
        const asObject = before !== undefined && isPreposition(before);
        if (!asSubject && !asObject) continue;
        const fits = (id: string | undefined) =>
          id !== undefined && kindOf(id) !== undefined && kindOf(id) !== 'person';
        const actor =
          (fits(subject) ? subject : undefined) ??
          (fits(previousSubject) ? previousSubject : undefined) ??
          mostRecent((id) => fits(id));
        if (actor) add(k, k + 1, [actor], 'pronoun');
      }
    }
    take(sentence.last);
    previousSubject = subject ?? previousSubject;
  }
  return found;
}

/**
 * Whether tokens [from, to) name a person the registry does not know: a title of office or of
 * address (`titles`: the honorifics, "Senator", "Queen", "Mr."), then a proper noun that is in
 * no name (`inName[k]` is 1 when token k is in a name).
 */
function unknownPerson(
  tokens: readonly Token[],
  from: number,
  to: number,
  inName: Uint8Array,
  titles: ReadonlySet<string>,
): boolean {
  for (let k = from; k + 1 < to; k++) {
    const t = tokens[k]!;
    if (!OFFICES.has(t.lemma) && !titles.has(t.lower.replace(/\.$/, ''))) continue;
    let j = k + 1;
    if (tokens[j]?.text === '.') j++;
    const next = tokens[j];
    if (next && j < to && next.pos === 'PROPN' && !inName[j]) return true;
  }
  return false;
}

/**
 * Whether a sentence may speak of a person the registry does not know: a noun for one who
 * acts for a body ("a spokesman", "the minister") or a proper noun in no name ("Maria Lopez").
 * "He" and "she" do not look past such a sentence.
 */
function mayNamePerson(tokens: readonly Token[], sentence: Sentence, inName: Uint8Array): boolean {
  for (let k = sentence.first; k < sentence.last; k++) {
    const t = tokens[k]!;
    if (AGENT_NOUNS.has(t.lemma) || (t.pos === 'PROPN' && !inName[k] && k > sentence.first))
      return true;
  }
  return false;
}

/** Titles of office: "the prime minister", "Fiji's foreign minister". */
const OFFICES = new Set([...OFFICE_NOUNS, 'king', 'queen']);

/**
 * The first token of an office named without its holder's name in tokens [from, to) ("Fiji's
 * prime minister said"), or undefined. A title before a name ("Foreign Minister Lavrov") is
 * not one. `inName[k]` is 1 when token k is in a name.
 */
function unnamedOffice(
  tokens: readonly Token[],
  from: number,
  to: number,
  inName: Uint8Array,
): number | undefined {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (inName[k] || !OFFICES.has(t.lemma) || (t.pos !== 'NOUN' && t.pos !== 'PROPN')) continue;
    let j = k + 1;
    while (j < to && OFFICES.has(tokens[j]!.lemma)) j++;
    if (j < to && inName[j]) continue;
    let first = k;
    while (
      first > from &&
      (tokens[first - 1]!.pos === 'ADJ' || tokens[first - 1]!.pos === 'NOUN') &&
      !inName[first - 1]
    )
      first--;
    return first;
  }
  return undefined;
}

/** What an appeal to the sides of a conflict asks for ("urged restraint", "called for calm"). */
const CALMING = new Set(['restraint', 'calm', 'de-escalation']);

/**
 * Whether the words from `from` (after a possessive) to `to` (a name) are the possessive's
 * noun phrase and a comma: "Norland's closest ally, Ostria".
 */
function apposedAfter(tokens: readonly Token[], from: number, to: number): boolean {
  let k = from;
  if (tokens[k]?.lower === "'s") k++;
  const head = k;
  while (k < to && (tokens[k]!.pos === 'ADJ' || tokens[k]!.pos === 'NOUN')) k++;
  return k > head && k === to - 1 && tokens[k]!.text === ',';
}

/** What a mediator offers: a venue, its good offices, to mediate or to host. */
const MEDIATION_NOUNS = new Set(['venue', 'offices', 'mediation']);
const MEDIATION_VERBS = new Set(['mediate', 'host', 'facilitate']);
/** Words of offering before it: "offered", "proposed", "ready to", "willing to". */
const OFFERING = new Set(['offer', 'propose', 'ready', 'willing', 'prepared', 'glad', 'happy']);

/**
 * Whether token k is what a mediator offers, with no party of its own: "offered a neutral
 * venue", "ready to offer its good offices", "offered to mediate", "has offered to host a
 * signing ceremony" (not "host talks with X": the object names a party).
 */
function offersMediation(tokens: readonly Token[], k: number, first: number): boolean {
  const t = tokens[k]!;
  let j = k - 1;
  if (MEDIATION_NOUNS.has(t.lower) && (t.lower !== 'offices' || tokens[j]?.lower === 'good')) {
    while (
      j >= first &&
      k - j <= 4 &&
      (tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'DET' || tokens[j]!.pos === 'PRON')
    )
      j--;
    return j >= first && OFFERING.has(tokens[j]!.lemma) && tokens[j]!.pos === 'VERB';
  }
  if (!MEDIATION_VERBS.has(t.lemma) || t.pos !== 'VERB' || tokens[j]?.lower !== 'to') return false;
  const offer = tokens[j - 1];
  if (j - 1 < first || offer === undefined || !OFFERING.has(offer.lemma)) return false;
  // "offered to host talks between X and Y": the parties are named after it.
  for (let n = k + 1; n < tokens.length && n <= k + 6; n++) {
    const after = tokens[n]!;
    if (after.lower === 'between' || after.lower === 'with' || after.lower === 'among')
      return false;
    if (after.pos === 'PUNCT' || after.pos === 'VERB') break;
  }
  return true;
}

/**
 * Whether an appeal's verb stands right before token `k`: "urged (maximum) restraint",
 * "called for calm", "appealed for calm".
 */
function appealsBefore(tokens: readonly Token[], k: number, first: number): boolean {
  let j = k - 1;
  if (j >= first && tokens[j]!.pos === 'ADJ') j--;
  const verb = j >= first ? tokens[j]! : undefined;
  if (verb?.pos === 'VERB' && verb.lemma === 'urge') return true;
  const before = j - 1 >= first ? tokens[j - 1]! : undefined;
  return (
    verb?.lower === 'for' &&
    before !== undefined &&
    before.pos === 'VERB' &&
    (before.lemma === 'call' || before.lemma === 'appeal')
  );
}

/**
 * The three actors of the latest list of exactly three ("X, Y and Z": commas, then "and") in
 * this sentence or the `PAIR_REACH` before it; none when the list is longer or names one twice.
 */
function listOfThree(
  recent: readonly Seen[],
  tokens: readonly Token[],
  s: number,
): string[] | undefined {
  const joined = (a: Seen, b: Seen, by: string) =>
    a.sentence === b.sentence && b.at === a.end + 1 && tokens[a.end]!.lower === by;
  for (let i = recent.length - 1; i >= 2; i--) {
    const z = recent[i]!;
    if (s - z.sentence > PAIR_REACH) return undefined;
    const y = recent[i - 1]!;
    const x = recent[i - 2]!;
    if (z.pairedWith !== y.actor || !joined(x, y, ',')) continue;
    const w = recent[i - 3];
    if (w && joined(w, x, ',')) continue;
    const three = [x.actor, y.actor, z.actor];
    if (new Set(three).size === 3) return three;
  }
  return undefined;
}

/** How many sentences back an "X and Y" still gives the pair "the two" stands for. */
const PAIR_REACH = 2;

/**
 * The two persons "the two ministers" stands for: the persons named in this sentence and the
 * `PAIR_REACH` before it, earlier first, when they are exactly two (three or more: no guess
 * among them); the one who speaks (`speaks`: "Lind said the two ministers ...") is none of them.
 */
function personsOf(
  recent: readonly Seen[],
  sentence: number,
  isPerson: (id: string) => boolean,
  speaks: (seen: Seen) => boolean,
): string[] | undefined {
  const persons: string[] = [];
  for (let i = recent.length - 1; i >= 0 && recent[i]!.sentence >= sentence - PAIR_REACH; i--) {
    const seen = recent[i]!;
    if (!isPerson(seen.actor) || persons.includes(seen.actor) || speaks(seen)) continue;
    persons.push(seen.actor);
  }
  return persons.length === 2 ? persons.reverse() : undefined;
}

/**
 * The two actors "the two" stands for. From this sentence if it names two before the words
 * (unless the words are a verb's object); else the last pair joined by "and" ("X and Y") in the
 * two sentences before it (as a verb's object, "between X and Y" in this sentence too) that
 * leaves out the actors of this sentence named before; else the two actors the article has
 * named most so far that may be a party (`aParty`: no organisation, which more often mediates
 * or watches), the first named first on a tie. As a verb's object (`subjects` given: the verb's
 * subjects), never one of those subjects.
 */
function pairOf(
  recent: readonly Seen[],
  sentence: number,
  fits: (id: string) => boolean,
  subjects: ReadonlySet<string> | undefined,
  named: ReadonlyMap<string, number>,
  aParty: (id: string) => boolean,
): string[] | undefined {
  const here = recent.filter((r) => r.sentence === sentence && fits(r.actor));
  // "X and Y urged both neighbours": a verb's object is none of its subjects.
  const own = subjects ?? new Set(here.map((r) => r.actor));
  if (own.size >= 2 && !subjects) {
    // "X and Y agreed ... after talks mediated by Z, but each side warned": the two joined by
    // "and", before the last two named.
    for (let i = here.length - 1; i >= 0; i--) {
      const r = here[i]!;
      if (r.pairedWith && !r.listed && r.pairedWith !== r.actor && fits(r.pairedWith))
        return [r.pairedWith, r.actor];
    }
    const pair: string[] = [];
    for (let i = here.length - 1; i >= 0 && pair.length < 2; i--)
      if (!pair.includes(here[i]!.actor)) pair.push(here[i]!.actor);
    return pair.reverse();
  }
  for (let i = recent.length - 1; i >= 0 && recent[i]!.sentence >= sentence - PAIR_REACH; i--) {
    const r = recent[i]!;
    // As a verb's object, a pair "between" them in this sentence first ("Oman, which brokered a
    // truce between X and Y, had spoken to both sides").
    if ((r.sentence === sentence && !(subjects && r.between)) || !r.pairedWith || r.listed)
      continue;
    if (!fits(r.actor) || !fits(r.pairedWith) || own.has(r.actor) || own.has(r.pairedWith))
      continue;
    if (r.actor !== r.pairedWith) return [r.pairedWith, r.actor];
  }
  // The two named most, in one pass (the first named first on a tie: the map keeps that order).
  let first: string | undefined;
  let second: string | undefined;
  for (const [id, count] of named) {
    if (!fits(id) || own.has(id) || !aParty(id)) continue;
    if (first === undefined || count > named.get(first)!) [first, second] = [id, first];
    else if (second === undefined || count > named.get(second)!) second = id;
  }
  return first !== undefined && second !== undefined ? [first, second] : undefined;
}
