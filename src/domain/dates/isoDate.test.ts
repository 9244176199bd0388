import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  compareDates,
  dayOfWeek,
  daysBetween,
  formatUkDate,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  toDayNumber,
} from './isoDate.ts';

describe('parseIsoDate', () => {
  it('splits a valid date', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it.each(['2025-02-29', '2025-13-01', '2025-04-31', '2025-1-01', '01/02/2025', '', '2025-00-10'])(
    'rejects %j',
    (text) => {
      expect(() => parseIsoDate(text)).toThrow(RangeError);
      expect(isIsoDate(text)).toBe(false);
    },
  );
});

describe('formatUkDate', () => {
  it.each([
    ['2025-03-03', '3 March 2025'],
    ['2024-02-29', '29 February 2024'],
    ['2026-12-31', '31 December 2026'],
  ])('%s → %s', (date, text) => {
    expect(formatUkDate(date)).toBe(text);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2026-11-22', 20779],
  ])('%s is day %i and back', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });
  it('round-trips every day from 1999 to 2031', () => {
    for (let n = toDayNumber('1999-01-01'); n <= toDayNumber('2031-12-31'); n++) {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }
  });
  it('knows the day of the week', () => {
    expect(dayOfWeek('2026-11-22')).toBe(0); // Sunday
    expect(dayOfWeek('2024-02-29')).toBe(4); // Thursday
  });
});

describe('addDays / addWeeks / daysBetween / compareDates', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i day = %s', (d, n, e) => {
    expect(addDays(d, n)).toBe(e);
  });
  it('adds weeks', () => {
    expect(addWeeks('2026-01-05', 16)).toBe('2026-04-27');
    expect(addWeeks('2026-01-05', -1)).toBe('2025-12-29');
  });
  it('counts days between, signed', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareDates('2025-01-03', '2025-01-02')).toBe(1);
  });
});

describe('addMonths clamps to the end of a shorter month', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-01-31', 3, '2025-04-30'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-15', 3, '2026-02-15'],
    ['2025-02-28', 1, '2025-03-28'],
    ['2025-10-31', 6, '2026-04-30'],
    ['2025-01-15', -13, '2023-12-15'],
  ])('%s + %i months = %s', (d, n, e) => {
    expect(addMonths(d, n)).toBe(e);
  });
  it('clamps 29 February a year on', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});
