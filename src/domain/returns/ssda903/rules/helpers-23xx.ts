// Small helpers shared by the 2xx and 3xx rules (kept here so the framework stays untouched).
import { NO_DATE } from '../dates.ts';
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
