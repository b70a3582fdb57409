/**
 * Text folded for finding names: accents removed, lower case, every quote mark one ', every
 * dash one -, whitespace runs one space; with the original offsets of each folded character,
 * so that a match maps back to a verbatim span. Linear in the text.
 */
import { PLAIN_SPELLING } from '../text/letters.ts';

export interface FoldedNames {
  text: string;
  /** start[i], end[i]: the original span of the character that folded character i comes from. */
  start: Int32Array;
  end: Int32Array;
}

const QUOTES = /['\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc]/u;
const DOUBLE_QUOTES = /["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/u;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/u;
const cache = new Map<string, string>();

/** One character (code point) folded: possibly empty (a combining mark), possibly longer (ﬁ). */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code === 0x60) return "'";
    if (code === 9 || code === 10 || code === 13 || code === 11 || code === 12) return ' ';
    return ch;
  }
  let folded = cache.get(ch);
  if (folded === undefined) {
    if (/\s/u.test(ch)) folded = ' ';
    else if (QUOTES.test(ch)) folded = "'";
    else if (DOUBLE_QUOTES.test(ch)) folded = '"';
    else if (DASHES.test(ch)) folded = '-';
    else if (PLAIN_SPELLING[ch.toLowerCase()] !== undefined)
      folded = PLAIN_SPELLING[ch.toLowerCase()]!;
    else
      folded = ch
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        // A letter that folds to nothing but marks is kept as it is.
        .normalize('NFC');
    if (cache.size < 10_000) cache.set(ch, folded);
  }
  return folded;
}

/** Folds a name the way foldNames folds a text (no offsets). */
export function foldName(name: string): string {
  return foldNames(name.trim()).text;
}

export function foldNames(original: string): FoldedNames {
  const parts: string[] = [];
  const start = new Int32Array(original.length * 2 + 1);
  const end = new Int32Array(original.length * 2 + 1);
  let n = 0;
  let lastSpace = true;
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldChar(original.slice(i, i + width));
    if (folded === ' ') {
      if (!lastSpace) {
        parts.push(' ');
        start[n] = i;
        end[n++] = i + width;
      }
      lastSpace = true;
    } else {
      for (let k = 0; k < folded.length && n < start.length - 1; k++) {
        start[n] = i;
        end[n++] = i + width;
      }
      parts.push(folded);
      if (folded.length > 0) lastSpace = false;
    }
    i += width;
  }
  let text = parts.join('');
  // A fold that lengthened the text past the room kept (rare ligatures) is cut to it.
  if (text.length > n) text = text.slice(0, n);
  return { text, start: start.subarray(0, n), end: end.subarray(0, n) };
}

/** Letters and digits of any script make words; everything else separates them. */
export function isWordChar(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  }
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code));
}
