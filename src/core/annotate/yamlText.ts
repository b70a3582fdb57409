/**
 * Text splicing for YAML files: an edit replaces only the lines it concerns, so comments,
 * blank lines, folded scalars and key order elsewhere in the file stay byte for byte. New
 * YAML is always written by the yaml package (`serialise`), never by hand.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { EditRefused } from './refusal.ts';

/** One replacement of the text between `from` and `to`. */
export interface Splice {
  from: number;
  to: number;
  insert: string;
}

/** Applies splices that do not overlap, in any order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.from - a.from)) {
    out = out.slice(0, s.from) + s.insert + out.slice(s.to);
  }
  return out;
}

/** The file's line end: CRLF when the file uses it. */
export const lineEndOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** Where the line holding `offset` starts. */
export const lineStart = (text: string, offset: number): number =>
  text.lastIndexOf('\n', offset - 1) + 1;

/**
 * Where the line holding the character before `end` ends, after its line break (`end` itself
 * when it already follows one; the text's length on a last line without one).
 */
export function lineEndAfter(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const newline = text.indexOf('\n', end);
  return newline < 0 ? text.length : newline + 1;
}

/** The column of `offset` (0-based), and whether only spaces (and a dash) precede it there. */
export function columnOf(text: string, offset: number): { column: number; ownLine: boolean } {
  const start = lineStart(text, offset);
  const before = text.slice(start, offset);
  return { column: offset - start, ownLine: /^[ \t]*$/.test(before) };
}

export interface SerialiseOptions {
  /** Keys whose list values are written in flow style ([a, b]), as the seed files do. */
  flowLists?: readonly string[];
  /** Whether flow lists have a space inside their brackets ([ a, b ]; the yaml package's default). */
  flowPadding?: boolean;
}

/**
 * Whether a file writes its flow lists with a space inside the brackets: [ a, b ] (true),
 * [a, b] (false), or undefined when it has no non-empty flow list.
 */
export function flowPaddingOf(text: string): boolean | undefined {
  const m = /:[ \t]*\[([^\]\r\n])/.exec(text);
  return m ? m[1] === ' ' : undefined;
}

/**
 * The yaml package's block serialisation of `value`, without line folding (long strings stay
 * on one line, as in the seed files), each line after the first indented by `indent` spaces,
 * with the file's line ends. Ends with a line break.
 */
export function serialise(
  value: unknown,
  indent: number,
  eol: string,
  options: SerialiseOptions = {},
): string {
  const doc = new Document(value);
  const flow = new Set(options.flowLists ?? []);
  const root = doc.contents;
  const maps = isSeq(root) ? root.items : [root];
  for (const map of maps) {
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      if (isScalar(pair.key) && flow.has(String(pair.key.value)) && isSeq(pair.value)) {
        pair.value.flow = true;
      }
    }
  }
  const text = doc.toString({
    lineWidth: 0,
    ...(options.flowPadding === undefined ? {} : { flowCollectionPadding: options.flowPadding }),
  });
  const pad = ' '.repeat(indent);
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.map((line, i) => (i === 0 || line === '' ? line : pad + line)).join(eol) + eol;
}

/** Parses a file that is to be edited; refuses one whose YAML does not parse. */
export function parseForEdit(text: string, what: string): Document.Parsed {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true });
  } catch (error) {
    throw new EditRefused(`${what} cannot be read: ${String(error)}`);
  }
  const first = doc.errors[0];
  if (first) {
    throw new EditRefused(
      `${what} does not parse as YAML: ${first.message.split('\n', 1)[0]}`,
      undefined,
      'Fix the file by hand first; the workbench edits only files that parse.',
    );
  }
  return doc;
}

/** The top-level pair `key` of a document whose root is a mapping. */
export function topPair(doc: Document.Parsed, key: string): Pair<Node, unknown> | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  return root.items.find((p) => isScalar(p.key) && p.key.value === key) as
    Pair<Node, unknown> | undefined;
}

/** The value of a re-parsed text, for checking that an edit wrote what it meant to. */
export function reparse(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new Error(`internal error: the edited YAML does not parse: ${doc.errors[0]!.message}`);
  }
  return doc.toJS();
}
