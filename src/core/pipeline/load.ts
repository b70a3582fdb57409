import {
  Composer,
  Lexer,
  LineCounter,
  Parser,
  YAMLParseError,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  visit,
  type CST,
  type Document,
} from 'yaml';
import {
  VALUE_FORBIDDEN,
  YAML_CONTROL,
  andMore,
  describeChar,
  findAll,
  showForbidden,
} from '../text/characters.ts';
import type { IssueSink, Position } from './issues.ts';

/** A file's path (as shown to the user) and its decoded text. */
export interface SourceFile {
  path: string;
  text: string;
}

export type YamlPath = readonly (string | number)[];

/** A parsed YAML file that can still say where each of its values sits. */
export interface ParsedYaml {
  file: SourceFile;
  value: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** The tags of the YAML core schema, the only ones a data file may carry. */
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** More alias expansions than this in one file are refused ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

/**
 * Collections (mappings and sequences) nested deeper than this are refused before they are
 * built: the parser's composer and the conversion to values recurse, and a few thousand levels
 * (`[[[[...`) exhaust the stack. The data files nest four levels at most.
 */
export const MAX_NESTING = 64;

/** Values with a forbidden character reported per file; the last report counts the rest. */
const MAX_VALUE_REPORTS = 10;

/**
 * Parses a YAML file, keeping node positions for later error messages. Control characters (raw,
 * or decoded from escapes in any key or value, with lone surrogates and noncharacters), nesting
 * deeper than MAX_NESTING, syntax errors, tags other than the core schema's, keys that are not
 * scalars, unresolved aliases and alias bombs go to the sink with their line and column; the
 * result is undefined when the file cannot be used. The parser's warnings are passed on as
 * warnings.
 */
export function parseYaml(file: SourceFile, sink: IssueSink): ParsedYaml | undefined {
  const controls = findAll(file.text, YAML_CONTROL);
  // Counted as the parser counts them, so that these positions agree with its own.
  const lines = controls.count > 0 ? yamlLines(file.text) : new LineCounter();
  controls.found.forEach((found, i) => {
    const more = andMore(controls, i);
    sink.error(
      file.path,
      positionIn(lines, found.offset),
      `the file contains the control character ${describeChar(found.char)}${more}`,
      'A YAML file is plain text: remove it (tab, line feed and carriage return are the only control characters allowed; a binary file or a broken copy is the usual cause).',
    );
  });
  if (controls.count > 0) return undefined;

  const lineCounter = new LineCounter();
  const at = (offset: number): Position => positionIn(lineCounter, offset);
  let doc: Document.Parsed;
  try {
    const tokens = parseTokens(file.text, lineCounter);
    if (!Array.isArray(tokens)) {
      sink.error(
        file.path,
        at(tokens.tooDeepAt),
        `the file is nested too deeply: more than ${MAX_NESTING} mappings and sequences inside one another`,
        'Data files nest a few levels at most (a list of relations, each a mapping of fields): check for runaway brackets ([[[ or {{{) or dashes (- - -), or a file that is not a data file of this project.',
      );
      return undefined;
    }
    doc = composeDocument(tokens, file.text.length);
  } catch (error) {
    // The parser recurses: absurdly deep nesting can exhaust the stack.
    sink.error(
      file.path,
      undefined,
      `the YAML cannot be parsed: ${firstLine(String((error as Error)?.message ?? error))}`,
      'Check the file is a data file of this project; values are never nested this deeply.',
    );
    return undefined;
  }
  for (const error of doc.errors) {
    sink.error(
      file.path,
      at(error.pos[0]),
      `YAML syntax: ${firstLine(error.message)}`,
      syntaxHint(error.code),
    );
  }
  if (doc.errors.length > 0) return undefined;
  for (const warning of doc.warnings) {
    // Unknown tags are refused below, as errors.
    if (warning.code === 'TAG_RESOLVE_FAILED') continue;
    sink.warn(file.path, at(warning.pos[0]), `YAML: ${firstLine(warning.message)}`);
  }

  let usable = true;
  const anchors = new Set<string>();
  let firstAlias: number | undefined;
  let badValues = 0;
  const badValueReports: { offset: number; message: string; hint: string }[] = [];
  visit(doc, (key, node, path) => {
    if (isPair(node) && node.key !== null && !isScalar(node.key)) {
      // Converting such a key to a value would stringify it, with a warning on stderr.
      usable = false;
      sink.error(
        file.path,
        at(keyStart(node.key)),
        isAlias(node.key)
          ? `a key is an alias (*${node.key.source}); keys must be written out`
          : `a key is a ${isMap(node.key) ? 'mapping' : 'sequence'}; keys must be plain names`,
        'Write each field as `name: value`, the name a plain word or a quoted string; a `? ` line introduces a complex key, which data files do not use.',
      );
      return;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      const forbidden = findAll(node.value, VALUE_FORBIDDEN, 1);
      const first = forbidden.found[0];
      if (first) {
        usable = false;
        if (++badValues <= MAX_VALUE_REPORTS) {
          badValueReports.push({
            offset: charOffset(file.text, node, first.char),
            message: `${describeScalar(key, path, node.value)} contains ${describeForbidden(first.char)}${forbidden.count > 1 ? ` (and ${forbidden.count - 1} more)` : ''}: "${excerpt(node.value, first.offset)}"`,
            hint: forbiddenHint(first.char),
          });
        }
      }
    }
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      firstAlias ??= offset;
      if (!anchors.has(node.source)) {
        usable = false;
        sink.error(
          file.path,
          at(offset),
          `the alias *${node.source} refers to no anchor before it`,
          `An alias repeats a value marked &${node.source} earlier in the file: mark that value, or write the value out here.`,
        );
      }
      return;
    }
    if (!isNode(node)) return;
    if (node.anchor) anchors.add(node.anchor);
    if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
      usable = false;
      const offset = tagStart(file.text, node.range?.[0] ?? 0);
      sink.error(
        file.path,
        at(offset),
        `the tag ${JSON.stringify(tagAsWritten(file.text, offset, node.tag))} is not allowed`,
        'Data files are plain YAML: remove the tag. Only the core schema’s tags (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq) are accepted.',
      );
    }
  });
  badValueReports.forEach((r, i) => {
    const more =
      i === badValueReports.length - 1 && badValues > badValueReports.length
        ? ` (and ${badValues - badValueReports.length} more values like it in this file)`
        : '';
    sink.error(file.path, at(r.offset), `${r.message}${more}`, r.hint);
  });
  if (!usable) return undefined;

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = firstLine(String((error as Error)?.message ?? error));
    const bomb = /excessive alias count/i.test(message);
    sink.error(
      file.path,
      firstAlias === undefined ? undefined : at(firstAlias),
      bomb
        ? `the aliases expand to too large a value (more than ${MAX_ALIAS_COUNT} alias uses, counting nested ones)`
        : `the YAML cannot be read: ${message}`,
      bomb
        ? 'Write the values out instead of repeating them through aliases (*name).'
        : 'Write the values out instead of using anchors (&name) and aliases (*name).',
    );
    return undefined;
  }
  return { file, value, doc, lineCounter };
}

