/** Defaults and limits of the generator's options, shared by the core and the command line. */

export const DEFAULT_SEED = '1';
export const DEFAULT_RELATIONS = 1000;
/** Relations per article when --articles is left out. */
export const RELATIONS_PER_ARTICLE = 8;

export const MAX_ACTORS = 200_000;
export const MAX_RELATIONS = 2_000_000;

/** The benchmark tiers: relations -> actors. */
const TIERS: readonly (readonly [number, number])[] = [
  [1_000, 300],
  [10_000, 2_000],
  [100_000, 10_000],
];

/**
 * Actors for a number of relations when --actors is left out: the benchmark tiers (1,000 -> 300,
 * 10,000 -> 2,000, 100,000 -> 10,000), interpolated on log scales between them and extended
 * beyond them; never more than the relations can cover (two actors a relation), at least two.
 */
export function defaultActors(relations: number): number {
  const x = Math.log(Math.max(1, relations));
  const i = relations <= TIERS[1]![0] ? 0 : 1;
  const [r0, a0] = TIERS[i]!;
  const [r1, a1] = TIERS[i + 1]!;
  const slope = (Math.log(a1) - Math.log(a0)) / (Math.log(r1) - Math.log(r0));
  const actors = Math.round(Math.exp(Math.log(a0) + slope * (x - Math.log(r0))));
  return Math.max(2, Math.min(actors, 2 * relations, MAX_ACTORS));
}

/** Articles for a number of relations when --articles is left out: one per 8 relations. */
export const defaultArticles = (relations: number): number =>
  Math.max(1, Math.ceil(relations / RELATIONS_PER_ARTICLE));

export interface Counts {
  actors: number;
  relations: number;
  articles: number;
}

/**
 * What is wrong with a combination of counts, if anything: each must be a whole number in range,
 * every actor needs a relation (the build warns about actors without any) and every article too.
 */
export function countsProblem({ actors, relations, articles }: Counts): string | undefined {
  const whole = (n: number) => Number.isSafeInteger(n);
  if (!whole(actors) || actors < 2 || actors > MAX_ACTORS) {
    return `actors must be a whole number from 2 to ${MAX_ACTORS.toLocaleString('en')}, not ${actors}`;
  }
  if (!whole(relations) || relations < 1 || relations > MAX_RELATIONS) {
    return `relations must be a whole number from 1 to ${MAX_RELATIONS.toLocaleString('en')}, not ${relations}`;
  }
  if (!whole(articles) || articles < 1) {
    return `articles must be a whole number of at least 1, not ${articles}`;
  }
  if (relations * 2 < actors) {
    return `${relations} relations cannot cover ${actors} actors: every actor needs at least one relation, so ${actors} actors need at least ${Math.ceil(actors / 2)} relations`;
  }
  if (articles > relations) {
    return `${articles} articles need more than ${relations} relations: every article needs at least one relation`;
  }
  return undefined;
}
