/**
 * Suggestions scored against an article's annotated relations. A suggestion matches an
 * annotation with the same source, type and target (a symmetric type in either order); each
 * annotation is matched by at most one suggestion and the other way round, preferring pairs
 * whose spans overlap. Precision, recall and F1 overall and per type; modality accuracy on the
 * matched pairs.
 */
import type { Modality } from '../model.ts';
import { isDirectedIn } from '../pipeline/registry.ts';
import { relationKey, type Span } from './suggest.ts';

export interface Statement {
  source: string;
  type: string;
  target: string;
  modality: Modality;
  span?: Span;
}

export interface Tally {
  suggested: number;
  annotated: number;
  matched: number;
}

export interface Evaluation {
  articles: number;
  /**
   * By statement: every suggestion and every annotation counts, each matched at most once (a
   * relation an article states in three sentences is three annotations, and three
   * suggestions if the pipeline finds it three times).
   */
  overall: Tally;
  /** As `overall`, counting only the matches whose suggestion's sentence overlaps the quote. */
  sameSentence: Tally;
  /**
   * By relation: each relation an article states counts once, however many of its sentences
   * the annotators quoted or the pipeline suggested it from (modality aside).
   */
  relations: Tally;
  byType: Record<string, Tally>;
  /** Matched pairs, and how many of them agree on the modality. */
  modality: { matched: number; correct: number };
}

const overlaps = (a?: Span, b?: Span): boolean =>
  a !== undefined && b !== undefined && a.start < b.end && b.start < a.end;

/** The matched pairs of one article, as indices into `suggested` and `annotated`. */
export function matchArticle(
  suggested: readonly Statement[],
  annotated: readonly Statement[],
  isDirected: (type: string) => boolean,
): [number, number][] {
  return matchAndCount(suggested, annotated, isDirected).pairs;
}

/**
 * One to one, those whose spans overlap first (the suggestion's sentence and the annotation's
 * quote), then the rest; `overlapping` counts the first.
 */
function matchAndCount(
  suggested: readonly Statement[],
  annotated: readonly Statement[],
  isDirected: (type: string) => boolean,
): { pairs: [number, number][]; overlapping: number } {
  const key = (s: Statement) => relationKey(s.source, s.type, s.target, isDirected(s.type));
  const open = new Map<string, number[]>();
  annotated.forEach((a, i) => open.set(key(a), [...(open.get(key(a)) ?? []), i]));
  const pairs: [number, number][] = [];
  let overlapping = 0;
  // Two passes: first the suggestions that overlap an open annotation, then the rest.
  const taken = new Set<number>();
  for (const pass of [true, false]) {
    suggested.forEach((s, i) => {
      if (taken.has(i)) return;
      const candidates = open.get(key(s));
      if (!candidates || candidates.length === 0) return;
      const at = pass
        ? candidates.findIndex((j) => overlaps(s.span, annotated[j]!.span))
        : candidates.findIndex((j) => annotated[j]!.modality === s.modality) >= 0
          ? candidates.findIndex((j) => annotated[j]!.modality === s.modality)
          : 0;
      if (at < 0) return;
      pairs.push([i, candidates[at]!]);
      candidates.splice(at, 1);
      taken.add(i);
    });
    if (pass) overlapping = pairs.length;
  }
  return { pairs, overlapping };
}

export function evaluate(
  articles: readonly { suggested: readonly Statement[]; annotated: readonly Statement[] }[],
  types: readonly { id: string; directed: boolean }[],
): Evaluation {
  const isDirected = isDirectedIn(types);
  const empty = (): Tally => ({ suggested: 0, annotated: 0, matched: 0 });
  const byType: Record<string, Tally> = Object.fromEntries(types.map((t) => [t.id, empty()]));
  const overall = empty();
  let sameSentenceMatched = 0;
  const relations = empty();
  const modality = { matched: 0, correct: 0 };
  const key = (s: Statement) => relationKey(s.source, s.type, s.target, isDirected(s.type));
  for (const { suggested, annotated } of articles) {
    const suggestedKeys = new Set(suggested.map(key));
    const annotatedKeys = new Set(annotated.map(key));
    relations.suggested += suggestedKeys.size;
    relations.annotated += annotatedKeys.size;
    for (const k of suggestedKeys) if (annotatedKeys.has(k)) relations.matched++;
    for (const s of suggested) (byType[s.type] ??= empty()).suggested++;
    for (const a of annotated) (byType[a.type] ??= empty()).annotated++;
    overall.suggested += suggested.length;
    overall.annotated += annotated.length;
    const { pairs, overlapping } = matchAndCount(suggested, annotated, isDirected);
    for (const [i, j] of pairs) {
      const s = suggested[i]!;
      byType[s.type]!.matched++;
      overall.matched++;
      modality.matched++;
      if (s.modality === annotated[j]!.modality) modality.correct++;
    }
    sameSentenceMatched += overlapping;
  }
  const sameSentence = { ...overall, matched: sameSentenceMatched };
  return { articles: articles.length, overall, sameSentence, relations, byType, modality };
}

export function rates(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.suggested === 0 ? 0 : t.matched / t.suggested;
  const recall = t.annotated === 0 ? 0 : t.matched / t.annotated;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The table npm run eval:suggest prints. */
export function formatEvaluation(e: Evaluation): string {
  const rows = [
    ...Object.entries(e.byType).map(([type, t]) => [type, t] as const),
    ['overall', e.overall] as const,
  ];
  const width = Math.max(...rows.map(([name]) => name.length), 13);
  const f = (x: number) => x.toFixed(2);
  // A rate of nothing (no suggestion, no annotation) is undefined, not 0: shown as "–".
  const figures = (t: Tally) => {
    const r = rates(t);
    const precision = t.suggested === 0 ? '–' : f(r.precision);
    const recall = t.annotated === 0 ? '–' : f(r.recall);
    const f1 = t.suggested === 0 || t.annotated === 0 ? '–' : f(r.f1);
    return `${String(t.suggested).padStart(9)}  ${String(t.annotated).padStart(9)}  ${String(t.matched).padStart(7)}  ${precision.padStart(9)}  ${recall.padStart(6)}  ${f1.padStart(4)}`;
  };
  const lines = [
    `${'relation type'.padEnd(width)}  suggested  annotated  matched  precision  recall    F1`,
    ...rows.map(([name, t]) => `${name.padEnd(width)}  ${figures(t)}`),
    '',
    `${'same sentence'.padEnd(width)}  ${figures(e.sameSentence)}`,
    `${'by relation'.padEnd(width)}  ${figures(e.relations)}`,
    '',
    `Modality on the ${e.modality.matched} matched: ${e.modality.correct} right (${e.modality.matched === 0 ? '–' : f(e.modality.correct / e.modality.matched)}).`,
    `Articles: ${e.articles}. A match is the same source, type and target (cooperates-with in either order), one suggestion to one annotation; every suggestion counts, a relation found in two sentences twice.`,
    `Same sentence: only the matches whose suggestion comes from the sentence the annotation quotes.`,
    `By relation: each relation an article states once, however many quotes the annotators took or sentences the suggestions came from.`,
  ];
  return `${lines.join('\n')}\n`;
}
