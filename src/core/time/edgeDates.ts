/**
 * The first and last date of each kind of a relation's evidence, as graph.json carries them
 * (firstDate/lastDate: statement dates; firstEventDate/lastEventDate: event dates).
 */
import type { EdgeAttributes, Evidence } from '../model.ts';

export type EdgeDateRange = Required<
  Pick<EdgeAttributes, 'firstDate' | 'lastDate' | 'firstEventDate' | 'lastEventDate'>
>;

/**
 * The earliest and latest dates of each kind, null when no statement has one. Dates compare as
 * strings, as the build always has: a year comes before its months ("2016" < "2016-05"), and
 * a month before its days.
 */
export function edgeDateRange(
  evidence: readonly Pick<Evidence, 'date' | 'eventDate'>[],
): EdgeDateRange {
  const range: EdgeDateRange = {
    firstDate: null,
    lastDate: null,
    firstEventDate: null,
    lastEventDate: null,
  };
  for (const e of evidence) {
    if (e.date !== null) {
      if (range.firstDate === null || e.date < range.firstDate) range.firstDate = e.date;
      if (range.lastDate === null || e.date > range.lastDate) range.lastDate = e.date;
    }
    const event = e.eventDate;
    if (event !== undefined && event !== null) {
      if (range.firstEventDate === null || event < range.firstEventDate)
        range.firstEventDate = event;
      if (range.lastEventDate === null || event > range.lastEventDate) range.lastEventDate = event;
    }
  }
  return range;
}
