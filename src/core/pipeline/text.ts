/**
 * Article text as the graph refers to it: the file's text with a leading byte-order mark removed
 * and every line end (CRLF, CR) written as \n. Offsets in evidence point into this text, so the
 * same quote gets the same offsets whichever way the file was saved.
 */
export function normaliseArticleText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

const DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e\uff02';
const SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u2039\u203a\uff07";

/** Maps a character to its matching form: all quote marks fold to ' or ". */
function foldQuoteMark(ch: string, code: number): string {
  // Plain ASCII letters, digits and punctuation are by far the most common: skip the lookups.
  if (code < 128 && code !== 0x22 && code !== 0x27 && code !== 0x60) return ch;
  if (DOUBLE_QUOTES.includes(ch)) return '"';
  if (SINGLE_QUOTES.includes(ch)) return "'";
  return ch;
}

const isSpace = (ch: string, code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/u.test(ch));

/**
 * A text folded for matching (whitespace runs become one space, quote marks one form), with the
 * offset in the original text of each folded character so a match maps back to the original.
 */
export interface FoldedText {
  text: string;
  /** origin[i] is the original offset of folded character i; origin[text.length] is the end. */
  origin: Int32Array;
}

export function foldForMatching(original: string): FoldedText {
  const out: string[] = [];
  const origin = new Int32Array(original.length + 1);
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    const code = original.charCodeAt(i);
    if (isSpace(ch, code)) {
      if (!inSpace) {
        origin[n++] = i;
        out.push(' ');
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    origin[n++] = i;
    out.push(foldQuoteMark(ch, code));
  }
  origin[n] = original.length;
  return { text: out.join(''), origin: origin.subarray(0, n + 1) };
}

/** Folds a quote the way foldForMatching folds the text, trimming surrounding whitespace. */
export function foldQuote(quote: string): string {
  return foldForMatching(quote.trim()).text;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** How many times the quote occurs in the text. */
  occurrences: number;
}

export interface QuoteMismatch {
  /** The longest leading part of the quote that does occur in the text. */
  matchedPrefix: string;
  /** What the text has where the quote goes on differently (empty if the prefix was not found). */
  textContinues: string;
  quoteContinues: string;
}

/**
 * Finds a quote in an article text, tolerant of differences in whitespace and quote marks but
 * otherwise verbatim (case, spelling and punctuation must agree). Offsets are into `folded`'s
 * original text; the first occurrence wins.
 */
export function locateQuote(folded: FoldedText, quote: string): QuoteMatch | QuoteMismatch {
  const needle = foldQuote(quote);
  const at = needle.length === 0 ? -1 : folded.text.indexOf(needle);
  if (at < 0) return explainMismatch(folded.text, needle);
  let occurrences = 1;
  for (let next = folded.text.indexOf(needle, at + 1); next >= 0;) {
    occurrences++;
    next = folded.text.indexOf(needle, next + 1);
  }
  const last = at + needle.length - 1;
  return {
    start: folded.origin[at]!,
    // The end is just past the last matched character in the original text.
    end: folded.origin[last]! + 1,
    occurrences,
  };
}

export const isMatch = (r: QuoteMatch | QuoteMismatch): r is QuoteMatch => 'start' in r;

function explainMismatch(text: string, needle: string): QuoteMismatch {
  // Binary search for the longest prefix that occurs: if a prefix occurs, so do all shorter ones.
  let lo = 0;
  let hi = needle.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(needle.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  const matchedPrefix = needle.slice(0, lo);
  const at = lo > 0 ? text.indexOf(matchedPrefix) : -1;
  return {
    matchedPrefix,
    textContinues: at >= 0 ? text.slice(at + lo, at + lo + 30) : '',
    quoteContinues: needle.slice(lo, lo + 30),
  };
}
