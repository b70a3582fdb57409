/** Partial calendar dates as the data writes them: YYYY, YYYY-MM or YYYY-MM-DD. */

const FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month (1-12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks a YYYY, YYYY-MM or YYYY-MM-DD date against the calendar. Returns undefined when it is a
 * real date, or what is wrong with it ("February 2023 has 28 days").
 */
export function calendarDateProblem(date: string): string | undefined {
  const m = FORM.exec(date);
  if (!m) return 'it is not in the form YYYY, YYYY-MM or YYYY-MM-DD';
  const year = Number(m[1]);
  if (m[2] === undefined) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `there is no month ${m[2]}`;
  if (m[3] === undefined) return undefined;
  const day = Number(m[3]);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    const name = MONTHS[month - 1]!;
    return day < 1 ? `there is no day ${m[3]}` : `${name} ${year} has ${days} days`;
  }
  return undefined;
}

/** The months' English names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Whether a string is a whole, real calendar day as YYYY-MM-DD (no 2021-02-31). */
export const isCalendarDay = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && calendarDateProblem(value) === undefined;

/** How precise a partial date is. */
export type DatePrecision = 'year' | 'month' | 'day';

/** The precision of a YYYY, YYYY-MM or YYYY-MM-DD date (by its length). */
export const precisionOf = (date: string): DatePrecision =>
  date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';

/** The first calendar day of the period a partial date stands for: 2016 -> 2016-01-01. */
export function firstDayOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/**
 * The last calendar day of the period a partial date stands for, a real day (2016-02 ->
 * 2016-02-29), as xsd:date and Gephi need it: 2016 -> 2016-12-31.
 */
export function lastDayOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const days = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
    return `${date}-${String(days)}`;
  }
  return date;
}
