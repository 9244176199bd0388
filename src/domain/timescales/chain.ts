// The shape most duties share: a first item due from a starting event, then each next item due a
// fixed interval after the last time the duty was done ("most intervals run from the last completed
// event"). Events satisfy items in order; the chain stops at the first item not yet done, so a
// child's list holds their history and exactly one open item per cycle.
import { earliest, formatUkDate, type IsoDate } from '../dates/index.ts';
import type { Draft, Whom } from './dueItem.ts';
import type { RuleId } from './sources.ts';

export interface Step {
  due: IsoDate;
  what: string;
  basis: string;
}

export interface ChainSpec {
  rule: RuleId;
  whom: Whom;
  /** Prefix of item keys, e.g. 'period-3' gives 'period-3/1', 'period-3/2' … */
  key: string;
  first: Step;
  /** Dates that satisfy the duty, sorted ascending, already limited to this cycle. */
  events: readonly IsoDate[];
  /** The next step after the duty was done on `lastDone` (`n` numbers it from 1); absent for a one-off duty. */
  next?: (lastDone: IsoDate, n: number) => Step;
  /** The day the cycle ends (period or placement ended, age limit reached); null if open. */
  closedOn: IsoDate | null;
  today: IsoDate;
}

/**
 * Items due after the cycle closes are not generated. An item not done when the cycle closed (on
 * or before today) is dropped: there is nothing left to do for it, and its lateness belongs in
 * performance reporting rather than a work tray.
 */
export function chain(spec: ChainSpec): Draft[] {
  const drafts: Draft[] = [];
  let step = spec.first;
  for (let n = 1; ; n++) {
    if (spec.closedOn !== null && step.due > spec.closedOn) break;
    const done = spec.events[n - 1];
    const draft: Draft = {
      rule: spec.rule,
      item: `${spec.key}/${n}`,
      what: step.what,
      whom: spec.whom,
      due: step.due,
      doneOn: done ?? null,
      basis: step.basis,
    };
    if (done === undefined) {
      if (spec.closedOn === null || spec.closedOn > spec.today) drafts.push(draft);
      break;
    }
    drafts.push(draft);
    if (!spec.next) break;
    step = spec.next(done, n + 1);
    if (n > 10_000) break; // a guard against runaway data, never reached by real records
  }
  return drafts;
}

/** Sorted dates within [from, to] (to null = open). */
export function datesWithin(
  dates: Iterable<IsoDate>,
  from: IsoDate,
  to: IsoDate | null,
): IsoDate[] {
  const out: IsoDate[] = [];
  for (const d of dates) if (d >= from && (to === null || d <= to)) out.push(d);
  return out.sort();
}

/** The earlier of two optional ends (null = open). */
export function earlierEnd(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return earliest(a, b);
}

export function on(label: string, date: IsoDate): string {
  return `${label} ${formatUkDate(date)}`;
}

export function ordinal(n: number): string {
  const words = [
    'First',
    'Second',
    'Third',
    'Fourth',
    'Fifth',
    'Sixth',
    'Seventh',
    'Eighth',
    'Ninth',
    'Tenth',
  ];
  const w = words[n - 1];
  if (w) return w;
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}
