import { describe, expect, it } from 'vitest';
import { evidenceSpells, mergeSpells, spanOf, spellOf } from '../../src/core/time/spells.ts';
import { edgeDateRange } from '../../src/core/time/edgeDates.ts';

describe('spells', () => {
  it('make a day or a month present for its whole month, a year for its whole year', () => {
    expect(spellOf('2016-02-27')).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(spellOf('2015-02')).toEqual({ start: '2015-02-01', end: '2015-02-28' });
    expect(spellOf('2016')).toEqual({ start: '2016-01-01', end: '2016-12-31' });
  });

  it('merge those that overlap, keep consecutive months apart, and sort them', () => {
    expect(
      mergeSpells([
        spellOf('2016-07'),
        spellOf('2015-05'),
        spellOf('2016'),
        spellOf('2015-06'),
        spellOf('2016-03-02'),
      ]),
    ).toEqual([
      { start: '2015-05-01', end: '2015-05-31' },
      { start: '2015-06-01', end: '2015-06-30' },
      { start: '2016-01-01', end: '2016-12-31' },
    ]);
  });

  it("come from a relation's statements, one per month with evidence, by either date", () => {
    const evidence = [
      { date: '2016-05', eventDate: '2016-02-27' },
      { date: '2016-05-03' },
      { date: null, eventDate: '2016-02' },
      { date: '2014-10', eventDate: null },
    ];
    expect(evidenceSpells(evidence, 'statement')).toEqual([
      { start: '2014-10-01', end: '2014-10-31' },
      { start: '2016-05-01', end: '2016-05-31' },
    ]);
    expect(evidenceSpells(evidence, 'event')).toEqual([{ start: '2016-02-01', end: '2016-02-29' }]);
    expect(evidenceSpells([{ date: null }], 'statement')).toEqual([]);
  });

  it('have a span, the first start to the last end', () => {
    expect(spanOf([spellOf('2016-05'), spellOf('2014-10'), spellOf('2015')])).toEqual({
      start: '2014-10-01',
      end: '2016-05-31',
    });
    expect(spanOf([])).toBeUndefined();
  });
});

describe('edgeDateRange', () => {
  it('gives the first and last date of each kind, null where none', () => {
    expect(
      edgeDateRange([
        { date: '2016', eventDate: '2016-02-27' },
        { date: '2014-10' },
        { date: null, eventDate: '2015-12' },
      ]),
    ).toEqual({
      firstDate: '2014-10',
      lastDate: '2016',
      firstEventDate: '2015-12',
      lastEventDate: '2016-02-27',
    });
    expect(edgeDateRange([{ date: null, eventDate: null }])).toEqual({
      firstDate: null,
      lastDate: null,
      firstEventDate: null,
      lastEventDate: null,
    });
  });
});
