import { IssueSink, type BuildIssue } from './issues.ts';

/** How often one kind of step was taken from the cache (hits) or run (misses). */
export interface StepCounts {
  hits: number;
  misses: number;
}

export interface BuildCacheStats {
  /** The counts of the last build that used the cache, by kind of step ("parse", "resolve"...). */
  lastBuild: Record<string, StepCounts>;
  /** Over every build that used the cache. */
  total: Record<string, StepCounts>;
  /** Steps held: at most one per kind of step and file of the last build. */
  entries: number;
}

interface Entry {
  /** What the step was given, compared by identity (strings by value). */
  args: readonly unknown[];
  value: unknown;
  /** The issues the step reported, in the order it reported them. */
  issues: readonly BuildIssue[];
}

/**
 * Memoises the per-file steps of buildGraph (BuildOptions.cache) between builds of the same
 * folder, as the annotation workbench's rebuild after each save: a step is run again only when
 * what it was given changed, and a step taken from the cache reports again, into the build's
 * sink, the issues it reported when it ran, in the same order, so that a build with the cache
 * gives what a build without it gives (graph, texts, issues, report).
 *
 * Each step sits in the slot of one file (its path) under a kind: the YAML parse and the schema
 * check of each file, the checks and normalisation of each article text, the registries'
 * checks, and each article's resolution and evidence. Its arguments are compared by identity:
 * a parse whose file text is the same is the same object, and so are the steps derived from
 * it. A changed file replaces its slot's steps; a build drops the slots of files it is not
 * given, so the cache holds no more than the files of the last build.
 *
 * Values are shared between builds: the steps' results (parsed YAML, resolved relations) are
 * not changed by the build, and the evidence buildGraph takes from the cache is copied. What a
 * build returns may still share objects of the files' parsed values with the cache (an
 * article's `published`, an actor's aliases): treat a built graph's attributes as read-only,
 * or use no cache.
 */
export class BuildCache {
  private readonly slots = new Map<string, Map<string, Entry>>();
  private readonly lastCounts = new Map<string, StepCounts>();
  private readonly totalCounts = new Map<string, StepCounts>();

  /**
   * Starts a build of the files `paths` (buildGraph calls it): drops the slots of other files
   * and starts the counts of this build.
   */
  startBuild(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const slot of [...this.slots.keys()]) if (!keep.has(slot)) this.slots.delete(slot);
    this.lastCounts.clear();
  }

  /**
   * The value of `run` on `args`, kept in the slot `slot` (a file's path) under `kind`: run
   * (with a sink of its own) when the slot holds no such step or one given other arguments, else
   * taken from the cache. Either way the step's issues are added to `sink` as it reported them.
   * `run` must depend on `args` alone (and what they determine).
   */
  step<T>(
    slot: string,
    kind: string,
    args: readonly unknown[],
    sink: IssueSink,
    run: (sink: IssueSink) => T,
  ): T {
    let kinds = this.slots.get(slot);
    if (!kinds) this.slots.set(slot, (kinds = new Map()));
    const entry = kinds.get(kind);
    if (entry && sameArgs(entry.args, args)) {
      this.count(kind, 'hits');
      replay(entry.issues, sink);
      return entry.value as T;
    }
    this.count(kind, 'misses');
    kinds.delete(kind);
    const own = new IssueSink();
    const value = run(own);
    kinds.set(kind, { args: [...args], value, issues: own.issues });
    replay(own.issues, sink);
    return value;
  }

  stats(): BuildCacheStats {
    let entries = 0;
    for (const kinds of this.slots.values()) entries += kinds.size;
    return {
      lastBuild: countsRecord(this.lastCounts),
      total: countsRecord(this.totalCounts),
      entries,
    };
  }

  private count(kind: string, which: keyof StepCounts): void {
    for (const counts of [this.lastCounts, this.totalCounts]) {
      let c = counts.get(kind);
      if (!c) counts.set(kind, (c = { hits: 0, misses: 0 }));
      c[which]++;
    }
  }
}

/** A cache for BuildOptions.cache, to be given to every build of one folder. */
export function createBuildCache(): BuildCache {
  return new BuildCache();
}

const sameArgs = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/** Copies, so that a build's issues are its own. */
function replay(issues: readonly BuildIssue[], sink: IssueSink): void {
  for (const issue of issues) sink.issues.push({ ...issue });
}

const countsRecord = (counts: ReadonlyMap<string, StepCounts>): Record<string, StepCounts> =>
  Object.fromEntries([...counts].map(([kind, c]) => [kind, { ...c }]));
