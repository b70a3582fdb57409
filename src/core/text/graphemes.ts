/**
 * Grapheme clusters (user-perceived characters: a letter with its accents, an emoji with its
 * modifiers and joiners, a flag) via Intl.Segmenter, tested locally: V8's
 * `Segments.containing` costs time in proportion to the whole segmented string, so a boundary
 * is decided from its two neighbours when they allow it, between two regional indicators by
 * the parity of the run they belong to (flags pair up from the start of a run, however long),
 * and otherwise by segmenting a short window between two positions that are certainly
 * boundaries. Asking about many positions of a long text stays linear. (Segmenting a long text
 * whole is worse than that: iterating V8's segments costs time that grows with the string for
 * each segment.)
 */

export interface GraphemeBoundaries {
  /** Whether `offset` (0..text.length) falls between two grapheme clusters. */
  isBoundary(offset: number): boolean;
  /** The grapheme cluster that contains the character at `offset`, with where it lies. */
  clusterAt(offset: number): { start: number; end: number; text: string };
}

let segmenter: Intl.Segmenter | undefined;
const segment = (text: string): Intl.Segments =>
  (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text);

/**
 * Code units that may continue the cluster before them: marks (accents, viramas, spacing
 * marks), joiners, surrogates (emoji modifiers, regional indicators, tags, and the second half
 * of any pair), Hangul jamo and syllables, the half-width sound marks, and © ® (pictographs a
 * zero-width joiner can join), and the Thai and Lao AM vowels (spacing marks by property).
 */
const MAY_CONTINUE =
  // eslint-disable-next-line no-misleading-character-class -- single code units, on purpose
  /[\p{M}\u200c\u200d\ud800-\udfff\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff\uff9e\uff9f\u00a9\u00ae\u0e33\u0eb3]/u;
/**
 * Code units that may join what follows them: marks (an Indic linker before a consonant),
 * joiners, prepended concatenation marks, surrogates, Hangul, carriage return.
 */
const MAY_JOIN_NEXT =
  // eslint-disable-next-line no-misleading-character-class -- single code units, on purpose
  /[\p{M}\u200c\u200d\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\ud800-\udfff\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff\r]/u;

/** Below U+00A9 nothing continues or joins a cluster except CR LF. */
const PLAIN_LIMIT = 0xa9;

/** Prepended concatenation marks of the BMP, which join what follows them. */
const PREPEND = /[\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e]/;

/** Whether offset is certainly a boundary judging by its two neighbours (false: cannot tell). */
function certainBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (after < PLAIN_LIMIT) {
    // A plain character continues nothing; only CR (before LF), a prepended mark or the low
    // half of an astral prepended mark can join it.
    if (before < PLAIN_LIMIT) return !(before === 13 && after === 10);
    return !PREPEND.test(text[offset - 1]!) && !(before >= 0xdc00 && before <= 0xdfff);
  }
  return !MAY_JOIN_NEXT.test(text[offset - 1]!) && !MAY_CONTINUE.test(text[offset]!);
}

/** Extending characters: never a boundary before them, except after a control. */
const EXTEND = /[\p{Mn}\p{Me}\u200c\u200d]/u;
const CONTROL_LIKE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** Whether offset is certainly inside a cluster (false: cannot tell). */
function certainlyInside(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  // The two halves of a surrogate pair.
  if (after >= 0xdc00 && after <= 0xdfff && before >= 0xd800 && before <= 0xdbff) return true;
  return EXTEND.test(text[offset]!) && !CONTROL_LIKE.test(text[offset - 1]!);
}

/**
 * How far to look for a certain boundary on each side before segmenting what is there: a
 * cluster longer than this (hundreds of stacked accents, a long chain of joined emoji) is
 * judged on a window of this size, which keeps every question cheap.
 */
const WINDOW = 64;

const isHighSurrogate = (text: string, offset: number): boolean => {
  const code = text.charCodeAt(offset);
  return code >= 0xd800 && code <= 0xdbff;
};
const isLowSurrogate = (text: string, offset: number): boolean => {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** Characters that extend the one before them (a code point, tested whole). */
const EXTENDING = /[\p{Grapheme_Extend}\p{Emoji_Modifier}\u200d]/u;

/** Whether a regional indicator (U+1F1E6..U+1F1FF, half of a flag) starts at `offset`. */
function isRegionalIndicator(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) !== 0xd83c) return false;
  const low = text.charCodeAt(offset + 1);
  return low >= 0xdde6 && low <= 0xddff;
}

