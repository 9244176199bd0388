// Care leavers, from the date leaving-care support began (CareLeaverFacts.since) to the day before
// the 25th birthday (personal adviser support to 25, Children and Social Work Act 2017 s3):
// - pathway plan reviewed at least every 6 months (Care Leavers (England) Regs 2010 reg 7);
// - personal adviser contact at least every 2 months;
// - contact on or around each of the 17th to 21st birthdays for the SSDA903 care leaver data.
//   Convention: the window is 3 months before to 1 month after the birthday, the item falls due at
//   the window's end, and a birthday whose window closed before support began is not listed.
import { addDays, addMonths, birthdayAt } from '../../dates/index.ts';
import { chain, datesWithin, on } from '../chain.ts';
import type { ChildContext } from '../childContext.ts';
import type { Draft } from '../dueItem.ts';

const BIRTHDAYS = [17, 18, 19, 20, 21] as const;

export function careLeaverItems(ctx: ChildContext): Draft[] {
  const leaver = ctx.input.careLeaver;
  if (!leaver) return [];
  const closedOn = addDays(birthdayAt(ctx.input.dateOfBirth, 25), -1);
  const plan = chain({
    rule: 'pathway-plan-review',
    whom: ctx.whom,
    key: 'pathway-plan',
    first: {
      due: addMonths(leaver.since, 6),
      what: 'Pathway plan review',
      basis: on('Leaving-care support began', leaver.since),
    },
    events: datesWithin(
      leaver.pathwayPlanReviews.map((r) => r.date),
      leaver.since,
      null,
    ),
    next: (last) => ({
      due: addMonths(last, 6),
      what: 'Pathway plan review (6-monthly)',
      basis: on('Last pathway plan review', last),
    }),
    closedOn,
    today: ctx.today,
  });
  const contacts = leaver.personalAdviserContacts.map((c) => c.date);
  const pa = chain({
    rule: 'pa-contact',
    whom: ctx.whom,
    key: 'personal-adviser',
    first: {
      due: addMonths(leaver.since, 2),
      what: 'Personal adviser contact',
      basis: on('Leaving-care support began', leaver.since),
    },
    events: datesWithin(contacts, leaver.since, null),
    next: (last) => ({
      due: addMonths(last, 2),
      what: 'Personal adviser contact (2-monthly)',
      basis: on('Last contact', last),
    }),
    closedOn,
    today: ctx.today,
  });
  const birthdays: Draft[] = [];
  for (const age of BIRTHDAYS) {
    const birthday = birthdayAt(ctx.input.dateOfBirth, age);
    const windowEnd = addMonths(birthday, 1);
    if (windowEnd < leaver.since) continue;
    birthdays.push({
      rule: 'care-leaver-birthday-contact',
      item: `age-${age}`,
      what: `Contact around the ${age}th birthday (activity and accommodation)`,
      whom: ctx.whom,
      due: windowEnd,
      doneOn: datesWithin(contacts, addMonths(birthday, -3), windowEnd)[0] ?? null,
      basis: on(`${age}th birthday`, birthday),
    });
  }
  return [...plan, ...pa, ...birthdays];
}
