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
 * Code units that may join what follows them: marks and the other extending characters (an
 * Indic linker, or an extender after one, before a consonant: GB9c), joiners, prepended
 * concatenation marks, surrogates, Hangul, carriage return.
 */
const MAY_JOIN_NEXT =
  // eslint-disable-next-line no-misleading-character-class -- single code units, on purpose
  /[\p{M}\u200c\u200d\uff9e\uff9f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\ud800-\udfff\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff\r]/u;

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

/**
 * Characters that extend the one before them (a code point, tested whole): Grapheme_Cluster_Break
 * Extend (Grapheme_Extend and the emoji modifiers) and the zero-width joiner. UAX #29 (GB9) never
 * breaks before one of them, except after a control (GB4).
 */
const EXTENDING = /[\p{Grapheme_Extend}\p{Emoji_Modifier}\u200d]/u;
/**
 * Code points after which an extending character may start a cluster: controls and format
 * characters (the prepended marks among them too, to be safe), line and paragraph separators,
 * lone surrogates and unassigned code points (some of which count as controls). Extending
 * characters among the format characters (joiners, tag characters) are not controls.
 */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Cn}]/u;
const isControlLike = (codePoint: string): boolean =>
  CONTROL_OR_FORMAT.test(codePoint) && !EXTENDING.test(codePoint);
/** Nothing below U+0300 (the first combining mark) extends what comes before it. */
const EXTENDING_FROM = 0x300;

/** The code point that ends just before `offset` (a whole surrogate pair, or one code unit). */
function codePointBefore(text: string, offset: number): string {
  const start = isLowSurrogate(text, offset - 1) && isHighSurrogate(text, offset - 2) ? 2 : 1;
  return text.slice(offset - start, offset);
}

/** Whether an extending code point starts at `offset`. */
function extendingAt(text: string, offset: number): boolean {
  const code = text.codePointAt(offset);
  return code !== undefined && code >= EXTENDING_FROM && EXTENDING.test(String.fromCodePoint(code));
}

/**
 * Whether offset is certainly inside a cluster (false: cannot tell), decided in constant time:
 * between the two halves of a surrogate pair, or before an extending code point that does not
 * follow a control.
 */
function certainlyInside(text: string, offset: number): boolean {
  if (isLowSurrogate(text, offset) && isHighSurrogate(text, offset - 1)) return true;
  return extendingAt(text, offset) && !isControlLike(codePointBefore(text, offset));
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

  /**
   * Runs of extending characters skipped back over (the last two, see around()): from any
   * position in (start, end], the run's base is at start.
   */
  let skipped: { start: number; end: number }[] = [];
  /**
   * The start of the character that the run of extending characters around `offset` extends
   * (offset itself, or the start of its surrogate pair, when no extending character is there).
   */
  const baseOf = (offset: number): number => {
    for (const run of skipped) if (run.start < offset && offset <= run.end) return run.start;
    let at = offset;
    if (isLowSurrogate(text, at) && isHighSurrogate(text, at - 1)) at--;
    const end = at;
    while (at > 0 && extendingAt(text, at)) {
      const previous = codePointBefore(text, at);
      // After a control an extending character starts a cluster of its own.
      if (isControlLike(previous)) break;
      at -= previous.length;
    }
    if (at < end) skipped = [{ start: at, end }, ...skipped.slice(0, 1)];
    return at;
  };

  /**
   * A segmented window: the cluster starts in [from, to), trusted for positions in (lo, hi)
   * (all of it when its edges are boundaries; otherwise not near an edge that may cut a cluster).
   */
  interface Window {
    from: number;
    to: number;
    lo: number;
    hi: number;
    starts: number[];
  }
  /** The last windows segmented (a quote's start and its end may each need one). */
  let windows: Window[] = [];
  /**
   * A window around offset to segment, from a boundary (or WINDOW code units back) to a boundary
   * (or WINDOW code units on). Inside a run of regional indicators a boundary is at most two
   * indicators away, so the window never starts part-way into a flag. A window that would start
   * in a long run of extending characters (accents, joiners, emoji modifiers) starts at the
   * character they extend instead, which decides how the run joins what follows (an emoji
   * before a joiner, a consonant before a virama); the run is walked once (the last two are
   * remembered). Such a window reaches as far past offset as offset is from its start, and is
   * kept, so questions that follow one another along a run of any length segment it a bounded
   * number of times overall (each new window at least half as long again as the last).
   */
  const around = (offset: number): Window => {
    for (const w of windows) if (w.lo < offset && offset < w.hi) return w;
    let from = Math.min(offset, text.length);
    while (from > 0 && offset - from < WINDOW && !knownBoundary(from)) from--;
    let startKnown = from === 0 || knownBoundary(from);
    if (!startKnown) {
      const base = baseOf(from);
      // The character a run extends starts a window as well as a boundary would.
      startKnown = base < from && !isLowSurrogate(text, from);
      from = base;
    }
    const reach = Math.max(WINDOW, offset - from);
    let to = Math.min(offset + 1, text.length);
    while (to < text.length && to - offset < reach && !knownBoundary(to)) to++;
    const starts: number[] = [];
    for (const s of segment(text.slice(from, to))) starts.push(from + s.index);
    const endKnown = to === text.length || knownBoundary(to);
    const w: Window = {
      from,
      to,
      lo: startKnown ? from : from + ((offset - from) >> 1),
      hi: endKnown ? to : offset + ((to - offset) >> 1) + 1,
      starts,
    };
    windows = [w, ...windows.slice(0, 2)];
    return w;
  };
  /** The index in starts of the last cluster start at or before offset (-1 if none). */
  const lastStartAtOrBefore = (starts: number[], offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
  return {
    isBoundary(offset) {
      if (certainBoundary(text, offset)) return true;
      if (certainlyInside(text, offset)) return false;
      if (betweenRegionalIndicators(text, offset)) return evenInRun(offset);
      const { starts } = around(offset);
      const i = lastStartAtOrBefore(starts, offset);
      return i >= 0 && starts[i] === offset;
    },
    clusterAt(offset) {
      const at = Math.min(Math.max(offset, 0), text.length - 1);
      if (at < 0) return { start: 0, end: 0, text: '' };
      const { to, starts } = around(at);
      const i = Math.max(lastStartAtOrBefore(starts, at), 0);
      const start = starts[i]!;
      const end = i + 1 < starts.length ? starts[i + 1]! : to;
      return { start, end, text: text.slice(start, end) };
    },
  };
}
