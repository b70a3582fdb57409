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
  // Astral extenders (an emoji modifier, a tag, a musical combining mark) and astral controls.
  '\u{1F3FB}',
  '\u{E0020}',
  '\u{1D167}',
  '\u{1BCA0}',
  '\u{E0001}',
  '\u{E0080}',
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

  it('agrees with segmenting the whole text beyond the window: long runs of flags, marks, joiners', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const ri = () => String.fromCodePoint(0x1f1e6 + Math.floor(random() * 26));
    // Runs longer than the 64-unit window that graphemeBoundaries segments around a question.
    const runs: (() => string)[] = [
      () => Array.from({ length: 20 + Math.floor(random() * 150) }, ri).join(''),
      () => '\u0301'.repeat(40 + Math.floor(random() * 100)),
      () => '\u{1F468}\u200d'.repeat(20 + Math.floor(random() * 40)),
      () => `\u{1F469}${'\u{1F3FD}\u200d\u{1F469}'.repeat(10 + Math.floor(random() * 20))}`,
      () => '\u1100'.repeat(60 + Math.floor(random() * 60)),
      () => '\u0915\u094d'.repeat(30 + Math.floor(random() * 40)),
      // Long runs of extending characters between an emoji or a consonant and what they join.
      () => '\u{1F3FD}'.repeat(30 + Math.floor(random() * 40)),
      () => '\u094d\u0301'.repeat(30 + Math.floor(random() * 40)),
      () => '\ufe0f'.repeat(60 + Math.floor(random() * 40)),
      // Long runs of astral extenders: emoji modifiers, tag characters, U+1D167.
      () => `\u{1F44D}${'\u{1F3FB}'.repeat(40 + Math.floor(random() * 120))}`,
      () => '\u{1F3FF}'.repeat(40 + Math.floor(random() * 120)),
      () =>
        `\u{1F3F4}${Array.from({ length: 40 + Math.floor(random() * 120) }, () =>
          String.fromCodePoint(0xe0020 + Math.floor(random() * 96)),
        ).join('')}`,
      () => '\u{1D167}'.repeat(40 + Math.floor(random() * 120)),
      () => `a${'\u{1D167}\u0301'.repeat(20 + Math.floor(random() * 60))}`,
      () => `\u{1F469}${'\u{1F3FD}'.repeat(40 + Math.floor(random() * 60))}\u200d\u{1F469}`,
      () => `\u0915${'\u{1D167}\u094d'.repeat(20 + Math.floor(random() * 40))}\u0937`,
    ];
    for (let n = 0; n < 400; n++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        random() < 0.3 ? pick(runs)() : pick(PALETTE),
      );
      const text = parts.join('');
      const reference = referenceBoundaries(text);
      const boundaries = graphemeBoundaries(text);
      for (let i = 0; i <= text.length; i++) {
        expect([text, i, boundaries.isBoundary(i)]).toEqual([text, i, reference.has(i)]);
      }
      // Clusters shorter than the window come whole, in a fresh instance and in one questioned.
      const fresh = graphemeBoundaries(text);
      const sorted = [...reference].sort((x, y) => x - y);
      for (let k = 0; k + 1 < sorted.length; k++) {
        const [start, end] = [sorted[k]!, sorted[k + 1]!];
        if (end - start > 32) continue;
        const cluster = { start, end, text: text.slice(start, end) };
        for (const b of [fresh, boundaries]) {
          expect([text, b.clusterAt(end - 1)]).toEqual([text, cluster]);
        }
      }
    }
  });

  it('decides positions inside long runs of astral extenders in constant time', () => {
    const tags = Array.from({ length: 100_000 }, (_, k) =>
      String.fromCodePoint(0xe0020 + (k % 96)),
    ).join('');
    const texts = [
      `\u{1F44D}${'\u{1F3FB}'.repeat(100_000)}x`,
      `\u{1F3F4}${tags}\u{E007F}x`,
      `a${'\u{1D167}'.repeat(100_000)}x`,
    ];
    for (const text of texts) {
      const b = graphemeBoundaries(text);
      // From the end backwards, then forwards: one cluster up to the x.
      let wrong = 0;
      for (let i = text.length; i >= 0; i--) {
        if (b.isBoundary(i) !== (i === 0 || i >= text.length - 1)) wrong++;
      }
      for (let i = 0; i <= text.length; i++) {
        if (b.isBoundary(i) !== (i === 0 || i >= text.length - 1)) wrong++;
      }
      expect(wrong).toBe(0);
      // Walking a giant cluster cluster by cluster (each judged on a window) stays linear too.
      const c = graphemeBoundaries(text.slice(0, -1));
      let steps = 0;
      for (let i = 0; i < text.length - 1; i = c.clusterAt(i).end) steps++;
      expect(steps).toBeGreaterThan(0);
      expect(b.clusterAt(text.length - 1)).toEqual({
        start: text.length - 1,
        end: text.length,
        text: 'x',
      });
    }
  });

  it('pairs the regional indicators of a long run from its start', () => {
    const letter = (k: number) => String.fromCodePoint(0x1f1e6 + k);
    // 30 A's then 10 distinct letters: a flag starts at every even letter.
    const text = `x${letter(0).repeat(30)}${Array.from({ length: 10 }, (_, k) => letter(k + 1)).join('')}y`;
    const b = graphemeBoundaries(text);
    for (let k = 0; k <= 40; k++) expect([k, b.isBoundary(1 + 2 * k)]).toEqual([k, k % 2 === 0]);
    // Questions in any order, and the cluster deep inside the run.
    const c = graphemeBoundaries(text);
    for (const k of [37, 33, 35, 1, 39]) expect(c.isBoundary(1 + 2 * k)).toBe(false);
    expect(c.clusterAt(1 + 2 * 33)).toEqual({
      start: 1 + 2 * 32,
      end: 1 + 2 * 34,
      text: letter(2 * 16 - 29) + letter(2 * 16 - 28),
    });
  });

  it('stays linear in one long run of regional indicators', () => {
    const pairs = 500_000;
    const text = `a${'\u{1F1FA}\u{1F1F8}'.repeat(pairs)}`;
    const b = graphemeBoundaries(text);
    // From the end backwards (each question would walk the whole run without the memo)...
    for (let i = text.length - 1; i > text.length - 2_000; i--) {
      expect(b.isBoundary(i)).toBe((i - 1) % 4 === 0);
    }
    // ...and every position.
    let wrong = 0;
    for (let i = 0; i <= text.length; i++) if (b.isBoundary(i) !== ((i - 1) % 4 === 0)) wrong++;
    expect(wrong).toBe(1); // Position 0, a boundary too.
    expect(b.clusterAt(text.length - 3)).toEqual({
      start: text.length - 4,
      end: text.length,
      text: '\u{1F1FA}\u{1F1F8}',
    });
  });

  it('stays fast on a long text of clusters, and right: each question looks at a short window', () => {
    // A repeated unit that ends on a boundary: the text's boundaries repeat the unit's.
    const unit =
      'Cafe\u0301 \u{1F468}\u200D\u{1F469} \u4e2d\u6587 \u{1F1FA}\u{1F1F8}\u{1F1F7}\u{1F1FA} ';
    const text = unit.repeat(30_000);
    const inUnit = referenceBoundaries(unit);
    const b = graphemeBoundaries(text);
    let wrong = 0;
    for (let i = 0; i <= text.length; i++) {
      if (b.isBoundary(i) !== inUnit.has(i % unit.length)) wrong++;
    }
    expect(wrong).toBe(0);
  });
});
