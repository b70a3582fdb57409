/**
 * The relation form's actor fields: what a typed name may mean. Ids, labels and aliases,
 * case- and accent-insensitive (search.ts), and what the build's exact names miss: an
 * honorific or title before a name ("Mr. Kerry", "Foreign Minister Lavrov") and a person's
 * surname alone ("Kerry" for John Kerry).
 */
import {
  buildSearchIndex,
  foldForSearch,
  searchActors,
  type SearchMatch,
} from '../explore/search.ts';
import type { ActorChoice } from './api.ts';

/** Words that may stand before a name and are not part of it (folded, without the dot). */
const TITLES = [
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'sir',
  'president',
  'vice president',
  'prime minister',
  'foreign minister',
  'defence minister',
  'defense minister',
  'minister',
  'secretary of state',
  'secretary',
  'general',
  'gen',
  'sheikh',
  'king',
  'queen',
  'prince',
  'chancellor',
  'ambassador',
  'senator',
  'sen',
  'rep',
  'spokesman',
  'spokeswoman',
  'spokesperson',
];

/** The name without the titles it begins with: "Mr. John Kerry" -> "john kerry". */
export function withoutTitles(name: string): string {
  let folded = foldForSearch(name).replace(/\./g, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const title of TITLES) {
      if (folded.startsWith(`${title} `)) {
        folded = folded.slice(title.length + 1).trim();
        changed = true;
      }
    }
  }
  return folded;
}

export interface ActorMatcher {
  /** The actors a typed name may mean, best first. */
  match(query: string, limit?: number): SearchMatch[];
}

export function actorMatcher(actors: readonly ActorChoice[]): ActorMatcher {
  const surnames = (a: ActorChoice) => {
    if (a.kind !== 'person') return [];
    const words = a.label.split(/\s+/);
    return words.length > 1 ? [words[words.length - 1]!] : [];
  };
  const index = buildSearchIndex(
    actors.map((a) => ({
      id: a.id,
      label: a.label,
      aliases: [a.id, ...a.aliases, ...surnames(a)],
      weight: 0,
    })),
  );
  return {
    match(query, limit = 8) {
      const direct = searchActors(index, query, limit);
      const bare = withoutTitles(query);
      if (bare === foldForSearch(query) || bare.length === 0) return direct;
      // Both readings, the bare name's exact matches first.
      const seen = new Set<string>();
      return [...searchActors(index, bare, limit), ...direct]
        .sort((a, b) => a.score - b.score)
        .filter((m) => !seen.has(m.id) && seen.add(m.id))
        .slice(0, limit);
    },
  };
}

/** An actor id made from a name, as the registry writes them: "Julie Bishop" -> "julie-bishop". */
export function actorIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    foldForSearch(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'actor';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
