import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Change, FieldProblem, ProblemField } from './api.ts';
import { buildGraph, type BuildOptions, type DataFiles } from '../pipeline/buildGraph.ts';
import type { BuildCache } from '../pipeline/cache.ts';
import type { BuildIssue } from '../pipeline/issues.ts';
import { applyChangesTraced, type ChangeTrace } from './applyChanges.ts';
import { apiPathOf, withFiles } from './dataFiles.ts';
import { isDuplicateRelation } from '../pipeline/evidence.ts';
import { articleFileOf } from '../pipeline/ids.ts';

/**
 * Checks a request's writes with the build itself: the data with the written files in place is
 * built (without layout), and its errors are returned as problems of the form, each pointed at
 * the field and change it concerns where its line says. Errors the data had before the change
 * (the same file and message) are left out: they do not block a good change. Warnings are no
 * refusals, except the build's "duplicate relation" when the request writes the duplicate (it
 * would be counted once): that is returned too, at the quote. `options.cache` is given to both
 * builds (BuildOptions.cache): the workbench's, which has just built the data with the writes.
 * `options.files` is filesOf(data) when the caller has it already.
 */
export function checkChanges(
  data: DataFiles,
  writes: ReadonlyMap<string, string>,
  changes: readonly Change[],
  options: { cache?: BuildCache; files?: ReadonlyMap<string, string> } = {},
): FieldProblem[] {
  const build = { layout: false, ...(options.cache ? { cache: options.cache } : {}) } as const;
  // The written files keep their names on disk (<id>.yml), as the errors of `data` name them.
  const after = withFiles(data, writes);
  const issues = buildGraph(after, build).issues;
  const errors = issues.filter((i) => i.severity === 'error');
  const duplicates = issues.filter(isDuplicateRelation);
  if (errors.length === 0 && duplicates.length === 0) return [];
  const located = new Locator(after, writes, traceOf(options.files ?? filesOf(data), changes));
  // A duplicate the request itself writes is refused; one already in the data is not.
  const own = duplicates.map((d) => located.problem(d)).filter((p) => p.change !== undefined);
  if (errors.length === 0) return own;
  const before = new Set(buildErrors(data, build).map(issueKey));
  return [...errors.filter((e) => !before.has(issueKey(e))).map((e) => located.problem(e)), ...own];
}

const buildErrors = (data: DataFiles, options: BuildOptions): BuildIssue[] =>
  buildGraph(data, options).issues.filter((i) => i.severity === 'error');

const issueKey = (issue: BuildIssue): string => `${issue.file}\u0000${issue.message}`;

/** The path of a data file relative to the data folder. */
export function relativePath(root: string, path: string): string {
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}

/** The data's files by path relative to the data folder. */
export function filesOf(data: DataFiles): Map<string, string> {
  const files = new Map<string, string>();
  if (data.actors) files.set('actors.yaml', data.actors.text);
  if (data.relationTypes) files.set('relation-types.yaml', data.relationTypes.text);
  for (const a of data.articles) {
    if (a.meta) files.set(`articles/${a.id}.yaml`, a.meta.text);
    if (a.text) files.set(`articles/${a.id}.txt`, a.text.text);
  }
  return files;
}

function traceOf(files: ReadonlyMap<string, string>, changes: readonly Change[]): ChangeTrace {
  try {
    return applyChangesTraced(files, changes).trace;
  } catch {
    return { relations: new Map(), actors: [], newArticles: new Map() };
  }
}

const RELATION_FIELDS: Record<string, ProblemField> = {
  source: 'source',
  target: 'target',
  type: 'type',
  modality: 'modality',
  quote: 'quote',
  note: 'note',
};
const ARTICLE_FIELDS: Record<string, ProblemField> = {
  title: 'title',
  outlet: 'outlet',
  url: 'url',
  date: 'date',
  basis: 'basis',
  how: 'how',
};
const ACTOR_KEYS = new Set(['id', 'label', 'kind', 'aliases', 'affiliation']);

/** Where in a written file an error is: the item of a list and the key, as the parser sees it. */
interface Place {
  list?: string;
  index?: number;
  /** The innermost key holding the position (date for published.date). */
  key?: string;
}

