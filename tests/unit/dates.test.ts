import { describe, expect, it } from 'vitest';
import { calendarDateProblem, daysInMonth, isLeapYear } from '../../src/core/dates.ts';

describe('calendarDateProblem', () => {
  it.each(['2020', '2020-02', '2020-02-29', '2000-02-29', '2023-12-31', '2021-04-30'])(
    'accepts %s',
    (date) => expect(calendarDateProblem(date)).toBeUndefined(),
  );

  it.each([
    ['2021-02-31', 'February 2021 has 28 days'],
    ['2023-02-29', 'February 2023 has 28 days'],
    ['1900-02-29', 'February 1900 has 28 days'],
    ['2021-04-31', 'April 2021 has 30 days'],
    ['2021-13', 'there is no month 13'],
    ['2021-00-10', 'there is no month 00'],
    ['2021-01-00', 'there is no day 00'],
    ['21-01-01', 'it is not in the form YYYY, YYYY-MM or YYYY-MM-DD'],
  ])('refuses %s: %s', (date, problem) => expect(calendarDateProblem(date)).toBe(problem));

  it('knows the leap years', () => {
    expect([1900, 2000, 2020, 2023, 2400].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });
});
