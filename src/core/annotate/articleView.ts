import { parseDocument } from 'yaml';
import type {
  ActorChoice,
  ArticleSummary,
  ArticleView,
  PublishedInput,
  RelationView,
  WorkbenchState,
} from './api.ts';
import { isObject } from '../graph/checkGraph.ts';
import { ACTOR_KINDS, MODALITIES, type Actor, type ActorKind, type Modality } from '../model.ts';
import type { DataFiles } from '../pipeline/buildGraph.ts';
import { IssueSink } from '../pipeline/issues.ts';
import { MAX_ALIAS_COUNT, parseYaml, type SourceFile } from '../pipeline/load.ts';
import { checkActors } from '../pipeline/registry.ts';
import { indexActors, resolveActor, type ActorIndex } from '../pipeline/resolve.ts';
import {
  foldForMatching,
  isMatch,
  locateQuote,
  normaliseArticleText,
  type FoldedText,
} from '../pipeline/text.ts';
import { validateAgainstSchema } from '../pipeline/validate.ts';

type Loose = Record<string, unknown>;

/**
 * The page's reader model of one article: its metadata, its text as the build reads it, and
 * its relations in file order with the actor ids their names resolve to and the span of each
 * quote in the text (as the build's evidence stage finds it). Undefined for an article without
 * a YAML file; a YAML file that does not parse gives what can be read (no relations).
 */
export function articleView(data: DataFiles, id: string, version: string): ArticleView | undefined {
  const entry = data.articles.find((a) => a.id === id);
  if (!entry?.meta) return undefined;
  const meta = readLoose(entry.meta) ?? {};
  const text = entry.text ? normaliseArticleText(entry.text.text) : '';
  const actors = actorIndexOf(data);
  const folded = foldForMatching(text);
  const relations = listOf(meta.relations).map((r, index) =>
    relationView(r, index, actors, folded),
  );
  const published = publishedOf(meta.published);
  return {
    id,
    title: str(meta.title) ?? id,
    ...optional('outlet', str(meta.outlet)),
    ...optional('url', str(meta.url)),
    ...(published ? { published } : {}),
    text,
    relations,
    version,
  };
}

/** The articles, actors and relation types for the workbench's state (broken files give what they can). */
export function workbenchSummary(data: DataFiles): {
  articles: ArticleSummary[];
  actors: ActorChoice[];
  relationTypes: WorkbenchState['relationTypes'];
} {
  const articles = data.articles
    .filter((a) => a.meta)
    .map((a) => articleSummary(a.id, readLoose(a.meta!) ?? {}))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const actors = listOf(data.actors && readLoose(data.actors)?.actors).flatMap(actorChoice);
  const relationTypes = listOf(
    data.relationTypes && readLoose(data.relationTypes)?.relationTypes,
  ).flatMap(relationTypeChoice);
  return { articles, actors, relationTypes };
}

function articleSummary(id: string, meta: Loose): ArticleSummary {
  return {
    id,
    title: str(meta.title) ?? id,
    ...optional('outlet', str(meta.outlet)),
    ...optional('published', publishedOf(meta.published)?.date),
    relations: Array.isArray(meta.relations) ? meta.relations.length : 0,
  };
}

function actorChoice(value: Loose): ActorChoice[] {
  const id = str(value.id);
  if (id === undefined) return [];
  const kind = (ACTOR_KINDS as readonly string[]).includes(String(value.kind))
    ? (value.kind as ActorKind)
    : 'organisation';
  return [
    {
      id,
      label: str(value.label) ?? id,
      kind,
      aliases: Array.isArray(value.aliases)
        ? value.aliases.filter((a) => typeof a === 'string')
        : [],
      ...optional('affiliation', str(value.affiliation)),
    },
  ];
}

function relationTypeChoice(value: Loose): WorkbenchState['relationTypes'] {
  const id = str(value.id);
  if (id === undefined) return [];
  return [
    {
      id,
      label: str(value.label) ?? id,
      directed: typeof value.directed === 'boolean' ? value.directed : true,
      color: str(value.color) ?? '#888888',
    },
  ];
}

function relationView(
  value: Loose,
  index: number,
  actors: ActorIndex,
  text: FoldedText,
): RelationView {
  const source = str(value.source) ?? '';
  const target = str(value.target) ?? '';
  const quote = str(value.quote) ?? '';
  const modality = (MODALITIES as readonly string[]).includes(String(value.modality))
    ? (value.modality as Modality)
    : undefined;
  const span = locate(text, quote);
  return {
    index,
    source,
    type: str(value.type) ?? '',
    target,
    ...optional('modality', modality),
    quote,
    ...optional('note', str(value.note)),
    ...optional('sourceId', resolved(actors, source)),
    ...optional('targetId', resolved(actors, target)),
    ...(span ?? {}),
  };
}

/** The quote's span as the build's evidence stage finds it (locateQuote on the folded text). */
function locate(text: FoldedText, quote: string): { start: number; end: number } | undefined {
  if (quote.trim() === '') return undefined;
  const match = locateQuote(text, quote);
  return isMatch(match) ? { start: match.start, end: match.end } : undefined;
}

function resolved(actors: ActorIndex, name: string): string | undefined {
  if (name.trim() === '') return undefined;
  const result = resolveActor(actors, name.normalize('NFC'));
  return result.ok ? result.id : undefined;
}

/**
 * The actor index of the last actors.yaml text seen: the same file gives the same index, and
 * building it takes a fifth of a second at 2,000 actors, on every article shown and every save.
 */
let lastIndex: { text: string; index: ActorIndex } | undefined;

function actorIndexOf(data: DataFiles): ActorIndex {
  if (!data.actors) return indexActors([]);
  if (lastIndex?.text === data.actors.text) return lastIndex.index;
  const index = buildActorIndex(data.actors);
  lastIndex = { text: data.actors.text, index };
  return index;
}

/**
 * The actor index as the build makes it (schema, then the registry's checks); from whatever
 * actors have an id and a label when actors.yaml does not validate.
 */
function buildActorIndex(file: SourceFile): ActorIndex {
  const sink = new IssueSink();
  const parsed = parseYaml(file, sink);
  if (parsed && validateAgainstSchema(parsed, 'actors', sink)) return checkActors(parsed, sink);
  const actors = listOf(readLoose(file)?.actors).filter(
    (a) => typeof a.id === 'string' && typeof a.label === 'string',
  ) as unknown as Actor[];
  return indexActors(
    actors.map((a) => ({
      ...a,
      aliases: Array.isArray(a.aliases) ? a.aliases.filter((x) => typeof x === 'string') : [],
    })),
  );
}

/** A YAML file's value as the build reads it, or as far as it parses; never throws. */
function readLoose(file: SourceFile): Loose | undefined {
  const parsed = parseYaml(file, new IssueSink());
  let value = parsed?.value;
  if (!parsed) {
    try {
      value = parseDocument(file.text).toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      return undefined;
    }
  }
  return isObject(value) ? value : undefined;
}

function publishedOf(value: unknown): PublishedInput | undefined {
  if (!isObject(value) || str(value.date) === undefined) return undefined;
  const basis = value.basis === 'stated' || value.basis === 'inferred' ? value.basis : 'inferred';
  return { date: str(value.date)!, basis, how: str(value.how) ?? '' };
}

const listOf = (value: unknown): Loose[] => (Array.isArray(value) ? value.filter(isObject) : []);

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
