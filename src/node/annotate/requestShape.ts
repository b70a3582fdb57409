/**
 * The shape of what the page sends (api.ts), checked strictly before anything else: a field of
 * the wrong type, a key api.ts does not know, an unknown kind of change or an article id that
 * could name a path elsewhere is malformed (400). Values of the right type (an unknown relation
 * type, a date in the wrong form) are for the build's stages to judge (422, beside the field).
 */
import type {
  Change,
  ChangeRequest,
  DismissedSuggestion,
  NewActor,
  NewArticle,
  PublishedInput,
  RelationInput,
} from '../../core/annotate/api.ts';
import { RELATION_KEYS } from '../../core/annotate/edits.ts';
import { isObject } from '../../core/graph/checkGraph.ts';
import { ARTICLE_ID } from '../../core/pipeline/ids.ts';

/** A request that is not of api.ts's shape; the message says what is wrong and where. */
export class MalformedRequest extends Error {}

type Json = Record<string, unknown>;

function object(value: unknown, where: string, keys: readonly string[]): Json {
  if (!isObject(value)) throw new MalformedRequest(`${where} must be an object`);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) {
      throw new MalformedRequest(
        `${where} has an unknown field "${key}" (it may have: ${keys.join(', ')})`,
      );
    }
  }
  return value;
}

function string(value: Json, key: string, where: string): string {
  const v = value[key];
  if (typeof v !== 'string') {
    throw new MalformedRequest(
      `${where}.${key} must be a string${v === undefined ? ' (it is missing)' : `, not ${describe(v)}`}`,
    );
  }
  return v;
}

