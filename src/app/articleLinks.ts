/**
 * How a piece of evidence opens its article in the annotation workbench's reader. Set by the
 * workbench when annotation is on (the dev server); null on the static site, where the
 * evidence panel then shows no such link.
 */
export type ArticleOpener = (article: string, quote?: { start: number; end: number }) => void;

let opener: ArticleOpener | null = null;

export function setArticleOpener(next: ArticleOpener | null): void {
  opener = next;
}

export function articleOpener(): ArticleOpener | null {
  return opener;
}
