/**
 * Checks of what the page and the export read: a graph.json's structure (the graph contract of
 * actorGraph.ts, as serialised) and whether a texts file belongs to a graph. Pure: data in,
 * problems out, each with the path of what is wrong, e.g.
 *   edges[12] (opposes:isis:russia).attributes.evidence: not a list
 * One pass over the data, so it stays cheap for 100k pieces of evidence.
 */
import { calendarDateProblem } from '../dates.ts';
import { ACTOR_KINDS, MODALITIES } from '../model.ts';
import type { ActorGraph } from './actorGraph.ts';

/** How many problems a check reports at most (it stops looking after that). */
export const PROBLEM_LIMIT = 20;

/** A texts file name graph.json may give: a plain file name beside it, nothing else. */
export const TEXTS_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.json$/;

/** A check's result: the problems found, at most `limit`, and whether it stopped early. */
export interface CheckResult {
  problems: string[];
  /** True when there were more problems than reported. */
  more: boolean;
}

/** One sentence for messages: the first problem, and how many more there are. */
export function describeProblems(result: CheckResult): string {
  const [first, ...rest] = result.problems;
  if (first === undefined) return '';
  const others = rest.length;
  if (others === 0) return result.more ? `${first} (and more)` : first;
  const count = result.more ? `more than ${others}` : String(others);
  return `${first} (and ${count} other problem${others === 1 && !result.more ? '' : 's'})`;
}

/** Problems found by a check, at most `limit` of them; `path` says where (empty: the whole). */
export class Problems {
  readonly list: string[] = [];
  more = false;
  constructor(private readonly limit: number) {}
  /** True once a problem beyond the limit was found: then the check stops looking. */
  get full(): boolean {
    return this.more;
  }
  add(path: string, what: string): void {
    if (this.list.length >= this.limit) this.more = true;
    else this.list.push(path === '' ? what : `${path}: ${what}`);
  }
  result(): CheckResult {
    return { problems: this.list, more: this.more };
  }
}

export type Dict = Record<string, unknown>;

export const isObject = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isOffset = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
export const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');
/** null, or a real YYYY, YYYY-MM or YYYY-MM-DD date (the filters and exports compare them). */
const isDateOrNull = (value: unknown): boolean =>
  value === null || (typeof value === 'string' && calendarDateProblem(value) === undefined);
const PUBLISHED_BASES: ReadonlySet<unknown> = new Set(['stated', 'inferred']);

