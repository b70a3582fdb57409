import { describe, expect, it } from 'vitest';
import { graphemeBoundaries } from '../../src/core/text/graphemes.ts';

/** Every boundary of a text, by segmenting it whole (the reference). */
function referenceBoundaries(text: string): Set<number> {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const set = new Set<number>([text.length]);
  for (const s of segmenter.segment(text)) set.add(s.index);
  return set;
}

// Characters that join, extend or pair up in grapheme clusters, and plain ones between them.
const PALETTE = [
  'a',
  ' ',
  'e\u0301',
  '\u0301',
  '\u200d',
  '\u200c',
  '\u{1F468}',
  '\u{1F3FD}',
  '\u{1F1FA}',
  '\u{1F1F8}',
  '\u2764',
  '\ufe0f',
  '\u00a9',
  '\r',
  '\n',
  '\u1100',
  '\u1161',
  '\u11a8',
  '\uac00',
  '\u0915',
  '\u094d',
  '\u0937',
  '\u0600',
  '\u0628',
  '\uff76',
  '\uff9e',
  '\u0e01',
  '\u0e33',
  '\u0eb3',
  '\u0e81',
  '\u0903',
  '\u{E0067}',
  '\u{1F3F4}',
  '\u4e2d',
  '\u0416',
  '\ud83d',
  '\udc00',
];

describe('graphemeBoundaries', () => {
  it('agrees with segmenting the whole text, on random strings of tricky characters', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      const parts = Array.from(
        { length: 1 + Math.floor(random() * 25) },
        () => PALETTE[Math.floor(random() * PALETTE.length)]!,
      );
      const text = parts.join('');
      const reference = referenceBoundaries(text);
      const boundaries = graphemeBoundaries(text);
      for (let i = 0; i <= text.length; i++) {
        expect([text, i, boundaries.isBoundary(i)]).toEqual([text, i, reference.has(i)]);
      }
    }
  });

  it('gives the whole cluster around a position', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const text = `A ${family} and Cafe\u0301`;
    const b = graphemeBoundaries(text);
    expect(b.clusterAt(3).text).toBe(family);
    expect(b.clusterAt(text.length - 1)).toEqual({
      start: text.length - 2,
      end: text.length,
      text: 'e\u0301',
    });
  });

  it('stays fast on a long text of clusters: each question looks at a short window', () => {
    const text = 'Cafe\u0301 \u{1F468}\u200D\u{1F469} \u4e2d\u6587 '.repeat(100_000);
    const b = graphemeBoundaries(text);
    let count = 0;
    for (let i = 0; i < text.length; i += 7) if (b.isBoundary(i)) count++;
    expect(count).toBeGreaterThan(0);
  });
});
