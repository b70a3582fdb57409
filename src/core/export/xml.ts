/**
 * XML text helpers shared by the GEXF and GraphML writers. Pure string functions: they run in
 * the browser as well as in Node.
 *
 * Every value goes through one precompiled test; only the rare value that holds a character
 * to escape or drop takes the slow path, which copies it in slices (no per-character string
 * concatenation), so writing a large graph stays linear.
 */

// Anything that is markup, whitespace an attribute would normalise away, a C0 control, a
// surrogate (paired or lone: the slow path tells them apart) or a noncharacter U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_SPECIAL = /[\u0000-\u001f"&<>\ud800-\udfff\ufffe\uffff]/;
// The same for an attribute delimited by apostrophes, where " needs no escaping.
// eslint-disable-next-line no-control-regex
const APOS_ATTRIBUTE_SPECIAL = /[\u0000-\u001f'&<>\ud800-\udfff\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const TEXT_SPECIAL = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f&<>\ud800-\udfff\ufffe\uffff]/;

/**
 * Escapes a value for a double-quoted XML attribute. Tab, line feed and carriage return become
 * character references so that attribute-value normalisation keeps them; characters XML 1.0
 * does not allow at all (other C0 controls, lone surrogates, U+FFFE, U+FFFF) are dropped.
 */
export function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? escapeSlowly(value, '"') : value;
}

/**
 * Escapes a value for an attribute delimited by apostrophes (`value='...'`), which keeps the
 * many double quotes of a list readable.
 */
export function escapeAposAttribute(value: string): string {
  return APOS_ATTRIBUTE_SPECIAL.test(value) ? escapeSlowly(value, "'") : value;
}

/** Escapes character data (element content); drops characters XML 1.0 does not allow. */
export function escapeText(value: string): string {
  return TEXT_SPECIAL.test(value) ? escapeSlowly(value, '') : value;
}

/** The slow path; `quote` is the attribute's delimiter, or '' for character data. */
function escapeSlowly(value: string, quote: '"' | "'" | ''): string {
  const attribute = quote !== '';
  const parts: string[] = [];
  let last = 0;
  const flush = (i: number, replacement: string) => {
    if (i > last) parts.push(value.slice(last, i));
    if (replacement) parts.push(replacement);
    last = i + 1;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x09) {
        if (attribute) flush(i, '&#9;');
      } else if (c === 0x0a) {
        if (attribute) flush(i, '&#10;');
      } else if (c === 0x0d) flush(i, '&#13;');
      else flush(i, '');
    } else if (c === 0x26) flush(i, '&amp;');
    else if (c === 0x3c) flush(i, '&lt;');
    else if (c === 0x3e) flush(i, '&gt;');
    else if (c === 0x22 && quote === '"') flush(i, '&quot;');
    else if (c === 0x27 && quote === "'") flush(i, '&apos;');
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff)
        i++; // a well-formed pair: keep both halves
      else flush(i, '');
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) flush(i, '');
  }
  if (last === 0) return value;
  if (last < value.length) parts.push(value.slice(last));
  return parts.join('');
}

// eslint-disable-next-line no-control-regex
const LIST_ITEM_SPECIAL = /["\\\u0000-\u001f]/;
const LIST_ITEM_ESCAPE = /["\\]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_REPLACE = /([\t\n\r]+)|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const replaceControl = (_m: string, space?: string): string => (space ? ' ' : '');

/**
 * Formats a list of strings as `["a", "b, c", "d \"e\""]`: every item in double quotes, with
 * backslash and double quote escaped by a backslash. This is the array syntax Gephi reads for
 * list attributes (graphstore's ArraysParser) and graphology-gexf (hence Gephi Lite) parses,
 * and it is also a JSON array, so `json.loads` reads it in Python. Line breaks and tabs inside
 * an item become a single space (Gephi would read `\n` as the letter n) and other control
 * characters are dropped, which keeps the JSON valid.
 */
export function formatList(items: readonly unknown[]): string {
  const parts: string[] = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const value = items[i];
    const item = value === null || value === undefined ? '' : String(value);
    if (!LIST_ITEM_SPECIAL.test(item)) parts[i] = `"${item}"`;
    else {
      const escaped = item.replace(LIST_ITEM_ESCAPE, '\\$&');
      parts[i] =
        `"${CONTROL.test(escaped) ? escaped.replace(CONTROL_REPLACE, replaceControl) : escaped}"`;
    }
  }
  return `[${parts.join(', ')}]`;
}

/**
 * A finite number as XML Schema float/double text (JavaScript's shortest round-trip form,
 * which xsd, Python and Java all read), or undefined for NaN and infinities.
 */
export function formatNumber(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** Opacity 0-1, present only when below 1. */
  a?: number;
}

const RGB_FUNCTION =
  /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(\d*\.?\d+)\s*)?\)$/i;

/**
 * Parses a CSS color written as #rgb, #rgba, #rrggbb, #rrggbbaa, rgb() or rgba() into
 * channels; undefined for anything else (named colours included).
 */
export function parseColor(color: unknown): Rgba | undefined {
  if (typeof color !== 'string') return undefined;
  const c = color.trim();
  if (c.charCodeAt(0) === 0x23 /* # */) {
    const hex = c.slice(1);
    if (!/^[0-9a-f]+$/i.test(hex)) return undefined;
    const n = hex.length;
    if (n === 3 || n === 4) {
      const channel = (i: number) => parseInt(hex[i]! + hex[i]!, 16);
      return withAlpha(channel(0), channel(1), channel(2), n === 4 ? channel(3) / 255 : 1);
    }
    if (n === 6 || n === 8) {
      const channel = (i: number) => parseInt(hex.slice(2 * i, 2 * i + 2), 16);
      return withAlpha(channel(0), channel(1), channel(2), n === 8 ? channel(3) / 255 : 1);
    }
    return undefined;
  }
  const m = RGB_FUNCTION.exec(c);
  if (!m) return undefined;
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (r > 255 || g > 255 || b > 255) return undefined;
  return withAlpha(r, g, b, m[4] === undefined ? 1 : Math.min(1, Number(m[4])));
}

function withAlpha(r: number, g: number, b: number, a: number): Rgba {
  return a < 1 ? { r, g, b, a: Math.round(a * 1000) / 1000 } : { r, g, b };
}