/** Whether offset lies between two regional indicators. */
const betweenRegionalIndicators = (text: string, offset: number): boolean =>
  offset >= 2 && isRegionalIndicator(text, offset) && isRegionalIndicator(text, offset - 2);

export function graphemeBoundaries(text: string): GraphemeBoundaries {
  /**
   * Regional indicators pair up from the start of their run, however long it is: between two of
   * them is a boundary when an even number of them precede it in the run. parity[p] records,
   * for a position p between two of them, 1 (even: a boundary) or 2 (odd: inside a flag), and
   * is filled once per position, so the walks back to the start of a run stay linear overall.
   */
  let parity: Uint8Array | undefined;
  const evenInRun = (offset: number): boolean => {
    parity ??= new Uint8Array(text.length + 1);
    let p = offset;
    while (parity[p] === 0 && betweenRegionalIndicators(text, p)) p -= 2;
    // p is either known or the start of the run (no regional indicator before it: even).
    let even = parity[p] === 0 || parity[p] === 1;
    parity[p] = even ? 1 : 2;
    while (p < offset) {
      p += 2;
      even = !even;
      parity[p] = even ? 1 : 2;
    }
    return even;
  };
  /** Whether offset is known to be a boundary without segmenting (false: cannot tell). */
  const knownBoundary = (offset: number): boolean =>
    certainBoundary(text, offset) || (betweenRegionalIndicators(text, offset) && evenInRun(offset));

  // The last window segmented, reused while questions fall inside it (whose edges are known).
  let cached: { from: number; to: number; starts: Set<number> } | undefined;
  /**
   * Runs of extending characters skipped back over (the last two, see around()): from any
   * position in (start, end], the run's base is at start.
   */
  let skipped: { start: number; end: number }[] = [];
  /** The start of the character that the run of extending characters around `offset` extends. */
  const baseOf = (offset: number): number => {
    for (const run of skipped) if (run.start < offset && offset <= run.end) return run.start;
    let at = offset;
    if (isLowSurrogate(text, at) && isHighSurrogate(text, at - 1)) at--;
    const end = at;
    while (at > 0 && EXTENDING.test(String.fromCodePoint(text.codePointAt(at)!))) {
      let previous = at - 1;
      if (isLowSurrogate(text, previous) && isHighSurrogate(text, previous - 1)) previous--;
      // After a control an extending character starts a cluster of its own.
      if (CONTROL_LIKE.test(text[previous]!)) break;
      at = previous;
    }
    skipped = [{ start: at, end }, ...skipped.slice(0, 1)];
    return at;
  };
  /**
   * A window around offset to segment, from a boundary (or WINDOW code units back) to a boundary
   * (or WINDOW code units on). Inside a run of regional indicators a boundary is at most two
   * indicators away, so the window never starts part-way into a flag. A window that would start
   * in a long run of extending characters (accents, joiners, emoji modifiers) starts at the
   * character they extend instead, which decides how the run joins what follows (an emoji
   * before a joiner, a consonant before a virama); the run is walked once (the last two are
   * remembered), so questions that follow one another along the text stay linear.
   */
  const around = (offset: number): { from: number; segments: Intl.Segments } => {
    let from = Math.min(offset, text.length);
    while (from > 0 && offset - from < WINDOW && !knownBoundary(from)) from--;
    if (from > 0 && !knownBoundary(from)) from = baseOf(from);
    let to = Math.min(offset + 1, text.length);
    while (to < text.length && to - offset < WINDOW && !knownBoundary(to)) to++;
    return { from, segments: segment(text.slice(from, to)) };
  };
  return {
    isBoundary(offset) {
      if (certainBoundary(text, offset)) return true;
      if (certainlyInside(text, offset)) return false;
      if (betweenRegionalIndicators(text, offset)) return evenInRun(offset);
      if (cached && cached.from < offset && offset < cached.to) return cached.starts.has(offset);
      const { from, segments } = around(offset);
      const starts = new Set<number>();
      let to = from;
      for (const s of segments) {
        starts.add(from + s.index);
        to = from + s.index + s.segment.length;
      }
      if (knownBoundary(from) && knownBoundary(to)) cached = { from, to, starts };
      return starts.has(offset);
    },
    clusterAt(offset) {
      const at = Math.min(Math.max(offset, 0), text.length - 1);
      if (at < 0) return { start: 0, end: 0, text: '' };
      const { from, segments } = around(at);
      const s = segments.containing(at - from)!;
      return {
        start: from + s.index,
        end: from + s.index + s.segment.length,
        text: s.segment,
      };
    },
  };
}
