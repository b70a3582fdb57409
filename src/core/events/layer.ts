/**
 * The machine-coded layer of a data folder, events/gdelt.csv: one row per source actor,
 * relation type, target actor and month, as sql/gdelt-aggregate.sql computes it. The import
 * writes it (formatLayer); the build reads it (parseLayer) with the same care as the rest of
 * the data: every problem names the file, the line and what to do.
 */
import type { MachineEvidence, MachineMonth } from '../model.ts';
import type { IssueSink } from '../pipeline/issues.ts';
import type { SourceFile } from '../pipeline/load.ts';
import { edgeKey } from '../graph/actorGraph.ts';
import { ACTOR_ID } from '../pipeline/ids.ts';

/** The machine-coded layer and the events it counts, in the data folder's events/. */
export const EVENTS_FOLDER = 'events';
export const LAYER_FILE = 'gdelt.csv';
export const STORE_FILE = 'gdelt-events.csv';

export const LAYER_COLUMNS = [
  'source',
  'relation',
  'target',
  'month',
  'events',
  'mentions',
  'sources',
  'articles',
  'goldstein',
  'tone',
  'url_first',
  'url_last',
] as const;

/** One row of the layer: a month of events of one (source, relation, target). */
export interface LayerRow extends MachineMonth {
  source: string;
  relation: string;
  target: string;
  urls: string[];
}

/** At most this many sample URLs travel with an edge. */
export const MAX_EDGE_URLS = 5;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COUNT = /^(0|[1-9]\d{0,14})$/;
const NUMBER = /^-?\d{1,4}(\.\d+)?$/;

/** A URL the page may link to: http or https, no spaces or control characters. */
export function isLinkableUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(url) && url.length <= 2048;
}

/** GDELT's MonthYear (201502) as YYYY-MM, or undefined when it is not a month. */
export function monthOf(monthYear: number): string | undefined {
  const year = Math.floor(monthYear / 100);
  const month = monthYear % 100;
  if (!Number.isInteger(monthYear) || year < 1000 || year > 9999 || month < 1 || month > 12) {
    return undefined;
  }
  return `${year}-${String(month).padStart(2, '0')}`;
}

const toNumber = (v: unknown): number =>
  typeof v === 'bigint'
    ? Number(v)
    : typeof v === 'number'
      ? v
      : typeof v === 'string'
        ? Number(v)
        : NaN;

/**
 * A row of sql/gdelt-aggregate.sql's result, from any engine (numbers may come as bigints or,
 * from ClickHouse's JSON, as strings), as a row of the layer. The month is undefined when
 * MonthYear is not a month.
 */
export function layerRowFromSql(
  r: Record<string, unknown>,
): Omit<LayerRow, 'month'> & { month: string | undefined } {
  return {
    source: String(r.source),
    relation: String(r.relation),
    target: String(r.target),
    month: monthOf(toNumber(r.month)),
    events: toNumber(r.events),
    mentions: toNumber(r.mentions),
    sources: toNumber(r.sources),
    articles: toNumber(r.articles),
    goldstein: toNumber(r.goldstein),
    tone: toNumber(r.tone),
    urls: [r.url_first, r.url_last].filter((u): u is string => typeof u === 'string' && u !== ''),
  };
}

const quoteCsv = (field: string): string =>
  /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;

