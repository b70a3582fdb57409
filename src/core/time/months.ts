/**
 * Months as the timeline counts them: `YYYY-MM` keys, in order, and the months a partial date
 * falls in. Pure string arithmetic on the proleptic Gregorian calendar.
 */
import { precisionOf } from '../dates.ts';

/** A month as YYYY-MM. */
export type Month = string;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** The month of a YYYY-MM or YYYY-MM-DD date; undefined for a year alone (it has none). */
export const monthOf = (date: string): Month | undefined =>
  precisionOf(date) === 'year' ? undefined : date.slice(0, 7);

/** The month `n` months after (or before, for negative n) a month: addMonths('2015-12', 1) = '2016-01'. */
export function addMonths(month: Month, n: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${pad4(Math.floor(index / 12))}-${pad2((index % 12) + 1)}`;
}

/** How many months from `from` to `to`: monthsFrom('2015-11', '2016-01') = 2. */
export const monthsFrom = (from: Month, to: Month): number =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7));

/** Every month from `from` to `to`, both included; empty when `to` comes before `from`. */
export function monthRange(from: Month, to: Month): Month[] {
  const n = monthsFrom(from, to);
  const months: Month[] = [];
  for (let i = 0; i <= n; i++) months.push(addMonths(from, i));
  return months;
}

/** The first and last month a partial date spans: a year spans January to December. */
export function monthSpan(date: string): { first: Month; last: Month } {
  const month = monthOf(date);
  return month === undefined
    ? { first: `${date.slice(0, 4)}-01`, last: `${date.slice(0, 4)}-12` }
    : { first: month, last: month };
}
