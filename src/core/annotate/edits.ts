/**
 * Edits of the data files, as pure functions from a file's text to its new text. Only the
 * lines an edit concerns change (see yamlText.ts); every result is parsed again and compared
 * with what the edit meant to write before it is returned.
 */
import { isAlias, isMap, isScalar, type Document, type Node, type Pair, type YAMLSeq } from 'yaml';
import type { RelationInput } from './api.ts';
import { MODALITIES } from '../model.ts';
import { EditRefused } from './refusal.ts';
import { sameValue } from './sameValue.ts';
import { appendItem, checked, listOf, rewriteList, tryReparse, withItems } from './lists.ts';
import {
  applySplices,
  columnOf,
  lineEndAfter,
  lineEndOf,
  lineStart,
  parseForEdit,
  serialise,
  type Splice,
} from './yamlText.ts';

export { EditRefused } from './refusal.ts';
export { addActor } from './actorEdits.ts';
export { newArticleFiles } from './newArticle.ts';

/** The keys of a relation, in the order the files write them. */
export const RELATION_KEYS = ['source', 'type', 'target', 'modality', 'quote', 'note'] as const;
type RelationKey = (typeof RELATION_KEYS)[number];
type RelationRecord = Partial<Record<RelationKey, string>>;

/** Appends a relation at the end of the article's `relations` list. */
export function addRelation(yaml: string, relation: RelationInput): string {
  const value = relationValue(relation);
  return appendItem(yaml, 'relations', value, 'the article file');
}

/**
 * Gives relation `index` the fields of `relation`: modality is left out when asserted, note
 * when empty; other keys (eventDate) and the comments of untouched keys stay.
 */
export function editRelation(yaml: string, index: number, relation: RelationInput): string {
  return aliasesKept(yaml, () => editRelationNow(yaml, index, relation));
}

function editRelationNow(yaml: string, index: number, relation: RelationInput): string {
  const value = relationValue(relation);
  const doc = parseForEdit(yaml, 'the article file');
  const { pair, seq } = listOf(doc, 'relations', 'the article file');
  const item = itemAt(seq, index);
  const old = item.toJSON() as Record<string, unknown>;
  const merged = mergeRelation(old, value);
  const expected = withItems(doc, 'relations', (items) => items.with(index, merged));
  const eol = lineEndOf(yaml);
  if (seq.flow) return checked(rewriteList(yaml, pair, seq, expected.relations, eol), expected);
  const splices = keySplices(yaml, doc, item, value, eol);
  if (splices) {
    const out = applySplices(yaml, splices);
    if (sameValue(tryReparse(out), expected)) return out;
  }
  return checked(applySplices(yaml, [wholeItem(yaml, item, merged, eol)]), expected);
}

/** Removes relation `index` from the article's `relations` list (an empty list is `[]`). */
export function deleteRelation(yaml: string, index: number): string {
  return aliasesKept(yaml, () => deleteRelationNow(yaml, index));
}

/**
 * Runs an edit, refusing one that would leave a YAML alias (*name) without its anchor
 * (&name): the file is named with the anchor's line and what to do.
 */
