/**
 * The mapping from CAMEO codes to the graph's actors and relation types, and the SQL
 * expressions that apply it (sql/gdelt-aggregate.sql). The mapping is the analyst's: `cameo:`
 * codes on actors.yaml entries and the CAMEO roots relation-types.yaml lists. Nothing is
 * guessed: a code no entry covers stays unmapped and is reported.
 */
import type { Actor, RelationType } from '../model.ts';
import type { IssueSink } from '../pipeline/issues.ts';
import { positionOf, type ParsedYaml } from '../pipeline/load.ts';

export interface CameoMapping {
  /** CAMEO actor code → actor id, as written in actors.yaml. */
  actors: ReadonlyMap<string, string>;
  /** CAMEO event root code (two digits) → relation type id. */
  roots: ReadonlyMap<string, string>;
  /** The relation types whose edges are undirected (their endpoints in id order). */
  undirected: ReadonlySet<string>;
}

/**
 * The mapping of a data folder. `actors` and `relationTypes` must have passed schema
 * validation. A code given to two actors, or a root given to two relation types, is an error
 * at the line of its second use.
 */
export function cameoMapping(
  actors: ParsedYaml,
  relationTypes: ParsedYaml,
  sink: IssueSink,
): CameoMapping {
  const actorCodes = new Map<string, string>();
  const where = new Map<string, number | undefined>();
  (actors.value as { actors: Actor[] }).actors.forEach((actor, i) => {
    (actor.cameo ?? []).forEach((code, j) => {
      const line = positionOf(actors, ['actors', i, 'cameo', j]);
      const first = actorCodes.get(code);
      if (first !== undefined && first !== actor.id) {
        sink.error(
          actors.file.path,
          line,
          `the CAMEO code ${code} is given to both "${first}" and "${actor.id}"`,
          `"${first}" has it at line ${where.get(code)}. A code may stand for one actor only: remove it from one of them (a more specific code, such as ${code}GOV, can go to the other).`,
        );
        return;
      }
      actorCodes.set(code, actor.id);
      where.set(code, line?.line);
    });
  });
  const roots = new Map<string, string>();
  const undirected = new Set<string>();
  (relationTypes.value as { relationTypes: RelationType[] }).relationTypes.forEach((type, i) => {
    if (!type.directed) undirected.add(type.id);
    type.cameo.forEach((root, j) => {
      const first = roots.get(root);
      if (first !== undefined && first !== type.id) {
        sink.error(
          relationTypes.file.path,
          positionOf(relationTypes, ['relationTypes', i, 'cameo', j]),
          `the CAMEO root ${root} is listed by both "${first}" and "${type.id}"`,
          'An event root code maps to one relation type only: remove it from one of them.',
        );
        return;
      }
      roots.set(root, type.id);
    });
  });
  return { actors: actorCodes, roots, undirected };
}

/**
 * The actor a CAMEO code stands for: the entry with the longest code that the code begins
 * with (USAGOV → the USAGOV entry if there is one, else the USA entry), or undefined.
 */
export function resolveCameo(
  code: string,
  actors: ReadonlyMap<string, string>,
): string | undefined {
  for (let length = code.length; length >= 3; length--) {
    const actor = actors.get(code.slice(0, length));
    if (actor !== undefined) return actor;
  }
  return undefined;
}

/** A SQL string literal; the mapping's codes and ids are checked, this is belt and braces. */
export const sqlString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * A CASE expression giving the actor id of `column` (a CAMEO actor code), '' when unmapped:
 * the longest code first, so that a more specific entry wins, as in resolveCameo. substring
 * with a start and a length is the same function in DuckDB and ClickHouse.
 */
export function actorCase(column: string, actors: ReadonlyMap<string, string>): string {
  const codes = [...actors.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (codes.length === 0) return "''";
  const whens = codes.map(
    (code) =>
      `WHEN substring(${column}, 1, ${code.length}) = ${sqlString(code)} THEN ${sqlString(actors.get(code)!)}`,
  );
  return `CASE ${whens.join(' ')} ELSE '' END`;
}

/** A CASE expression giving the relation type of an event root code, '' when unmapped. */
export function relationCase(column: string, roots: ReadonlyMap<string, string>): string {
  const codes = [...roots.keys()].sort();
  if (codes.length === 0) return "''";
  const whens = codes.map(
    (root) => `WHEN ${column} = ${sqlString(root)} THEN ${sqlString(roots.get(root)!)}`,
  );
  return `CASE ${whens.join(' ')} ELSE '' END`;
}

/** The SQL dialects the aggregation runs in; where they differ is listed here, nowhere else. */
export type SqlDialect = 'duckdb' | 'clickhouse';

const DIALECT: Record<SqlDialect, { INT64: string }> = {
  duckdb: { INT64: 'BIGINT' },
  clickhouse: { INT64: 'Int64' },
};

/**
 * sql/gdelt-aggregate.sql with its parameters filled in: the events table, the mapping's
 * expressions and the dialect's type names. Every {{NAME}} must be known.
 */
export function renderAggregation(
  template: string,
  options: { events: string; mapping: CameoMapping; dialect: SqlDialect },
): string {
  const undirected = [...options.mapping.undirected].sort();
  const values: Record<string, string> = {
    EVENTS: options.events,
    ACTOR1: actorCase('Actor1Code', options.mapping.actors),
    ACTOR2: actorCase('Actor2Code', options.mapping.actors),
    RELATION: relationCase('EventRootCode', options.mapping.roots),
    UNDIRECTED:
      undirected.length === 0 ? '1 = 0' : `relation IN (${undirected.map(sqlString).join(', ')})`,
    ...DIALECT[options.dialect],
  };
  return template
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .replace(/\{\{([A-Z0-9_]+)\}\}/g, (_m, name: string) => {
      const value = values[name];
      if (value === undefined)
        throw new Error(`sql/gdelt-aggregate.sql: unknown parameter {{${name}}}`);
      return value;
    });
}
