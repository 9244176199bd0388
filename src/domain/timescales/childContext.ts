// What child rules share: the child, today, and the day they stop being a looked-after child.
import { addDays, birthdayAt, type IsoDate } from '../dates/index.ts';
import type { Whom } from './dueItem.ts';
import type { ChildTimescaleInput, SchoolTerm } from './inputs.ts';
import type { PeriodOfCare } from '../care/facts.ts';

export interface ChildContext {
  input: ChildTimescaleInput;
  today: IsoDate;
  whom: Whom;
  terms: readonly SchoolTerm[];
  /** The day before the 18th birthday: no child duty falls due after it. */
  lastDayAsChild: IsoDate;
}

export function childContext(
  input: ChildTimescaleInput,
  today: IsoDate,
  terms: readonly SchoolTerm[],
): ChildContext {
  return {
    input,
    today,
    terms,
    whom: { type: 'child', id: input.childId },
    lastDayAsChild: addDays(birthdayAt(input.dateOfBirth, 18), -1),
  };
}

/** Periods of care in date order. */
export function periodsInOrder(input: ChildTimescaleInput): PeriodOfCare[] {
  return [...input.periods].sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** The cycle's closing day: the period's end or the day before the 18th birthday, whichever first. */
export function periodCloses(ctx: ChildContext, period: PeriodOfCare): IsoDate {
  return period.end !== null && period.end < ctx.lastDayAsChild ? period.end : ctx.lastDayAsChild;
}
