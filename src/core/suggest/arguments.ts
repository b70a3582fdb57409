/**
 * The two sides of a cue, from the sentence's structure rather than word order alone: the
 * subject side (the nearest name before the cue in its clause that is not the object of a
 * preposition or of another verb; a relative pronoun's antecedent; a pronoun's referent) and
 * the object side (a verb's direct object, or a name after one of the cue's prepositions,
 * skipping phrases of place and time). Passive verbs swap the sides ("X was attacked by Y").
 * Names joined by "and" or commas form a group: every member takes part.
 */
import type { CueHit } from './cues.ts';
import {
  COORDINATORS,
  INFINITIVE_ROOTS,
  RELATIVE_PRONOUNS,
  PARTICIPLE_OPENERS,
  REPORTING_VERBS,
  SUBJECT_PRONOUNS,
  isClauseBreak,
  isModifier,
  isNoun,
  isPassiveAt,
  isPreposition,
  isVerb,
} from './grammar.ts';
import { mentionOn, type PlacedMention, type SentenceView } from './sentence.ts';

/** How a side was found, for the score and the explanation. */
export type SideHow =
  | 'subject'
  | 'possessive'
  | 'relative'
  | 'pronoun'
  | 'agent'
  | 'object'
  | 'preposition'
  | 'between';

export interface Side {
  group: PlacedMention[];
  how: SideHow;
  /** Tokens between the side and the cue. */
  distance: number;
  /** The preposition that introduced it. */
  preposition?: string;
}

export interface Parties {
  source?: Side;
  target?: Side;
  passive: boolean;
  /** Tokens of an infinitive the cue governs and whose object it took ("offered to coordinate ... with X"). */
  absorbed?: { first: number; last: number };
}

/** How far a side may be from its cue, in tokens. */
const MAX_REACH = 25;

/** A pronoun's possible referents, from what was said before. */
export interface Antecedents {
  /** The first subject group of the sentence so far, then of the sentence before. */
  groups: PlacedMention[][];
  isPerson: (actor: string) => boolean;
}

export function findParties(view: SentenceView, hit: CueHit, antecedents: Antecedents): Parties {
  const { tokens } = view;
  const passive = hit.cue.pos === 'verb' && isPassiveAt(tokens, hit.first, view.sentence.first);
  const before = hit.cue.pos === 'noun' ? possessiveBefore(view, hit.first) : undefined;
  const subject = before ?? findSubject(view, hit.first, antecedents);
  const right = findObject(view, hit, passive);
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
  if (next && groupEnd < sentence.last && next.pos === 'VERB') return false;
  let j = m.first - 1;
  while (j >= sentence.first && isModifier(tokens[j]!) && !mentionOn(view, j)) j--;
  if (j < sentence.first) return false;
  const t = tokens[j]!;
  if (isPreposition(t)) return t.lower !== 'of';
  return t.pos === 'VERB' && !REPORTING_VERBS.has(t.lemma);
}

function findSubject(
  view: SentenceView,
  cueFirst: number,
  antecedents: Antecedents,
): Side | undefined {
  const { tokens, sentence } = view;
  // "Kerry said Tuesday after meeting with Lavrov": a participle clause's subject is that of
  // the clause it hangs on, across the subordinator and a verb of saying.
  let participle = false;
  for (let k = cueFirst - 1; k >= sentence.first && cueFirst - k <= MAX_REACH; k--) {
    const m = mentionOn(view, k);
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
    if (SUBJECT_PRONOUNS.has(t.lower) && (t.pos === 'PRON' || t.pos === 'DET')) {
      const group = speakerOf(view, k) ?? referent(t.lower, antecedents);
      return group ? { group, how: 'pronoun', distance: cueFirst - k - 1 } : undefined;
    }
    if (isClauseBreak(t)) {
      if (
        k === cueFirst - 1 &&
        PARTICIPLE_OPENERS.has(t.lower) &&
        /ing$/.test(tokens[cueFirst]!.lower)
      ) {
        participle = true;
        continue;
      }
      if (participle && REPORTING_VERBS.has(t.lemma)) continue;
      if (!RELATIVE_PRONOUNS.has(t.lower)) return undefined;
      let j = k - 1;
      while (j >= sentence.first && tokens[j]!.text === ',') j--;
      const antecedent = j >= sentence.first ? mentionOn(view, j) : undefined;
      return usable(antecedent)
        ? { group: groupLeftOf(view, antecedent), how: 'relative', distance: cueFirst - k }
        : undefined;
    }
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
  k--;
  while (k >= sentence.first && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'AUX')) k--;
  const speaker = k >= sentence.first ? mentionOn(view, k) : undefined;
  return usable(speaker) && speaker.actor ? groupLeftOf(view, speaker) : undefined;
}

