// Dates in the 903 files are DD/MM/YYYY. Rules work on integer day numbers (days since 1970-01-01),
// so comparisons are plain integer comparisons and nothing allocates. NO_DATE marks blank or invalid.
export const NO_DATE = -2147483648;

/** Day number of a calendar date (month 1–12). Does not check that the date exists. */
export function dayOf(year: number, month: number, day: number): number {
  // Days from civil (Howard Hinnant's algorithm), exact for the proleptic Gregorian calendar.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Reads digits of s from i: returns value*100 + digit count, or -1 (no digits); sets readEnd.
// A module-level function, not a closure: parseDmy runs once per distinct date value.
let readEnd = 0;
function readNumber(s: string, i: number, n: number): number {
  let v = 0;
  const from = i;
  while (i < n) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    i++;
  }
  readEnd = i;
  return i === from || i - from > 9 ? -1 : v * 100 + (i - from);
}

/** Parses D/M/YYYY or DD/MM/YYYY (surrounding spaces allowed); anything else gives NO_DATE. */
export function parseDmy(s: string): number {
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) === 32) i++;
  const d = readNumber(s, i, n);
  i = readEnd;
  if (d < 0 || s.charCodeAt(i) !== 47) return NO_DATE;
  const m = readNumber(s, i + 1, n);
  i = readEnd;
  if (m < 0 || s.charCodeAt(i) !== 47) return NO_DATE;
  const y = readNumber(s, i + 1, n);
  i = readEnd;
  while (i < n && s.charCodeAt(i) === 32) i++;
  if (y < 0 || i !== n) return NO_DATE;
  const dd = Math.floor(d / 100);
  const mm = Math.floor(m / 100);
  const yy = Math.floor(y / 100);
  if (d % 100 > 2 || m % 100 > 2 || y % 100 !== 4) return NO_DATE;
  if (mm < 1 || mm > 12 || dd < 1 || dd > daysInMonth(yy, mm) || yy < 1900) return NO_DATE;
  return dayOf(yy, mm, dd);
}

/** [year, month, day] of a day number. */
export function civil(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** 'YYYY-MM-DD' of a day number (for messages and tests). */
export function toIso(day: number): string {
  if (day === NO_DATE) return '';
  const [y, m, d] = civil(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number of an ISO 'YYYY-MM-DD' string (for tests and settings). */
export function fromIso(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return NO_DATE;
  return dayOf(y, m, d);
}

/** The same calendar day `years` later (29 February → 28 February in a non-leap year). */
export function addYears(day: number, years: number): number {
  if (day === NO_DATE) return NO_DATE;
  const [y, m, d] = civil(day);
  const ny = y + years;
  return dayOf(ny, m, Math.min(d, daysInMonth(ny, m)));
}

/** The same day `months` later, clamped to the month's end. */
export function addMonths(day: number, months: number): number {
  if (day === NO_DATE) return NO_DATE;
  const [y, m, d] = civil(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Age in whole years on `at` for a child born on `dob`; NaN when either is NO_DATE. */
export function ageOn(dob: number, at: number): number {
  if (dob === NO_DATE || at === NO_DATE) return NaN;
  const [by, bm, bd] = civil(dob);
  const [ay, am, ad] = civil(at);
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}
