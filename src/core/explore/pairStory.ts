/**
 * A pair's story: every statement between two actors, whatever the relation and its
 * direction, in date order, so that a reader sees "cooperation proposed, then conditional, then
 * denied" at a glance. Used by the statements panel of a relation and by the "between A and B"
 * view.
 */
import type { ActorGraph } from '../graph/actorGraph.ts';
import type { Evidence } from '../model.ts';
import { firstDayOf } from '../dates.ts';
import { dateOf } from '../time/kinds.ts';
import { monthSpan, type Month } from '../time/months.ts';
import { windowTest, type MonthWindow } from '../time/window.ts';
import { isEvidenceVisible, type Filters } from './filters.ts';

export interface PairStatement {
  edge: string;
  relation: string;
  /** The relation as its source states it ("proposes to"). */
  source: string;
  target: string;
  directed: boolean;
  evidence: Evidence;
  /** The statement's date of the story's kind (null: undated for it). */
  date: string | null;
  /** Whether the date range (the timeline's window) holds it. */
  inWindow: boolean;
}

export interface PairStory {
  a: string;
  b: string;
  kind: Filters['dateKind'];
  /** Dated statements, earliest first (a year alone sorts at its start, before its months). */
  dated: PairStatement[];
  /** Statements without a date of the kind, in the relations' order. */
  undated: PairStatement[];
  /** The months the dated statements span (a year alone spans its twelve), or null. */
  range: MonthWindow | null;
  /** Statements the other filters (modality, article) hide. */
  hidden: number;
  /** The relation types met, in the vocabulary's order. */
  relations: string[];
}

/**
 * Every statement between `a` and `b` (both directions, every relation type) that the
 * statement filters show, whatever the date range: the range is the part of the story in view,
 * marked on each statement (`inWindow`), not a cut through it.
 */
export function pairStory(graph: ActorGraph, a: string, b: string, filters: Filters): PairStory {
  const kind = filters.dateKind;
  const unbounded: Filters = { ...filters, from: null, to: null };
  const inside = windowTest({ from: filters.from, to: filters.to });
  const statements: PairStatement[] = [];
  let hidden = 0;
  const seen = new Set<string>();
  if (graph.hasNode(a) && graph.hasNode(b)) {
    graph.forEachEdge(a, b, (edge, attr, source, target, _s, _t, undirected) => {
      seen.add(attr.relation);
      for (const e of attr.evidence) {
        if (!isEvidenceVisible(e, unbounded)) {
          hidden++;
          continue;
        }
        const date = dateOf(e, kind);
        statements.push({
          edge,
          relation: attr.relation,
          source,
          target,
          directed: !undirected,
          evidence: e,
          date,
          inWindow: inside(date),
        });
      }
    });
  }
  const dated = statements.filter((s) => s.date !== null);
  const undated = statements.filter((s) => s.date === null);
  const key = (s: PairStatement) => firstDayOf(s.date!);
  dated.sort(
    (x, y) =>
      compare(key(x), key(y)) ||
      compare(x.date!, y.date!) ||
      compare(x.evidence.article, y.evidence.article) ||
      x.evidence.start - y.evidence.start,
  );
  let first: Month | undefined;
  let last: Month | undefined;
  for (const s of dated) {
    const span = monthSpan(s.date!);
    if (first === undefined || span.first < first) first = span.first;
    if (last === undefined || span.last > last) last = span.last;
  }
  const order = graph.getAttribute('relationTypes').map((t) => t.id);
  return {
    a,
    b,
    kind,
    dated,
    undated,
    range: first === undefined || last === undefined ? null : { from: first, to: last },
    hidden,
    relations: order.filter((r) => seen.has(r)),
  };
}

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
