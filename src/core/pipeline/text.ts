import { graphemeBoundaries, type GraphemeBoundaries } from '../text/graphemes.ts';
import { TEXT_CONTROL, andMore, describeChar, findAll, lineColumnAt } from '../text/characters.ts';
import type { IssueSink } from './issues.ts';
import type { SourceFile } from './load.ts';

/**
 * Article text as the graph refers to it: the file's text with a leading byte-order mark removed
 * and every line end (CRLF, CR) written as \n. Offsets in evidence point into this text, so the
 * same quote gets the same offsets whichever way the file was saved.
 */
export function normaliseArticleText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/**
 * Refuses an article text with control characters other than whitespace (NUL, ESC...): it is
 * not a text (a binary file, a wrong encoding), and the evidence would carry them.
 */
export function checkTextCharacters(file: SourceFile, sink: IssueSink): boolean {
  const controls = findAll(file.text, TEXT_CONTROL);
  const bom = file.text.charCodeAt(0) === 0xfeff;
  controls.found.forEach((found, i) => {
    const at = lineColumnAt(file.text, found.offset);
    // Editors do not show a byte-order mark: count columns of the first line without it.
    if (bom && at.line === 1) at.column--;
    const more = andMore(controls, i);
    sink.error(
      file.path,
      at,
      `the article text contains the control character ${describeChar(found.char)}${more}`,
      'An article text is plain text: remove it (tab, line ends, vertical tab and form feed are the only control characters allowed; a binary file or a broken copy is the usual cause).',
    );
  });
  return controls.count === 0;
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
  /** The text before folding, which offsets point into. */
  original: string;
  /** Its grapheme boundaries (computed on first use), which offsets must not cut. */
  boundaries: GraphemeBoundaries;
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
  return {
    text: out.join(''),
    origin: origin.subarray(0, n + 1),
    original,
    boundaries: graphemeBoundaries(original),
  };
}

/** Folds a quote the way foldForMatching folds the text, trimming surrounding whitespace. */
export function foldQuote(quote: string): string {
  return foldForMatching(quote.trim()).text;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /**
   * How many times the quote occurs in the text, counting occurrences that do not overlap one
   * another (left to right) and that begin and end between whole characters.
   */
  occurrences: number;
}

export interface QuoteMismatch {
  /** The longest leading part of the quote that does occur in the text. */
  matchedPrefix: string;
  /** What the text has where the quote goes on differently (empty if the prefix was not found). */
  textContinues: string;
  quoteContinues: string;
  /**
   * Set when the quote writes a character in another Unicode normal form than the text does
   * (é as one code point where the text has e and a combining accent, or the other way round).
   */
  differentForms?: DifferentForms;
}

export interface DifferentForms {
  /** Whether the quote is found once quote and text are both normalised to NFC. */
  wholeQuote: boolean;
  /**
   * The first character (grapheme cluster) written differently, as the quote writes it and as
   * the text does; empty strings when it cannot be told (a text mixing both forms).
   */
  quoteHas: string;
  textHas: string;
}

/** The quote occurs, but only cutting a character (an accent, an emoji, a flag) in two. */
export interface QuoteCut {
  cut: {
    /** Whether the quote's start or its end falls inside the character. */
    side: 'start' | 'end';
    /** The whole character (grapheme cluster) of the text that the quote cuts. */
    character: string;
    /** How much of it the quote includes. */
    included: string;
  };
}

export type QuoteLocation = QuoteMatch | QuoteMismatch | QuoteCut;

/**
 * Finds a quote in an article text, tolerant of differences in whitespace and quote marks but
 * otherwise verbatim (case, spelling and punctuation must agree). Offsets are into the original
 * text and never split a character: the first occurrence that begins and ends on grapheme
 * boundaries wins, even when it overlaps an earlier occurrence that cuts a character. Valid
 * occurrences are counted left to right without overlapping.
 *
 * The work stays linear in the length of the text however often the quote occurs. Occurrences
 * are found with indexOf (which finds the first occurrence from a position in time linear in
 * the distance covered plus the quote's length) and, after an occurrence that cuts a character,
 * by continuing a Knuth-Morris-Pratt scan from the end of that occurrence (the next,
 * possibly overlapping occurrence, without reading any part of the text twice). After a valid
 * occurrence the search goes on from its end. Either way every search starts where the last one
 * stopped reading, so each character of the text is read a bounded number of times; each
 * occurrence then costs two boundary questions, which are answered in constant amortised time.
 */
