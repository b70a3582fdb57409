import type { Actor, ArticleDocument, ArticleMeta, Modality } from '../model.ts';
import { MODALITIES } from '../model.ts';
import type { ActorGraph } from '../graph/actorGraph.ts';
import { assembleGraph } from './assemble.ts';
import { locateEvidence, type LocatedRelation } from './evidence.ts';
import { IssueSink, hasErrors, sortIssues, type BuildIssue } from './issues.ts';
import { layoutGraph, type LayoutOptions } from './layout.ts';
import { calendarDateProblem } from '../dates.ts';
import { parseYaml, positionOf, type ParsedYaml, type SourceFile } from './load.ts';
import { checkActors, checkRelationTypes, directedByType } from './registry.ts';
import { resolveRelations, type ResolvedRelation } from './relations.ts';
import { checkTextCharacters, normaliseArticleText } from './text.ts';
import { checkEventDates, validateAgainstSchema, type SchemaName } from './validate.ts';
import { attachMachineEvidence, type MachineSummary } from '../events/attach.ts';
import type { BuildCache } from './cache.ts';
import { ARTICLE_ID } from './ids.ts';
import { parseLayer } from '../events/layer.ts';

/** The files of a graph-data folder, read but not yet parsed. */
export interface DataFiles {
  /** The folder as the user named it, for messages. */
  root: string;
  relationTypes?: SourceFile;
  actors?: SourceFile;
  articles: ArticleSources[];
  /** events/gdelt.csv, the machine-coded layer npm run import:gdelt writes, when there is one. */
  events?: SourceFile;
  /**
   * Paths the reader found but could not use (a folder, a pipe, too large, unreadable) and has
   * already reported: the build does not report them again as missing.
   */
  unusable?: readonly string[];
}

export interface ArticleSources {
  id: string;
  /** articles/<id>.yaml */
  meta?: SourceFile;
  /** articles/<id>.txt */
  text?: SourceFile;
}

export type Stage = 'load' | 'validate' | 'resolve' | 'evidence' | 'assemble' | 'layout';

export interface BuildOptions {
  /** Layout options, or false to keep every node at the origin (for tests and benchmarks). */
  layout?: LayoutOptions | false;
  name?: string;
  description?: string;
  /** Wraps each stage, e.g. to time it. */
  measure?: <T>(stage: Stage, run: () => T) => T;
  /**
   * Steps of earlier builds of the same folder (createBuildCache): the work on each file that
   * depends on that file alone (its YAML parse and schema check, an article text's checks and
   * normalisation, an article's resolution and evidence given the same registries) is taken
   * from it when the file is the same. The result is the same as without it.
   */
  cache?: BuildCache;
}

export interface BuildReport {
  articles: number;
  actors: number;
  actorsWithoutRelations: string[];
  annotations: number;
  evidence: number;
  edges: number;
  byRelation: Record<string, { evidence: number; edges: number }>;
  byModality: Record<Modality, number>;
  /** Pieces of evidence with a date of each kind: the article's, the event's. */
  dated: { statement: number; event: number };
  /** The machine-coded layer (events/gdelt.csv), when the folder has one. */
  machine?: MachineSummary;
}

export interface BuildResult {
  issues: BuildIssue[];
  /** Present only when there is no error. */
  graph?: ActorGraph;
  /** Normalised article texts by article id, which evidence offsets refer to. */
  texts?: Record<string, string>;
  report?: BuildReport;
}

/**
 * Turns the files of a graph-data folder into the actor graph:
 * load -> validate -> resolve -> evidence -> assemble -> layout. Every stage reports all the
 * problems it finds; the graph is returned only when there is no error at all.
 */
