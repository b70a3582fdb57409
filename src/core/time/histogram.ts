/**
 * The timeline's histogram: statements counted by month of their date (statement or event
 * date), stacked by relation type.
 *
 * Partial dates are not spread over periods they may not cover:
 * - a day (YYYY-MM-DD) or a month (YYYY-MM) counts in its month;
 * - a year alone (YYYY) counts in a bin of its own for that year (`years`), never in January
 *   nor as twelfths across the months: the data says only "some time in 2016", and a month's
 *   bar must count only statements known to fall in that month. The page draws a year bin as
 *   one band across its twelve months;
 * - an undated statement is counted apart (`undated`), never placed at a date.
 */
import type { ActorGraph } from '../graph/actorGraph.ts';
import type { EdgeAttributes, Evidence } from '../model.ts';
import { dateOf, type DateKind } from './kinds.ts';
import { monthOf, monthRange, monthSpan, type Month } from './months.ts';
import type { MonthWindow, TimeWindow } from './window.ts';
import { windowTest } from './window.ts';

/** A count of statements, and its split by relation type id. */
export interface TimeBin {
  total: number;
  /** Every relation type of the histogram, zero included, in the histogram's order. */
  byRelation: Record<string, number>;
}

export interface MonthBin extends TimeBin {
  month: Month;
}

export interface YearBin extends TimeBin {
  /** YYYY: statements dated by this year alone. */
  year: string;
}

export interface TimeHistogram {
  kind: DateKind;
  /** The relation type ids, in stacking order. */
  relations: string[];
  /**
   * Every month from the first to the last one any dated statement may fall in (a year bin
   * spans its January to December), with zeros where none does: the timeline's x axis.
   */
  months: MonthBin[];
  /** Statements dated by a year alone, by year, in order. */
  years: YearBin[];
  /** The first and last month of `months`, or null when no statement has a date of this kind. */
  range: MonthWindow | null;
  /** Statements without a date of this kind. */
  undated: TimeBin;
  /** All statements counted: in months, years and undated. */
  total: number;
  /** The largest month total, for the y scale (0 without months). */
  maxMonth: number;
}

/** What a histogram counts: a relation's type and the statements to count (e.g. those shown). */
export interface HistogramItem {
  relation: string;
  evidence: readonly Pick<Evidence, 'date' | 'eventDate'>[];
}

const emptyBin = (relations: readonly string[]): TimeBin => ({
  total: 0,
  byRelation: Object.fromEntries(relations.map((r) => [r, 0])),
});

/**
 * Counts statements by month of their date of `kind`, stacked by relation type. `relations`
 * gives the stacking order (the legend's); types met that it lacks come after, in the order met.
 * Linear in the number of statements, plus the months of the range.
 */
export function timeHistogram(
  items: Iterable<HistogramItem>,
  kind: DateKind,
  relations: readonly string[] = [],
): TimeHistogram {
  const order = [...relations];
  const known = new Set(order);
  const byMonth = new Map<Month, Record<string, number>>();
  const byYear = new Map<string, Record<string, number>>();
  const undated: Record<string, number> = {};
  let first: Month | undefined;
  let last: Month | undefined;
  const add = (counts: Record<string, number>, relation: string) => {
    counts[relation] = (counts[relation] ?? 0) + 1;
  };
  for (const { relation, evidence } of items) {
    if (!known.has(relation)) {
      known.add(relation);
      order.push(relation);
    }
    for (const e of evidence) {
      const date = dateOf(e, kind);
      if (date === null) {
        add(undated, relation);
        continue;
      }
      const month = monthOf(date);
      const key = month ?? date.slice(0, 4);
      const bins = month === undefined ? byYear : byMonth;
      let counts = bins.get(key);
      if (!counts) bins.set(key, (counts = {}));
      add(counts, relation);
      const span = monthSpan(date);
      if (first === undefined || span.first < first) first = span.first;
      if (last === undefined || span.last > last) last = span.last;
    }
  }
  const bin = (counts: Record<string, number> | undefined): TimeBin => {
    const b = emptyBin(order);
    if (counts) {
      for (const r of order) {
        const n = counts[r] ?? 0;
        b.byRelation[r] = n;
        b.total += n;
      }
    }
    return b;
  };
  const months =
    first === undefined || last === undefined
      ? []
      : monthRange(first, last).map((month) => ({ month, ...bin(byMonth.get(month)) }));
  const years = [...byYear.keys()].sort().map((year) => ({ year, ...bin(byYear.get(year)) }));
  const undatedBin = bin(undated);
  const sum = (bins: readonly TimeBin[]) => bins.reduce((n, b) => n + b.total, 0);
  return {
    kind,
    relations: order,
    months,
    years,
    range: first === undefined || last === undefined ? null : { from: first, to: last },
    undated: undatedBin,
    total: sum(months) + sum(years) + undatedBin.total,
    maxMonth: months.reduce((max, m) => Math.max(max, m.total), 0),
  };
}

/**
 * The histogram of a graph's statements, stacked in the order of its relation types.
 * `evidenceOf` picks the statements to count (default: all; the page passes those its filters
 * show, e.g. `(a) => visibleEvidence(a, filtersWithoutDates)`), `edges` the relations (default:
 * all).
 */
export function graphHistogram(
  graph: ActorGraph,
  kind: DateKind,
  options: {
    evidenceOf?: (attributes: EdgeAttributes, edge: string) => readonly Evidence[];
    edges?: (edge: string) => boolean;
  } = {},
): TimeHistogram {
  const items: HistogramItem[] = [];
  graph.forEachEdge((edge, attributes) => {
    if (options.edges && !options.edges(edge)) return;
    items.push({
      relation: attributes.relation,
      evidence: options.evidenceOf ? options.evidenceOf(attributes, edge) : attributes.evidence,
    });
  });
  return timeHistogram(
    items,
    kind,
    graph.getAttribute('relationTypes').map((t) => t.id),
  );
}

/**
 * How many of a histogram's statements a window holds, by relation type: the months it
 * covers, the years that overlap it (a year alone is in any window that shares part of it, as
 * in the filters), and the undated statements only while no bound is set. Bounds count as the
 * months they fall in (the brush's granularity).
 */
export function countInWindow(histogram: TimeHistogram, window: TimeWindow): TimeBin {
  const inside = windowTest(window);
  const total = emptyBin(histogram.relations);
  const addBin = (b: TimeBin) => {
    total.total += b.total;
    for (const r of histogram.relations) total.byRelation[r]! += b.byRelation[r] ?? 0;
  };
  for (const m of histogram.months) if (m.total > 0 && inside(m.month)) addBin(m);
  for (const y of histogram.years) if (inside(y.year)) addBin(y);
  if (inside(null)) addBin(histogram.undated);
  return total;
}
