/**
 * The reader's marks: an article's text cut into runs at every quote's start and end, each
 * run with the relations whose quotes cover it (quotes may overlap or coincide).
 */
export interface QuoteSpan {
  /** The relation's index in the article. */
  index: number;
  start: number;
  end: number;
}

export interface TextRun {
  start: number;
  end: number;
  /** Indexes of the relations whose quote covers the run, in article order; empty: plain text. */
  relations: number[];
}

export function markRuns(length: number, spans: readonly QuoteSpan[]): TextRun[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= length && s.start < s.end);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: spans sorted by start enter, leave at their end.
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const open: QuoteSpan[] = [];
  const runs: TextRun[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= start) open.push(byStart[next++]!);
    for (let j = open.length - 1; j >= 0; j--) if (open[j]!.end <= start) open.splice(j, 1);
    const relations = open.map((s) => s.index).sort((a, b) => a - b);
    const last = runs[runs.length - 1];
    if (last && last.relations.length === 0 && relations.length === 0) last.end = end;
    else runs.push({ start, end, relations });
  }
  return runs;
}