function aliasesKept(yaml: string, edit: () => string): string {
  try {
    return edit();
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error;
    const name = /:\s*(\S+)\s*$/.exec(error.message)?.[1];
    const at =
      name === undefined ? -1 : yaml.search(new RegExp(`&${escapeRegExp(name)}(?![\\w-])`));
    const line = at < 0 ? undefined : yaml.slice(0, at).split('\n').length;
    throw new EditRefused(
      `the article file uses a YAML anchor${name ? ` (&${name}${line ? `, line ${line}` : ''})` : ''} that another relation refers to (*${name ?? 'name'}): this edit would leave that reference without its value`,
      undefined,
      `Write the value out in full at each *${name ?? 'name'} in the file by hand (and remove the &${name ?? 'name'}), then make the change again.`,
    );
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function deleteRelationNow(yaml: string, index: number): string {
  const doc = parseForEdit(yaml, 'the article file');
  const { pair, seq } = listOf(doc, 'relations', 'the article file');
  const item = itemAt(seq, index);
  const expected = withItems(doc, 'relations', (items) => items.toSpliced(index, 1));
  const eol = lineEndOf(yaml);
  if (seq.flow) return checked(rewriteList(yaml, pair, seq, expected.relations, eol), expected);
  const end = lineEndAfter(yaml, item.range![1]);
  const splice: Splice =
    seq.items.length === 1
      ? { from: (pair.key as Node).range![1], to: end, insert: `: []${eol}` }
      : { from: dashLineStart(yaml, item), to: end, insert: '' };
  return checked(applySplices(yaml, [splice]), expected);
}

/** The relation as the file writes it; refuses empty fields and unknown modalities. */
function relationValue(relation: RelationInput): RelationRecord {
  const source = required(relation.source, 'source', 'Name the source actor.');
  const type = required(relation.type, 'type', 'Choose a relation type.');
  const target = required(relation.target, 'target', 'Name the target actor.');
  if (typeof relation.quote !== 'string' || relation.quote.trim() === '') {
    throw new EditRefused('the quote is empty', 'quote', 'Select the words of the text.');
  }
  const modality = relation.modality ?? 'asserted';
  if (!(MODALITIES as readonly string[]).includes(modality)) {
    throw new EditRefused(`unknown modality "${String(modality)}"`, 'modality');
  }
  const note = typeof relation.note === 'string' && relation.note.trim() !== '';
  return {
    source,
    type,
    target,
    ...(modality === 'asserted' ? {} : { modality }),
    quote: relation.quote,
    ...(note ? { note: relation.note } : {}),
  };
}

function required(value: unknown, field: 'source' | 'type' | 'target', hint: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new EditRefused(`the ${field} is empty`, field, hint);
  return text;
}

/** The relation's keys replaced by `value`'s; its other keys (eventDate) kept. */
function mergeRelation(old: Record<string, unknown>, value: RelationRecord): object {
  const others = Object.entries(old).filter(
    ([k]) => !(RELATION_KEYS as readonly string[]).includes(k),
  );
  return { ...value, ...Object.fromEntries(others) };
}

function itemAt(seq: YAMLSeq, index: number): Node {
  const item = Number.isInteger(index) ? seq.items[index] : undefined;
  if (item === undefined || item === null || !(item as Node).range) {
    throw new EditRefused(
      `there is no relation ${index} in the file (it has ${seq.items.length})`,
      undefined,
      'The file may have changed: reload the article.',
    );
  }
  return item as Node;
}

/** Where the line of a block list item's dash starts; refuses an item that is not on its own line. */
function dashLineStart(yaml: string, item: Node): number {
  const start = lineStart(yaml, item.range![0]);
  if (!/^[ \t]*-[ \t]*$/.test(yaml.slice(start, item.range![0]))) {
    throw new EditRefused('the relation is not written as a list item of its own line');
  }
  return start;
}

/** Splices that change only the keys whose values differ, or undefined when that cannot be done. */
function keySplices(
  yaml: string,
  doc: Document.Parsed,
  item: Node,
  value: RelationRecord,
  eol: string,
): Splice[] | undefined {
  if (!isMap(item) || item.flow) return undefined;
  const pairs = new Map<string, Pair<Node, unknown>>();
  for (const p of item.items) {
    if (!isScalar(p.key) || !p.key.range) return undefined;
    pairs.set(String(p.key.value), p as Pair<Node, unknown>);
  }
  const splices: Splice[] = [];
  for (const key of RELATION_KEYS) {
    const pair = pairs.get(key);
    const want = value[key];
    if (pair && want !== undefined) {
      if (isScalar(pair.value) && pair.value.value === want) continue;
      // An alias (*name) whose value stays the same is left as written.
      if (isAlias(pair.value)) {
        const target = pair.value.resolve(doc);
        if (isScalar(target) && target.value === want) continue;
      }
      splices.push(replacePair(yaml, pair, key, want, eol));
    } else if (pair) {
      const start = lineStart(yaml, pair.key.range![0]);
      if (!columnOf(yaml, pair.key.range![0]).ownLine) return undefined;
      splices.push({ from: start, to: lineEndAfter(yaml, valueEnd(pair)), insert: '' });
    } else if (want !== undefined) {
      const anchor = keptBefore(pairs, value, key);
      if (!anchor) return undefined;
      splices.push(insertAfter(yaml, anchor, key, want, eol));
    }
  }
  return splices;
}

/** The nearest key before `key` (in file order) that the edit keeps, to insert after. */
function keptBefore(
  pairs: ReadonlyMap<string, Pair<Node, unknown>>,
  value: RelationRecord,
  key: RelationKey,
): Pair<Node, unknown> | undefined {
  const before = RELATION_KEYS.slice(0, RELATION_KEYS.indexOf(key)).reverse();
  const kept = before.find((k) => pairs.has(k) && value[k] !== undefined);
  return kept === undefined ? undefined : pairs.get(kept);
}

const valueEnd = (pair: Pair<Node, unknown>): number =>
  (pair.value as Node | null)?.range?.[1] ?? pair.key.range![1];

function replacePair(
  yaml: string,
  pair: Pair<Node, unknown>,
  key: string,
  want: string,
  eol: string,
): Splice {
  const from = pair.key.range![0];
  const column = columnOf(yaml, from).column;
  const to = lineEndAfter(yaml, valueEnd(pair));
  let insert = serialise({ [key]: want }, column, eol);
  // The comment at the end of the value's line stays there when the new value is one line.
  const comment = /^[ \t]+#[^\r\n]*/.exec(yaml.slice(valueEnd(pair), to))?.[0];
  const body = insert.slice(0, -eol.length);
  if (comment && !body.includes('\n') && !body.includes('#')) insert = body + comment + eol;
  return { from, to, insert };
}

function insertAfter(
  yaml: string,
  anchor: Pair<Node, unknown>,
  key: string,
  want: string,
  eol: string,
): Splice {
  const at = lineEndAfter(yaml, valueEnd(anchor));
  const column = columnOf(yaml, anchor.key.range![0]).column;
  const newline = at === yaml.length && !yaml.endsWith('\n') ? eol : '';
  return {
    from: at,
    to: at,
    insert: newline + ' '.repeat(column) + serialise({ [key]: want }, column, eol),
  };
}

/** The whole item written anew (a flow mapping, or keys that cannot be placed one by one). */
function wholeItem(yaml: string, item: Node, merged: object, eol: string): Splice {
  const from = item.range![0];
  const column = columnOf(yaml, from).column;
  return { from, to: lineEndAfter(yaml, item.range![1]), insert: serialise(merged, column, eol) };
}