export function locateQuote(text: FoldedText, quote: string): QuoteLocation {
  const needle = foldQuote(quote);
  if (needle.length === 0) return explainMismatch(text.text, needle);
  const found = search(text, needle);
  if (found) return found;
  const mismatch = explainMismatch(text.text, needle);
  const forms = explainForms(text, quote, mismatch);
  return forms ? { ...mismatch, differentForms: forms } : mismatch;
}

/** The first valid occurrence of a folded, non-empty needle, else the first cut one. */
function search(text: FoldedText, needle: string): QuoteMatch | QuoteCut | undefined {
  const hay = text.text;
  const m = needle.length;
  let border: Int32Array | undefined;
  let first: QuoteMatch | undefined;
  let firstCut: QuoteCut | undefined;
  let occurrences = 0;
  let at = hay.indexOf(needle);
  while (at >= 0) {
    const start = text.origin[at]!;
    // The end is just past the last matched character in the original text.
    const end = text.origin[at + m - 1]! + 1;
    const startOk = text.boundaries.isBoundary(start);
    const endOk = startOk && text.boundaries.isBoundary(end);
    if (startOk && endOk) {
      occurrences++;
      first ??= { start, end, occurrences: 0 };
      at = hay.indexOf(needle, at + m);
      continue;
    }
    if (!first && !firstCut) firstCut = describeCut(text, start, end, startOk);
    border ??= borders(needle);
    at = nextOverlapping(hay, needle, border, at);
  }
  if (first) return { ...first, occurrences };
  return firstCut;
}

/** The text folded after normalising it to NFC, kept while the text is (error path only). */
const nfcFolded = new WeakMap<FoldedText, FoldedText>();

/**
 * Whether a quote that is not in the text differs from it in Unicode normal form (composed or
 * decomposed accents), and where first. Only called for a quote that is not found; every step
 * is linear in the text and the quote. Matching itself stays verbatim.
 */
function explainForms(
  text: FoldedText,
  quote: string,
  mismatch: QuoteMismatch,
): DifferentForms | undefined {
  const q = quote.trim();
  const nfcQuote = q.normalize('NFC');
  // A quote whose normal forms all agree (all ASCII, say) cannot differ from the text in form.
  if (nfcQuote === q && q.normalize('NFD') === q) return undefined;
  let nfcText = nfcFolded.get(text);
  if (!nfcText) {
    nfcText = foldForMatching(text.original.normalize('NFC'));
    nfcFolded.set(text, nfcText);
  }
  const nfcNeedle = foldQuote(nfcQuote);
  const inNfc = nfcNeedle.length > 0 ? search(nfcText, nfcNeedle) : undefined;
  const wholeQuote = inNfc !== undefined && isMatch(inNfc);
  if (wholeQuote) {
    // Where the text writes all of the quote in one form, compare the two character by character.
    for (const form of ['NFD', 'NFC'] as const) {
      const other = foldQuote(q.normalize(form));
      const found = other === foldQuote(q) ? undefined : search(text, other);
      if (found && isMatch(found)) {
        const differing = firstDifferentCluster(
          foldQuote(q),
          foldQuote(text.original.slice(found.start, found.end)),
        );
        if (differing) return { wholeQuote, ...differing };
      }
    }
  }
  // Otherwise look at where the quote parts from the text: two ways of writing one letter?
  const quoteHas = clusterAcross(mismatch.matchedPrefix, mismatch.quoteContinues);
  const textHas = clusterAcross(mismatch.matchedPrefix, mismatch.textContinues);
  if (
    quoteHas &&
    textHas &&
    quoteHas !== textHas &&
    quoteHas.normalize('NFC') === textHas.normalize('NFC')
  ) {
    return { wholeQuote, quoteHas, textHas };
  }
  return wholeQuote ? { wholeQuote, quoteHas: '', textHas: '' } : undefined;
}

/** The first grapheme cluster at which two strings differ, as each writes it. */
function firstDifferentCluster(
  a: string,
  b: string,
): { quoteHas: string; textHas: string } | undefined {
  const ga = graphemeBoundaries(a);
  const gb = graphemeBoundaries(b);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = ga.clusterAt(i);
    const cb = gb.clusterAt(j);
    if (ca.text !== cb.text) return { quoteHas: ca.text, textHas: cb.text };
    i = ca.end;
    j = cb.end;
  }
  return undefined;
}

