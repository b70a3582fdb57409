/**
 * The check of dismissed suggestions beyond the article schema (the build reads nothing else
 * of them): their actor ids and relation type must be the data's, their quote must be in the
 * article text (as the build finds quotes), and no field may hold an invisible or bidi
 * character (the build's own character check).
 */
import type { Change, FieldProblem } from './api.ts';
import type { DataFiles } from '../pipeline/buildGraph.ts';
import { foldForMatching, isMatch, locateQuote, normaliseArticleText } from '../pipeline/text.ts';
import { describeChar, findInvisible } from '../text/characters.ts';

/** The actor and relation type ids of the data, as the caller already has them read. */
export interface KnownIds {
  actors: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

/**
 * The problems of the request's dismiss-suggestion changes, on the data with its writes.
 * `known` is undefined when the registries cannot be read (then ids are not checked).
 */
export function checkDismissals(
  data: DataFiles,
  changes: readonly Change[],
  known: KnownIds | undefined,
): FieldProblem[] {
  if (!changes.some((c) => c.kind === 'dismiss-suggestion')) return [];
  const actors = known?.actors;
  const types = known?.types;
  const problems: FieldProblem[] = [];
  changes.forEach((change, i) => {
    if (change.kind !== 'dismiss-suggestion') return;
    const file = `articles/${change.article}.yaml`;
    const s = change.suggestion;
    const fields = ['source', 'type', 'target', 'quote'] as const;
    let clean = true;
    for (const field of fields) {
      const value = s[field];
      if (typeof value !== 'string') continue;
      const found = findInvisible(value);
      if (found) {
        clean = false;
        problems.push({
          field,
          change: i,
          file,
          message: `the suggestion's ${field} has an invisible character (${describeChar(found.char)}) at ${found.offset}`,
          hint: 'Dismiss the suggestion as the page shows it: its fields never hold such characters.',
        });
      }
    }
    if (!clean) return;
    for (const field of ['source', 'target'] as const) {
      const id = s[field].trim();
      if (actors && !actors.has(id)) {
        problems.push({
          field,
          change: i,
          file,
          message: `the suggestion's ${field} "${id}" is not an actor id of actors.yaml`,
          hint: 'A dismissed suggestion names actors by their ids.',
        });
      }
    }
    const type = s.type.trim();
    if (types && !types.has(type)) {
      problems.push({
        field: 'type',
        change: i,
        file,
        message: `the suggestion's type "${type}" is not a relation type of relation-types.yaml`,
      });
    }
    const article = data.articles.find((a) => a.id === change.article);
    if (article?.text) {
      const text = foldForMatching(normaliseArticleText(article.text.text));
      if (!isMatch(locateQuote(text, s.quote))) {
        problems.push({
          field: 'quote',
          change: i,
          file,
          message: `the suggestion's quote is not in the text of articles/${change.article}.txt`,
          hint: 'A dismissed suggestion keeps the sentence it was found in, verbatim.',
        });
      }
    }
  });
  return problems;
}
