import { distance } from 'fastest-levenshtein';
import type { Actor } from '../model.ts';
import { describeChar, findInvisible, showInvisible } from '../text/characters.ts';
import { mixedScripts, skeleton, type MixedScripts } from '../text/confusables.ts';

export interface NameCheck {
  /** The name quoted for a message, invisible characters written as \\u escapes. */
  shown: string;
  /** Its first invisible character (a zero-width space, a bidi control...), which is refused. */
  invisible?: { char: string; description: string };
  /** Letters from Latin, Cyrillic and Greek mixed (a warning). */
  mixed?: MixedScripts;
}

/** What is wrong with a name as written (in the registry or in an annotation). */
export function checkName(name: string): NameCheck {
  const shown = `"${showInvisible(name)}"`;
  const invisible = findInvisible(name);
  if (invisible) {
    return {
      shown,
      invisible: { char: invisible.char, description: describeChar(invisible.char) },
    };
  }
  const mixed = mixedScripts(name);
  return mixed ? { shown, mixed } : { shown };
}

/** How names are compared: case-, width- and whitespace-insensitively. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every way to name an actor (id, label, aliases), keyed by nameKey. */
export interface ActorIndex {
  byKey: Map<string, Set<string>>;
  /** Actor ids by the confusable skeleton of each name (for "looks like" hints). */
  bySkeleton: Map<string, Set<string>>;
  actors: Map<string, Actor>;
}

export interface NameClash {
  key: string;
  name: string;
  actorIds: string[];
}

export function indexActors(actors: readonly Actor[]): ActorIndex {
  const byKey = new Map<string, Set<string>>();
  const bySkeleton = new Map<string, Set<string>>();
  const byId = new Map<string, Actor>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) => {
    let ids = map.get(key);
    if (!ids) map.set(key, (ids = new Set()));
    ids.add(id);
  };
  for (const actor of actors) {
    if (!byId.has(actor.id)) byId.set(actor.id, actor);
    for (const name of namesOf(actor)) {
      add(byKey, nameKey(name), actor.id);
      add(bySkeleton, skeleton(name), actor.id);
    }
  }
  return { byKey, bySkeleton, actors: byId };
}

export const namesOf = (actor: Actor): string[] => [
  actor.id,
  actor.label,
  ...(actor.aliases ?? []),
];

/** Names (ids, labels or aliases) that point to more than one actor. */
export function findNameClashes(actors: readonly Actor[]): NameClash[] {
  const owners = new Map<string, { name: string; ids: string[] }>();
  for (const actor of actors) {
    for (const name of new Set(namesOf(actor).map(nameKey))) {
      const entry = owners.get(name);
      if (entry) {
        if (!entry.ids.includes(actor.id)) entry.ids.push(actor.id);
      } else owners.set(name, { name, ids: [actor.id] });
    }
  }
  return [...owners.entries()]
    .filter(([, e]) => e.ids.length > 1)
    .map(([key, e]) => ({ key, name: e.name, actorIds: e.ids }));
}

export type Resolution =
  | { ok: true; id: string }
  | {
      ok: false;
      reason: 'unknown' | 'ambiguous';
      candidates: string[];
      /** For an unknown name: the actors whose names look exactly like it (same skeleton). */
      lookAlikes?: string[];
    };

/** Resolves a name as written in an annotation to an actor id. */
export function resolveActor(index: ActorIndex, name: string): Resolution {
  const ids = index.byKey.get(nameKey(name));
  if (ids && ids.size === 1) return { ok: true, id: ids.values().next().value! };
  if (ids && ids.size > 1) return { ok: false, reason: 'ambiguous', candidates: [...ids].sort() };
  const lookAlikes = [...(index.bySkeleton.get(skeleton(name)) ?? [])].sort();
  return {
    ok: false,
    reason: 'unknown',
    candidates: suggestActors(index, name),
    ...(lookAlikes.length > 0 ? { lookAlikes } : {}),
  };
}

/**
 * The actors whose names come closest to `name`: by edit distance, and by one name containing
 * the other ("Kery" -> John Kerry, "Adnani" -> Abu Mohammad al-Adnani).
 */
export function suggestActors(index: ActorIndex, name: string, limit = 3): string[] {
  const key = nameKey(name);
  const best = new Map<string, number>();
  for (const [candidate, ids] of index.byKey) {
    let score = distance(key, candidate);
    if (
      candidate.length >= 3 &&
      key.length >= 3 &&
      (candidate.includes(key) || key.includes(candidate))
    ) {
      score = Math.min(score, 1);
    }
    if (score > Math.max(2, Math.floor(key.length / 3))) continue;
    for (const id of ids) best.set(id, Math.min(best.get(id) ?? Infinity, score));
  }
  const ranked = [...best.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  // A near miss ("Rusia") speaks for itself: do not pad it with farther names ("USA").
  const cutoff = (ranked[0]?.[1] ?? 0) <= 1 ? 1 : Infinity;
  return ranked
    .filter(([, score]) => score <= cutoff)
    .slice(0, limit)
    .map(([id]) => id);
}

/** "Russia (russia)" for messages. */
export function describeActor(index: ActorIndex, id: string): string {
  const actor = index.actors.get(id);
  return actor ? `${actor.label} (${id})` : id;
}