class Locator {
  constructor(
    /** The data with the writes, whose files' paths the build's issues name. */
    private readonly data: DataFiles,
    private readonly writes: ReadonlyMap<string, string>,
    private readonly trace: ChangeTrace,
  ) {}

  problem(issue: BuildIssue): FieldProblem {
    // By the API's path (articles/<id>.yaml), which the writes and the page use.
    const file = apiPathOf(this.data, issue.file) ?? relativePath(this.data.root, issue.file);
    return {
      ...this.locate(file, issue),
      message: issue.message,
      ...(issue.hint === undefined ? {} : { hint: issue.hint }),
      file,
      ...(issue.line === undefined ? {} : { line: issue.line }),
    };
  }

  private locate(file: string, issue: BuildIssue): Pick<FieldProblem, 'field' | 'change'> {
    const text = this.writes.get(file);
    const article = articleFileOf(file);
    const added = article ? this.trace.newArticles.get(article.id) : undefined;
    if (article?.kind === 'txt') return added === undefined ? {} : { field: 'text', change: added };
    if (text === undefined) return {};
    const place = issue.line === undefined ? {} : placeOf(text, issue.line, issue.column);
    if (file === 'actors.yaml') return this.actorField(place);
    if (!article) return {};
    if (place.list === 'relations' && place.index !== undefined) {
      const change = this.trace.relations.get(article.id)?.[place.index];
      if (change === undefined) return {};
      return { change, ...relationField(place.key, issue.message) };
    }
    if (added === undefined) return {};
    const field = place.key === undefined ? undefined : ARTICLE_FIELDS[place.key];
    return { change: added, ...(field ? { field } : {}) };
  }

  private actorField(place: Place): Pick<FieldProblem, 'field' | 'change'> {
    if (place.list !== 'actors' || place.index === undefined) return {};
    const change = this.trace.actors[place.index];
    if (change === undefined) return {};
    const key = place.key;
    return {
      change,
      ...(key && ACTOR_KEYS.has(key) ? { field: `actor.${key}` as ProblemField } : {}),
    };
  }
}

function relationField(key: string | undefined, message: string): { field?: ProblemField } {
  if (/ to itself$/.test(message)) return { field: 'target' };
  if (/^(?:quote not found|the quote |duplicate relation)/.test(message)) return { field: 'quote' };
  const field = key === undefined ? undefined : RELATION_FIELDS[key];
  return field ? { field } : {};
}

/** The list item and key at a line (and column) of a YAML text. */
export function placeOf(text: string, line: number, column?: number): Place {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const start = lineCounter.lineStarts[line - 1];
  if (start === undefined || !isMap(doc.contents)) return {};
  const indent = /^[ \t-]*/.exec(text.slice(start))![0].length;
  const offset = start + (column === undefined ? indent : Math.max(0, column - 1));
  const top = pairAt(doc.contents.items as Pair<Node, unknown>[], offset);
  if (!top) return {};
  const name = String((top.key as { value?: unknown }).value);
  if (isSeq(top.value)) {
    const index = top.value.items.findIndex((item) => within(item as Node, offset));
    if (index < 0) return { list: name };
    const item = top.value.items[index];
    const pair = isMap(item) ? pairAt(item.items as Pair<Node, unknown>[], offset) : undefined;
    const key = pair && isScalar(pair.key) ? String(pair.key.value) : undefined;
    return { list: name, index, ...(key === undefined ? {} : { key }) };
  }
  if (isMap(top.value)) {
    const inner = pairAt(top.value.items as Pair<Node, unknown>[], offset);
    if (inner && isScalar(inner.key)) return { key: String(inner.key.value) };
  }
  return { key: name };
}

function pairAt(
  pairs: readonly Pair<Node, unknown>[],
  offset: number,
): Pair<Node, unknown> | undefined {
  return pairs.find((p) => {
    const from = p.key?.range?.[0];
    const to = (p.value as Node | null)?.range?.[2] ?? p.key?.range?.[2];
    return from !== undefined && to !== undefined && from <= offset && offset < to;
  });
}

const within = (node: Node | null, offset: number): boolean =>
  !!node?.range && node.range[0] <= offset && offset < node.range[2];
