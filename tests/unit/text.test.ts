import { describe, expect, it } from 'vitest';
import {
  explainMismatch,
  foldForMatching,
  isCut,
  isMatch,
  longestPrefixOccurrence,
  locateQuote,
  normaliseArticleText,
  type FoldedText,
  type QuoteLocation,
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
    if (isMatch(result) || isCut(result)) throw new Error('expected a mismatch');
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

describe('locateQuote and whole characters', () => {
  const locate = (text: string, quote: string) => locateQuote(foldForMatching(text), quote);

  it('refuses a quote that ends inside a combining sequence ("Cafe" of "Cafe\u0301")', () => {
    const result = locate('We met at the Cafe\u0301 Central.', 'met at the Cafe');
    expect(isCut(result) && result.cut).toEqual({
      side: 'end',
      character: 'e\u0301',
      included: 'e',
    });
  });

  it('refuses a quote that starts on a combining accent', () => {
    const result = locate('Cafe\u0301s', '\u0301s');
    expect(isCut(result) && result.cut).toMatchObject({ side: 'start', character: 'e\u0301' });
  });

  it('refuses a quote that cuts a surrogate pair', () => {
    const text = 'Smile \u{1F600} now';
    // The high surrogate alone (a YAML "\ud83d" escape can produce it).
    const result = locate(text, 'Smile \ud83d');
    expect(isCut(result) && result.cut.character).toBe('\u{1F600}');
  });

  it('refuses a quote that cuts an emoji ZWJ sequence or a flag', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const result = locate(`The family ${family} arrived.`, `The family \u{1F468}`);
    expect(isCut(result) && result.cut.character).toBe(family);
    const flags = 'Flags \u{1F1FA}\u{1F1F8}\u{1F1F7}\u{1F1FA} flew.';
    // The last half of the first flag and the first half of the second look like a flag too.
    const cut = locate(flags, '\u{1F1F8}\u{1F1F7}');
    expect(isCut(cut) && cut.cut.character).toBe('\u{1F1FA}\u{1F1F8}');
  });

  it('takes the first occurrence on character boundaries, skipping ones that cut', () => {
    const text = 'Cafe\u0301 and Cafe, then Cafe again';
    const result = locate(text, 'Cafe');
    expect(isMatch(result)).toBe(true);
    if (!isMatch(result)) return;
    expect(result.start).toBe(text.indexOf('Cafe,'));
    expect(text.slice(result.start, result.end)).toBe('Cafe');
    expect(result.occurrences).toBe(2);
  });

  it('finds a clean occurrence that overlaps an earlier one cutting a character', () => {
    const result = locate('xa\u0301a\u0301ay', 'a\u0301a');
    expect(isMatch(result) && [result.start, result.end, result.occurrences]).toEqual([3, 6, 1]);
  });

  it('pairs the flags of a long run from its start', () => {
    const letter = (k: number) => String.fromCodePoint(0x1f1e6 + k);
    const letters = [...Array(30).fill(0), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(letter);
    const text = `Flags ${letters.join('')} end`;
    for (const k of [33, 35, 37]) {
      const result = locate(text, letters.slice(k, k + 3).join(''));
      expect(isCut(result) && result.cut).toEqual({
        side: 'start',
        character: letters[k - 1]! + letters[k]!,
        included: letters[k],
      });
    }
    const whole = locate(text, letters.slice(32, 36).join(''));
    expect(isMatch(whole) && whole.start).toBe(6 + 2 * 32);
  });

  it('accepts whole characters: the accent, the emoji, the flag included', () => {
    const text = 'Cafe\u0301 \u{1F468}\u200D\u{1F469} \u{1F1FA}\u{1F1F8}.';
    const result = locate(text, text.slice(0, -1));
    expect(isMatch(result) && [result.start, result.end]).toEqual([0, text.length - 1]);
  });
});

describe('quote location stays linear', () => {
  it('counts a short quote occurring tens of thousands of times in a multi-megabyte text', () => {
    const sentence = 'Russia and the US met. ';
    const text = sentence.repeat(150_000); // about 3.5 MB
    const result = locateQuote(foldForMatching(text), 'the US');
    expect(isMatch(result) && [result.start, result.occurrences]).toEqual([11, 150_000]);
  });

  it('stays linear in a non-Latin text and when every occurrence cuts a character', () => {
    const cyrillic = 'Россия и США встретились. '.repeat(150_000);
    const many = locateQuote(foldForMatching(cyrillic), 'США');
    expect(isMatch(many) && many.occurrences).toBe(150_000);
    const accents = 'e\u0301'.repeat(1_000_000);
    const cut = locateQuote(foldForMatching(accents), 'e');
    expect(isCut(cut) && cut.cut).toEqual({ side: 'end', character: 'e\u0301', included: 'e' });
    const longCut = locateQuote(foldForMatching(accents), `${'e\u0301'.repeat(5_000)}e`);
    expect(isCut(longCut) && longCut.cut.side).toBe('end');
    // One giant cluster (a letter with a million accents), a long chain of joined emoji.
    const stacked = `a${'\u0301'.repeat(1_000_000)}`;
    expect(isCut(locateQuote(foldForMatching(stacked), '\u0301'))).toBe(true);
    const chain = '\u{1F468}\u200d'.repeat(400_000);
    expect(isCut(locateQuote(foldForMatching(chain), '\u200d\u{1F468}'))).toBe(true);
  });

  it('stays linear in long runs of astral extenders, however often the quote occurs', () => {
    // Every position inside each run is an occurrence that cuts the cluster, so the KMP
    // continuation asks about each of them (each would segment back to the run's start).
    const tags = Array.from({ length: 100_000 }, (_, k) =>
      String.fromCodePoint(0xe0020 + (k % 2)),
    ).join('');
    const cases: [string, string, string][] = [
      [`\u{1F44D}${'\u{1F3FB}'.repeat(100_000)}`, '\u{1F3FB}', '\u{1F3FB}\u{1F3FB}'],
      [`\u{1F3F4}${tags}\u{E007F}`, '\u{E0020}\u{E0021}', '\u{E0021}\u{E0020}\u{E0021}'],
      [`a${'\u{1D167}'.repeat(100_000)}`, '\u{1D167}', '\u{1D167}'.repeat(3)],
    ];
    for (const [text, short, overlapping] of cases) {
      const folded = foldForMatching(text);
      for (const quote of [short, overlapping]) {
        const result = locateQuote(folded, quote);
        expect(isCut(result) && result.cut.side).toBe('start');
      }
      // Run ends followed by more text, and a quote ending there.
      const tail = foldForMatching(`${text}\u1100\u1161 end`);
      const last = String.fromCodePoint(text.codePointAt(text.length - 2)!);
      const atEnd = locateQuote(tail, `${last}\u1100`);
      expect(isCut(atEnd) && atEnd.cut.side).toBe('start');
    }
  });

  it('finds the one clean occurrence after a million overlapping ones that cut', () => {
    // Every occurrence but the last ends before an accent; each overlaps the one before it.
    const text = `${'e\u0301'.repeat(1_000_000)}e`;
    const quote = `${'e\u0301'.repeat(5_000)}e`;
    const result = locateQuote(foldForMatching(text), quote);
    expect(isMatch(result) && [result.start, result.end, result.occurrences]).toEqual([
      text.length - quote.length,
      text.length,
      1,
    ]);
    const short = locateQuote(foldForMatching(`${'a\u0301'.repeat(1_000_000)}ay`), 'a\u0301a');
    expect(isMatch(short) && [short.start, short.occurrences]).toEqual([2_000_000 - 2, 1]);
  });

  it('handles long repetitive quotes in a repetitive text', () => {
    const text = 'a'.repeat(4_000_000);
    const folded = foldForMatching(text);
    // Overlapping occurrences are not counted: non-overlapping, left to right.
    const long = locateQuote(folded, 'a'.repeat(20_000));
    expect(isMatch(long) && [long.start, long.end, long.occurrences]).toEqual([0, 20_000, 200]);
    // Not found: the longest prefix that occurs is the whole run of a's.
    const miss = locateQuote(folded, `${'a'.repeat(100_000)}b`);
    expect(isMatch(miss) || isCut(miss) ? undefined : miss.quoteContinues).toBe('b');
    const abText = 'ab'.repeat(2_000_000);
    const abMiss = locateQuote(foldForMatching(abText), `${'ab'.repeat(50_000)}c`);
    expect(isMatch(abMiss) || isCut(abMiss) ? undefined : abMiss.matchedPrefix.length).toBe(
      100_000,
    );
  });
});

describe('longestPrefixOccurrence', () => {
  it('finds the longest prefix of the pattern in the text, at its first occurrence', () => {
    expect(longestPrefixOccurrence('xxabcabdabcabcz', 'abcabcy')).toEqual({ length: 6, at: 8 });
    expect(longestPrefixOccurrence('hello', 'help')).toEqual({ length: 3, at: 0 });
    expect(longestPrefixOccurrence('hello', 'zz')).toEqual({ length: 0, at: -1 });
    expect(longestPrefixOccurrence('aab', 'aab')).toEqual({ length: 3, at: 0 });
  });

  it('agrees with a naive search', () => {
    const naive = (text: string, p: string) => {
      for (let k = p.length; k > 0; k--) {
        const at = text.indexOf(p.slice(0, k));
        if (at >= 0) return { length: k, at };
      }
      return { length: 0, at: -1 };
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 300; n++) {
      const word = (len: number) =>
        Array.from({ length: len }, () => 'ab'[Math.floor(random() * 2)]).join('');
      const text = word(1 + Math.floor(random() * 30));
      const p = word(1 + Math.floor(random() * 8));
      expect(longestPrefixOccurrence(text, p)).toEqual(naive(text, p));
    }
  });

  it('explains a mismatch with what each side has next', () => {
    expect(explainMismatch('the cat sat', 'the cow')).toEqual({
      matchedPrefix: 'the c',
      textContinues: 'at sat',
      quoteContinues: 'ow',
    });
  });
});

describe('locateQuote and Unicode normal forms', () => {
  const nfd = foldForMatching('In Zu\u0308rich and Zug, the Cafe\u0301 opened.');

  it('stays verbatim: an NFC quote is not found in an NFD text', () => {
    expect(isMatch(locateQuote(nfd, 'Z\u00fcrich and Zug'))).toBe(false);
  });

  it('says when the quote is found once both are in NFC, with the first differing character', () => {
    const result = locateQuote(nfd, 'Z\u00fcrich and Zug');
    if (isMatch(result) || isCut(result)) throw new Error('expected a mismatch');
    expect(result.differentForms).toEqual({
      wholeQuote: true,
      quoteHas: '\u00fc',
      textHas: 'u\u0308',
    });
    // The other way round: a decomposed quote, a composed text (and "Zu" also begins "Zug").
    const nfc = foldForMatching('Zug and Z\u00fcrich.');
    const back = locateQuote(nfc, 'Zu\u0308rich');
    if (isMatch(back) || isCut(back)) throw new Error('expected a mismatch');
    expect(back.differentForms).toEqual({
      wholeQuote: true,
      quoteHas: 'u\u0308',
      textHas: '\u00fc',
    });
  });

  it('finds the differing character when the quote mixes the forms', () => {
    const result = locateQuote(nfd, 'Zug, the Caf\u00e9 opened');
    if (isMatch(result) || isCut(result)) throw new Error('expected a mismatch');
    expect(result.differentForms).toEqual({
      wholeQuote: true,
      quoteHas: '\u00e9',
      textHas: 'e\u0301',
    });
  });

  it('notes a form difference where the quote parts from the text, even if more differs', () => {
    const result = locateQuote(nfd, 'Z\u00fcrich and Zog');
    if (isMatch(result) || isCut(result)) throw new Error('expected a mismatch');
    expect(result.differentForms).toEqual({
      wholeQuote: false,
      quoteHas: '\u00fc',
      textHas: 'u\u0308',
    });
  });

  it('says nothing about forms when they are not the difference', () => {
    for (const quote of ['Zurich', 'Z\u00f6rich', 'In Zu\u0308rich and Zog']) {
      const result = locateQuote(nfd, quote);
      if (isMatch(result) || isCut(result)) throw new Error('expected a mismatch');
      expect(result.differentForms).toBeUndefined();
    }
  });

  it('stays linear on the error path in a long decomposed text', () => {
    // Work counted, not timed: the characters the search reads (charCodeAt, and the span each
    // indexOf scans). Four times the text must cost about four times the work; reading the
    // text again at each of its many near-occurrences of the quote would cost sixteen.
    const quote = 'Z\u00fcrich. Caf\u00e9 Z\u00fcrich. Caf\u00e9 Zug';
    const text = (repeats: number) => foldForMatching('Cafe\u0301 Zu\u0308rich. '.repeat(repeats));
    const work = (long: FoldedText): number => {
      let found: QuoteLocation | undefined;
      const read = stringWork(() => (found = locateQuote(long, quote)));
      expect(found && isMatch(found)).toBe(false);
      return read;
    };
    const small = work(text(5_000));
    const long = text(20_000);
    const large = work(long);
    expect(small).toBeGreaterThan(5_000 * 10);
    expect(large / small).toBeLessThan(4.5);
    // The text folded in NFC is kept while the text is: a second search does not fold it again.
    expect(work(long)).toBeLessThan(large);
  });
});

/** Characters read by the string methods the quote search uses while `run` runs. */
function stringWork(run: () => void): number {
  const proto = String.prototype;
  const { charCodeAt, indexOf } = proto;
  let read = 0;
  proto.charCodeAt = function (this: string, index: number) {
    read++;
    return charCodeAt.call(this, index);
  };
  proto.indexOf = function (this: string, search: string, from?: number) {
    const at = indexOf.call(this, search, from);
    const start = Math.min(this.length, Math.max(0, Math.trunc(Number(from ?? 0)) || 0));
    read += Math.max(0, (at < 0 ? this.length : at + String(search).length) - start);
    return at;
  };
  try {
    run();
  } finally {
    proto.charCodeAt = charCodeAt;
    proto.indexOf = indexOf;
  }
  return read;
}
