/**
 * The two dates a statement can have: when it was stated (its article's published date) and
 * when the event it reports happened (its event date, where the text gives one).
 */
import type { Evidence } from '../model.ts';

export const DATE_KINDS = ['statement', 'event'] as const;
export type DateKind = (typeof DATE_KINDS)[number];

/** What a reader is told each kind is. */
export const DATE_KIND_LABELS: Readonly<Record<DateKind, string>> = {
  statement: 'Statement date (the article’s)',
  event: 'Event date (where the text gives it)',
};

/** The statement's date of this kind (YYYY, YYYY-MM or YYYY-MM-DD), or null when it has none. */
export const dateOf = (e: Pick<Evidence, 'date' | 'eventDate'>, kind: DateKind): string | null =>
  kind === 'statement' ? e.date : (e.eventDate ?? null);

export const isDateKind = (value: unknown): value is DateKind =>
  value === 'statement' || value === 'event';
