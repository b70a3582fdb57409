import { describe, expect, it } from 'vitest';
import { FILTERS, NO_FILTERS, isEvidenceVisible } from '../../src/core/explore/filters.ts';
import type { Evidence } from '../../src/core/model.ts';
import {
  NO_WINDOW,
  inWindow,
  isUnbounded,
  isWindowValid,
  monthWindow,
  nextWindow,
  shiftWindow,
  windowTest,
  type TimeWindow,
} from '../../src/core/time/window.ts';

const DATES = [null, '2015', '2015-12', '2015-12-31', '2016', '2016-01', '2016-02-29', '2016-07'];
const WINDOWS: TimeWindow[] = [
  NO_WINDOW,
  { from: '2016', to: null },
  { from: null, to: '2015-12' },
  { from: '2016-01', to: '2016-06' },
  { from: '2016-02-29', to: '2016-02-29' },
  { from: '2016-07', to: '2016-07' },
  { from: '2015-12-31', to: '2016-01-01' },
];

describe('a window of partial dates', () => {
  it('holds everything, undated statements included, while no bound is set', () => {
    expect(isUnbounded(NO_WINDOW)).toBe(true);
    for (const date of DATES) expect(inWindow(date, NO_WINDOW)).toBe(true);
  });

  it('holds a partial date whose period overlaps it, and no undated one once bounded', () => {
    const window = { from: '2016-01', to: '2016-06' };
    expect(DATES.filter((d) => inWindow(d, window))).toEqual(['2016', '2016-01', '2016-02-29']);
    // A year is in a window that holds part of it; a month is not before its first day.
    expect(inWindow('2016', { from: '2016-07', to: null })).toBe(true);
    expect(inWindow('2016-05', { from: null, to: '2016-04' })).toBe(false);
    expect(inWindow('2016-04', { from: null, to: '2016-04-01' })).toBe(true);
    expect(inWindow(null, { from: null, to: '2020' })).toBe(false);
  });

  it('agrees with the from and to filters of the page on every date and window', () => {
    for (const window of WINDOWS) {
      const filters = { ...NO_FILTERS, from: window.from, to: window.to };
      const test = windowTest(window);
      for (const date of DATES) {
        const e = { date } as Evidence;
        expect(inWindow(date, window), `${date} in ${JSON.stringify(window)}`).toBe(
          isEvidenceVisible(e, filters),
        );
        expect(test(date)).toBe(inWindow(date, window));
      }
    }
    expect(FILTERS.from.param).toBe('from');
  });

  it('says whether its bounds are in order', () => {
    expect(isWindowValid({ from: '2016', to: '2016-01' })).toBe(true);
    expect(isWindowValid({ from: '2016-02', to: '2016-01-31' })).toBe(false);
    expect(isWindowValid({ from: '2016-02', to: null })).toBe(true);
  });
});

describe('month windows, for the brush and play', () => {
  it('covers whole months: a year from January to December, a day its month', () => {
    expect(monthWindow({ from: '2015', to: '2016-02-03' })).toEqual({
      from: '2015-01',
      to: '2016-02',
    });
    expect(monthWindow({ from: '2015', to: null })).toBeUndefined();
  });

  it('steps through a range, keeping its length, and stops after the last month', () => {
    const range = { from: '2014-10', to: '2016-07' };
    expect(shiftWindow({ from: '2015-11', to: '2016-01' }, 2)).toEqual({
      from: '2016-01',
      to: '2016-03',
    });
    expect(nextWindow({ from: '2016-06', to: '2016-08' }, range)).toEqual({
      from: '2016-07',
      to: '2016-09',
    });
    expect(nextWindow({ from: '2016-07', to: '2016-09' }, range)).toBeUndefined();
    expect(nextWindow({ from: '2014-10', to: '2014-12' }, range, 3)).toEqual({
      from: '2015-01',
      to: '2015-03',
    });
  });
});
