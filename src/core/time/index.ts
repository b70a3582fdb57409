/**
 * Time: statement and event dates, months, windows, the timeline's histogram and the spells of
 * the dynamic GEXF. Pure functions on plain data (docs/time.md).
 */
export { DATE_KINDS, DATE_KIND_LABELS, dateOf, isDateKind, type DateKind } from './kinds.ts';
export { edgeDateRange, type EdgeDateRange } from './edgeDates.ts';
export { addMonths, monthOf, monthRange, monthSpan, monthsFrom, type Month } from './months.ts';
export {
  NO_WINDOW,
  inWindow,
  isUnbounded,
  isWindowValid,
  monthWindow,
  nextWindow,
  shiftWindow,
  windowTest,
  type MonthWindow,
  type TimeWindow,
} from './window.ts';
export {
  countInWindow,
  graphHistogram,
  timeHistogram,
  type HistogramItem,
  type MonthBin,
  type TimeBin,
  type TimeHistogram,
  type YearBin,
} from './histogram.ts';
export { evidenceSpells, mergeSpells, spanOf, spellOf, type Spell } from './spells.ts';
