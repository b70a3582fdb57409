/**
 * Dismissed suggestions: an article's `dismissedSuggestions` list (article.schema.json), which
 * the workbench and `npm run suggest -- --new-only` leave out of what they propose. The edit
 * appends to the list (creating it at the end of the file), as the other edits do: only the
 * lines it adds change, and the result is parsed again and compared with what it meant to write.
 */
import { isMap, isSeq, type Document } from 'yaml';
import type { DismissedSuggestion } from './api.ts';
import { appendItem } from './lists.ts';
import { EditRefused } from './refusal.ts';
import { sameValue } from './sameValue.ts';
import { columnOf, lineEndOf, parseForEdit, serialise, topPair, reparse } from './yamlText.ts';

/** The key of the list in an article's YAML. */
const DISMISSED_KEY = 'dismissedSuggestions';

const WHAT = 'the article file';

/**
 * Adds the suggestion to the article's `dismissedSuggestions` (created after everything else
 * in the file when absent). Dismissing one already there (the same four fields) returns the
 * text as it is. Refuses an empty field.
 */
export function dismissSuggestion(yaml: string, suggestion: DismissedSuggestion): string {
  const value = dismissedValue(suggestion);
  const doc = parseForEdit(yaml, WHAT);
  const pair = topPair(doc, DISMISSED_KEY);
  if (pair) {
    if (isSeq(pair.value) && dismissedIn(doc.toJS()).some((d) => sameDismissal(d, value))) {
      return yaml;
    }
    return appendItem(yaml, DISMISSED_KEY, { ...value }, WHAT);
  }
  return createList(yaml, doc, value);
}

/** The suggestion as the file writes it; refuses empty fields (ids trimmed, the quote as is). */
function dismissedValue(suggestion: DismissedSuggestion): DismissedSuggestion {
  const id = (value: unknown, field: 'source' | 'type' | 'target', hint: string): string => {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') throw new EditRefused(`the suggestion's ${field} is empty`, field, hint);
    return text;
  };
  const source = id(suggestion.source, 'source', 'Give the source actor id.');
  const type = id(suggestion.type, 'type', 'Give the relation type.');
  const target = id(suggestion.target, 'target', 'Give the target actor id.');
  const quote = suggestion.quote;
  if (typeof quote !== 'string' || quote.trim() === '') {
    throw new EditRefused(
      "the suggestion's quote is empty",
      'quote',
      'Give the sentence the suggestion was found in.',
    );
  }
  return { source, type, target, quote };
}

/** The dismissed suggestions of an article's parsed YAML (items not of the shape left out). */
export function dismissedIn(document: unknown): DismissedSuggestion[] {
  const list = (document as Record<string, unknown> | null)?.[DISMISSED_KEY];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const d = item as Partial<Record<keyof DismissedSuggestion, unknown>> | null;
    return d &&
      typeof d.source === 'string' &&
      typeof d.type === 'string' &&
      typeof d.target === 'string' &&
      typeof d.quote === 'string'
      ? [{ source: d.source, type: d.type, target: d.target, quote: d.quote }]
      : [];
  });
}

/**
 * Whether a suggestion is one of those dismissed: the same source, type, target and quote (the
 * two actors in either order when `directed` says the type is symmetric).
 */
export function isDismissed(
  suggestion: DismissedSuggestion,
  dismissed: readonly DismissedSuggestion[],
  directed: (type: string) => boolean = () => true,
): boolean {
  const symmetric = !directed(suggestion.type);
  return dismissed.some(
    (d) =>
      d.type === suggestion.type &&
      d.quote === suggestion.quote &&
      ((d.source === suggestion.source && d.target === suggestion.target) ||
        (symmetric && d.source === suggestion.target && d.target === suggestion.source)),
  );
}

const sameDismissal = (a: DismissedSuggestion, b: DismissedSuggestion): boolean =>
  a.source === b.source && a.type === b.type && a.target === b.target && a.quote === b.quote;

/**
 * Writes `dismissedSuggestions:` with its one item after the file's last line (before a
 * document end marker `...`, if the file has one), indented as the file's `relations` list is.
 */
function createList(yaml: string, doc: Document.Parsed, value: DismissedSuggestion): string {
  if (!isMap(doc.contents) || doc.contents.flow) {
    throw new EditRefused(
      `${WHAT} is not a block mapping of keys, so dismissedSuggestions cannot be added to it`,
      undefined,
      'Fix the file by hand first: title:, relations: and the other keys each on a line of their own.',
    );
  }
  const eol = lineEndOf(yaml);
  const relations = topPair(doc, 'relations')?.value;
  const indent =
    isSeq(relations) && !relations.flow && relations.items.length > 0 && relations.range
      ? columnOf(yaml, relations.range[0]).column
      : 2;
  const end = /^\.\.\.[ \t]*(?:#.*)?$/m.exec(yaml.slice(doc.contents.range[2]));
  const at = end ? doc.contents.range[2] + end.index : yaml.length;
  const before = yaml.slice(0, at);
  const newline = before === '' || /\n$/.test(before) ? '' : eol;
  const list = serialise([value], indent, eol);
  const insert = `${newline}${DISMISSED_KEY}:${eol}${' '.repeat(indent)}${list}`;
  const out = before + insert + yaml.slice(at);
  const expected = { ...(doc.toJS() as Record<string, unknown>), [DISMISSED_KEY]: [value] };
  let got: unknown;
  try {
    got = reparse(out);
  } catch {
    got = undefined;
  }
  if (!sameValue(got, expected)) {
    throw new EditRefused(
      `${WHAT} cannot take a dismissedSuggestions list at its end without changing what it says`,
      undefined,
      'Add "dismissedSuggestions: []" to the file by hand, then dismiss again.',
    );
  }
  return out;
}
