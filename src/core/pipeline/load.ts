import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document } from 'yaml';
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

/**
 * Parses a YAML file, keeping node positions for later error messages. Syntax errors go to the
 * sink with their line and column; the result is undefined when the file cannot be used.
 */
export function parseYaml(file: SourceFile, sink: IssueSink): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    sink.error(
      file.path,
      { line: pos.line, column: pos.col },
      `YAML syntax: ${firstLine(error.message)}`,
      syntaxHint(error.code),
    );
  }
  if (doc.errors.length > 0) return undefined;
  return { file, value: doc.toJS({ maxAliasCount: 100 }), doc, lineCounter };
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

function toPosition(parsed: ParsedYaml, offset: number): Position {
  const pos = parsed.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
