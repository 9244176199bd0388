// dueItems(): every statutory due item for one child, carer or private fostering arrangement.
import type { IsoDate } from '../dates/index.ts';
import { childContext } from './childContext.ts';
import { addDays } from '../dates/index.ts';
import { DUE_WINDOW_DAYS, type Draft, type DueItem, finish } from './dueItem.ts';
import type { SchoolTerm, TimescaleInput } from './inputs.ts';
import { careLeaverItems } from './rules/careLeaver.ts';
import { careProceedings } from './rules/careProceedings.ts';
import { connectedPersonClocks } from './rules/connectedPerson.ts';
import { fosterCarerReviews } from './rules/fosterCarerReview.ts';
import { healthAssessments } from './rules/healthAssessments.ts';
import { lacReviews } from './rules/lacReview.ts';
import { peps } from './rules/pep.ts';
import { privateFosteringVisits } from './rules/privateFostering.ts';
import { returnHomeInterviews } from './rules/returnHomeInterview.ts';
import { sdqs } from './rules/sdq.ts';
import { swVisits } from './rules/swVisit.ts';
import { DEFAULT_TERMS } from './terms.ts';

export interface TimescaleOptions {
  /** School terms for PEP reviews; default: approximate English terms (terms.ts). */
  terms?: readonly SchoolTerm[];
}

const CHILD_RULES = [
  lacReviews,
  swVisits,
  healthAssessments,
  sdqs,
  peps,
  returnHomeInterviews,
  careLeaverItems,
  careProceedings,
];

function drafts(input: TimescaleInput, today: IsoDate, options: TimescaleOptions): Draft[] {
  switch (input.kind) {
    case 'child': {
      const ctx = childContext(input, today, options.terms ?? DEFAULT_TERMS);
      const out: Draft[] = [];
      for (const rule of CHILD_RULES) for (const d of rule(ctx)) out.push(d);
      return out;
    }
    case 'carer':
      return [...fosterCarerReviews(input, today), ...connectedPersonClocks(input, today)];
    case 'private-fostering':
      return privateFosteringVisits(input, today);
  }
}

/** All due items, in due-date order (then rule, then item). */
export function dueItems(
  input: TimescaleInput,
  today: IsoDate,
  options: TimescaleOptions = {},
): DueItem[] {
  const windowEnd = addDays(today, DUE_WINDOW_DAYS);
  const items = drafts(input, today, options).map((d) =>
    finish(d, today, input.extensions, windowEnd),
  );
  return items.sort(byDueRuleItem);
}

function byDueRuleItem(a: DueItem, b: DueItem): number {
  if (a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.item < b.item ? -1 : a.item > b.item ? 1 : 0;
}