/**
 * The file's concrete syntax tree, as parseDocument would build it, or where collections first
 * nest more than MAX_NESTING deep. The parser keeps its open collections on an explicit stack,
 * which is watched after each token, so hostile nesting is caught after reading MAX_NESTING
 * levels of it, before anything recurses.
 */
function parseTokens(text: string, lineCounter: LineCounter): CST.Token[] | { tooDeepAt: number } {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  lineCounter.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack also holds the document and at most a few scalars and properties.
    if (parser.stack.length > MAX_NESTING && nesting(parser.stack) > MAX_NESTING) {
      return { tooDeepAt: offset };
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

const nesting = (stack: readonly CST.Token[]): number =>
  stack.filter(
    (t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection',
  ).length;

/** The first document of the tokens, as parseDocument composes it (a second one is an error). */
function composeDocument(tokens: CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    doc.errors.push(
      new YAMLParseError(
        [next.range[0], next.range[1]],
        'MULTIPLE_DOCS',
        'Source contains multiple documents; please use YAML.parseAllDocuments()',
      ),
    );
    break;
  }
  // compose(…, true) always ends with a document, an empty one for an empty text.
  return doc!;
}

const keyStart = (key: unknown): number =>
  (key as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;

/** Where `char` is written literally inside the scalar, else where the scalar starts. */
function charOffset(text: string, node: { range?: [number, number, number] | null }, char: string) {
  const range = node.range;
  if (!range) return 0;
  const k = text.slice(range[0], range[1]).indexOf(char);
  return k >= 0 ? range[0] + k : range[0];
}

/** "the value of note", "the key …" or "a value", for a scalar met by visit(). */
function describeScalar(key: unknown, path: readonly unknown[], value: string): string {
  if (key === 'key') return `the key "${showForbidden(value.slice(0, 40))}"`;
  const parent = path[path.length - 1];
  if (key === 'value' && isPair(parent) && isScalar(parent.key)) {
    return `the value of ${String(parent.key.value)}`;
  }
  return 'a value';
}

function describeForbidden(char: string): string {
  const code = describeChar(char).replace(/ \(.*\)$/, '');
  if (/^\p{Cs}$/u.test(char)) {
    return `${code}, a lone surrogate (half of a UTF-16 pair, no character by itself)`;
  }
  if (/^\p{Noncharacter_Code_Point}$/u.test(char)) return `the noncharacter ${code}`;
  return `the control character ${describeChar(char)}`;
}

/** Up to about 60 characters of the value around `offset`, forbidden characters escaped. */
function excerpt(value: string, offset: number): string {
  const from = Math.max(0, offset - 25);
  const to = Math.min(value.length, offset + 25);
  return `${from > 0 ? '…' : ''}${showForbidden(value.slice(from, to))}${to < value.length ? '…' : ''}`;
}

function forbiddenHint(char: string): string {
  if (/^\p{Cs}$/u.test(char)) {
    return 'A \\uD800-\\uDFFF escape is only half of a character: write the character itself (or both halves of its pair).';
  }
  if (/^\p{Noncharacter_Code_Point}$/u.test(char)) {
    return 'Noncharacters (U+FFFE, U+FFFF and the like) are not text: remove it, or the escape (\\uFFFE …) that writes it.';
  }
  return 'Remove it, or the escape that writes it (such as \\x1b, \\e, \\0, \\r or \\u0085 in double quotes): values may contain no control characters other than tab and line feed.';
}

/** Where the tag token before a node's value starts (the node's range starts after it). */
function tagStart(text: string, valueStart: number): number {
  let i = text.lastIndexOf('!', valueStart);
  if (i < 0) return valueStart;
  while (i > 0 && !/[\s[\]{},]/.test(text[i - 1]!)) i--;
  return i;
}

function tagAsWritten(text: string, start: number, resolved: string): string {
  const written = /^![^\s[\]{},]*/.exec(text.slice(start, start + 200))?.[0];
  return written ?? resolved;
}

const firstLine = (s: string): string => s.split('\n', 1)[0] ?? s;

function syntaxHint(code: string): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    return 'A value that itself contains ": " must be quoted: put it in single quotes (and write a single quote inside it twice).';
  }
  if (code === 'MISSING_CHAR') return 'A quote, bracket or brace is not closed.';
  if (code === 'DUPLICATE_KEY')
    return 'Each field may appear once in a mapping: remove or rename one.';
  return 'Fix the YAML syntax here (indentation, a missing colon or an unclosed quote are the usual causes).';
}

/**
 * The position of the value at `path`, or of the nearest enclosing value that exists (a missing
 * field is reported where its object starts).
 */
export function positionOf(parsed: ParsedYaml, path: YamlPath): Position | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = parsed.doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return toPosition(parsed, range[0]);
  }
  return undefined;
}

