import { describe, expect, it } from 'vitest';
import {
  foldForMatching,
  isMatch,
  locateQuote,
  normaliseArticleText,
} from '../../src/core/pipeline/text.ts';

describe('normaliseArticleText', () => {
  it('removes a leading byte-order mark', () => {
    expect(normaliseArticleText('\uFEFFHello')).toBe('Hello');
  });
  it('writes CRLF and CR line ends as LF', () => {
    expect(normaliseArticleText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
  it('leaves a text without either untouched', () => {
    const text = 'Plain “quoted” text.\n';
    expect(normaliseArticleText(text)).toBe(text);
  });
});

describe('locateQuote', () => {
  const text =
    'Kerry said: “We are not coordinating with Iran,” he added.\nThe  US  and Russia agreed.';
  const folded = foldForMatching(text);

  it('finds a verbatim quote and returns offsets into the original text', () => {
    const match = locateQuote(folded, 'not coordinating with Iran');
    expect(isMatch(match)).toBe(true);
    if (!isMatch(match)) return;
    expect(text.slice(match.start, match.end)).toBe('not coordinating with Iran');
    expect(match.occurrences).toBe(1);
  });

  it('tolerates straight quote marks for curly ones', () => {
    const match = locateQuote(folded, '"We are not coordinating with Iran,"');
    expect(isMatch(match) && text.slice(match.start, match.end)).toBe(
      '“We are not coordinating with Iran,”',
    );
  });

  it('tolerates differences in whitespace, including line breaks', () => {
    const match = locateQuote(folded, 'he added. The US and   Russia agreed.');
    expect(isMatch(match) && text.slice(match.start, match.end)).toBe(
      'he added.\nThe  US  and Russia agreed.',
    );
  });

  it('ignores whitespace around the quote', () => {
    const match = locateQuote(folded, '   Russia agreed.\n');
    expect(isMatch(match) && text.slice(match.start, match.end)).toBe('Russia agreed.');
  });

  it('is otherwise verbatim: case and spelling must agree', () => {
    expect(isMatch(locateQuote(folded, 'the us and russia agreed'))).toBe(false);
    expect(isMatch(locateQuote(folded, 'not cooperating with Iran'))).toBe(false);
  });

  it('explains where a quote parts from the text', () => {
    const result = locateQuote(folded, 'We are not cooperating with Iran');
    expect(isMatch(result)).toBe(false);
    if (isMatch(result)) return;
    expect(result.matchedPrefix).toBe('We are not coo');
    expect(result.quoteContinues.startsWith('perating')).toBe(true);
    expect(result.textContinues.startsWith('rdinating')).toBe(true);
  });

  it('counts the occurrences of a quote that appears twice', () => {
    const twice = foldForMatching('Iran. Iran.');
    const match = locateQuote(twice, 'Iran');
    expect(isMatch(match) && [match.start, match.occurrences]).toEqual([0, 2]);
  });

  it('never matches an empty quote', () => {
    expect(isMatch(locateQuote(folded, '   '))).toBe(false);
  });
});
