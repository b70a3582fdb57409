/**
 * Actor search: labels and every alias, case- and accent-insensitive, ranked so that the best
 * match comes first (exact name, then name prefix, then a word prefix, then any substring;
 * ties go to the better-connected actor).
 */
import { spellPlainly } from '../text/letters.ts';

export interface SearchableActor {
  id: string;
  label: string;
  aliases: readonly string[];
  /** Ranks ties: e.g. the actor's degree. */
  weight: number;
}

export interface SearchIndex {
  entries: {
    id: string;
    label: string;
    weight: number;
    names: { name: string; folded: string }[];
  }[];
}

export interface SearchMatch {
  id: string;
  label: string;
  /** The name that matched (the label or an alias). */
  matched: string;
  score: number;
}

/** Lower case, accents removed, whitespace collapsed: "Ĉurkin  " -> "curkin", "Søren" -> "soren". */
export function foldForSearch(text: string): string {
  return spellPlainly(
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase(),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

export function buildSearchIndex(actors: Iterable<SearchableActor>): SearchIndex {
  const entries: SearchIndex['entries'] = [];
  for (const actor of actors) {
    const names = [actor.label, ...actor.aliases].map((name) => ({
      name,
      folded: foldForSearch(name),
    }));
    entries.push({ id: actor.id, label: actor.label, weight: actor.weight, names });
  }
  return { entries };
}

const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const SUBSTRING = 3;

function scoreName(folded: string, query: string): number {
  if (folded === query) return EXACT;
  if (folded.startsWith(query)) return PREFIX;
  const at = folded.indexOf(query);
  if (at < 0) return -1;
  // A match at the start of a later word ("kerry" in "john kerry") beats one inside a word.
  const before = folded.charCodeAt(at - 1);
  return before === 32 || before === 45 ? WORD_PREFIX : SUBSTRING;
}

export function searchActors(index: SearchIndex, query: string, limit = 8): SearchMatch[] {
  const q = foldForSearch(query);
  if (q.length === 0) return [];
  const matches: (SearchMatch & { weight: number })[] = [];
  for (const entry of index.entries) {
    let best = -1;
    let matched = entry.label;
    for (const { name, folded } of entry.names) {
      const score = scoreName(folded, q);
      // The label wins a tie with an alias (it is listed first).
      if (score >= 0 && (best < 0 || score < best)) {
        best = score;
        matched = name;
      }
    }
    if (best >= 0) {
      matches.push({
        id: entry.id,
        label: entry.label,
        matched,
        score: best,
        weight: entry.weight,
      });
    }
  }
  matches.sort(
    (a, b) => a.score - b.score || b.weight - a.weight || a.label.localeCompare(b.label),
  );
  return matches
    .slice(0, limit)
    .map(({ id, label, matched, score }) => ({ id, label, matched, score }));
}
