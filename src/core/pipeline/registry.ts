import type { Actor, RelationType } from '../model.ts';
import type { IssueSink } from './issues.ts';
import { positionOf, positionOfChar, type ParsedYaml, type YamlPath } from './load.ts';
import { describeOdd, lookAlikeDifference, skeleton } from '../text/confusables.ts';
import {
  checkName,
  findNameClashes,
  indexActors,
  nameKey,
  namesOf,
  type ActorIndex,
} from './resolve.ts';

/** Whether each relation type is directed, by id (the one lookup the build, events and suggester share). */
export function directedByType(
  relationTypes: readonly Pick<RelationType, 'id' | 'directed'>[],
): ReadonlyMap<string, boolean> {
  return new Map(relationTypes.map((t) => [t.id, t.directed]));
}

/** Whether a relation type is directed; an unknown one is taken as directed. */
export function isDirectedIn(
  relationTypes: readonly Pick<RelationType, 'id' | 'directed'>[],
): (type: string) => boolean {
  const directed = directedByType(relationTypes);
  return (type) => directed.get(type) ?? true;
}

/**
 * Checks the relation vocabulary beyond its schema (ids unique) and returns it keyed by id.
 * `parsed` must already have passed schema validation.
 */
export function checkRelationTypes(parsed: ParsedYaml, sink: IssueSink): Map<string, RelationType> {
  const types = (parsed.value as { relationTypes: RelationType[] }).relationTypes;
  const byId = new Map<string, RelationType>();
  types.forEach((type, i) => {
    const first = byId.get(type.id);
    if (first) {
      sink.error(
        parsed.file.path,
        positionOf(parsed, ['relationTypes', i, 'id']),
        `relation type "${type.id}" is defined twice`,
        `The first definition is at line ${positionOf(parsed, ['relationTypes', types.indexOf(first), 'id'])?.line}; remove or rename one.`,
      );
    } else byId.set(type.id, type);
  });
  return byId;
}

/**
 * Checks the actor registry beyond its schema: ids unique, every name (id, label, alias)
 * pointing to one actor only, affiliations naming known actors. Returns the index that
 * annotations are resolved against.
 */
export function checkActors(parsed: ParsedYaml, sink: IssueSink): ActorIndex {
  const actors = (parsed.value as { actors: Actor[] }).actors;
  const file = parsed.file.path;
  checkNames(parsed, actors, sink);
  const firstIndex = new Map<string, number>();
  actors.forEach((actor, i) => {
    const first = firstIndex.get(actor.id);
    if (first === undefined) firstIndex.set(actor.id, i);
    else {
      sink.error(
        file,
        positionOf(parsed, ['actors', i, 'id']),
        `actor id "${actor.id}" is used twice`,
        `The first actor with this id is at line ${positionOf(parsed, ['actors', first, 'id'])?.line}; give each actor its own id, or merge the two entries.`,
      );
    }
  });

  const whereNamed = (actorIndex: number, key: string): (string | number)[] => {
    const actor = actors[actorIndex]!;
    if (nameKey(actor.id) === key) return ['actors', actorIndex, 'id'];
    if (nameKey(actor.label) === key) return ['actors', actorIndex, 'label'];
    const alias = (actor.aliases ?? []).findIndex((a) => nameKey(a) === key);
    return ['actors', actorIndex, 'aliases', Math.max(alias, 0)];
  };
  for (const clash of findNameClashes(actors)) {
    // Duplicate ids are reported above; do not report them again as clashing names.
    if (clash.actorIds.length === 1) continue;
    const [firstId, ...others] = clash.actorIds;
    for (const otherId of others) {
      if (otherId === firstId) continue;
      const otherIndex = actors.findIndex((a) => a.id === otherId);
      const firstIdx = actors.findIndex((a) => a.id === firstId);
      const surface =
        namesOf(actors[otherIndex]!).find((n) => nameKey(n) === clash.key) ?? clash.key;
      sink.error(
        file,
        positionOf(parsed, whereNamed(otherIndex, clash.key)),
        `the name "${surface}" is claimed by both "${firstId}" and "${otherId}"`,
        `"${firstId}" claims it at line ${positionOf(parsed, whereNamed(firstIdx, clash.key))?.line}. A name may belong to one actor only: remove it from one of them, or merge the two actors.`,
      );
    }
  }

  warnLookAlikes(parsed, actors, sink);

  actors.forEach((actor, i) => {
    if (actor.affiliation === undefined) return;
    if (actor.affiliation === actor.id) {
      sink.error(
        file,
        positionOf(parsed, ['actors', i, 'affiliation']),
        `actor "${actor.id}" is affiliated with itself`,
        "An affiliation names another actor (a minister's state, a spokesman's group).",
      );
    } else if (!firstIndex.has(actor.affiliation)) {
      sink.error(
        file,
        positionOf(parsed, ['actors', i, 'affiliation']),
        `actor "${actor.id}" is affiliated with "${actor.affiliation}", which is not in the registry`,
        'Use the id of an actor defined in this file.',
      );
    }
  });
  return indexActors(actors);
}

