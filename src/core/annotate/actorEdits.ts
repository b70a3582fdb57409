import { isMap, isSeq, type Document } from 'yaml';
import type { NewActor, ProblemField } from './api.ts';
import { ACTOR_KINDS, type Actor } from '../model.ts';
import { nameKey } from '../pipeline/resolve.ts';
import { appendItem } from './lists.ts';
import { EditRefused } from './refusal.ts';
import { flowPaddingOf, parseForEdit, topPair } from './yamlText.ts';
import { ACTOR_ID } from '../pipeline/ids.ts';

/**
 * Appends an actor at the end of `actors:` (keys id, label, kind, aliases as a flow list,
 * affiliation). Refuses an id, label or alias that already names another actor, and an
 * affiliation with an actor that is not there.
 */
export function addActor(actorsYaml: string, actor: NewActor): string {
  const value = actorValue(actor);
  // Parsed once, for the names taken and for the edit.
  const doc = parseForEdit(actorsYaml, 'actors.yaml');
  const existing = existingActors(doc);
  checkNames(value, existing);
  if (value.affiliation !== undefined && !existing.some((a) => a.id === value.affiliation)) {
    throw new EditRefused(
      `the affiliation "${value.affiliation}" is not an actor id`,
      'actor.affiliation',
      'Choose an actor already in the registry.',
    );
  }
  // Flow lists as the file writes them ([a, b] or [ a, b ]); [a, b] in a file with none.
  const flowPadding = flowPaddingOf(actorsYaml) ?? false;
  return appendItem(
    actorsYaml,
    'actors',
    { ...value },
    'actors.yaml',
    { flowLists: ['aliases'], flowPadding },
    doc,
  );
}

function actorValue(actor: NewActor): Actor {
  const id = typeof actor.id === 'string' ? actor.id.trim() : '';
  if (!ACTOR_ID.test(id)) {
    throw new EditRefused(
      id === '' ? 'the actor id is empty' : `"${id}" cannot be an actor id`,
      'actor.id',
      'Lower-case words joined by hyphens (e.g. united-states, john-kerry).',
    );
  }
  const label = typeof actor.label === 'string' ? actor.label.trim() : '';
  if (label === '') throw new EditRefused('the actor label is empty', 'actor.label');
  if (!(ACTOR_KINDS as readonly string[]).includes(actor.kind)) {
    throw new EditRefused(
      `unknown actor kind "${String(actor.kind)}"`,
      'actor.kind',
      `One of ${ACTOR_KINDS.join(', ')}.`,
    );
  }
  const aliases = (actor.aliases ?? []).map((a) => (typeof a === 'string' ? a.trim() : ''));
  if (aliases.some((a) => a === '')) throw new EditRefused('an alias is empty', 'actor.aliases');
  const affiliation = actor.affiliation?.trim() || undefined;
  return {
    id,
    label,
    kind: actor.kind,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(affiliation === undefined ? {} : { affiliation }),
  };
}

/** The actors of the file, as far as they have an id (the build checks the rest). */
function existingActors(doc: Document.Parsed): Actor[] {
  const list = topPair(doc, 'actors')?.value;
  if (!isSeq(list)) return [];
  return list.items.flatMap((item) => {
    if (!isMap(item)) return [];
    const value = item.toJSON() as Partial<Actor>;
    return typeof value.id === 'string' ? [value as Actor] : [];
  });
}

/** Refuses a name of the new actor that names an actor already in the registry. */
function checkNames(actor: Actor, existing: readonly Actor[]): void {
  const owners = new Map<string, string>();
  for (const other of existing) {
    const names = [other.id, other.label, ...(Array.isArray(other.aliases) ? other.aliases : [])];
    for (const name of names) if (typeof name === 'string') owners.set(nameKey(name), other.id);
  }
  const fields: [ProblemField, string, string][] = [
    ['actor.id', 'id', actor.id],
    ['actor.label', 'label', actor.label],
    ...(actor.aliases ?? []).map((a): [ProblemField, string, string] => [
      'actor.aliases',
      'alias',
      a,
    ]),
  ];
  for (const [field, what, name] of fields) {
    const owner = owners.get(nameKey(name));
    if (owner === undefined) continue;
    throw new EditRefused(
      field === 'actor.id' && owner === name
        ? `an actor with the id "${name}" already exists`
        : `the ${what} "${name}" already names the actor "${owner}"`,
      field,
      'A name may belong to one actor only: use the existing actor, or choose another name.',
    );
  }
}
