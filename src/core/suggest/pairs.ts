/**
 * The source-target pairs a cue's two sides give (arguments.ts finds the sides): each of a
 * group with each of the other; "X mediates between A and B", X with each; "talks between A and
 * B", A with B; "X and Y agreed", "X and Y clashed", "X and Y accused each other", the members
 * with each other, unless the act is aimed at another ("a war against Z", "clashed with
 * police"); "X fought Y", "X clashed with Y": a mutual act, both ways.
 */
import type { Side } from './arguments.ts';
import type { CueHit } from './cues.ts';
import { isEachOtherAt, QUOTE_MARKS } from './grammar.ts';
import { mentionOn, pastModifiers, type PlacedMention, type SentenceView } from './sentence.ts';

/** Nouns for people an act may be aimed at ("clashed with police"). */
const PEOPLE = new Set([
  'police',
  'protester',
  'demonstrator',
  'rebel',
  'militant',
  'insurgent',
  'gunman',
  'civilian',
  'crowd',
  'gang',
  'militia',
  'force',
  'troop',
  'soldier',
  'fighter',
  'army',
]);

/**
 * Whether the words after a mutual act's preposition (at token `from`) name another party it
 * is aimed at: "against" anything, "with" a name or people ("clashed with police"), never
 * "with each other" or "with heavy artillery".
 */
function aimedAt(view: SentenceView, preposition: string, from: number): boolean {
  if (preposition === 'against') return true;
  if (preposition !== 'with') return false;
  const { tokens, sentence } = view;
  const k = pastModifiers(view, from, 1);
  const t = tokens[k];
  if (!t || k >= sentence.last) return false;
  if (t.lower === 'each' || t.lower === 'one') return false;
  return mentionOn(view, k) !== undefined || PEOPLE.has(t.lemma) || PEOPLE.has(t.singular ?? '');
}

/** One key for a pair of actors in either order ("a|b", the smaller id first). */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Whether a mutual act's words go on to another party ("X and Y are waging a war against Z"). */
export function aimedElsewhere(view: SentenceView, hit: CueHit): boolean {
  const { tokens, sentence } = view;
  let next = hit.last;
  while (next < sentence.last && QUOTE_MARKS.has(tokens[next]!.text)) next++;
  const following = tokens[next];
  return (
    next < sentence.last &&
    following !== undefined &&
    hit.cue.prepositions.has(following.lower) &&
    aimedAt(view, following.lower, next + 1)
  );
}

/**
 * Whether the cue's object is its own subjects: "accused each other", "fired on one another",
 * "each side accused the other" (after the cue, or after one of its prepositions).
 */
export function atEachOther(view: SentenceView, hit: CueHit, source: Side | undefined): boolean {
  const { tokens, sentence } = view;
  let k = hit.last;
  if (k < sentence.last && hit.cue.prepositions.has(tokens[k]!.lower)) k++;
  if (k + 1 >= sentence.last) return false;
  if (isEachOtherAt(tokens, k)) return true;
  // "the other" when the subject is "each side", "each government" (coref.ts).
  const subject = source?.group[0]?.mention;
  return (
    tokens[k]!.lower === 'the' &&
    tokens[k + 1]!.lower === 'other' &&
    subject !== undefined &&
    /^each\s/i.test(subject.text)
  );
}

export interface Pair {
  source: PlacedMention;
  target: PlacedMention;
  sourceSide: Side;
  targetSide: Side;
  fromGroup: 'pair' | 'both-ways' | undefined;
}

/**
 * How many names a group may have for a relation between its members ("X, Y and Z agreed"):
 * four or more are a summit's or a forum's members, whose relations to one another the
 * annotators of the sets recorded for 2 of 20 such suggestions.
 */
const MAX_TOGETHER = 3;

/**
 * The source-target pairs a cue's sides give. `directed`: the cue's relation type is;
 * `aimed`: the cue's words go on to another party, named or not ("a war against ...");
 * `eachOther`: its object is its own subjects ("X and Y accused each other").
 */
export function pairsOf(
  source: Side | undefined,
  target: Side | undefined,
  hit: CueHit,
  { directed, aimed, eachOther }: { directed: boolean; aimed: boolean; eachOther: boolean },
): Pair[] {
  const pairs: Pair[] = [];
  const within = (side: Side, mode: 'pair' | 'both-ways') => {
    const g = side.group;
    for (let i = 0; i < g.length; i++) {
      for (let j = 0; j < g.length; j++) {
        if (i === j || (mode === 'pair' && j < i)) continue;
        pairs.push({
          source: g[i]!,
          target: g[j]!,
          sourceSide: side,
          targetSide: side,
          fromGroup: mode,
        });
      }
    }
  };
  if (target?.how === 'between' && source && hit.cue.pos !== 'noun') {
    // "X mediates between A and B": X with each.
    for (const t of target.group) {
      pairs.push({
        source: source.group[0]!,
        target: t,
        sourceSide: source,
        targetSide: target,
        fromGroup: undefined,
      });
    }
  } else if (target?.how === 'between') {
    within(target, directed ? 'both-ways' : 'pair');
  } else if (source && target) {
    for (const s of source.group) {
      for (const t of target.group) {
        pairs.push({
          source: s,
          target: t,
          sourceSide: source,
          targetSide: target,
          fromGroup: undefined,
        });
        // "X fought Y", "X's war with Y": a mutual act is each one's against the other.
        if (directed && hit.cue.reciprocal)
          pairs.push({
            source: t,
            target: s,
            sourceSide: target,
            targetSide: source,
            fromGroup: 'both-ways',
          });
      }
    }
  } else if (source && !target && source.group.length > 1 && source.group.length <= MAX_TOGETHER) {
    // "X and Y agreed", "the U.S.-Russian willingness": a relation between the members. A
    // directed verb needs its object ("X and Y attacked" says nothing of X against Y).
    // A mutual act ("X and Y clashed", "exchanged fire", "the two fought a war"): both ways.
    if (!directed) within(source, 'pair');
    else if ((hit.cue.reciprocal && !aimed) || eachOther) within(source, 'both-ways');
    else if (hit.cue.pos === 'noun' && source.how === 'possessive') within(source, 'both-ways');
  }
  return pairs.filter((p) => p.source.actor && p.target.actor && p.source.actor !== p.target.actor);
}