/**
 * The grapheme cluster that spans the point where `prefix` ends and `rest` begins (a combining
 * accent that differs belongs with the letter before it), or undefined if `rest` is empty.
 */
function clusterAcross(prefix: string, rest: string): string | undefined {
  if (rest.length === 0) return undefined;
  const before = prefix.slice(-8);
  const joined = before + rest;
  const cluster = graphemeBoundaries(joined).clusterAt(before.length);
  return joined.slice(cluster.start, cluster.end);
}

function describeCut(text: FoldedText, start: number, end: number, startOk: boolean): QuoteCut {
  const side = startOk ? 'end' : 'start';
  const cluster = text.boundaries.clusterAt(side === 'end' ? end - 1 : start);
  return {
    cut: {
      side,
      character: cluster.text,
      included:
        side === 'end'
          ? text.original.slice(cluster.start, end)
          : text.original.slice(start, cluster.end),
    },
  };
}

/** border[i]: the length of the longest proper prefix of needle[0..i] that is also its suffix. */
function borders(needle: string): Int32Array {
  const border = new Int32Array(needle.length);
  for (let i = 1, k = 0; i < needle.length; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = border[k - 1]!;
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k++;
    border[i] = k;
  }
  return border;
}

/**
 * The next occurrence of needle after the one at `at`, overlapping it or not: a KMP scan that
 * starts just past that occurrence, knowing the text there ends with the whole needle, so it
 * reads only text after `at + needle.length`. -1 if there is none.
 */
function nextOverlapping(hay: string, needle: string, border: Int32Array, at: number): number {
  const m = needle.length;
  let k = border[m - 1]!;
  for (let i = at + m; i < hay.length; i++) {
    const c = hay.charCodeAt(i);
    while (k > 0 && c !== needle.charCodeAt(k)) k = border[k - 1]!;
    if (c === needle.charCodeAt(k)) k++;
    if (k === m) return i - m + 1;
  }
  return -1;
}

export const isMatch = (r: QuoteLocation): r is QuoteMatch => 'start' in r;
export const isCut = (r: QuoteLocation): r is QuoteCut => 'cut' in r;

/**
 * Where quote and text part ways: the longest prefix of the quote that occurs in the text (its
 * first occurrence), found in one linear pass (Z-algorithm), whatever the lengths.
 */
export function explainMismatch(text: string, needle: string): QuoteMismatch {
  const { length, at } = longestPrefixOccurrence(text, needle);
  return {
    matchedPrefix: needle.slice(0, length),
    textContinues: at >= 0 ? text.slice(at + length, at + length + 30) : '',
    quoteContinues: needle.slice(length, length + 30),
  };
}

/**
 * The length of the longest prefix of `pattern` that occurs in `text`, and where it first
 * occurs (-1 when not even the first character does). O(text + pattern).
 */
export function longestPrefixOccurrence(
  text: string,
  pattern: string,
): { length: number; at: number } {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return { length: 0, at: -1 };
  // z[i]: the length of the longest common prefix of pattern and pattern.slice(i).
  const z = new Int32Array(m);
  z[0] = m;
  for (let i = 1, l = 0, r = 0; i < m; i++) {
    let k = i < r ? Math.min(z[i - l]!, r - i) : 0;
    while (i + k < m && pattern.charCodeAt(k) === pattern.charCodeAt(i + k)) k++;
    z[i] = k;
    if (i + k > r) {
      l = i;
      r = i + k;
    }
  }
  let best = 0;
  let bestAt = -1;
  // [l, r): a window of the text known to equal pattern.slice(0, r - l).
  for (let i = 0, l = 0, r = 0; i < n && best < m; i++) {
    let k = i < r ? Math.min(z[i - l]!, r - i) : 0;
    if (i + k >= r) {
      while (i + k < n && k < m && text.charCodeAt(i + k) === pattern.charCodeAt(k)) k++;
      if (i + k > r) {
        l = i;
        r = i + k;
      }
    }
    if (k > best) {
      best = k;
      bestAt = i;
    }
  }
  return { length: best, at: bestAt };
}
