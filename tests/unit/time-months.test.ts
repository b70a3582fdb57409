import { describe, expect, it } from 'vitest';
import { firstDayOf, lastDayOf, precisionOf } from '../../src/core/dates.ts';
import {
  addMonths,
  monthOf,
  monthRange,
  monthSpan,
  monthsFrom,
} from '../../src/core/time/months.ts';

describe('partial dates as periods', () => {
  it('knows their precision and first and last real days', () => {
    expect(['2016', '2016-02', '2016-02-27'].map(precisionOf)).toEqual(['year', 'month', 'day']);
    expect(['2016', '2016-02', '2016-02-27'].map(firstDayOf)).toEqual([
      '2016-01-01',
      '2016-02-01',
      '2016-02-27',
    ]);
    expect(['2016', '2016-02', '2015-02', '2016-04', '2016-02-27'].map(lastDayOf)).toEqual([
      '2016-12-31',
      '2016-02-29',
      '2015-02-28',
      '2016-04-30',
      '2016-02-27',
    ]);
  });
});

describe('months', () => {
  it('gives the month of a day or a month, none for a year alone', () => {
    expect([monthOf('2016-05-03'), monthOf('2016-05'), monthOf('2016')]).toEqual([
      '2016-05',
      '2016-05',
      undefined,
    ]);
  });

  it('adds months across years, both ways', () => {
    expect(addMonths('2015-12', 1)).toBe('2016-01');
    expect(addMonths('2016-01', -1)).toBe('2015-12');
    expect(addMonths('2016-03', 25)).toBe('2018-04');
    expect(addMonths('2016-03', 0)).toBe('2016-03');
    expect(monthsFrom('2015-11', '2016-01')).toBe(2);
    expect(monthsFrom('2016-01', '2015-11')).toBe(-2);
  });

  it('lists the months of a range, both ends included', () => {
    expect(monthRange('2015-11', '2016-02')).toEqual(['2015-11', '2015-12', '2016-01', '2016-02']);
    expect(monthRange('2016-02', '2016-02')).toEqual(['2016-02']);
    expect(monthRange('2016-03', '2016-02')).toEqual([]);
  });

  it('spans a year from January to December, a month or day its own month', () => {
    expect(monthSpan('2016')).toEqual({ first: '2016-01', last: '2016-12' });
    expect(monthSpan('2016-05-03')).toEqual({ first: '2016-05', last: '2016-05' });
  });
});
