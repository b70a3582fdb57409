import type { ArticleSummary, WorkbenchState } from '../../core/annotate/api.ts';
import { plural } from '../dom.ts';

/** How many titles a status line names before it counts the rest. */
const NAMED = 3;

/**
 * What a look at the data folder took in, for the workbench's status line: the articles
 * another program added or removed (by title), whether or not the network changed; null when
 * it took in nothing of that (the graph as it was, no article come or gone: a file edited that
 * still does not build, which the problems list shows). An article that does not build (no
 * `relations` list), or one added while another file does not build, changes the list and not
 * the network: the line then names the first file that does not build (the reader, which
 * shows the line too, covers the problems list).
 */
export function describeLook(
  before: WorkbenchState,
  after: WorkbenchState,
  graphMoved: boolean,
): string | null {
  const had = new Set(before.articles.map((a) => a.id));
  const has = new Set(after.articles.map((a) => a.id));
  const added = after.articles.filter((a) => !had.has(a.id));
  const removed = before.articles.filter((a) => !has.has(a.id));
  if (!graphMoved && added.length === 0 && removed.length === 0) return null;
  const parts = [listed(added, 'added'), listed(removed, 'removed')].filter((p) => p !== null);
  const what = parts.length > 0 ? ` (${parts.join('; ')})` : '';
  const network =
    graphMoved || after.problems.length === 0
      ? ''
      : `; the network stays as it last built until ${waitingFor(after)}`;
  return `The data folder changed on disk${what}: taken in${network}.`;
}

/** The files that do not build, the first by name: "articles/x.yaml and 2 other files build". */
function waitingFor(state: WorkbenchState): string {
  const files = [...new Set(state.problems.flatMap((p) => (p.file ? [p.file] : [])))];
  if (files.length === 0) return 'the data folder builds';
  if (files.length === 1) return `${files[0]} builds`;
  return `${files[0]} and ${plural(files.length - 1, 'other file')} build`;
}

/**
 * The titles as the page shows them elsewhere (the article list, the evidence): the plain
 * text, set as text, between typographic quotes; no escapes.
 */
function listed(articles: readonly ArticleSummary[], verb: string): string | null {
  if (articles.length === 0) return null;
  const titles = articles.slice(0, NAMED).map((a) => `“${a.title}”`);
  const more = articles.length - titles.length;
  return `${plural(articles.length, 'article')} ${verb}: ${titles.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
