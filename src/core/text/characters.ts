/**
 * Characters that have no business in the data, and how to show them. Pure string functions,
 * shared by the build (refusing them with a position) and the command lines (escaping them).
 */

/** A 1-based line and column (in UTF-16 code units, as editors and the YAML parser count). */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * The line and column of `offset` in `text` (lines end at \n, \r\n or \r, as article texts are
 * normalised). Not for YAML files: the yaml parser ends lines at \n only, and their positions
 * come from its LineCounter (see load.ts).
 */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Control characters a YAML file may not contain: C0 except tab, line feed and carriage return,
 * DEL and C1 (the YAML 1.2 spec does not allow them either; they come from binary files and
 * broken encodings).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const YAML_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Characters a YAML value may not contain once its escapes are decoded (checked on every key and
 * scalar, since a double-quoted "\x1b", "\u0085" or "\ud800" passes the raw-file check): the
 * YAML_CONTROL characters, and also carriage return, lone surrogates (half of a UTF-16 pair,
 * which is no character and cannot be written as UTF-8) and noncharacters (U+FFFE, U+FFFF,
 * U+FDD0..U+FDEF and the last two code points of every plane). Tab and line feed stay allowed:
 * a block scalar or a "\n" carries line feeds. Carriage return does not: the parser turns the
 * line breaks of a value into line feeds, so a CR in a value can only come from a "\r" escape or
 * a lone CR inside quotes, and it would break CSV rows and overwrite lines on a terminal.
 */
export const VALUE_FORBIDDEN = new RegExp(
  `${YAML_CONTROL.source}|\\r|\\p{Cs}|\\p{Noncharacter_Code_Point}`,
  'gu',
);

/** The value with each VALUE_FORBIDDEN character written as an escape, e.g. ESC as \u001b. */
export function showForbidden(value: string): string {
  return value.replace(new RegExp(VALUE_FORBIDDEN.source, 'gu'), (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Control characters an article text may not contain: as in YAML, except that the whitespace
 * controls (tab, line feed, vertical tab, form feed, carriage return) are allowed, since texts
 * extracted from PDFs or word processors carry them and matching treats them as spaces.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const TEXT_CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

export interface Found {
  offset: number;
  char: string;
}

/** Up to `limit` occurrences of `pattern` (a global regex) in `text`, and how many there are. */
export function findAll(
  text: string,
  pattern: RegExp,
  limit = 3,
): { found: Found[]; count: number } {
  const found: Found[] = [];
  let count = 0;
  const re = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (count < limit) found.push({ offset: m.index, char: m[0] });
    count++;
    if (m[0].length === 0) re.lastIndex++;
  }
  return { found, count };
}

/**
 * What to add to the message about found[index]: " (and N more)" on the last one reported when
 * findAll found more than it kept, nothing otherwise.
 */
export const andMore = (result: { found: Found[]; count: number }, index: number): string =>
  index === result.found.length - 1 && result.count > result.found.length
    ? ` (and ${result.count - result.found.length} more)`
    : '';

/**
 * Characters that cannot be seen or that change how the text around them is shown: format
 * characters (zero-width space and joiners, soft hyphen, bidi marks, embeddings, overrides and
 * isolates, the byte-order mark), the other default-ignorable code points (variation selectors,
 * fillers), control characters, and the line and paragraph separators.
 */
export const INVISIBLE = /[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;

/** The first invisible character of a name, or undefined. */
export function findInvisible(name: string): Found | undefined {
  const m = INVISIBLE.exec(name);
  return m ? { offset: m.index, char: m[0] } : undefined;
}

/** The name with each invisible character written as a \\u escape, so a message can show it. */
export function showInvisible(name: string): string {
  return name.replace(
    new RegExp(INVISIBLE.source, 'gu'),
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}

/** "U+200B" (or "U+1F600") for each code point of `s`. */
export const codePoints = (s: string): string =>
  [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'DEL',
  0x85: 'next line',
  0x9b: 'control sequence introducer',
  0x00ad: 'soft hyphen',
  0x034f: 'combining grapheme joiner',
  0x061c: 'Arabic letter mark',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space (byte-order mark)',
};

/** "U+200B (zero-width space)" for messages. */
export function describeChar(char: string): string {
  const name =
    NAMES[char.codePointAt(0)!] ??
    (/^\p{Cs}$/u.test(char)
      ? 'a lone surrogate'
      : /^\p{Noncharacter_Code_Point}$/u.test(char)
        ? 'a noncharacter'
        : undefined);
  return name ? `${codePoints(char)} (${name})` : codePoints(char);
}

/**
 * Characters that must not reach a terminal as they are: C0 controls (escape sequences start
 * with ESC), DEL, C1 controls (CSI and friends), the bidi embeddings, overrides, isolates and
 * marks (which reorder what is shown), and the line and paragraph separators.
 */
const UNSAFE_FOR_TERMINAL =
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Writes each terminal-unsafe character as a visible escape, e.g. ESC as \u001b. */
export function escapeForTerminal(text: string): string {
  return text.replace(
    UNSAFE_FOR_TERMINAL,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
