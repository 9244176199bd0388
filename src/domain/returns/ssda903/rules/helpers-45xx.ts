/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds */
// Helpers shared by rules 4xx and 5xx: first and last episodes, latest rows by date, periods of care.
import { NO_DATE } from '../dates.ts';
import type { ChildRows, ReturnData, RuleContext } from '../types.ts';

/** First Episodes row of child c (earliest valid DECOM), or -1. Rows are sorted by DECOM, invalid first. */
export function firstEpisode(g: ChildRows, decom: Int32Array, c: number): number {
  const b = g.start[c + 1]!;
  for (let k = g.start[c]!; k < b; k++) {
    const r = g.rows[k]!;
    if (decom[r] !== NO_DATE) return r;
  }
  return -1;
}

/** Last Episodes row of child c (latest valid DECOM), or -1. */
export function lastEpisode(g: ChildRows, decom: Int32Array, c: number): number {
  const a = g.start[c]!;
  const b = g.start[c + 1]!;
  if (a === b) return -1;
  const r = g.rows[b - 1]!;
  return decom[r] === NO_DATE ? -1 : r;
}

/** Row of child c with the latest valid date in `d` (the later row in file order on a tie); -1 if none. */
export function latestByDate(g: ChildRows, d: Int32Array, c: number): number {
  let best = -1;
  let bestDay = NO_DATE;
  const b = g.start[c + 1]!;
  for (let k = g.start[c]!; k < b; k++) {
    const r = g.rows[k]!;
    const v = d[r]!;
    if (v !== NO_DATE && v >= bestDay) {
      best = r;
      bestDay = v;
    }
  }
  return best;
}

/** Number of rows child c has in a grouped table. */
export function count(g: ChildRows, c: number): number {
  return g.start[c + 1]! - g.start[c]!;
}

/** Child was UASC in a return: has a UASC row, or a Header UASC flag of 1. */
export function wasUasc(d: ReturnData, c: number): boolean {
  if (count(d.byChild('UASC'), c) > 0) return true;
  const h = d.headerRow(c);
  return h >= 0 && d.t('Header').str('UASC')[h] === '1';
}

/**
 * Periods of care of a child, reusing one buffer: consecutive episodes (by DECOM) are chained when an
 * episode starts on the day the previous one ended (or the previous one is still open). After
 * load(), period i runs from start(i) to end(i) (NO_DATE when still open). Invalid DECOMs are ignored.
 */
export class Periods {
  n = 0;
  private buf = new Int32Array(32);

  load(g: ChildRows, decom: Int32Array, dec: Int32Array, c: number): this {
    this.n = 0;
    const b = g.start[c + 1]!;
    let pStart = NO_DATE;
    let pEnd = NO_DATE;
    for (let k = g.start[c]!; k < b; k++) {
      const r = g.rows[k]!;
      const dc = decom[r]!;
      if (dc === NO_DATE) continue;
      if (pStart === NO_DATE) pStart = dc;
      else if (pEnd !== NO_DATE && dc !== pEnd) {
        this.push(pStart, pEnd);
        pStart = dc;
      }
      pEnd = dec[r]!;
    }
    if (pStart !== NO_DATE) this.push(pStart, pEnd);
    return this;
  }

  start(i: number): number {
    return this.buf[2 * i]!;
  }

  end(i: number): number {
    return this.buf[2 * i + 1]!;
  }

  /** Index of the period containing day `d` (open periods run on for ever), or -1. */
  containing(d: number): number {
    for (let i = 0; i < this.n; i++) {
      const e = this.end(i);
      if (this.start(i) <= d && (e === NO_DATE || d <= e)) return i;
    }
    return -1;
  }

  private push(s: number, e: number): void {
    if (2 * this.n + 2 > this.buf.length) {
      const nb = new Int32Array(this.buf.length * 2);
      nb.set(this.buf);
      this.buf = nb;
    }
    this.buf[2 * this.n] = s;
    this.buf[2 * this.n + 1] = e;
    this.n++;
  }
}

/**
 * 452, 453, 502, 503A–J: the child's first episode this year (row r) against last year's last
 * episode (row p of the previous return) when that was still open (and, with sameRne, had the same
 * RNE): fails r when differs(r, p).
 */
export function carriedOver(
  ctx: RuleContext,
  differs: (r: number, p: number) => boolean,
  sameRne = false,
): void {
  const prev = ctx.prev;
  if (!prev) return;
  const t = ctx.t('Episodes');
  const pt = prev.t('Episodes');
  const g = ctx.byChild('Episodes');
  const pg = prev.byChild('Episodes');
  const decom = t.date('DECOM');
  const pdecom = pt.date('DECOM');
  const pdec = pt.str('DEC');
  const rne = t.str('RNE');
  const prne = pt.str('RNE');
  const nC = g.start.length - 1;
  for (let c = 0; c < nC; c++) {
    const r = firstEpisode(g, decom, c);
    if (r < 0) continue;
    const p = lastEpisode(pg, pdecom, c);
    if (p < 0 || pdec[p] !== '') continue;
    if (sameRne && rne[r] !== prne[p]) continue;
    if (differs(r, p)) ctx.fail('Episodes', r);
  }
}

/** Two known distances that differ at 1 dp (NaN = unknown, never a contradiction). */
export function distancesDiffer(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  return Math.round(a * 10) !== Math.round(b * 10);
}