/** The position of the key `key` in the mapping at `path` (for an unknown or misspelt field). */
export function positionOfKey(
  parsed: ParsedYaml,
  path: YamlPath,
  key: string,
): Position | undefined {
  const map = path.length === 0 ? parsed.doc.contents : parsed.doc.getIn(path, true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        return toPosition(parsed, pair.key.range[0]);
      }
    }
  }
  return positionOf(parsed, path);
}

/**
 * The position of `char` inside the scalar at `path` where the file writes it literally, else
 * the position of the value.
 */
export function positionOfChar(
  parsed: ParsedYaml,
  path: YamlPath,
  char: string,
): Position | undefined {
  const node = parsed.doc.getIn(path, true);
  if (isScalar(node) && node.range) {
    const k = parsed.file.text.slice(node.range[0], node.range[1]).indexOf(char);
    if (k >= 0) return toPosition(parsed, node.range[0] + k);
  }
  return positionOf(parsed, path);
}

const toPosition = (parsed: ParsedYaml, offset: number): Position =>
  positionIn(parsed.lineCounter, offset);

function positionIn(lineCounter: LineCounter, offset: number): Position {
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * The line starts of a YAML text as the yaml parser records them while parsing: a line ends at
 * each \n (and so at \r\n), while a lone \r is no line break to it. (lineColumnAt, for article
 * texts, also ends lines at a lone \r; for a YAML file that would put control characters on other
 * lines than its syntax errors.)
 */
function yamlLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}
