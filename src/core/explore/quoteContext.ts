export interface QuoteInContext {
  before: string;
  quote: string;
  after: string;
  /** Whether text was cut before `before` / after `after`. */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

/**
 * The quote with the text around it: back to the start of its paragraph and on to its end, but
 * no further than `radius` characters each way (cut at a word boundary).
 */
export function quoteInContext(
  text: string,
  start: number,
  end: number,
  radius = 280,
): QuoteInContext {
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', end);
  const paragraphEnd = nextBreak < 0 ? text.length : nextBreak;

  let from = Math.max(paragraphStart, start - radius);
  if (from > paragraphStart) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  let to = Math.min(paragraphEnd, end + radius);
  if (to < paragraphEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return {
    before: text.slice(from, start).trimStart(),
    quote: text.slice(start, end),
    after: text.slice(end, to).trimEnd(),
    clippedBefore: from > paragraphStart,
    clippedAfter: to < paragraphEnd,
  };
}
