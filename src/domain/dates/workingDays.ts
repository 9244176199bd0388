// Working days in England: Monday to Friday and not an England and Wales bank holiday.
// Bank holidays come from date-holidays (GB, ENG), public days only. The library also lists the
// weekend day itself (Sat 26 Dec 2026) beside the substitute (Mon 28 Dec 2026); a weekend is never
// a working day anyway, so the substitute is what matters and both are kept.
//
// Counting convention: "within N working days of D" ends on addWorkingDays(D, N): D itself is not
// counted, whatever day it is, and the Nth working day after it is the last day.
import Holidays from 'date-holidays';
import { fromDayNumber, type IsoDate, toDayNumber, yearOfDayNumber } from './isoDate.ts';

let holidays: Holidays | undefined;
const byYear = new Map<number, Set<number>>();

function bankHolidayDayNumbers(year: number): Set<number> {
  let set = byYear.get(year);
  if (!set) {
    holidays ??= new Holidays('GB', 'ENG');
    set = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => toDayNumber(h.date.slice(0, 10))),
    );
    byYear.set(year, set);
  }
  return set;
}

/** England and Wales bank holidays in a year, in date order (including weekend days the library lists). */
export function bankHolidays(year: number): IsoDate[] {
  return [...bankHolidayDayNumbers(year)].sort((a, b) => a - b).map(fromDayNumber);
}

function isWorkingDayNumber(n: number): boolean {
  const dow = (((n + 4) % 7) + 7) % 7;
  if (dow === 0 || dow === 6) return false;
  return !bankHolidayDayNumbers(yearOfDayNumber(n)).has(n);
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidayDayNumbers(Number(date.slice(0, 4))).has(toDayNumber(date));
}

export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

interface YearTable {
  /** Day number of 1 January. */
  start: number;
  /** 1 for a working day, by day of the year. */
  working: Uint8Array;
}

const tables = new Map<number, YearTable>();

/** Working-day flags for a whole year, built once (addWorkingDays steps through these). */
function yearTable(year: number): YearTable {
  let t = tables.get(year);
  if (!t) {
    const start = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
    const end = toDayNumber(`${String(year + 1).padStart(4, '0')}-01-01`);
    const working = new Uint8Array(end - start);
    for (let n = start; n < end; n++) working[n - start] = isWorkingDayNumber(n) ? 1 : 0;
    t = { start, working };
    tables.set(year, t);
  }
  return t;
}

/**
 * The date `count` working days after `date` (before it when negative). The start date is never
 * counted: Fri 18 Dec 2026 + 5 = Tue 29 Dec 2026 (25 and 28 Dec are bank holidays). Zero returns
 * the date unchanged.
 */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  let n = toDayNumber(date);
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  let year = Number(date.slice(0, 4));
  let t = yearTable(year);
  while (left > 0) {
    n += step;
    let i = n - t.start;
    if (i < 0 || i >= t.working.length) {
      year += step;
      t = yearTable(year);
      i = n - t.start;
    }
    if (t.working[i] === 1) left--;
  }
  return fromDayNumber(n);
}

/**
 * Working days after `from` up to and including `to` (negative, counted the same way, when `to` is
 * earlier). So addWorkingDays(a, workingDaysBetween(a, b)) === b whenever b is a working day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b === a) return 0;
  let count = 0;
  if (b > a) {
    for (let n = a + 1; n <= b; n++) if (isWorkingDayNumber(n)) count++;
    return count;
  }
  // Backwards, the mirror of addWorkingDays with a negative count: working days in [to, from).
  for (let n = b; n < a; n++) if (isWorkingDayNumber(n)) count++;
  return -count;
}
