/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds */
// Helpers shared by rules 6xx, 1000–1016, 3001 and the social worker (SW..) rules: care leaver (OC3)
// rows, birthdays, partial permanence dates, LA codes and social worker episodes in date order.
import { groupByChild } from '../dataset.ts';
import { addYears, ageOn, civil, dayOf, NO_DATE, parseDmy } from '../dates.ts';
import type { Table } from '../table.ts';
import type { ChildRows, ReturnData, RuleContext, TableName } from '../types.ts';

export const ADOPTED = new Set(['E11', 'E12']);
export const SHORT_BREAK = new Set(['V3', 'V4']);
export const OC3_FIELDS = ['IN_TOUCH', 'ACTIV', 'ACCOM'] as const;

/** Number of children (child indexes run 0 … n-1). */
export function nChildren(ctx: RuleContext): number {
  return ctx.children.length;
}

/** Number of rows child c has in a grouped table. */
export function rowsOf(g: ChildRows, c: number): number {
  return g.start[c + 1]! - g.start[c]!;
}

/** Fails every row of `table` where pred(row) holds. */
export function each(ctx: RuleContext, table: TableName, pred: (r: number) => boolean): void {
  const n = ctx.t(table).n;
  for (let r = 0; r < n; r++) if (pred(r)) ctx.fail(table, r);
}

/** Per OC3 row: 1 when any of IN_TOUCH, ACTIV, ACCOM is completed (care leaver information given). */
export function oc3Completed(t: Table): Uint8Array {
  const out = new Uint8Array(t.n);
  const cols = OC3_FIELDS.map((f) => t.str(f));
  for (let r = 0; r < t.n; r++) {
    for (const col of cols) {
      if (col[r] !== '') {
        out[r] = 1;
        break;
      }
    }
  }
  return out;
}

/** Date of birth of child c: the Header DOB, else `fallback` (a DOB column of the row's own table). */
export function dobOf(data: ReturnData, c: number, fallback: number): number {
  const h = data.headerRow(c);
  if (h >= 0) {
    const d = data.t('Header').date('DOB')[h]!;
    if (d !== NO_DATE) return d;
  }
  return fallback;
}

/** The birthday (17th or 18th …) a person born on `dob` last had on or before `at`; NO_DATE if unknown. */
export function lastBirthday(dob: number, at: number): number {
  const age = ageOn(dob, at);
  return Number.isNaN(age) ? NO_DATE : addYears(dob, age);
}

/**
 * A permanence order date DD/MM/YYYY where the day and/or month may be ZZ and the year ZZZZ when not
 * known. Returns the latest day it can denote (unknown day: month end; unknown month: December),
 * UNKNOWN_YEAR when only the year is unknown, or NO_DATE when not a valid date.
 */
export const UNKNOWN_YEAR = 2147483647;
export function partialDateLatest(s: string): number {
  if (s.length !== 10 || s.charCodeAt(2) !== 47 || s.charCodeAt(5) !== 47) return NO_DATE;
  const dd = s.slice(0, 2);
  const mm = s.slice(3, 5);
  const yy = s.slice(6);
  const dUnknown = dd === 'ZZ';
  const mUnknown = mm === 'ZZ';
  const yUnknown = yy === 'ZZZZ';
  // Check the known parts by parsing a date with the unknown parts replaced by a safe value.
  const probe = parseDmy(
    `${dUnknown ? '01' : dd}/${mUnknown ? '01' : mm}/${yUnknown ? '2000' : yy}`,
  );
  if (probe === NO_DATE) return NO_DATE;
  if (!dUnknown && mUnknown && Number(dd) > 31) return NO_DATE;
  if (yUnknown) return UNKNOWN_YEAR;
  const [y, m0, d0] = civil(probe);
  const m = mUnknown ? 12 : m0;
  if (dUnknown) return addMonthsEnd(y, m);
  const last = addMonthsEnd(y, m);
  const day = dayOf(y, m, d0);
  return day > last ? last : day;
}

function addMonthsEnd(y: number, m: number): number {
  return (m === 12 ? dayOf(y + 1, 1, 1) : dayOf(y, m + 1, 1)) - 1;
}

/** Old-style three-digit LA codes, and the codes for outside England (rule 633). */
export const LA_PERM_CODES: ReadonlySet<string> = new Set([
  ...(
    '800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,896,' +
    '381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,811,881,845,390,916,203,876,' +
    '850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,340,888,208,856,' +
    '383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,316,' +
    '815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355,' +
    '871,394,334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,880,358,211,937,869,320,' +
    '359,865,384,335,336,212,868,872,885,344,877,213,938,816,999'
  ).split(','),
  'WAL',
  'SCO',
  'NUK',
  'NIR',
]);

const swSorted = new WeakMap<Table, ChildRows>();

/** Social worker episodes by child, sorted by SW_DECOM (invalid or blank first); built once per table. */
export function swByChild(ctx: RuleContext): ChildRows {
  const t = ctx.t('SWEpisodes');
  let g = swSorted.get(t);
  if (!g) {
    g = groupByChild(t, nChildren(ctx), 'SW_DECOM');
    swSorted.set(t, g);
  }
  return g;
}

/** Child c was looked after on 31 March: its latest episode is open (no DEC) and not a short break. */
export function lookedAfterAtEnd(
  g: ChildRows,
  decom: Int32Array,
  decStr: readonly string[],
  ls: readonly string[],
  c: number,
): number {
  const a = g.start[c]!;
  const b = g.start[c + 1]!;
  if (a === b) return -1;
  const r = g.rows[b - 1]!;
  if (decom[r] === NO_DATE || decStr[r] !== '' || SHORT_BREAK.has(ls[r]!)) return -1;
  return r;
}
