/**
 * CSV writers for the actor graph: an edge list and a node list, the tables spreadsheet users,
 * pandas and R take in. RFC 4180: fields with a comma, double quote, CR or LF are quoted,
 * inner double quotes doubled, lines end with CRLF, and the first line names the columns.
 *
 * The columns follow the export field schema (fields.ts) under the same names. The evidence
 * quotes are left out: they belong to the GEXF, GraphML and JSON exports.
 *
 * Two rules keep every text cell what it was in the graph (see docs/export.md):
 *
 * - **Formulas are neutralised** (OWASP's advice against CSV injection): a text cell, or a list
 *   item, that a spreadsheet would take for a formula, because it begins with `=`, `+`, `-`,
 *   `@`, a tab, a line break, NUL or a full-width `＝ ＋ － ＠`, gets a leading apostrophe
 *   (`'=1+1`). So does one that begins with apostrophes followed by such a character, so that
 *   the apostrophe can always be taken off again (`parseCsvText`). Numbers the writer puts in
 *   (weights, degrees) are written as numbers. `neutraliseFormulas: false` turns this off for
 *   programs that read the file and are no spreadsheet.
 * - **List items are escaped**: items are joined with `|`, and a `|` or `\` inside an item is
 *   written with a backslash before it (`a\|b`, `C:\\x`), so that `Moscow|Russians` stays
 *   readable and `parseCsvList` gives the list back.
 */
import type { Attributes } from 'graphology-types';
import {
  asString,
  edgeFields,
  nodeFields,
  relationIdsOf,
  type ExportableGraph,
  type Field,
  hasAnalysis,
  hasMachineEvidence,
} from './fields.ts';

export interface CsvOptions {
  /**
   * The one character that joins the items of a list field (aliases, articles); items that
   * hold it are escaped. Not a backslash, nor a character that starts a formula. Default: `|`.
   */
  listSeparator?: string;
  /**
   * Start with a UTF-8 byte-order mark, which Excel needs to recognise UTF-8 (pandas and R
   * would then need `utf-8-sig` / `UTF-8-BOM`). Default: false.
   */
  bom?: boolean;
  /**
   * Put an apostrophe before every text cell and list item that a spreadsheet would run as a
   * formula (see the module comment). Turn it off only for files that no spreadsheet opens.
   * Default: true.
   */
  neutraliseFormulas?: boolean;
}

export const CSV_DEFAULTS: Required<CsvOptions> = {
  listSeparator: '|',
  bom: false,
  neutraliseFormulas: true,
};

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * The characters that make a spreadsheet read a cell as a formula when they begin it: OWASP's
 * `= + - @`, tab and carriage return, the line feed and NUL (OWASP ASVS 1.2.10), and the
 * full-width forms of the four signs, which spreadsheets in East Asian locales convert.
 */
// eslint-disable-next-line no-control-regex
const FORMULA_START = /^'*[=+\-@\t\r\n\u0000\uff1d\uff0b\uff0d\uff20]/;
// eslint-disable-next-line no-control-regex
const NEUTRALISED = /^'(?='*[=+\-@\t\r\n\u0000\uff1d\uff0b\uff0d\uff20])/;
const FORMULA_CHARACTERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\u0000']);
for (const c of '\uff1d\uff0b\uff0d\uff20') FORMULA_CHARACTERS.add(c);

/**
 * A text value as a spreadsheet may safely open it: with an apostrophe before it when it
 * begins with a formula character (or with apostrophes and then one), as it is otherwise.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A text cell as the graph had it, from the text a CSV reader gives (after RFC 4180
 * unquoting): takes off the apostrophe `neutraliseFormula` put in. Pass the options the file
 * was written with (only `neutraliseFormulas` matters).
 */
export function parseCsvText(cell: string, options: CsvOptions = {}): string {
  return (options.neutraliseFormulas ?? CSV_DEFAULTS.neutraliseFormulas) && NEUTRALISED.test(cell)
    ? cell.slice(1)
    : cell;
}

function separatorOf(options: CsvOptions): string {
  const separator = options.listSeparator ?? CSV_DEFAULTS.listSeparator;
  if (separator.length !== 1 || separator === '\\' || FORMULA_CHARACTERS.has(separator)) {
    throw new Error(
      `CSV listSeparator must be one character, not a backslash nor one that starts a formula (= + - @), not ${JSON.stringify(separator)}`,
    );
  }
  return separator;
}