export function buildGraph(files: DataFiles, options: BuildOptions = {}): BuildResult {
  const measure = options.measure ?? (<T>(_stage: Stage, run: () => T): T => run());
  const sink = new IssueSink();
  const fail = (): BuildResult => ({ issues: sortIssues(sink.issues) });
  const cache = options.cache;
  cache?.startBuild(pathsOf(files));
  /** A step of the file `slot` that depends on `args` alone: from the cache when it has it. */
  const step: Step = (slot, kind, args, run) =>
    cache ? cache.step(slot, kind, args, sink, run) : run(sink);
  const parse = (file: SourceFile): ParsedYaml | undefined =>
    step(file.path, 'parse', [file.text], (s) => parseYaml(file, s));
  const schema = (parsed: ParsedYaml, name: SchemaName): boolean =>
    step(parsed.file.path, 'schema', [parsed, name], (s) => validateAgainstSchema(parsed, name, s));

  // load: parse YAML with positions; normalise article texts.
  const loaded = measure('load', () => {
    // Compared case-insensitively: the reader accepts A.TXT as well as a.txt.
    const unusable = new Set((files.unusable ?? []).map((p) => p.toLowerCase()));
    const relationTypes = requireFile(
      files.relationTypes,
      `${files.root}/relation-types.yaml`,
      unusable,
      sink,
    );
    const actors = requireFile(files.actors, `${files.root}/actors.yaml`, unusable, sink);
    const articles = [...files.articles]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .flatMap((article) => loadArticle(article, unusable, sink, step));
    return {
      relationTypes: relationTypes && parse(relationTypes),
      actors: actors && parse(actors),
      articles: articles.map((a) => ({ ...a, parsed: parse(a.meta) })),
    };
  });

  // validate: schemas, then the registries' own consistency.
  const valid = measure('validate', () => {
    const typesOk = loaded.relationTypes && schema(loaded.relationTypes, 'relation-types');
    const actorsOk = loaded.actors && schema(loaded.actors, 'actors');
    const articles = loaded.articles.filter(
      (a): a is typeof a & { parsed: ParsedYaml } =>
        a.parsed !== undefined &&
        step(
          a.meta.path,
          'article-checks',
          [a.parsed],
          (s) =>
            validateAgainstSchema(a.parsed!, 'article', s) &&
            // Both checked, so that every wrong date is reported at once.
            [checkPublishedDate(a.parsed!, s), checkEventDates(a.parsed!, s)].every(Boolean),
        ),
    );
    const types = loaded.relationTypes;
    return {
      relationTypes:
        typesOk && types
          ? step(types.file.path, 'registry:relation-types', [types], (s) =>
              checkRelationTypes(types, s),
            )
          : undefined,
      actorsParsed: actorsOk ? loaded.actors : undefined,
      articles,
    };
  });

  // resolve: actor names and relation types.
  const resolved = measure('resolve', () => {
    const { relationTypes, actorsParsed } = valid;
    if (!relationTypes || !actorsParsed) return undefined;
    const index = step(actorsParsed.file.path, 'registry:actors', [actorsParsed], (s) =>
      checkActors(actorsParsed, s),
    );
    return valid.articles.map((a) => ({
      ...a,
      relations: step(a.meta.path, 'resolve', [a.id, a.parsed, index, relationTypes], (s) =>
        resolveRelations(a.id, a.parsed, index, relationTypes, s),
      ),
    }));
  });
  if (!resolved) return fail();

  // evidence: quotes located verbatim in the article texts.
  const located = measure('evidence', () =>
    resolved.map((a) => {
      const date = publishedDate(a.parsed);
      const located = step(a.meta.path, 'evidence', [a.relations, a.text, date], (s) =>
        locateEvidence(a.relations, a.text, date, s),
      );
      // The graph's evidence objects are each build's own.
      return { article: a, located: cache ? located.map(copyLocated) : located };
    }),
  );

  for (const { article, located: items } of located) {
    if (
      article.relations.length === 0 &&
      (article.parsed.value as ArticleDocument).relations.length === 0
    ) {
      sink.warn(article.meta.path, undefined, 'the article has no annotated relations');
    }
    if (!(article.parsed.value as ArticleDocument).published && items.length > 0) {
      sink.warn(
        article.meta.path,
        undefined,
        'the article has no published date, so its evidence is undated',
        'Add published: {date, basis, how} if the text gives or clearly implies a date.',
      );
    }
  }
  if (hasErrors(sink.issues)) return fail();

  const actors = (valid.actorsParsed!.value as { actors: Actor[] }).actors;
  const relationTypes = [...valid.relationTypes!.values()];
  const allLocated: LocatedRelation[] = located.flatMap((l) => l.located);

  const graph = measure('assemble', () =>
    assembleGraph({
      name: options.name ?? 'Actor graph',
      description:
        options.description ??
        'Actors and their relations (cooperates-with, opposes, proposes-to), each traced to the sentence of the article that supports it.',
      actors,
      relationTypes,
      articles: resolved.map((a) =>
        articleMeta(a.id, a.parsed.value as ArticleDocument, a.relations),
      ),
      located: allLocated,
    }),
  );

  if (options.layout !== false) {
    const layout = options.layout ?? {};
    measure('layout', () => layoutGraph(graph, layout));
  }

  const unused = graph.filterNodes((node) => graph.degree(node) === 0);
  if (unused.length > 0) {
    sink.warn(
      valid.actorsParsed!.file.path,
      undefined,
      `${unused.length} actor${unused.length === 1 ? ' has' : 's have'} no relations: ${unused.join(', ')}`,
      'They stay in the graph as isolated nodes (an affiliation is not a relation).',
    );
  }

  const report = makeReport(graph, resolved.length, allLocated, resolved, unused);
  // The machine-coded layer last: after the layout and the metrics, which stay the annotated
  // graph's, and after the report of the annotations.
  if (files.events) {
    const rows = parseLayer(
      files.events,
      {
        actors: new Set(actors.map((a) => a.id)),
        directed: directedByType(relationTypes),
      },
      sink,
    );
    if (hasErrors(sink.issues)) return fail();
    report.machine = attachMachineEvidence(graph, rows, relationTypes);
  }

  return {
    issues: sortIssues(sink.issues),
    graph,
    texts: Object.fromEntries(resolved.map((a) => [a.id, a.text])),
    report,
  };
}

function requireFile(
  file: SourceFile | undefined,
  expected: string,
  unusable: ReadonlySet<string>,
  sink: IssueSink,
): SourceFile | undefined {
  if (!file && !unusable.has(expected.toLowerCase())) {
    sink.error(
      expected,
      undefined,
      'file not found',
      `Every graph-data folder needs ${expected.split('/').pop()}.`,
    );
  }
  return file;
}

