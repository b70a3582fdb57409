import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Random, WeightedPicker, apportion } from '../../src/core/generate/random.ts';
import { comment, flowSequence, scalar } from '../../src/core/generate/yaml.ts';

const TRICKY = [
  'Valoria',
  "People's Militia",
  'Republic of Valoria',
  'U.S.-led coalition',
  'a: b',
  'ends with a colon:',
  'a # not a comment',
  '#hash',
  '- dash',
  '[bracket]',
  '{brace}',
  'comma, inside',
  '"quoted"',
  "'single'",
  'The dateline reads "TESMIR, 1 April 2015".',
  'called the talks “constructive” on Monday',
  'true',
  'No',
  'null',
  '~',
  '2016',
  '2016-03-14',
  '0x1F',
  '.inf',
  ' leading space',
  'trailing space ',
  'line\nbreak',
  'tab\there',
  '*alias',
  '&anchor',
  '!tag',
  '%directive',
  '@at',
  '`backtick',
  '|',
  '>',
  '? question',
  'del \u007f and c1 \u0085 and ls \u2028',
  'Ünïcödé – dash — and ’apostrophe’',
  '',
];

describe('the YAML writer', () => {
  it('writes strings that read back unchanged as mapping values', () => {
    for (const value of TRICKY) {
      expect(parse(`key: ${scalar(value)}\n`), JSON.stringify(value)).toEqual({ key: value });
    }
  });

  it('writes strings that read back unchanged in flow sequences', () => {
    expect(parse(`list: ${flowSequence(TRICKY)}\n`)).toEqual({ list: TRICKY });
  });

  it('writes plain names plainly, as an annotator would', () => {
    expect(scalar("People's Militia")).toBe("People's Militia");
    expect(flowSequence(['KLA', 'Karesh fighters', 'T. Kerel'])).toBe(
      '[KLA, Karesh fighters, T. Kerel]',
    );
    expect(scalar('yes')).toBe('"yes"');
  });

  it('keeps comments on one line', () => {
    expect(parse(`${comment('a\nkey: 1\r\u2028b')}\nx: 2\n`)).toEqual({ x: 2 });
  });
});

describe('the random helpers', () => {
  it('repeat themselves for a seed, and forks are independent streams', () => {
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.int(1000));
    expect(draw(new Random('s'))).toEqual(draw(new Random('s')));
    expect(draw(new Random('s'))).not.toEqual(draw(new Random('t')));
    expect(draw(new Random('s').fork('a'))).not.toEqual(draw(new Random('s').fork('b')));
  });

  it('pick by weight', () => {
    const picker = new WeightedPicker([1, 0, 3]);
    const random = new Random('w');
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[picker.pick(random)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.5);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.5);
  });

  it('apportion whole parts in proportion, each at least the minimum', () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(apportion(7, [0, 0, 100], 2)).toEqual([2, 2, 3]);
    expect(apportion(5, [1, 1, 1, 1, 1], 1)).toEqual([1, 1, 1, 1, 1]);
    expect(() => apportion(3, [1, 1], 2)).toThrow(RangeError);
  });
});
