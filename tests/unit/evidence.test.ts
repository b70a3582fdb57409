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

describe('locateEvidence and event dates', () => {
  const article =
    'In May Zeta and Alpha agreed.\nThey met again later.\nOn March 3 nothing happened.';
  const withEvent = (quote: string, how: string) =>
    relation(0, { quote, eventDate: { date: '2016-05', basis: 'inferred', how } });

  it('keeps the event date, its basis and its words as the text writes them', () => {
    const sink = new IssueSink();
    const [item] = locateEvidence(
      [withEvent('In May Zeta and Alpha agreed.', ' In  May ')],
      article,
      '2016',
      sink,
    );
    expect(sink.issues).toEqual([]);
    expect(item!.evidence).toMatchObject({
      date: '2016',
      eventDate: '2016-05',
      eventDateBasis: 'inferred',
      eventDateHow: 'In May',
    });
  });

  it('takes the words from the line of the quote without a word', () => {
    const sink = new IssueSink();
    const [item] = locateEvidence(
      [withEvent('Zeta and Alpha agreed.', 'In May')],
      article,
      '2016',
      sink,
    );
    expect(sink.issues).toEqual([]);
    expect(item!.evidence.eventDateHow).toBe('In May');
  });

  it('warns when the words are in the text but far from the quote', () => {
    const sink = new IssueSink();
    const [item] = locateEvidence(
      [withEvent('They met again later.', 'In May')],
      article,
      '2016',
      sink,
    );
    expect(item!.evidence.eventDate).toBe('2016-05');
    expect(sink.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          'eventDate.how "In May" is in the article text but not in the quote or on its lines',
      }),
    ]);
  });

  it('refuses words that are not in the text, and leaves the statement out', () => {
    const sink = new IssueSink();
    const located = locateEvidence(
      [withEvent('Zeta and Alpha agreed.', 'In June')],
      article,
      '2016',
      sink,
    );
    expect(located).toEqual([]);
    expect(sink.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'articles/a.yaml',
        message: 'eventDate.how "In June" is not in the article text',
        hint: expect.stringMatching(/verbatim/),
      }),
    ]);
  });

  it('writes no event fields for a statement without an event date', () => {
    const [item] = locateEvidence([relation(0, {})], text, '2016', new IssueSink());
    expect(Object.keys(item!.evidence)).not.toContain('eventDate');
  });
});