/** A step of one file that depends on `args` alone (see BuildCache.step). */
type Step = <T>(
  slot: string,
  kind: string,
  args: readonly unknown[],
  run: (sink: IssueSink) => T,
) => T;

/** The paths of the files the build is given. */
function pathsOf(files: DataFiles): string[] {
  const paths = [files.relationTypes?.path, files.actors?.path];
  for (const article of files.articles) paths.push(article.meta?.path, article.text?.path);
  return paths.filter((p): p is string => p !== undefined);
}

const copyLocated = (l: LocatedRelation): LocatedRelation => ({
  ...l,
  evidence: { ...l.evidence },
});

function loadArticle(
  article: ArticleSources,
  unusable: ReadonlySet<string>,
  sink: IssueSink,
  step: Step,
): { id: string; meta: SourceFile; text: string }[] {
  const path = article.meta?.path ?? article.text?.path ?? article.id;
  if (!ARTICLE_ID.test(article.id)) {
    sink.error(
      path,
      undefined,
      `"${article.id}" cannot be an article id`,
      'Name article files with ASCII letters (a-z, A-Z), digits, dots, hyphens and underscores only: the file name is the id, and it goes into links.',
    );
    return [];
  }
  if (!article.meta) {
    if (!article.text) return []; // both reported by the reader
    // Its YAML file is there but could not be read: the reader said so; no warning on top.
    const yamlPath = article.text.path.replace(/\.txt$/i, '');
    if (['.yaml', '.yml'].some((ext) => unusable.has(`${yamlPath}${ext}`.toLowerCase()))) return [];
    sink.warn(
      article.text!.path,
      undefined,
      'article text without annotations: it is left out of the graph',
      `Add ${article.text!.path.replace(/\.txt$/, '.yaml')} with its title and relations.`,
    );
    return [];
  }
  if (!article.text) {
    const expected = article.meta.path.replace(/\.ya?ml$/i, '.txt');
    if (!unusable.has(expected.toLowerCase())) {
      sink.error(
        article.meta.path,
        undefined,
        'the article text is missing',
        `Put the article's text, verbatim, in ${expected}.`,
      );
    }
    return [];
  }
  const file = article.text;
  const text = step(file.path, 'text', [file.text], (s) =>
    checkTextCharacters(file, s) ? normaliseArticleText(file.text) : undefined,
  );
  return text === undefined ? [] : [{ id: article.id, meta: article.meta, text }];
}

/** Refuses a published date that is not on the calendar (2023-02-29, 2021-04-31). */
function checkPublishedDate(parsed: ParsedYaml, sink: IssueSink): boolean {
  const date = (parsed.value as ArticleDocument).published?.date;
  if (date === undefined) return true;
  const problem = calendarDateProblem(date);
  if (problem === undefined) return true;
  sink.error(
    parsed.file.path,
    positionOf(parsed, ['published', 'date']),
    `published.date "${date}" is not a date on the calendar: ${problem}`,
    'Correct the date; if the text gives only the month or the year, write YYYY-MM or YYYY.',
  );
  return false;
}

function publishedDate(parsed: ParsedYaml): string | null {
  return (parsed.value as ArticleDocument).published?.date ?? null;
}

function articleMeta(
  id: string,
  file: ArticleDocument,
  relations: readonly ResolvedRelation[],
): ArticleMeta {
  const { title, titleNote, outlet, outletNote, url, published } = file;
  return {
    id,
    title,
    ...(titleNote === undefined ? {} : { titleNote }),
    ...(outlet === undefined ? {} : { outlet }),
    ...(outletNote === undefined ? {} : { outletNote }),
    ...(url === undefined ? {} : { url }),
    ...(published === undefined ? {} : { published }),
    relationCount: relations.length,
  };
}

function makeReport(
  graph: ActorGraph,
  articles: number,
  located: readonly LocatedRelation[],
  resolved: readonly { relations: readonly ResolvedRelation[] }[],
  unused: string[],
): BuildReport {
  const byRelation: BuildReport['byRelation'] = {};
  for (const type of graph.getAttribute('relationTypes'))
    byRelation[type.id] = { evidence: 0, edges: 0 };
  graph.forEachEdge((_e, attr) => {
    const entry = (byRelation[attr.relation] ??= { evidence: 0, edges: 0 });
    entry.edges++;
    entry.evidence += attr.weight;
  });
  const byModality = Object.fromEntries(MODALITIES.map((m) => [m, 0])) as Record<Modality, number>;
  for (const item of located) byModality[item.evidence.modality]++;
  return {
    articles,
    actors: graph.order,
    actorsWithoutRelations: unused,
    annotations: resolved.reduce((n, a) => n + a.relations.length, 0),
    evidence: located.length,
    edges: graph.size,
    byRelation,
    byModality,
    dated: {
      statement: located.filter((l) => l.evidence.date !== null).length,
      event: located.filter((l) => (l.evidence.eventDate ?? null) !== null).length,
    },
  };
}
