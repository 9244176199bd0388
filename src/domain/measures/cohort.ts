// Who is in a measure's cohort: looked after on a date, during a window, for how long. Conventions
// (docs/measures.md): a child is looked after on a date D when a period of care started on or
// before D and had not ended by D (a period ending on D has ceased: the child left care that day,
// as the DfE counts "looked after at 31 March"). Children whose legal status on D is a short break
// (V3, V4) are not counted, as the DfE excludes them; a period made only of short breaks is left
// out of entrants, leavers and "during the year" cohorts.
import { SHORT_BREAK_STATUSES, type IsoDate, type PeriodOfCare } from '../care/index.ts';
import { addDays, addYears } from '../dates/index.ts';
import type { MeasureChild, MeasurePlacement } from './types.ts';

export interface Window {
  start: IsoDate;
  end: IsoDate;
}

const windows = new Map<IsoDate, Window>();

/** The twelve months ending on `at` (31 March gives the 903 collection year). Remembered. */
export function yearTo(at: IsoDate): Window {
  let w = windows.get(at);
  if (!w) {
    if (windows.size > 1000) windows.clear();
    w = Object.freeze({ start: addDays(addYears(at, -1), 1), end: at });
    windows.set(at, w);
  }
  return w;
}

export function within(date: IsoDate | null, w: Window): date is IsoDate {
  return date !== null && date >= w.start && date <= w.end;
}

function openOn(start: IsoDate, end: IsoDate | null, date: IsoDate): boolean {
  return start <= date && (end === null || end > date);
}

export function periodOn(child: MeasureChild, date: IsoDate): PeriodOfCare | undefined {
  return child.periods.find((p) => openOn(p.start, p.end, date));
}

export function placementOn(child: MeasureChild, date: IsoDate): MeasurePlacement | undefined {
  let found: MeasurePlacement | undefined;
  for (const p of child.placements)
    if (openOn(p.start, p.end, date) && (!found || p.start > found.start)) found = p;
  return found;
}

export function legalStatusOn(child: MeasureChild, date: IsoDate): string | undefined {
  let found: { start: IsoDate; status: string } | undefined;
  for (const l of child.legalStatuses)
    if (openOn(l.start, l.end, date) && (!found || l.start > found.start)) found = l;
  return found?.status;
}

/** Looked after on `date`, not under a short break. */
export function lookedAfterOn(child: MeasureChild, date: IsoDate): PeriodOfCare | undefined {
  const p = periodOn(child, date);
  if (!p) return undefined;
  const ls = legalStatusOn(child, date);
  return ls !== undefined && SHORT_BREAK_STATUSES.has(ls) ? undefined : p;
}

// Per child (a child object is never changed once built; sliceAt builds new ones), the periods
// made only of short breaks and the periods overlapping each window: most measures ask again.
const shortBreakMemo = new WeakMap<MeasureChild, Set<number>>();
// Keyed by the Window object (yearTo hands out one per date), so asking again builds no key.
const duringMemo = new WeakMap<MeasureChild, Map<Window, readonly PeriodOfCare[]>>();
const NO_PERIODS: readonly PeriodOfCare[] = Object.freeze([]);

/** Every legal status recorded in the period is V3 or V4. */
export function shortBreaksOnly(child: MeasureChild, period: PeriodOfCare): boolean {
  let ids = shortBreakMemo.get(child);
  if (!ids) {
    const any = new Set<number>();
    const other = new Set<number>();
    for (const l of child.legalStatuses)
      (SHORT_BREAK_STATUSES.has(l.status) ? any : other).add(l.periodOfCareId);
    ids = new Set([...any].filter((id) => !other.has(id)));
    shortBreakMemo.set(child, ids);
  }
  return ids.has(period.id);
}

/** Periods (not short breaks only) overlapping the window, in start order. */
export function periodsDuring(child: MeasureChild, w: Window): readonly PeriodOfCare[] {
  if (child.periods.length === 0) return NO_PERIODS;
  let byWindow = duringMemo.get(child);
  if (!byWindow) duringMemo.set(child, (byWindow = new Map<Window, readonly PeriodOfCare[]>()));
  let out = byWindow.get(w);
  if (!out) {
    out = child.periods
      .filter((p) => p.start <= w.end && (p.end === null || p.end >= w.start))
      .filter((p) => !shortBreaksOnly(child, p))
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    if (out.length === 0) out = NO_PERIODS;
    byWindow.set(w, out);
  }
  return out;
}

export function lookedAfterDuring(child: MeasureChild, w: Window): boolean {
  return periodsDuring(child, w).length > 0;
}

const claMemo = new WeakMap<readonly MeasureChild[], Map<IsoDate, readonly MeasureChild[]>>();

/**
 * Children looked after on `at` (the DfE's "children looked after at 31 March" when at is 31
 * March). Remembered per children array and date, since most measures start from it.
 */
export function cla(children: readonly MeasureChild[], at: IsoDate): readonly MeasureChild[] {
  let byDate = claMemo.get(children);
  if (!byDate) claMemo.set(children, (byDate = new Map<IsoDate, readonly MeasureChild[]>()));
  let out = byDate.get(at);
  if (!out) byDate.set(at, (out = children.filter((c) => lookedAfterOn(c, at) !== undefined)));
  return out;
}