/**
 * What joins two names, if anything: "and" (or "or", "as well as", "&", a hyphen, a slash),
 * or a comma alone, which joins only inside a list that "and" closes ("X, Y and Z").
 */
function joinBetween(view: SentenceView, from: number, to: number): 'and' | 'comma' | undefined {
  if (to - from > 4 || to <= from) return undefined;
  let join: 'and' | 'comma' | undefined;
  for (let k = from; k < to; k++) {
    const t = view.tokens[k]!;
    if (mentionOn(view, k)) return undefined;
    if (t.text === ',') join ??= 'comma';
    else if (COORDINATORS.has(t.lower)) join = 'and';
    else if (t.pos !== 'DET') return undefined;
  }
  return join;
}

/** The group a mention ends: "X and Y", "X, Y and Z", "both X and Y", "X as well as Y", "X-Y". */
function groupLeftOf(view: SentenceView, last: PlacedMention): PlacedMention[] {
  const group = [last];
  let m = last;
  for (;;) {
    const slot = view.mentions.indexOf(m);
    const previous = slot > 0 ? view.mentions[slot - 1] : undefined;
    if (!usable(previous)) break;
    const join = joinBetween(view, previous.last, m.first);
    // The join nearest the anchor must be a conjunction; commas may list the names before it.
    if (join === undefined || (join === 'comma' && group.length === 1)) break;
    group.unshift(previous);
    m = previous;
  }
  return group.filter((g) => g.actor !== undefined);
}

/** The group a mention begins, stopping before a name that starts a clause of its own. */
function groupRightOf(view: SentenceView, firstMention: PlacedMention): PlacedMention[] {
  const { tokens } = view;
  const group = [firstMention];
  let closed = 1;
  let m = firstMention;
  for (;;) {
    const slot = view.mentions.indexOf(m);
    const next = view.mentions[slot + 1];
    if (!usable(next)) break;
    const join = joinBetween(view, m.last, next.first);
    if (join === undefined) break;
    // "... Ukraine and the US condemned it": the US begins a clause.
    const after = tokens[next.last];
    if (after && isVerb(after) && !next.mention.possessive) break;
    group.push(next);
    if (join === 'and') closed = group.length;
    m = next;
  }
  // Names after the last "and" joined by commas only are not part of the list.
  return group.slice(0, closed).filter((g) => g.actor !== undefined);
}

interface RightSide {
  object?: Side;
  agent?: Side;
  absorbed?: { first: number; last: number };
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
  for (let k = hit.last; k < sentence.last && k - hit.last <= MAX_REACH; k++) {
    const t = tokens[k]!;
    const m = mentionOn(view, k);
    if (m) {
      const at = k;
      k = m.last - 1;
      if (!usable(m)) continue;
      if (skipping) continue;
      const agentive = preposition === 'by' || (preposition === 'from' && cue.pos === 'noun');
      if (agentive && (passive || cue.pos === 'noun')) {
        result.agent = { group: groupRightOf(view, m), how: 'agent', distance: at - hit.last };
        preposition = '';
        k = lastOf(result.agent.group) - 1;
        continue;
      }
      if (passive) continue;
      if (preposition !== '' && !agentive) {
        const between = preposition === 'between' || preposition === 'among';
        result.object = {
          group: groupRightOf(view, m),
          how: between ? 'between' : 'preposition',
          distance: at - hit.last,
          preposition,
        };
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
    if (isClauseBreak(t) || t.text === ',') break;
    if (t.lower === 'to' && k + 1 < sentence.last && tokens[k + 1]!.pos === 'VERB') {
      // "offered to coordinate ... with X", "threatened to attack X": the infinitive's party.
      if (infinitive !== undefined || passive || !INFINITIVE_ROOTS.has(cue.code)) break;
      infinitive = k;
      k++;
      preposition = '';
      theme = false;
      skipping = false;
      continue;
    }
    if (isPreposition(t)) {
      if (t.lower === 'by' || (t.lower === 'from' && cue.pos === 'noun')) {
        preposition = t.lower;
        skipping = false;
      } else if (cue.prepositions.has(t.lower)) {
        preposition = t.lower;
        skipping = false;
      } else {
        skipping = true;
      }
      continue;
    }
    if (isVerb(t)) {
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
