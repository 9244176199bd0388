import { describe, expect, it } from 'vitest';
import { dayOfWeek } from './isoDate.ts';
import {
  addWorkingDays,
  bankHolidays,
  isBankHoliday,
  isWorkingDay,
  workingDaysBetween,
} from './workingDays.ts';

// England and Wales bank holidays as published on gov.uk/bank-holidays (the days off, so a
// holiday falling at a weekend appears as its substitute weekday).
const PUBLISHED: Record<number, string[]> = {
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

describe('bank holidays match gov.uk for England and Wales, 2020–2027', () => {
  it.each(Object.entries(PUBLISHED))('%s', (year, days) => {
    const weekdays = bankHolidays(Number(year)).filter((d) => dayOfWeek(d) % 6 !== 0);
    expect(weekdays).toEqual(days.map((d) => `${year}-${d}`));
    for (const d of days) expect(isWorkingDay(`${year}-${d}`)).toBe(false);
  });

  it.each([
    ['2020-05-08', 'VE day moved the early May holiday to a Friday'],
    ['2022-06-02', 'spring holiday moved for the platinum jubilee'],
    ['2022-06-03', 'platinum jubilee'],
    ['2022-09-19', 'state funeral of Queen Elizabeth II'],
    ['2023-05-08', 'coronation of King Charles III'],
    ['2020-12-28', 'Boxing Day substitute'],
    ['2022-01-03', 'New Year substitute'],
    ['2022-12-27', 'Christmas substitute'],
    ['2026-12-28', 'Boxing Day substitute'],
    ['2027-12-27', 'Christmas substitute'],
    ['2027-12-28', 'Boxing Day substitute'],
  ])('%s is a bank holiday (%s)', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it('ordinary days that used to be holidays are working days', () => {
    expect(isWorkingDay('2020-05-04')).toBe(true); // first Monday of May 2020, moved to VE day
    expect(isWorkingDay('2022-05-30')).toBe(true); // last Monday of May 2022, moved to 2 June
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-11-20', true, 'Friday'],
    ['2026-11-21', false, 'Saturday'],
    ['2026-11-22', false, 'Sunday'],
    ['2026-11-23', true, 'Monday'],
    ['2026-12-26', false, 'Saturday Boxing Day (the library lists it; still not a working day)'],
    ['2024-02-29', true, 'leap day, a Thursday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-20', 1, '2026-11-23', 'Friday + 1 skips the weekend'],
    ['2026-11-21', 1, '2026-11-23', 'from a Saturday the start is not counted'],
    ['2026-12-18', 5, '2026-12-29', 'over Christmas 2026 (25th and substitute 28th)'],
    ['2027-12-24', 1, '2027-12-29', 'over the two substitute days of 2027'],
    ['2025-03-03', 20, '2025-03-31', 'twenty working days with no holidays'],
    ['2025-04-07', 20, '2025-05-08', 'over Easter and the early May holiday 2025'],
    ['2022-09-12', 7, '2022-09-22', 'over the 2022 state funeral'],
    ['2023-05-05', 1, '2023-05-09', 'over the coronation holiday'],
    ['2026-11-23', 0, '2026-11-23', 'zero is the date itself'],
    ['2026-11-22', 0, '2026-11-22', 'zero from a Sunday is still that Sunday'],
    ['2026-11-23', -1, '2026-11-20', 'Monday − 1 is the Friday before'],
    ['2026-12-29', -5, '2026-12-18', 'backwards over Christmas 2026'],
    ['2024-02-28', 1, '2024-02-29', 'into a leap day'],
  ])('%s + %i = %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-12-18', '2026-12-29', 5],
    ['2026-11-20', '2026-11-23', 1],
    ['2026-11-21', '2026-11-22', 0],
    ['2026-11-23', '2026-11-23', 0],
    ['2026-12-29', '2026-12-18', -5],
    ['2025-01-01', '2025-12-31', 253],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(workingDaysBetween(a, b)).toBe(expected);
  });

  it('inverts addWorkingDays for working days, both directions', () => {
    for (const n of [-30, -7, -1, 1, 7, 20, 60]) {
      const end = addWorkingDays('2026-12-15', n);
      expect(workingDaysBetween('2026-12-15', end)).toBe(n);
    }
  });
});
