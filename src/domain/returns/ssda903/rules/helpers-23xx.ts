// Small helpers shared by the 2xx and 3xx rules (kept here so the framework stays untouched).
import { NO_DATE, addYears } from '../dates.ts';
import type { ReturnData, RuleContext } from '../types.ts';

export const TEMP_PLACES: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);
export const RESPITE_LS: ReadonlySet<string> = new Set(['V3', 'V4']);
export const NO_URN = 'XXXXXXX';

/** Number of children (child indexes run 0 … n-1). */
export function childCount(ctx: RuleContext): number {
  return ctx.children.length;
}

/** UASC status of child c in a return: Header UASC column when the file has it, else a UASC row. */
export function uascIn(data: ReturnData, c: number): boolean {
  const h = data.t('Header');
  const hr = data.headerRow(c);
  if (hr >= 0 && h.has('UASC')) return h.str('UASC')[hr] === '1';
  const u = data.byChild('UASC');
  return (u.start[c + 1] ?? 0) > (u.start[c] ?? 0);
}

/** First row of child c in a table grouped by child, or -1. */
export function firstRow(
  data: ReturnData,
  table: Parameters<ReturnData['byChild']>[0],
  c: number,
): number {
  const g = data.byChild(table);
  const s = g.start[c] ?? 0;
  const e = g.start[c + 1] ?? 0;
  return e > s ? (g.rows[s] ?? -1) : -1;
}

/** A date, or `fallback` when the cell is blank (invalid non-blank stays NO_DATE). */
export function dateOr(
  dates: Int32Array,
  strs: readonly string[],
  r: number,
  fallback: number,
): number {
  const d = dates[r] ?? NO_DATE;
  if (d !== NO_DATE) return d;
  return (strs[r] ?? '') === '' ? fallback : NO_DATE;
}

// Per-return caches keyed by the (immutable) Header table, so each is built once per validation.
const uascCache = new WeakMap<object, Uint8Array>();
const dobCache = new WeakMap<object, Map<number, Int32Array>>();

/** UASC status (see uascIn) of every child index of a return, computed once. */
export function uascFlags(data: ReturnData): Uint8Array {
  const key = data.t('Header');
  let f = uascCache.get(key);
  if (!f) {
    const n = data.byChild('UASC').start.length - 1;
    f = new Uint8Array(n);
    for (let c = 0; c < n; c++) f[c] = uascIn(data, c) ? 1 : 0;
    uascCache.set(key, f);
  }
  return f;
}

/** Per child index: Header DOB plus `years` (NO_DATE when unknown), computed once per return. */
export function dobPlus(data: ReturnData, years: number): Int32Array {
  const h = data.t('Header');
  let m = dobCache.get(h);
  if (!m) dobCache.set(h, (m = new Map<number, Int32Array>()));
  let a = m.get(years);
  if (!a) {
    const n = data.byChild('Header').start.length - 1;
    const dob = h.date('DOB');
    a = new Int32Array(n).fill(NO_DATE);
    for (let c = 0; c < n; c++) {
      const r = data.headerRow(c);
      if (r >= 0) a[c] = addYears(dob[r] ?? NO_DATE, years);
    }
    m.set(years, a);
  }
  return a;
}

/** Postcodes equal ignoring spaces, without allocating. */
export function samePostcode(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && a.charCodeAt(i) === 32) i++;
    while (j < b.length && b.charCodeAt(j) === 32) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}
