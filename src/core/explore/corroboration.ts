import type { ArticleMeta, Evidence } from '../model.ts';

/**
 * How well a relation is corroborated by the statements given: how many there are, how many
 * are asserted, and from how many distinct articles and outlets they come. Statements repeat
 * one another across articles of one outlet, so outlets are the stricter count. Articles whose
 * outlet is unknown count together as one outlet: nothing shows they are distinct.
 */
export interface Corroboration {
  statements: number;
  asserted: number;
  articles: number;
  outlets: number;
  /** The same counts for the asserted statements alone. */
  assertedArticles: number;
  assertedOutlets: number;
}

const UNKNOWN_OUTLET = '\u0000unknown';

export function corroboration(
  evidence: readonly Evidence[],
  articles: Readonly<Record<string, ArticleMeta>>,
): Corroboration {
  const allArticles = new Set<string>();
  const allOutlets = new Set<string>();
  const assertedArticles = new Set<string>();
  const assertedOutlets = new Set<string>();
  let asserted = 0;
  for (const e of evidence) {
    const outlet = articles[e.article]?.outlet ?? UNKNOWN_OUTLET;
    allArticles.add(e.article);
    allOutlets.add(outlet);
    if (e.modality !== 'asserted') continue;
    asserted++;
    assertedArticles.add(e.article);
    assertedOutlets.add(outlet);
  }
  return {
    statements: evidence.length,
    asserted,
    articles: allArticles.size,
    outlets: allOutlets.size,
    assertedArticles: assertedArticles.size,
    assertedOutlets: assertedOutlets.size,
  };
}
