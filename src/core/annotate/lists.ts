/** Lists of the data files (relations, actors): the edits they share. */
import { isSeq, type Document, type Node, type Pair, type YAMLSeq } from 'yaml';
import { EditRefused } from './refusal.ts';
import { sameValue } from './sameValue.ts';
import {
  applySplices,
  columnOf,
  lineEndAfter,
  lineEndOf,
  parseForEdit,
  reparse,
  serialise,
  topPair,
  type SerialiseOptions,
} from './yamlText.ts';

/**
 * Appends `value` as a block item at the end of the top-level list `key` (after its last
 * item, before any comment that follows the list); an empty flow list becomes a block list.
 */
export function appendItem(
  yaml: string,
  key: string,
  value: Record<string, unknown>,
  what: string,
  options: SerialiseOptions = {},
  doc: Document.Parsed = parseForEdit(yaml, what),
): string {
  const { pair, seq } = listOf(doc, key, what);
  const expected = withItems(doc, key, (items) => [...items, value]);
  const eol = lineEndOf(yaml);
  if (seq.flow || seq.items.length === 0) {
    return checked(
      rewriteList(yaml, pair, seq, expected[key] as unknown[], eol, options),
      expected,
    );
  }
  const last = seq.items[seq.items.length - 1] as Node;
  const at = lineEndAfter(yaml, last.range![1]);
  const dash = columnOf(yaml, seq.range![0]).column;
  const newline = at === yaml.length && !yaml.endsWith('\n') ? eol : '';
  const insert = newline + ' '.repeat(dash) + serialise([value], dash, eol, options);
  return checked(applySplices(yaml, [{ from: at, to: at, insert }]), expected);
}

export interface List {
  pair: Pair<Node, unknown>;
  seq: YAMLSeq;
}

export function listOf(doc: Document.Parsed, key: string, what: string): List {
  const pair = topPair(doc, key);
  if (!pair || !isSeq(pair.value)) {
    throw new EditRefused(
      `${what} has no ${key} list${pair ? ` (its ${key} is not a list)` : ''}`,
      undefined,
      `Fix the file by hand first: it needs a top-level ${key}: list.`,
    );
  }
  return { pair, seq: pair.value };
}

/** The whole file's value with the list `key`'s items changed by `change`. */
export function withItems(
  doc: Document.Parsed,
  key: string,
  change: (items: unknown[]) => unknown[],
): Record<string, unknown> & { relations?: unknown } {
  const value = doc.toJS() as Record<string, unknown>;
  return { ...value, [key]: change(value[key] as unknown[]) };
}

/** Replaces a list (flow, or block) by a block list of `items` ([] when there are none). */
export function rewriteList(
  yaml: string,
  pair: Pair<Node, unknown>,
  seq: YAMLSeq,
  items: unknown,
  eol: string,
  options: SerialiseOptions = {},
): string {
  const list = items as unknown[];
  const keyEnd = pair.key.range![1];
  const between = /^[ \t]*:[ \t]*$/.test(yaml.slice(keyEnd, seq.range![0]));
  const from = between ? keyEnd : seq.range![0];
  const prefix = between ? ':' : '';
  if (list.length === 0)
    return applySplices(yaml, [{ from, to: seq.range![1], insert: `${prefix} []` }]);
  const indent = columnOf(yaml, pair.key.range![0]).column + 2;
  const block = eol + ' '.repeat(indent) + serialise(list, indent, eol, options);
  // A comment after the list on its line (relations: []  # none yet) stays on the key's line.
  const comment = between ? /^[ \t]+#[^\r\n]*/.exec(yaml.slice(seq.range![1]))?.[0] : undefined;
  const insert = prefix + (comment ?? '') + block.slice(0, -eol.length);
  return applySplices(yaml, [{ from, to: seq.range![1] + (comment?.length ?? 0), insert }]);
}

export function tryReparse(text: string): unknown {
  try {
    return reparse(text);
  } catch {
    return undefined;
  }
}

/** Returns `out` when it parses to `expected`; an edit that would write anything else is a bug. */
export function checked(out: string, expected: unknown): string {
  if (!sameValue(reparse(out), expected)) {
    throw new Error('internal error: the edited file does not read back as intended');
  }
  return out;
}
