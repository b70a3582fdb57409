import type { EventDate, Modality, RelationAnnotation, RelationType } from '../model.ts';
import { closest } from 'fastest-levenshtein';
import type { IssueSink } from './issues.ts';
import { positionOf, positionOfChar, type ParsedYaml } from './load.ts';
import { checkName, describeActor, resolveActor, type ActorIndex } from './resolve.ts';

/** An annotation whose actors and relation type are known. */
export interface ResolvedRelation {
  article: string;
  /** Where it was written, for later messages. */
  parsed: ParsedYaml;
  index: number;
  source: string;
  target: string;
  relation: RelationType;
  quote: string;
  modality: Modality;
  /** When the reported event happened, as annotated (checked by checkEventDates). */
  eventDate?: EventDate;
  note?: string;
}

/**
 * Resolves each annotation of an article: source and target to actor ids (by id, label or alias),
 * type to a relation type. Unknown or ambiguous names, unknown types and relations from an actor
 * to itself are errors; the offending annotations are left out of the result.
 */
export function resolveRelations(
  article: string,
  parsed: ParsedYaml,
  actors: ActorIndex,
  relationTypes: ReadonlyMap<string, RelationType>,
  sink: IssueSink,
): ResolvedRelation[] {
  const annotations = (parsed.value as { relations: RelationAnnotation[] }).relations;
  const file = parsed.file.path;
  const resolved: ResolvedRelation[] = [];
  annotations.forEach((annotation, i) => {
    // Names compare in NFC, as the registry's do.
    annotation.source = annotation.source.normalize('NFC');
    annotation.target = annotation.target.normalize('NFC');
    const source = resolveEnd(annotation.source, 'source');
    const target = resolveEnd(annotation.target, 'target');
    const relation = relationTypes.get(annotation.type);
    if (!relation) {
      const known = [...relationTypes.keys()];
      const guess = known.length > 0 ? closest(annotation.type, known) : undefined;
      sink.error(
        file,
        positionOf(parsed, ['relations', i, 'type']),
        `unknown relation type "${annotation.type}"`,
        `${guess ? `Did you mean "${guess}"? ` : ''}Relation types are defined in relation-types.yaml: ${known.join(', ')}.`,
      );
    }
    if (source === undefined || target === undefined || !relation) return;
    if (source === target) {
      sink.error(
        file,
        positionOf(parsed, ['relations', i]),
        `relation from ${describeActor(actors, source)} to itself`,
        `"${annotation.source}" and "${annotation.target}" name the same actor; a relation joins two different actors.`,
      );
      return;
    }
    resolved.push({
      article,
      parsed,
      index: i,
      source,
      target,
      relation,
      quote: annotation.quote,
      modality: annotation.modality ?? 'asserted',
      ...(annotation.eventDate === undefined ? {} : { eventDate: annotation.eventDate }),
      ...(annotation.note === undefined ? {} : { note: annotation.note }),
    });

    function resolveEnd(name: string, field: 'source' | 'target'): string | undefined {
      const check = checkName(name);
      if (check.invisible) {
        sink.error(
          file,
          positionOfChar(parsed, ['relations', i, field], check.invisible.char),
          `${field} ${check.shown} contains an invisible or control character, ${check.invisible.description}`,
          'Remove it: a name with an invisible character looks like an actor’s name but never matches it.',
        );
        return undefined;
      }
      const result = resolveActor(actors, name);
      if (result.ok) return result.id;
      const candidates = result.candidates.map((id) => describeActor(actors, id));
      if (result.reason === 'ambiguous') {
        sink.error(
          file,
          positionOf(parsed, ['relations', i, field]),
          `${field} "${name}" is ambiguous: it names ${candidates.join(' and ')}`,
          'Use the actor id instead, and give the name to one actor only in actors.yaml.',
        );
      } else if (result.lookAlikes) {
        const mixed = check.mixed ? ` (it mixes ${check.mixed.scripts.join(' and ')} letters)` : '';
        sink.error(
          file,
          positionOf(parsed, ['relations', i, field]),
          `unknown actor "${name}" as ${field}: it looks like a name of ${result.lookAlikes.map((id) => describeActor(actors, id)).join(' and ')} but is written with different characters${mixed}`,
          'Retype the name: letters from other alphabets (Cyrillic, Greek) or symbols that look like Latin letters do not match.',
        );
      } else {
        sink.error(
          file,
          positionOf(parsed, ['relations', i, field]),
          `unknown actor "${name}" as ${field}`,
          candidates.length > 0
            ? `Did you mean ${candidates.join(', or ')}? Otherwise add the actor (or this name as an alias) to actors.yaml.`
            : 'Add the actor (or this name as an alias of an existing actor) to actors.yaml.',
        );
      }
      return undefined;
    }
  });
  return resolved;
}
