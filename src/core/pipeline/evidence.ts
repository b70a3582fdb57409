import type { Evidence } from '../model.ts';
import type { BuildIssue, IssueSink } from './issues.ts';
import { positionOf } from './load.ts';
import type { ResolvedRelation } from './relations.ts';
import { codePoints } from '../text/characters.ts';
import { foldForMatching, isCut, isMatch, locateQuote, type FoldedText } from './text.ts';

/** How the build's warning about a relation written twice (same actors, type and quote) begins. */
const DUPLICATE_RELATION = 'duplicate relation';

/** Whether an issue is that warning (the annotation workbench refuses to write one). */
export const isDuplicateRelation = (issue: BuildIssue): boolean =>
  issue.severity === 'warning' && issue.message.startsWith(DUPLICATE_RELATION);

export interface LocatedRelation {
  source: string;
  target: string;
  relation: string;
  directed: boolean;
  evidence: Evidence;
}

/**
 * Finds each relation's quote in its article text and records it as evidence with its offsets.
 * A quote that is not in the text is an error that shows where quote and text part ways; an
 * annotation repeating another (same actors, type and span) is counted once, with a warning.
 */
export function locateEvidence(
  relations: readonly ResolvedRelation[],
  text: string,
  date: string | null,
  sink: IssueSink,
): LocatedRelation[] {
  const folded = foldForMatching(text);
  const seen = new Map<string, ResolvedRelation>();
  const located: LocatedRelation[] = [];
  for (const r of relations) {
    const file = r.parsed.file.path;
    const match = locateQuote(folded, r.quote);
    if (isCut(match)) {
      const { side, character, included } = match.cut;
      sink.error(
        file,
        positionOf(r.parsed, ['relations', r.index, 'quote']),
        `the quote ${side === 'end' ? 'ends' : 'starts'} inside a character: the text has "${character}" (${codePoints(character)}), of which the quote takes only "${included}" (${codePoints(included)})`,
        'Quote whole characters: a letter with all its accents, a whole emoji with its modifiers and joiners, both halves of a flag.',
      );
      continue;
    }
    if (!isMatch(match) && match.differentForms) {
      const { wholeQuote, quoteHas, textHas } = match.differentForms;
      const which =
        quoteHas && textHas
          ? `: the quote has "${quoteHas}" (${codePoints(quoteHas)}) where the text has "${textHas}" (${codePoints(textHas)})`
          : '';
      sink.error(
        file,
        positionOf(r.parsed, ['relations', r.index, 'quote']),
        wholeQuote
          ? `quote not found in the article text as written: the quote and the text write the same letters in different Unicode forms, composed and decomposed${which}`
          : `quote not found in the article text: it agrees up to "…${tail(match.matchedPrefix)}", then writes a letter in a different Unicode form (composed or decomposed) than the text${which}`,
        wholeQuote
          ? 'Copy the quote from the article text, so that it writes accents as the text does (the quote is matched character for character, code point for code point).'
          : 'Copy the quote from the article text: besides the Unicode form, it differs from the text further on.',
      );
      continue;
    }
    if (!isMatch(match)) {
      sink.error(
        file,
        positionOf(r.parsed, ['relations', r.index, 'quote']),
        match.matchedPrefix.length === 0
          ? `quote not found in the article text: "${abbreviate(r.quote)}"`
          : `quote not found in the article text: it agrees up to "…${tail(match.matchedPrefix)}", then the quote has "${match.quoteContinues}" where the text has "${match.textContinues}"`,
        'A quote must be copied verbatim from the article (differences in whitespace and quote marks are tolerated).',
      );
      continue;
    }
    if (match.occurrences > 1) {
      sink.warn(
        file,
        positionOf(r.parsed, ['relations', r.index, 'quote']),
        `quote occurs ${match.occurrences} times in the article (counting occurrences that do not overlap); the evidence points at the first`,
        'Quote a longer span if another occurrence is meant.',
      );
    }
    const [a, b] =
      r.relation.directed || r.source < r.target ? [r.source, r.target] : [r.target, r.source];
    const key = `${a}\u0000${r.relation.id}\u0000${b}\u0000${match.start}\u0000${match.end}`;
    const earlier = seen.get(key);
    if (earlier) {
      sink.warn(
        file,
        positionOf(r.parsed, ['relations', r.index]),
        `${DUPLICATE_RELATION}: the same actors, type and quote as the relation at line ${positionOf(earlier.parsed, ['relations', earlier.index])?.line}`,
        'It is counted once; remove one of the two.',
      );
      continue;
    }
    seen.set(key, r);
    const event = r.eventDate && locateEventWords(r, folded, match.start, match.end, sink);
    if (event === null) continue;
    located.push({
      source: a,
      target: b,
      relation: r.relation.id,
      directed: r.relation.directed,
      evidence: {
        article: r.article,
        quote: text.slice(match.start, match.end),
        start: match.start,
        end: match.end,
        modality: r.modality,
        date,
        ...(event === undefined
          ? {}
          : { eventDate: event.date, eventDateBasis: event.basis, eventDateHow: event.how }),
        ...(r.note === undefined ? {} : { note: r.note }),
      },
    });
  }
  return located;
}

/**
 * Finds the words an event date rests on (`eventDate.how`): in the quote, or else in the
 * lines the quote is on, or else anywhere in the text (with a warning: they may date something
 * else). Returns the event date with the words as the text writes them, or null (and an error)
 * when the text does not have them.
 */
function locateEventWords(
  r: ResolvedRelation,
  folded: FoldedText,
  start: number,
  end: number,
  sink: IssueSink,
): { date: string; basis: 'stated' | 'inferred'; how: string } | null {
  const event = r.eventDate!;
  const text = folded.original;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const found = (from: number, to: number, within?: FoldedText): string | undefined => {
    const match = locateQuote(within ?? foldForMatching(text.slice(from, to)), event.how);
    return isMatch(match) ? text.slice(from + match.start, from + match.end) : undefined;
  };
  const near = found(start, end) ?? found(lineStart, lineEnd);
  if (near !== undefined) return { date: event.date, basis: event.basis, how: near };
  const at = positionOf(r.parsed, ['relations', r.index, 'eventDate', 'how']);
  const file = r.parsed.file.path;
  const far = found(0, text.length, folded);
  if (far === undefined) {
    sink.error(
      file,
      at,
      `eventDate.how "${abbreviate(event.how)}" is not in the article text`,
      'Copy into how, verbatim, the words of the article the event date rests on ("In May", "on February 27"), best from the quote or its paragraph (differences in whitespace and quote marks are tolerated).',
    );
    return null;
  }
  sink.warn(
    file,
    at,
    `eventDate.how "${abbreviate(event.how)}" is in the article text but not in the quote or on its lines`,
    'Make sure the words date this event and not another one; quote the sentence that gives the date if they do.',
  );
  return { date: event.date, basis: event.basis, how: far };
}

const abbreviate = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
const tail = (s: string): string => (s.length > 40 ? s.slice(-40) : s);