/** The layer's text: a header, then the rows as given (the SQL orders them). */
export function formatLayer(rows: readonly LayerRow[]): string {
  const lines = [LAYER_COLUMNS.join(',')];
  for (const r of rows) {
    const urls = [...new Set(r.urls)].filter(isLinkableUrl);
    lines.push(
      [
        r.source,
        r.relation,
        r.target,
        r.month,
        String(r.events),
        String(r.mentions),
        String(r.sources),
        String(r.articles),
        String(r.goldstein),
        String(r.tone),
        urls[0] ?? '',
        urls[1] ?? '',
      ]
        .map(quoteCsv)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Splits one CSV line into fields (RFC 4180 quoting), or undefined when its quotes are broken. */
export function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return undefined;
        value += line.slice(i, close);
        if (line[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') return undefined;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) return undefined;
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

export interface LayerContext {
  /** Known actor ids. */
  actors: ReadonlySet<string>;
  /** Known relation type ids, with whether each is directed. */
  directed: ReadonlyMap<string, boolean>;
}

/**
 * Reads events/gdelt.csv. Rows with a problem are reported (file, line, what to do) and left
 * out; the caller fails the build on any error, so a broken layer never half-enters a graph.
 */
export function parseLayer(file: SourceFile, context: LayerContext, sink: IssueSink): LayerRow[] {
  const reimport =
    'Run npm run import:gdelt again to rewrite it (the layer is generated: do not edit it by hand).';
  const lines = file.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = (lines[0] ?? '').replace(/\r$/, '');
  if (header !== LAYER_COLUMNS.join(',')) {
    sink.error(
      file.path,
      { line: 1, column: 1 },
      `not a machine-coded layer: the first line should be "${LAYER_COLUMNS.join(',')}"`,
      reimport,
    );
    return [];
  }
  const rows: LayerRow[] = [];
  const seen = new Map<string, number>();
  for (let n = 1; n < lines.length; n++) {
    const line = n + 1;
    const error = (message: string, hint = reimport) =>
      sink.error(file.path, { line, column: 1 }, message, hint);
    const fields = splitCsvLine(lines[n]!.replace(/\r$/, ''));
    if (!fields || fields.length !== LAYER_COLUMNS.length) {
      error(
        `expected ${LAYER_COLUMNS.length} comma-separated fields, found ${fields ? fields.length : 'broken quotes'}`,
      );
      continue;
    }
    const [source, relation, target, month, ...rest] = fields as [
      string,
      string,
      string,
      string,
      ...string[],
    ];
    const [events, mentions, sources, articles, goldstein, tone, url1, url2] = rest as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    let ok = true;
    for (const [what, id] of [
      ['source', source],
      ['target', target],
    ] as const) {
      if (!ACTOR_ID.test(id) || !context.actors.has(id)) {
        error(
          `unknown actor "${id}" as ${what}`,
          'The layer was imported with another actors.yaml: run npm run import:gdelt again (with --replace after renaming or removing an actor).',
        );
        ok = false;
      }
    }
    const directed = context.directed.get(relation);
    if (directed === undefined) {
      error(`unknown relation type "${relation}"`);
      ok = false;
    }
    if (source === target) {
      error(`the source and target are the same actor ("${source}")`);
      ok = false;
    }
    if (directed === false && target < source) {
      error(`"${relation}" is undirected: its two actors must be in id order`);
      ok = false;
    }
    if (!MONTH.test(month)) {
      error(`"${month}" is not a month (YYYY-MM)`);
      ok = false;
    }
    for (const [name, value] of [
      ['events', events],
      ['mentions', mentions],
      ['sources', sources],
      ['articles', articles],
    ] as const) {
      if (!COUNT.test(value) || (name === 'events' && value === '0')) {
        error(`${name}: "${value}" is not a count${name === 'events' ? ' from 1' : ''}`);
        ok = false;
      }
    }
    for (const [name, value, limit] of [
      ['goldstein', goldstein, 10],
      ['tone', tone, 100],
    ] as const) {
      if (!NUMBER.test(value) || Math.abs(Number(value)) > limit) {
        error(`${name}: "${value}" is not a number from -${limit} to ${limit}`);
        ok = false;
      }
    }
    const urls = [url1, url2].filter((u) => u !== '');
    if (urls.some((u) => !isLinkableUrl(u))) {
      error('a sample URL that is not an http or https address');
      ok = false;
    }
    const key = `${relation}:${source}:${target}:${month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      error(
        `a second row for ${source} ${relation} ${target} in ${month} (first at line ${first})`,
      );
      ok = false;
    }
    seen.set(key, line);
    if (!ok) continue;
    rows.push({
      source,
      relation,
      target,
      month,
      events: Number(events),
      mentions: Number(mentions),
      sources: Number(sources),
      articles: Number(articles),
      goldstein: Number(goldstein),
      tone: Number(tone),
      urls: [...new Set(urls)],
    });
  }
  return rows;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** The layer's rows gathered per edge (its key as the graph's), months in order. */
export function machineEvidenceByEdge(rows: readonly LayerRow[]): Map<string, MachineEvidence> {
  const byEdge = new Map<string, { months: MachineMonth[]; urls: string[] }>();
  for (const row of rows) {
    const key = edgeKey(row.relation, row.source, row.target);
    let entry = byEdge.get(key);
    if (!entry) byEdge.set(key, (entry = { months: [], urls: [] }));
    entry.months.push({
      month: row.month,
      events: row.events,
      mentions: row.mentions,
      sources: row.sources,
      articles: row.articles,
      goldstein: row.goldstein,
      tone: row.tone,
    });
    for (const url of row.urls) {
      if (entry.urls.length < MAX_EDGE_URLS && !entry.urls.includes(url)) entry.urls.push(url);
    }
  }
  const result = new Map<string, MachineEvidence>();
  for (const [key, { months, urls }] of byEdge) {
    months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
    const sum = (f: (m: MachineMonth) => number) => months.reduce((s, m) => s + f(m), 0);
    const events = sum((m) => m.events);
    result.set(key, {
      kind: 'machine-coded',
      coder: 'GDELT',
      events,
      mentions: sum((m) => m.mentions),
      sources: sum((m) => m.sources),
      articles: sum((m) => m.articles),
      goldstein: round4(sum((m) => m.goldstein * m.events) / events),
      tone: round4(sum((m) => m.tone * m.events) / events),
      firstMonth: months[0]!.month,
      lastMonth: months.at(-1)!.month,
      months,
      urls,
    });
  }
  return result;
}
