// Foster carer reviews (Fostering Services (England) Regulations 2011 reg 28): the first within a
// year of approval, then at intervals of not more than a year; the first review goes to the
// fostering panel (reg 28(5)). The panel item falls due with the first review and is done on the
// panel date recorded against that review. When only the latest review is on the record
// (reviewHistoryIncomplete), the next review is due a year after it and no panel item is listed.
import { addYears } from '../../dates/index.ts';
import { chain, on } from '../chain.ts';
import type { Draft, Whom } from '../dueItem.ts';
import type { CarerTimescaleInput } from '../inputs.ts';
import type { IsoDate } from '../../care/facts.ts';

export function fosterCarerReviews(input: CarerTimescaleInput, today: IsoDate): Draft[] {
  if (input.approved === null) return [];
  const approved = input.approved;
  const whom: Whom = { type: 'carer', id: input.carerId };
  const reviews = input.reviews
    .filter((r) => r.date >= approved)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const latest = reviews.at(-1);
  if (input.reviewHistoryIncomplete && latest) {
    return chain({
      rule: 'foster-carer-review',
      whom,
      key: `from-${latest.date}`,
      first: {
        due: addYears(latest.date, 1),
        what: 'Annual foster carer review',
        basis: on('Last review', latest.date),
      },
      events: [],
      closedOn: input.deregistered,
      today,
    });
  }
  const drafts = chain({
    rule: 'foster-carer-review',
    whom,
    key: 'approval',
    first: {
      due: addYears(approved, 1),
      what: 'First foster carer review (within a year of approval)',
      basis: on('Approved as a foster carer', approved),
    },
    events: reviews.map((r) => r.date),
    next: (last) => ({
      due: addYears(last, 1),
      what: 'Annual foster carer review',
      basis: on('Last review', last),
    }),
    closedOn: input.deregistered,
    today,
  });
  const first = reviews[0];
  const firstDue = addYears(approved, 1);
  if (input.deregistered === null || input.deregistered > firstDue || first?.panelDate) {
    drafts.push({
      rule: 'foster-carer-first-review-panel',
      item: 'approval/1',
      what: 'First foster carer review taken to the fostering panel',
      whom,
      due: firstDue,
      doneOn: first?.panelDate ?? null,
      basis: on('Approved as a foster carer', approved),
    });
  }
  return drafts;
}
