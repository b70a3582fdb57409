import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { countInWindow, graphHistogram, timeHistogram } from '../../src/core/time/histogram.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const e = (date: string | null, eventDate?: string) => ({
  date,
  ...(eventDate === undefined ? {} : { eventDate }),
});

const items = [
  { relation: 'opposes', evidence: [e('2016-01-15'), e('2016-01'), e('2016', '2015-12-02')] },
  { relation: 'cooperates-with', evidence: [e('2016-03', '2016-02'), e(null), e('2015')] },
];

describe('timeHistogram', () => {
  const h = timeHistogram(items, 'statement', ['cooperates-with', 'opposes', 'proposes-to']);

  it('counts days and months in their month, stacked by relation type in the given order', () => {
    expect(h.relations).toEqual(['cooperates-with', 'opposes', 'proposes-to']);
    const jan = h.months.find((m) => m.month === '2016-01')!;
    expect(jan).toEqual({
      month: '2016-01',
      total: 2,
      byRelation: { 'cooperates-with': 0, opposes: 2, 'proposes-to': 0 },
    });
    expect(h.months.find((m) => m.month === '2016-03')!.byRelation['cooperates-with']).toBe(1);
    expect(h.maxMonth).toBe(2);
  });

  it('counts a year alone in a bin of its own, never in January, and spans the axis over it', () => {
    expect(h.years.map((y) => [y.year, y.total, y.byRelation])).toEqual([
      ['2015', 1, { 'cooperates-with': 1, opposes: 0, 'proposes-to': 0 }],
      ['2016', 1, { 'cooperates-with': 0, opposes: 1, 'proposes-to': 0 }],
    ]);
    // Only the statement dated 2016-01-15 and the one dated 2016-01: not the year 2016's.
    expect(h.months.find((m) => m.month === '2016-01')!.total).toBe(2);
    expect(h.months.find((m) => m.month === '2015-01')!.total).toBe(0);
    // The axis runs over every month a dated statement may fall in: 2015 and 2016 whole.
    expect(h.range).toEqual({ from: '2015-01', to: '2016-12' });
    expect(h.months).toHaveLength(24);
  });

  it('counts undated statements apart, and every statement once', () => {
    expect(h.undated.total).toBe(1);
    expect(h.undated.byRelation['cooperates-with']).toBe(1);
    expect(h.total).toBe(6);
    const inMonths = h.months.reduce((n, m) => n + m.total, 0);
    expect(inMonths + h.years.reduce((n, y) => n + y.total, 0) + h.undated.total).toBe(6);
  });

  it('counts by event date, the statements without one undated', () => {
    const ev = timeHistogram(items, 'event');
    expect(ev.relations).toEqual(['opposes', 'cooperates-with']);
    expect(ev.range).toEqual({ from: '2015-12', to: '2016-02' });
    expect(ev.months.map((m) => [m.month, m.total])).toEqual([
      ['2015-12', 1],
      ['2016-01', 0],
      ['2016-02', 1],
    ]);
    expect(ev.undated.total).toBe(4);
    expect(ev.years).toEqual([]);
  });

  it('has no range and no months when nothing is dated', () => {
    const none = timeHistogram([{ relation: 'opposes', evidence: [e(null)] }], 'statement');
    expect([none.range, none.months, none.maxMonth, none.total]).toEqual([null, [], 0, 1]);
  });
});

describe('countInWindow', () => {
  const h = timeHistogram(items, 'statement', ['cooperates-with', 'opposes']);

  it('counts the months in the window and the years overlapping it, no undated ones', () => {
    const c = countInWindow(h, { from: '2016-01', to: '2016-02' });
    // 2016-01-15, 2016-01 and the year 2016 (part of it is in the window).
    expect(c).toEqual({ total: 3, byRelation: { 'cooperates-with': 0, opposes: 3 } });
    expect(countInWindow(h, { from: '2015-06', to: '2015-12' }).total).toBe(1); // the year 2015
  });

  it('counts everything, undated included, without bounds', () => {
    expect(countInWindow(h, { from: null, to: null }).total).toBe(h.total);
  });
});

describe('graphHistogram', () => {
  const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;

  it("counts a graph's statements in the order of its relation types", () => {
    const h = graphHistogram(graph, 'statement');
    expect(h.relations).toEqual(['cooperates-with', 'opposes', 'proposes-to']);
    expect(h.range).toEqual({ from: '2020-05', to: '2021-02' });
    expect(h.total).toBe(6);
    expect(h.months[0]).toMatchObject({ month: '2020-05', total: 4 });
  });

  it('counts only the statements and relations it is given', () => {
    const h = graphHistogram(graph, 'statement', {
      evidenceOf: (a) => a.evidence.filter((x) => x.date === '2021-02'),
      edges: (edge) => edge.startsWith('opposes'),
    });
    expect(h.total).toBe(1);
    expect(h.months.at(-1)).toMatchObject({ month: '2021-02', total: 1 });
  });
});