/** Each name of an actor with the path of the field that holds it. */
function namedFields(actor: Actor, i: number): { name: string; path: YamlPath; field: string }[] {
  return [
    { name: actor.id, path: ['actors', i, 'id'], field: 'id' },
    { name: actor.label, path: ['actors', i, 'label'], field: 'label' },
    ...(actor.aliases ?? []).map((name, k) => ({
      name,
      path: ['actors', i, 'aliases', k],
      field: 'alias',
    })),
  ];
}

/**
 * Writes every name in NFC (so the graph holds one spelling of "é" whichever the file used) and
 * refuses names with invisible characters, which would look like another name or never match;
 * warns about a name mixing Latin, Cyrillic or Greek letters.
 */
function checkNames(parsed: ParsedYaml, actors: Actor[], sink: IssueSink): void {
  const file = parsed.file.path;
  actors.forEach((actor, i) => {
    actor.id = actor.id.normalize('NFC');
    actor.label = actor.label.normalize('NFC');
    if (actor.aliases) actor.aliases = actor.aliases.map((a) => a.normalize('NFC'));
    for (const { name, path, field } of namedFields(actor, i)) {
      const problem = checkName(name);
      if (problem.invisible) {
        sink.error(
          file,
          positionOfChar(parsed, path, problem.invisible.char),
          `the ${field} ${problem.shown} contains an invisible or control character, ${problem.invisible.description}`,
          'Remove it: names are matched as written, so a name with an invisible character looks like another and never matches it.',
        );
      } else if (problem.mixed) {
        sink.warn(
          file,
          positionOfChar(parsed, path, problem.mixed.odd.char),
          `the ${field} ${problem.shown} mixes ${problem.mixed.scripts.join(' and ')} letters: ${describeOdd(problem.mixed.odd)}`,
          'Retype it in one alphabet: letters of other alphabets that look the same make a name that looks right but does not match.',
        );
      }
    }
  });
}

/** Warns about two actors whose names look the same (equal confusable skeletons). */
function warnLookAlikes(parsed: ParsedYaml, actors: Actor[], sink: IssueSink): void {
  const seen = new Map<string, { actor: string; name: string; path: YamlPath }>();
  actors.forEach((actor, i) => {
    for (const { name, path } of namedFields(actor, i)) {
      const key = skeleton(name);
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, { actor: actor.id, name, path });
        continue;
      }
      // The same name twice is a clash (an error of its own); the same actor may repeat itself.
      if (earlier.actor === actor.id || nameKey(earlier.name) === nameKey(name)) continue;
      const difference = lookAlikeDifference(name, earlier.name);
      sink.warn(
        parsed.file.path,
        positionOf(parsed, path),
        `"${name}" of actor "${actor.id}" looks like "${earlier.name}" of actor "${earlier.actor}" (line ${positionOf(parsed, earlier.path)?.line}) but is written with different characters${difference ? `: ${difference}` : ''}`,
        'If they are the same actor, merge the two; otherwise rename one so that readers can tell them apart.',
      );
    }
  });
}
