/**
 * Grapheme clusters (user-perceived characters: a letter with its accents, an emoji with its
 * modifiers and joiners, a flag) via Intl.Segmenter, tested locally: V8's
 * `Segments.containing` costs time in proportion to the whole segmented string, so a boundary
 * is decided from its two neighbours when they allow it, and otherwise by segmenting a short
 * window between two positions that are certainly boundaries. Asking about many positions of a
 * long text stays linear.
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

export function graphemeBoundaries(text: string): GraphemeBoundaries {
  // The last window segmented, reused while questions fall inside it (whose edges are certain).
  let cached: { from: number; to: number; starts: Set<number> } | undefined;
  const around = (offset: number): { from: number; segments: Intl.Segments } => {
    let from = Math.min(offset, text.length);
    while (from > 0 && offset - from < WINDOW && !certainBoundary(text, from)) from--;
    let to = Math.min(offset + 1, text.length);
    while (to < text.length && to - offset < WINDOW && !certainBoundary(text, to)) to++;
    return { from, segments: segment(text.slice(from, to)) };
  };
  return {
    isBoundary(offset) {
      if (certainBoundary(text, offset)) return true;
      if (certainlyInside(text, offset)) return false;
      if (cached && cached.from < offset && offset < cached.to) return cached.starts.has(offset);
      const { from, segments } = around(offset);
      const starts = new Set<number>();
      let to = from;
      for (const s of segments) {
        starts.add(from + s.index);
        to = from + s.index + s.segment.length;
      }
      if (certainBoundary(text, from) && certainBoundary(text, to)) cached = { from, to, starts };
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
