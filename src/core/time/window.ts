/**
 * A window of time, as the timeline's brush and the `from`/`to` filters hold it: two partial
 * dates (YYYY, YYYY-MM or YYYY-MM-DD), either of which may be open (null).
 *
 * A partial date counts as the period it stands for, and is in a window when that period
 * overlaps it: "2016" is in a window from 2016-07 (part of 2016 is), "2016-05" is not in a
 * window to 2016-04. While either bound is set, undated statements are outside. This is the
 * rule of the `from` and `to` filters (src/core/explore/filters.ts), so the counts the
 * timeline shows are the statements the network shows.
 */
import { firstDayOf, lastDayOf } from '../dates.ts';
import { addMonths, monthSpan, type Month } from './months.ts';

export interface TimeWindow {
  /** The window's first period (its first day counts), or null for no lower bound. */
  from: string | null;
  /** The window's last period (its last day counts), or null for no upper bound. */
  to: string | null;
}

export const NO_WINDOW: TimeWindow = { from: null, to: null };

export const isUnbounded = (window: TimeWindow): boolean =>
  window.from === null && window.to === null;

/**
 * Whether a statement's date (null: undated) is in the window: its period overlaps it. With no
 * bound set, everything is, undated statements included.
 */
export function inWindow(date: string | null, window: TimeWindow): boolean {
  if (window.from === null && window.to === null) return true;
  if (date === null) return false;
  if (window.from !== null && lastDayOf(date) < firstDayOf(window.from)) return false;
  if (window.to !== null && firstDayOf(date) > lastDayOf(window.to)) return false;
  return true;
}

/**
 * A predicate for many dates against one window, its bounds' days worked out once (what a
 * brush being dragged needs).
 */
export function windowTest(window: TimeWindow): (date: string | null) => boolean {
  if (window.from === null && window.to === null) return () => true;
  const from = window.from === null ? null : firstDayOf(window.from);
  const to = window.to === null ? null : lastDayOf(window.to);
  return (date) =>
    date !== null &&
    (from === null || lastDayOf(date) >= from) &&
    (to === null || firstDayOf(date) <= to);
}

/** Whether the window's bounds are in order (from's first day not after to's last day). */
export const isWindowValid = (window: TimeWindow): boolean =>
  window.from === null || window.to === null || firstDayOf(window.from) <= lastDayOf(window.to);

/** A window whose bounds are months (YYYY-MM), as the brush makes it. */
export interface MonthWindow {
  from: Month;
  to: Month;
}

/**
 * The window of whole months a window covers: a year becomes its January to December, a day
 * its month. Undefined when a bound is open.
 */
export function monthWindow(window: TimeWindow): MonthWindow | undefined {
  if (window.from === null || window.to === null) return undefined;
  return { from: monthSpan(window.from).first, to: monthSpan(window.to).last };
}

/** The window moved by `n` months (back for negative n), its length kept: play's step. */
export const shiftWindow = (window: MonthWindow, n: number): MonthWindow => ({
  from: addMonths(window.from, n),
  to: addMonths(window.to, n),
});

/**
 * The next window when playing `window` through `range` by `step` months, or undefined when
 * it would start after the range's last month (play then stops or wraps, as the page decides).
 */
export function nextWindow(
  window: MonthWindow,
  range: MonthWindow,
  step = 1,
): MonthWindow | undefined {
  const next = shiftWindow(window, step);
  return next.from > range.to ? undefined : next;
}