function optionalString(value: Json, key: string, where: string): string | undefined {
  return value[key] === undefined ? undefined : string(value, key, where);
}

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v}`;

function index(value: Json, where: string): number {
  const v = value.index;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new MalformedRequest(`${where}.index must be a whole number from 0`);
  }
  return v;
}

function articleId(value: Json, where: string): string {
  const id = string(value, 'article', where);
  if (!ARTICLE_ID.test(id)) {
    throw new MalformedRequest(
      `${where}.article "${id}" is not an article id (ASCII letters, digits, dots, hyphens and underscores, not starting with a dot or a hyphen): the workbench writes only articles/<id>.yaml inside the data folder`,
    );
  }
  return id;
}

function relation(value: unknown, where: string): RelationInput {
  const r = object(value, where, RELATION_KEYS);
  const modality = optionalString(r, 'modality', where);
  const note = optionalString(r, 'note', where);
  return {
    source: string(r, 'source', where),
    type: string(r, 'type', where),
    target: string(r, 'target', where),
    ...(modality === undefined ? {} : { modality: modality as RelationInput['modality'] }),
    quote: string(r, 'quote', where),
    ...(note === undefined ? {} : { note }),
  };
}

function published(value: unknown, where: string): PublishedInput {
  const p = object(value, where, ['date', 'basis', 'how']);
  return {
    date: string(p, 'date', where),
    basis: string(p, 'basis', where) as PublishedInput['basis'],
    how: string(p, 'how', where),
  };
}

function article(value: unknown, where: string): NewArticle {
  const a = object(value, where, ['title', 'outlet', 'url', 'published', 'text']);
  const outlet = optionalString(a, 'outlet', where);
  const url = optionalString(a, 'url', where);
  return {
    title: string(a, 'title', where),
    ...(outlet === undefined ? {} : { outlet }),
    ...(url === undefined ? {} : { url }),
    ...(a.published === undefined
      ? {}
      : { published: published(a.published, `${where}.published`) }),
    text: string(a, 'text', where),
  };
}

function actor(value: unknown, where: string): NewActor {
  const a = object(value, where, ['id', 'label', 'kind', 'aliases', 'affiliation']);
  const affiliation = optionalString(a, 'affiliation', where);
  let aliases: string[] | undefined;
  if (a.aliases !== undefined) {
    if (!Array.isArray(a.aliases) || !a.aliases.every((x) => typeof x === 'string')) {
      throw new MalformedRequest(`${where}.aliases must be a list of strings`);
    }
    aliases = a.aliases as string[];
  }
  return {
    id: string(a, 'id', where),
    label: string(a, 'label', where),
    kind: string(a, 'kind', where) as NewActor['kind'],
    ...(aliases === undefined ? {} : { aliases }),
    ...(affiliation === undefined ? {} : { affiliation }),
  };
}

function suggestion(value: unknown, where: string): DismissedSuggestion {
  const s = object(value, where, ['source', 'type', 'target', 'quote']);
  return {
    source: string(s, 'source', where),
    type: string(s, 'type', where),
    target: string(s, 'target', where),
    quote: string(s, 'quote', where),
  };
}

const KINDS = [
  'add-article',
  'add-actor',
  'add-relation',
  'edit-relation',
  'delete-relation',
  'dismiss-suggestion',
] as const;

function change(value: unknown, where: string): Change {
  if (!isObject(value)) throw new MalformedRequest(`${where} must be an object`);
  const kind = value.kind;
  switch (kind) {
    case 'add-article': {
      const c = object(value, where, ['kind', 'article']);
      return { kind, article: article(c.article, `${where}.article`) };
    }
    case 'add-actor': {
      const c = object(value, where, ['kind', 'actor']);
      return { kind, actor: actor(c.actor, `${where}.actor`) };
    }
    case 'add-relation': {
      const c = object(value, where, ['kind', 'article', 'relation']);
      return {
        kind,
        article: articleId(c, where),
        relation: relation(c.relation, `${where}.relation`),
      };
    }
    case 'edit-relation': {
      const c = object(value, where, ['kind', 'article', 'index', 'relation']);
      return {
        kind,
        article: articleId(c, where),
        index: index(c, where),
        relation: relation(c.relation, `${where}.relation`),
      };
    }
    case 'delete-relation': {
      const c = object(value, where, ['kind', 'article', 'index']);
      return { kind, article: articleId(c, where), index: index(c, where) };
    }
    case 'dismiss-suggestion': {
      const c = object(value, where, ['kind', 'article', 'suggestion']);
      return {
        kind,
        article: articleId(c, where),
        suggestion: suggestion(c.suggestion, `${where}.suggestion`),
      };
    }
    default:
      throw new MalformedRequest(
        `${where}.kind ${typeof kind === 'string' ? `"${kind}"` : describe(kind)} is not a kind of change (${KINDS.join(', ')})`,
      );
  }
}

/** The most changes one request may carry. */
const MAX_CHANGES = 100;

/** A ChangeRequest from parsed JSON; throws MalformedRequest saying what is wrong. */
export function parseChangeRequest(value: unknown): ChangeRequest {
  const r = object(value, 'the request', ['changes', 'versions']);
  if (!Array.isArray(r.changes) || r.changes.length === 0) {
    throw new MalformedRequest('the request must have changes: a list of at least one change');
  }
  if (r.changes.length > MAX_CHANGES) {
    throw new MalformedRequest(`a request may carry at most ${MAX_CHANGES} changes`);
  }
  const versions = r.versions;
  if (!isObject(versions)) {
    throw new MalformedRequest(
      'the request must have versions: an object of the versions of the files the page read, by path (it may be {})',
    );
  }
  for (const [path, version] of Object.entries(versions)) {
    if (typeof version !== 'string') {
      throw new MalformedRequest(`versions["${path}"] must be a string, not ${describe(version)}`);
    }
  }
  return {
    changes: r.changes.map((c, i) => change(c, `changes[${i}]`)),
    versions: versions as Record<string, string>,
  };
}

/** The undo request: an empty object. */
export function parseUndoRequest(value: unknown): void {
  object(value, 'the undo request', []);
}