/** A key as shown in a path: a string as it is, anything else quoted by JSON rules; long ones cut. */
function shown(key: unknown): string {
  const text = typeof key === 'string' ? key : (JSON.stringify(key) ?? String(key));
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A key as shown in a message: quoted by JSON rules, long ones cut. */
export const quoted = (key: unknown): string => shown(JSON.stringify(key));

/** What a value is, for messages: its kind, and a primitive's value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${quoted(value)}`;
}

const KINDS: ReadonlySet<string> = new Set(ACTOR_KINDS);
const MODALITY_SET: ReadonlySet<string> = new Set(MODALITIES);

/**
 * Checks a parsed graph.json against what the page and the exporters rely on: the graph's
 * attributes (relation types, articles, the texts file name), every actor's attributes and
 * every relation's, its evidence included. Returns no problems for what the build writes.
 */
export function checkGraph(data: unknown, limit = PROBLEM_LIMIT): CheckResult {
  const problems = new Problems(limit);
  if (!isObject(data)) {
    problems.add('', `not a graph: the file holds ${describeValue(data)}, not an object`);
    return problems.result();
  }
  checkOptions(data.options, problems);

  const relationIds = new Set<string>();
  const articleIds = new Set<string>();
  checkAttributes(data.attributes, problems, relationIds, articleIds);

  const nodeKeys = new Set<string>();
  if (!Array.isArray(data.nodes)) {
    problems.add('nodes', `not a list (${describeValue(data.nodes)})`);
  } else {
    for (let i = 0; i < data.nodes.length && !problems.full; i++) {
      checkNode(data.nodes[i], `nodes[${i}]`, problems, nodeKeys);
    }
  }
  if (!Array.isArray(data.edges)) {
    problems.add('edges', `not a list (${describeValue(data.edges)})`);
  } else {
    const nodesKnown = Array.isArray(data.nodes);
    const edgeKeys = new Set<string>();
    for (let i = 0; i < data.edges.length && !problems.full; i++) {
      checkEdge(data.edges[i], i, problems, {
        nodes: nodesKnown ? nodeKeys : undefined,
        edges: edgeKeys,
        relations: relationIds,
        articles: articleIds,
      });
    }
  }
  return problems.result();
}

/** What npm run build:graph writes: a mixed multigraph without self-loops. */
const GRAPH_OPTIONS = { type: 'mixed', multi: true, allowSelfLoops: false } as const;

function checkOptions(options: unknown, problems: Problems): void {
  if (options === undefined) return;
  if (!isObject(options)) {
    problems.add('options', `not an object (${describeValue(options)})`);
    return;
  }
  for (const [field, expected] of Object.entries(GRAPH_OPTIONS)) {
    if (options[field] !== undefined && options[field] !== expected) {
      problems.add(
        `options.${field}`,
        `${describeValue(options[field])}, where the graph of npm run build:graph has ${JSON.stringify(expected)}`,
      );
    }
  }
}

function checkAttributes(
  attributes: unknown,
  problems: Problems,
  relationIds: Set<string>,
  articleIds: Set<string>,
): void {
  const at = 'attributes';
  if (!isObject(attributes)) {
    problems.add(at, `not an object (${describeValue(attributes)})`);
    return;
  }
  for (const field of ['name', 'description'] as const) {
    if (typeof attributes[field] !== 'string') {
      problems.add(`${at}.${field}`, `not a string (${describeValue(attributes[field])})`);
    }
  }
  const types = attributes.relationTypes;
  if (!Array.isArray(types)) {
    problems.add(`${at}.relationTypes`, `not a list (${describeValue(types)})`);
  } else {
    types.forEach((type: unknown, i) => {
      const path = `${at}.relationTypes[${i}]`;
      if (!isObject(type)) {
        problems.add(path, `not an object (${describeValue(type)})`);
        return;
      }
      for (const field of ['id', 'label', 'color', 'description'] as const) {
        if (typeof type[field] !== 'string') {
          problems.add(`${path}.${field}`, `not a string (${describeValue(type[field])})`);
        }
      }
      if (typeof type.directed !== 'boolean') {
        problems.add(`${path}.directed`, `not true or false (${describeValue(type.directed)})`);
      }
      if (type.inverseLabel !== undefined && typeof type.inverseLabel !== 'string') {
        problems.add(`${path}.inverseLabel`, `not a string (${describeValue(type.inverseLabel)})`);
      }
      if (typeof type.id === 'string') relationIds.add(type.id);
    });
  }
  const articles = attributes.articles;
  if (!isObject(articles)) {
    problems.add(`${at}.articles`, `not an object (${describeValue(articles)})`);
  } else {
    for (const [id, article] of Object.entries(articles)) {
      articleIds.add(id);
      checkArticle(article, `${at}.articles[${quoted(id)}]`, problems);
    }
  }
  const texts = attributes.texts;
  if (texts !== undefined && !(typeof texts === 'string' && TEXTS_FILE_NAME.test(texts))) {
    problems.add(
      `${at}.texts`,
      `not the name of a .json file beside graph.json (${describeValue(texts)})`,
    );
  }
}

/** An article's metadata, as the filters, the evidence panel and the exports read it. */
function checkArticle(article: unknown, path: string, problems: Problems): void {
  if (!isObject(article)) {
    problems.add(path, `not an object (${describeValue(article)})`);
    return;
  }
  if (typeof article.title !== 'string') {
    problems.add(`${path}.title`, `not a string (${describeValue(article.title)})`);
  }
  for (const field of ['titleNote', 'outlet', 'outletNote', 'url'] as const) {
    if (article[field] !== undefined && typeof article[field] !== 'string') {
      problems.add(`${path}.${field}`, `not a string (${describeValue(article[field])})`);
    }
  }
  const published = article.published;
  if (published === undefined) return;
  if (!isObject(published)) {
    problems.add(`${path}.published`, `not an object (${describeValue(published)})`);
    return;
  }
  if (published.date === null || !isDateOrNull(published.date)) {
    problems.add(
      `${path}.published.date`,
      `not a date as YYYY, YYYY-MM or YYYY-MM-DD (${describeValue(published.date)})`,
    );
  }
  if (!PUBLISHED_BASES.has(published.basis)) {
    problems.add(
      `${path}.published.basis`,
      `not "stated" or "inferred" (${describeValue(published.basis)})`,
    );
  }
  if (typeof published.how !== 'string') {
    problems.add(`${path}.published.how`, `not a string (${describeValue(published.how)})`);
  }
}

function checkNode(node: unknown, path: string, problems: Problems, keys: Set<string>): void {
  if (!isObject(node)) {
    problems.add(path, `not an object (${describeValue(node)})`);
    return;
  }
  if (typeof node.key !== 'string') {
    problems.add(`${path}.key`, `not a string (${describeValue(node.key)})`);
    return;
  }
  const at = `${path} (${shown(node.key)})`;
  if (keys.has(node.key)) problems.add(`${at}.key`, 'used by another actor too');
  keys.add(node.key);
  const a = node.attributes;
  if (!isObject(a)) {
    problems.add(`${at}.attributes`, `not an object (${describeValue(a)})`);
    return;
  }
  if (typeof a.label !== 'string') {
    problems.add(`${at}.attributes.label`, `not a string (${describeValue(a.label)})`);
  }
  if (typeof a.kind !== 'string' || !KINDS.has(a.kind)) {
    problems.add(
      `${at}.attributes.kind`,
      `not one of ${ACTOR_KINDS.join(', ')} (${describeValue(a.kind)})`,
    );
  }
  if (!isStringList(a.aliases)) {
    problems.add(`${at}.attributes.aliases`, `not a list of strings (${describeValue(a.aliases)})`);
  }
  for (const field of ['x', 'y', 'size', 'degree', 'evidenceCount'] as const) {
    if (!isFiniteNumber(a[field])) {
      problems.add(`${at}.attributes.${field}`, `not a number (${describeValue(a[field])})`);
    }
  }
  if (typeof a.color !== 'string') {
    problems.add(`${at}.attributes.color`, `not a string (${describeValue(a.color)})`);
  }
  if (!isObject(a.degreeByRelation)) {
    problems.add(
      `${at}.attributes.degreeByRelation`,
      `not an object (${describeValue(a.degreeByRelation)})`,
    );
  }
}

function checkEdge(
  edge: unknown,
  index: number,
  problems: Problems,
  known: {
    nodes: Set<string> | undefined;
    /** The edge keys met so far: a key is one relation's only. */
    edges: Set<string>;
    relations: Set<string>;
    articles: Set<string>;
  },
): void {
  const path = `edges[${index}]`;
  if (!isObject(edge)) {
    problems.add(path, `not an object (${describeValue(edge)})`);
    return;
  }
  if (typeof edge.key !== 'string') {
    problems.add(`${path}.key`, `not a string (${describeValue(edge.key)})`);
    return;
  }
  const at = `${path} (${shown(edge.key)})`;
  if (known.edges.has(edge.key)) problems.add(`${at}.key`, 'used by another relation too');
  known.edges.add(edge.key);
  if (typeof edge.source === 'string' && edge.source === edge.target) {
    problems.add(at, 'its source and target are the same actor (a relation joins two)');
  }
  for (const end of ['source', 'target'] as const) {
    const id = edge[end];
    if (typeof id !== 'string') problems.add(`${at}.${end}`, `not a string (${describeValue(id)})`);
    else if (known.nodes && !known.nodes.has(id)) {
      problems.add(`${at}.${end}`, `no actor has the key ${quoted(id)}`);
    }
  }
  if (edge.undirected !== undefined && typeof edge.undirected !== 'boolean') {
    problems.add(`${at}.undirected`, `not true or false (${describeValue(edge.undirected)})`);
  }
  const a = edge.attributes;
  if (!isObject(a)) {
    problems.add(`${at}.attributes`, `not an object (${describeValue(a)})`);
    return;
  }
  if (typeof a.relation !== 'string') {
    problems.add(`${at}.attributes.relation`, `not a string (${describeValue(a.relation)})`);
  } else if (known.relations.size > 0 && !known.relations.has(a.relation)) {
    problems.add(
      `${at}.attributes.relation`,
      `${quoted(a.relation)} is not one of the graph's relation types`,
    );
  }
  for (const field of ['label', 'color'] as const) {
    if (typeof a[field] !== 'string') {
      problems.add(`${at}.attributes.${field}`, `not a string (${describeValue(a[field])})`);
    }
  }
  for (const field of ['weight', 'size'] as const) {
    if (!isFiniteNumber(a[field])) {
      problems.add(`${at}.attributes.${field}`, `not a number (${describeValue(a[field])})`);
    }
  }
  if (!isStringList(a.articles)) {
    problems.add(
      `${at}.attributes.articles`,
      `not a list of strings (${describeValue(a.articles)})`,
    );
  }
  for (const field of ['firstDate', 'lastDate'] as const) {
    if (!isDateOrNull(a[field])) {
      problems.add(`${at}.attributes.${field}`, `not a date or null (${describeValue(a[field])})`);
    }
  }
  // Absent from graphs built before event dates.
  for (const field of ['firstEventDate', 'lastEventDate'] as const) {
    if (a[field] !== undefined && !isDateOrNull(a[field])) {
      problems.add(`${at}.attributes.${field}`, `not a date or null (${describeValue(a[field])})`);
    }
  }
  const evidence = a.evidence;
  if (!Array.isArray(evidence)) {
    problems.add(`${at}.attributes.evidence`, `not a list (${describeValue(evidence)})`);
    return;
  }
  // The weight is the number of statements: counts, sizes and the slider's range read it.
  if (isFiniteNumber(a.weight) && a.weight !== evidence.length) {
    problems.add(
      `${at}.attributes.weight`,
      `${a.weight}, but the relation has ${evidence.length} pieces of evidence`,
    );
  }
  for (let i = 0; i < evidence.length && !problems.full; i++) {
    // Most evidence is fine: its path is made only when a problem is found.
    const e: unknown = evidence[i];
    if (!evidenceLooksRight(e, known.articles)) {
      checkEvidence(e, `${at}.attributes.evidence[${i}]`, problems, known.articles);
    }
  }
  // Machine-coded evidence (events/gdelt.csv) is apart from the statements; absent from graphs
  // built without it. An edge with no statement stands on it alone.
  if (a.machine !== undefined) checkMachine(a.machine, `${at}.attributes.machine`, problems);
  else if (evidence.length === 0) {
    problems.add(
      `${at}.attributes.evidence`,
      'empty, and the relation has no machine-coded evidence either',
    );
  }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const isCount = (value: unknown): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** What the page shows of machine-coded evidence: counts, means, months, links. */
function checkMachine(m: unknown, at: string, problems: Problems): void {
  if (!isObject(m)) {
    problems.add(at, `not an object (${describeValue(m)})`);
    return;
  }
  if (m.kind !== 'machine-coded') {
    problems.add(`${at}.kind`, `${describeValue(m.kind)}, where "machine-coded" is expected`);
  }
  if (m.coder !== 'GDELT') problems.add(`${at}.coder`, `${describeValue(m.coder)}, not "GDELT"`);
  for (const field of ['events', 'mentions', 'sources', 'articles'] as const) {
    if (!isCount(m[field]))
      problems.add(`${at}.${field}`, `not a count (${describeValue(m[field])})`);
  }
  for (const [field, limit] of [
    ['goldstein', 10],
    ['tone', 100],
  ] as const) {
    const v = m[field];
    if (!isFiniteNumber(v) || Math.abs(v) > limit) {
      problems.add(
        `${at}.${field}`,
        `not a number from -${limit} to ${limit} (${describeValue(v)})`,
      );
    }
  }
  for (const field of ['firstMonth', 'lastMonth'] as const) {
    if (typeof m[field] !== 'string' || !MONTH.test(m[field])) {
      problems.add(`${at}.${field}`, `not a month YYYY-MM (${describeValue(m[field])})`);
    }
  }
  if (!Array.isArray(m.months) || m.months.length === 0) {
    problems.add(`${at}.months`, `not a list of months (${describeValue(m.months)})`);
  } else {
    m.months.forEach((month: unknown, i) => {
      const path = `${at}.months[${i}]`;
      if (!isObject(month)) problems.add(path, `not an object (${describeValue(month)})`);
      else if (
        typeof month.month !== 'string' ||
        !MONTH.test(month.month) ||
        !['events', 'mentions', 'sources', 'articles'].every((f) => isCount(month[f])) ||
        !isFiniteNumber(month.goldstein) ||
        !isFiniteNumber(month.tone)
      ) {
        problems.add(path, 'not a month of events (month, counts, goldstein and tone)');
      }
    });
  }
  if (
    !Array.isArray(m.urls) ||
    !m.urls.every((u: unknown) => typeof u === 'string' && /^https?:\/\//i.test(u))
  ) {
    problems.add(`${at}.urls`, `not a list of http or https addresses (${describeValue(m.urls)})`);
  }
}

/** The common case, checked without making any message: every field as the build writes it. */
function evidenceLooksRight(e: unknown, articles: Set<string>): boolean {
  if (!isObject(e)) return false;
  return (
    typeof e.article === 'string' &&
    (articles.size === 0 || articles.has(e.article)) &&
    typeof e.quote === 'string' &&
    isOffset(e.start) &&
    isOffset(e.end) &&
    e.end - e.start === e.quote.length &&
    typeof e.modality === 'string' &&
    MODALITY_SET.has(e.modality) &&
    isDateOrNull(e.date) &&
    (e.eventDate === undefined || eventDateLooksRight(e)) &&
    (e.note === undefined || typeof e.note === 'string')
  );
}

/** An event date, with its basis and words (all three, or none; null for none as well). */
function eventDateLooksRight(e: Dict): boolean {
  if (e.eventDate === null) return e.eventDateBasis === undefined && e.eventDateHow === undefined;
  return (
    isDateOrNull(e.eventDate) &&
    PUBLISHED_BASES.has(e.eventDateBasis) &&
    typeof e.eventDateHow === 'string'
  );
}

function checkEvidence(e: unknown, path: string, problems: Problems, articles: Set<string>): void {
  if (!isObject(e)) {
    problems.add(path, `not an object (${describeValue(e)})`);
    return;
  }
  if (typeof e.article !== 'string') {
    problems.add(`${path}.article`, `not a string (${describeValue(e.article)})`);
  } else if (articles.size > 0 && !articles.has(e.article)) {
    problems.add(`${path}.article`, `${quoted(e.article)} is not among the graph's articles`);
  }
  if (typeof e.quote !== 'string') {
    problems.add(`${path}.quote`, `not a string (${describeValue(e.quote)})`);
  }
  if (!isOffset(e.start)) {
    problems.add(
      `${path}.start`,
      `not an offset, a whole number from 0 (${describeValue(e.start)})`,
    );
  }
  if (!isOffset(e.end)) {
    problems.add(`${path}.end`, `not an offset, a whole number from 0 (${describeValue(e.end)})`);
  }
  if (
    isOffset(e.start) &&
    isOffset(e.end) &&
    typeof e.quote === 'string' &&
    e.end - e.start !== e.quote.length
  ) {
    problems.add(
      path,
      `its offsets ${e.start}-${e.end} span ${e.end - e.start} characters but its quote has ${e.quote.length}`,
    );
  }
  if (typeof e.modality !== 'string' || !MODALITY_SET.has(e.modality)) {
    problems.add(
      `${path}.modality`,
      `not one of ${MODALITIES.join(', ')} (${describeValue(e.modality)})`,
    );
  }
  if (!isDateOrNull(e.date)) {
    problems.add(`${path}.date`, `not a date or null (${describeValue(e.date)})`);
  }
  if (e.eventDate !== undefined && e.eventDate !== null) {
    if (!isDateOrNull(e.eventDate)) {
      problems.add(`${path}.eventDate`, `not a date or null (${describeValue(e.eventDate)})`);
    }
    if (!PUBLISHED_BASES.has(e.eventDateBasis)) {
      problems.add(
        `${path}.eventDateBasis`,
        `not "stated" or "inferred" (${describeValue(e.eventDateBasis)})`,
      );
    }
    if (typeof e.eventDateHow !== 'string') {
      problems.add(`${path}.eventDateHow`, `not a string (${describeValue(e.eventDateHow)})`);
    }
  } else if (e.eventDateBasis !== undefined || e.eventDateHow !== undefined) {
    problems.add(
      `${path}.eventDate`,
      `${describeValue(e.eventDate)}, but the statement has an event date's basis or words`,
    );
  }
  if (e.note !== undefined && typeof e.note !== 'string') {
    problems.add(`${path}.note`, `not a string (${describeValue(e.note)})`);
  }
}

/**
 * Checks that a texts file (the parsed articles.<hash>.json) belongs to a graph: every piece of
 * evidence's article text is there and holds the quote exactly between its offsets. A texts
 * file of another build fails this (its texts, or their offsets, differ).
 */
export function checkTexts(graph: ActorGraph, texts: unknown, limit = PROBLEM_LIMIT): CheckResult {
  const problems = new Problems(limit);
  if (!isObject(texts)) {
    problems.add(
      '',
      `not the article texts: the file holds ${describeValue(texts)}, not an object`,
    );
    return problems.result();
  }
  const missing = new Set<string>();
  graph.someEdge((edge, attributes) => {
    attributes.evidence.forEach((e, i) => {
      if (problems.full) return;
      const text = Object.hasOwn(texts, e.article) ? texts[e.article] : undefined;
      if (typeof text !== 'string') {
        if (!missing.has(e.article)) {
          missing.add(e.article);
          problems.add('', `the text of article ${quoted(e.article)} is missing`);
        }
      } else if (text.slice(e.start, e.end) !== e.quote) {
        problems.add(
          '',
          `the quote of ${shown(edge)} statement ${i + 1} is not at ${e.start}-${e.end} in the text of article ${quoted(e.article)}`,
        );
      }
    });
    return problems.full;
  });
  return problems.result();
}