const listEscape = (separator: string) =>
  new RegExp(`[\\\\${separator.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');

/**
 * A list as one CSV cell (before RFC 4180 quoting): each item neutralised (see
 * `neutraliseFormula`), a backslash or separator inside an item escaped with a backslash, the
 * items joined with the separator. `null` and `undefined` items are empty items. The empty list
 * is the empty cell, as is a list of one empty item; `parseCsvList` reads both as `[]`.
 *
 * @example
 *   formatCsvList(['Moscow', 'Russians']); // Moscow|Russians
 *   formatCsvList(['a|b', 'C:\\x', '=1+1']); // a\|b|C:\\x|'=1+1
 */
export function formatCsvList(items: readonly unknown[], options: CsvOptions = {}): string {
  const separator = separatorOf(options);
  const neutralise = options.neutraliseFormulas ?? CSV_DEFAULTS.neutraliseFormulas;
  const escape = listEscape(separator);
  return items
    .map((value) => {
      const item = value === null || value === undefined ? '' : String(value);
      const safe = neutralise ? neutraliseFormula(item) : item;
      return safe.includes('\\') || safe.includes(separator) ? safe.replace(escape, '\\$&') : safe;
    })
    .join(separator);
}

/**
 * The list a CSV list cell holds, as `formatCsvList` wrote it (pass the same options): split at
 * every separator without a backslash before it, backslash escapes undone, each item's
 * neutralising apostrophe taken off. The empty cell is the empty list.
 *
 * @example
 *   parseCsvList("a\\|b|C:\\\\x|'=1+1"); // ['a|b', 'C:\\x', '=1+1']
 */
export function parseCsvList(cell: string, options: CsvOptions = {}): string[] {
  if (cell === '') return [];
  const separator = separatorOf(options);
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) item += cell[++i]!;
    else if (c === separator) {
      items.push(parseCsvText(item, options));
      item = '';
    } else item += c;
  }
  items.push(parseCsvText(item, options));
  return items;
}

/** One CSV field, quoted when RFC 4180 requires it. Text goes as it is: see `neutraliseFormula`. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/** Turns the values of one table into cells: text neutralised, lists formatted, numbers as they are. */
function cellWriter(options: CsvOptions) {
  const neutralise = options.neutraliseFormulas ?? CSV_DEFAULTS.neutraliseFormulas;
  separatorOf(options); // checked once, before any row
  const text = (value: string | undefined): string =>
    csvField(value === undefined ? undefined : neutralise ? neutraliseFormula(value) : value);
  const list = (value: readonly unknown[] | undefined): string =>
    csvField(value === undefined ? undefined : formatCsvList(value, options));
  const number = (value: number | undefined): string => csvField(value);
  const field = (f: Field, attributes: Attributes): string => {
    const value = f.read(attributes);
    if (f.type === 'liststring') return list(value as readonly unknown[] | undefined);
    if (f.type === 'string') return text(value as string | undefined);
    return number(value as number | undefined);
  };
  return { text, list, number, field };
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
  const cell = cellWriter(options);
  const all = edgeFields({ quotes: false, machine: hasMachineEvidence(graph) });
  const fields = new Map(all.map((f) => [f.name, f]));
  // Machine-coded evidence (GDELT), apart from the statements: only when the graph has some.
  const machine = all.filter((f) => f.name.startsWith('machine'));
  const field = (name: string) => fields.get(name)!;
  const [relation, evidenceCount, firstDate, lastDate, articles] = [
    field('relation'),
    field('evidenceCount'),
    field('firstDate'),
    field('lastDate'),
    field('articles'),
  ];
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
    ...machine.map((f) => f.name),
  ];
  const rows: string[] = [];
  graph.forEachEdge((edge, a, source, target, sourceAttributes, targetAttributes, undirected) => {
    rows.push(
      [
        cell.text(edge),
        cell.text(source),
        cell.text(target),
        undirected ? 'undirected' : 'directed',
        cell.field(relation, a),
        cell.text(asString(a.label)),
        cell.number(
          typeof a.weight === 'number' && Number.isFinite(a.weight) ? a.weight : undefined,
        ),
        cell.field(evidenceCount, a),
        cell.field(firstDate, a),
        cell.field(lastDate, a),
        cell.field(articles, a),
        cell.text(asString(sourceAttributes.label) ?? source),
        cell.text(asString(targetAttributes.label) ?? target),
        ...machine.map((f) => cell.field(f, a)),
      ].join(',') + '\r\n',
    );
  });
  return table(header, rows, options.bom ?? CSV_DEFAULTS.bom);
}

/**
 * The node list: `id, label, kind, affiliation, aliases, wikidata, note, degree,
 * evidenceCount`, then `degree_<relation>` for each relation type, one row per actor.
 */
export function writeCsvNodes(graph: ExportableGraph, options: CsvOptions = {}): string {
  const cell = cellWriter(options);
  const fields = nodeFields(relationIdsOf(graph), hasAnalysis(graph));
  const header = ['id', 'label', ...fields.map((f) => f.name)];
  const rows: string[] = [];
  graph.forEachNode((node, a) => {
    const cells = [cell.text(node), cell.text(asString(a.label) ?? node)];
    for (const f of fields) cells.push(cell.field(f, a));
    rows.push(cells.join(',') + '\r\n');
  });
  return table(header, rows, options.bom ?? CSV_DEFAULTS.bom);
}
