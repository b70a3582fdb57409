/**
 * Spells: the periods in which a relation (or an actor) is present on a timeline, as the
 * dynamic GEXF writes them for Gephi's timeline.
 *
 * One spell per month with evidence: a statement dated by a day or a month makes its relation
 * present for that whole month, one dated by a year alone for that whole year. A day alone
 * would make a relation flash past in one frame of Gephi's timeline; a month is the timeline's
 * own bin (histogram.ts). Spells run from the first to the last day of their period, both
 * included, as GEXF dates (xsd:date) are whole days; spells that overlap (a year and one of its
 * months) are merged, so that no two overlap (Gephi refuses overlapping intervals), and
 * consecutive months stay apart, one spell each.
 */
import { firstDayOf, lastDayOf } from '../dates.ts';
import type { Evidence } from '../model.ts';
import { dateOf, type DateKind } from './kinds.ts';
import { monthOf } from './months.ts';

/** A period, from its first to its last day (YYYY-MM-DD), both included. */
export interface Spell {
  start: string;
  end: string;
}

/** The spell a date makes: its month (a day's month), or its whole year. */
export function spellOf(date: string): Spell {
  const period = monthOf(date) ?? date.slice(0, 4);
  return { start: firstDayOf(period), end: lastDayOf(period) };
}

/** Spells sorted by start, those that overlap merged into one. */
export function mergeSpells(spells: Iterable<Spell>): Spell[] {
  const sorted = [...spells].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0,
  );
  const merged: Spell[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) last.end = s.end;
    } else merged.push({ ...s });
  }
  return merged;
}

/**
 * A relation's spells from its statements' dates of `kind`; empty when none has such a date
 * (the GEXF then gives the relation no time: it is there throughout).
 */
export function evidenceSpells(
  evidence: readonly Pick<Evidence, 'date' | 'eventDate'>[],
  kind: DateKind,
): Spell[] {
  const periods = new Set<string>();
  for (const e of evidence) {
    const date = dateOf(e, kind);
    if (date !== null) periods.add(monthOf(date) ?? date.slice(0, 4));
  }
  return mergeSpells([...periods].map(spellOf));
}

/**
 * The overall span of some spells (first start, last end), or undefined when there are none:
 * the dynamic graph's own start and end.
 */
export function spanOf(spells: Iterable<Spell>): Spell | undefined {
  let span: Spell | undefined;
  for (const s of spells) {
    if (!span) span = { ...s };
    else {
      if (s.start < span.start) span.start = s.start;
      if (s.end > span.end) span.end = s.end;
    }
  }
  return span;
}
