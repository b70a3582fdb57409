import { describe, expect, it } from 'vitest';
import { locateEvidence } from '../../src/core/pipeline/evidence.ts';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { parseYaml } from '../../src/core/pipeline/load.ts';
import type { ResolvedRelation } from '../../src/core/pipeline/relations.ts';
import { COOPERATES, OPPOSES } from '../helpers/dataset.ts';

const cooperates = COOPERATES;
const opposes = OPPOSES;
const parsed = parseYaml(
  { path: 'articles/a.yaml', text: 'title: T\nrelations:\n  - a\n  - b\n  - c\n' },
  new IssueSink(),
)!;
const text = 'Zeta and Alpha agreed.\nZeta attacked “Alpha” again.';

function relation(index: number, over: Partial<ResolvedRelation>): ResolvedRelation {
  return {
    article: 'a',
    parsed,
    index,
    source: 'zeta',
    target: 'alpha',
    relation: cooperates,
    quote: 'Zeta and Alpha agreed.',
    modality: 'asserted',
    ...over,
  };
}

describe('locateEvidence', () => {
  it('records the verbatim span, its offsets, modality and date', () => {
    const sink = new IssueSink();
    const [item] = locateEvidence(
      [relation(0, { quote: 'Zeta attacked "Alpha"', relation: opposes, modality: 'reported' })],
      text,
      '2016-07',
      sink,
    );
    expect(sink.issues).toEqual([]);
    expect(item).toEqual({
      source: 'zeta',
      target: 'alpha',
      relation: 'opposes',
      directed: true,
      evidence: {
        article: 'a',
        quote: 'Zeta attacked “Alpha”',
        start: 23,
        end: 44,
        modality: 'reported',
        date: '2016-07',
      },
    });
    expect(text.slice(23, 44)).toBe(item!.evidence.quote);
  });

  it('puts the endpoints of a symmetric relation in id order', () => {
    const [item] = locateEvidence([relation(0, {})], text, null, new IssueSink());
    expect([item!.source, item!.target]).toEqual(['alpha', 'zeta']);
  });

  it('reports a quote that is not in the text, at the quote', () => {
    const sink = new IssueSink();
    const located = locateEvidence(
      [relation(1, { quote: 'Zeta and Alpha disagreed.' })],
      text,
      null,
      sink,
    );
    expect(located).toEqual([]);
    expect(sink.issues).toHaveLength(1);
    expect(sink.issues[0]).toMatchObject({ severity: 'error', file: 'articles/a.yaml', line: 4 });
    expect(sink.issues[0]!.message).toMatch(
      /agrees up to "…Zeta and Alpha ", then the quote has "disagreed\." where the text has "agreed\./,
    );
  });

  it('counts a duplicate relation once, with a warning', () => {
    const sink = new IssueSink();
    const located = locateEvidence(
      [
        relation(0, {}),
        relation(2, { source: 'alpha', target: 'zeta', quote: ' Zeta  and Alpha agreed. ' }),
      ],
      text,
      null,
      sink,
    );
    expect(located).toHaveLength(1);
    expect(sink.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 5,
        message: expect.stringMatching(/duplicate relation.*line 3/),
      }),
    ]);
  });

  it('keeps the same actors and type with another quote as more evidence', () => {
    const located = locateEvidence(
      [relation(0, {}), relation(1, { quote: 'Alpha agreed' })],
      text,
      null,
      new IssueSink(),
    );
    expect(located).toHaveLength(2);
  });
});

describe('locateEvidence and Unicode normal forms', () => {
  it('says plainly when quote and text write the same letters in different forms', () => {
    const sink = new IssueSink();
    const located = locateEvidence(
      [relation(0, { quote: 'Z\u00fcrich and Alpha agreed.' })],
      'Zu\u0308rich and Alpha agreed.',
      null,
      sink,
    );
    expect(located).toEqual([]);
    expect(sink.issues).toHaveLength(1);
    expect(sink.issues[0]).toMatchObject({
      severity: 'error',
      message:
        'quote not found in the article text as written: the quote and the text write the same letters in different Unicode forms, composed and decomposed: the quote has "\u00fc" (U+00FC) where the text has "u\u0308" (U+0075 U+0308)',
      hint: expect.stringMatching(/^Copy the quote from the article text/),
    });
  });

  it('points out a form difference where the quote parts from the text, if more differs', () => {
    const sink = new IssueSink();
    locateEvidence(
      [relation(0, { quote: 'Z\u00fcrich and Alpha agree.' })],
      'Zu\u0308rich and Alpha agreed.',
      null,
      sink,
    );
    expect(sink.issues[0]?.message).toBe(
      'quote not found in the article text: it agrees up to "…Z", then writes a letter in a different Unicode form (composed or decomposed) than the text: the quote has "\u00fc" (U+00FC) where the text has "u\u0308" (U+0075 U+0308)',
    );
  });
});
