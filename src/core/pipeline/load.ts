import {
  LineCounter,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  parseDocument,
  visit,
  type Document,
} from 'yaml';
import { YAML_CONTROL, describeChar, findAll } from '../text/characters.ts';
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
 * Parses a YAML file, keeping node positions for later error messages. Control characters,
 * syntax errors, tags other than the core schema's, unresolved aliases and alias bombs go to the
 * sink with their line and column; the result is undefined when the file cannot be used. The
 * parser's warnings are passed on as warnings.
 */
export function parseYaml(file: SourceFile, sink: IssueSink): ParsedYaml | undefined {
  const controls = findAll(file.text, YAML_CONTROL);
  // Counted as the parser counts them, so that these positions agree with its own.
  const lines = controls.count > 0 ? yamlLines(file.text) : new LineCounter();
  controls.found.forEach((found, i) => {
    const more =
      i === controls.found.length - 1 && controls.count > controls.found.length
        ? ` (and ${controls.count - controls.found.length} more)`
        : '';
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
    doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
  visit(doc, (_key, node) => {
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
