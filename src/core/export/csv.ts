/**
 * CSV writers for the actor graph: an edge list and a node list, the tables spreadsheet users,
 * pandas and R take in. RFC 4180: fields with a comma, double quote, CR or LF are quoted,
 * inner double quotes doubled, lines end with CRLF, and the first line names the columns.
 *
 * The columns follow the GEXF fields (see gexf.ts) under the same names; list fields (aliases,
 * articles) are joined with `listSeparator`. The evidence quotes are left out: they belong to
 * the GEXF, GraphML and JSON exports.
 */
import type { Attributes } from 'graphology-types';
import { asString, nodeFields, relationIdsOf, type ExportableGraph, type Field } from './fields.ts';

export interface CsvOptions {
  /** What joins the items of a list field (aliases, articles). Default: `|`. */
  listSeparator?: string;
  /**
   * Start with a UTF-8 byte-order mark, which Excel needs to recognise UTF-8 (pandas and R
   * would then need `utf-8-sig` / `UTF-8-BOM`). Default: false.
   */
  bom?: boolean;
}

export const CSV_DEFAULTS: Required<CsvOptions> = { listSeparator: '|', bom: false };

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** One CSV field, quoted when RFC 4180 requires it. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

function cellOf(field: Field, attributes: Attributes, separator: string): unknown {
  const value = field.read(attributes);
  if (value === undefined) return undefined;
  return field.type === 'liststring'
    ? (value as readonly unknown[])
        .map((v) => (v === null || v === undefined ? '' : String(v)))
        .join(separator)
    : value;
}

function table(header: readonly string[], rows: string[], bom: boolean): string {
  return `${bom ? '\ufeff' : ''}${header.map(csvField).join(',')}\r\n${rows.join('')}`;
}

/**
 * The edge list: `id, source, target, type (directed or undirected), relation, label, weight,
 * evidenceCount, firstDate, lastDate, articles, sourceLabel, targetLabel`, one row per edge.
 * An undirected edge is one row; its source and target are in the graph's order.
 */
export function writeCsvEdges(graph: ExportableGraph, options: CsvOptions = {}): string {
  const separator = options.listSeparator ?? CSV_DEFAULTS.listSeparator;
  const header = [
    'id',
    'source',
    'target',
    'type',
    'relation',
    'label',
    'weight',
    'evidenceCount',
    'firstDate',
    'lastDate',
    'articles',
    'sourceLabel',
    'targetLabel',
  ];
  const rows: string[] = [];
  graph.forEachEdge((edge, a, source, target, sourceAttributes, targetAttributes, undirected) => {
    const evidence = Array.isArray(a.evidence) ? (a.evidence as unknown[]) : undefined;
    const articles = Array.isArray(a.articles) ? (a.articles as unknown[]) : undefined;
    rows.push(
      [
        edge,
        source,
        target,
        undirected ? 'undirected' : 'directed',
        asString(a.relation),
        asString(a.label),
        typeof a.weight === 'number' && Number.isFinite(a.weight) ? a.weight : undefined,
        evidence?.length ?? (Number.isInteger(a.weight) ? a.weight : undefined),
        asString(a.firstDate),
        asString(a.lastDate),
        articles?.map((v) => (v === null || v === undefined ? '' : String(v))).join(separator),
        asString(sourceAttributes.label) ?? source,
        asString(targetAttributes.label) ?? target,
      ]
        .map(csvField)
        .join(',') + '\r\n',
    );
  });
  return table(header, rows, options.bom ?? CSV_DEFAULTS.bom);
}

/**
 * The node list: `id, label, kind, affiliation, aliases, wikidata, note, degree,
 * evidenceCount`, then `degree_<relation>` for each relation type, one row per actor.
 */
export function writeCsvNodes(graph: ExportableGraph, options: CsvOptions = {}): string {
  const separator = options.listSeparator ?? CSV_DEFAULTS.listSeparator;
  const fields = nodeFields(relationIdsOf(graph));
  const header = ['id', 'label', ...fields.map((f) => f.name)];
  const rows: string[] = [];
  graph.forEachNode((node, a) => {
    const cells = [csvField(node), csvField(asString(a.label) ?? node)];
    for (const f of fields) cells.push(csvField(cellOf(f, a, separator)));
    rows.push(cells.join(',') + '\r\n');
  });
  return table(header, rows, options.bom ?? CSV_DEFAULTS.bom);
}
