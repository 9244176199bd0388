// Health assessments for each period of care.
// Initial (CPPCR 2010 reg 7): before the first placement or, if impracticable, before the first
// review, unless one was done in the 3 months before. Convention, following the statutory guidance
// (Promoting the health and wellbeing of looked-after children, 2015): due within 20 working days
// of the start of the period of care, the same day as the first review.
// Review health assessments: at least every 6 months before the fifth birthday and every 12 months
// after it. Convention: the interval is chosen by the child's age on the day of the last
// assessment (a child assessed at 4 years 8 months is next due 6 months later, at 5 years 2 months),
// since the guidance fixes the 6-month duty "before the fifth birthday".
import { addMonths, addWorkingDays, ageOn } from '../../dates/index.ts';
import { chain, datesWithin, on, ordinal } from '../chain.ts';
import { type ChildContext, periodCloses, periodsInOrder } from '../childContext.ts';
import type { Draft } from '../dueItem.ts';

export function healthAssessments(ctx: ChildContext): Draft[] {
  const initial = ctx.input.healthAssessments
    .filter((h) => h.kind === 'initial')
    .map((h) => h.date);
  const reviews = ctx.input.healthAssessments.filter((h) => h.kind === 'review').map((h) => h.date);
  return periodsInOrder(ctx.input).flatMap((period) => {
    if (period.start > ctx.lastDayAsChild) return [];
    const closedOn = periodCloses(ctx, period);
    const iha = chain({
      rule: 'initial-health-assessment',
      whom: ctx.whom,
      key: `period-${period.id}`,
      first: {
        due: addWorkingDays(period.start, 20),
        what: 'Initial health assessment (in time for the first review)',
        basis: on('Period of care started', period.start),
      },
      // Only the first counts, and one in the 3 months before the period began satisfies it.
      events: datesWithin(initial, addMonths(period.start, -3), period.end).slice(0, 1),
      closedOn,
      today: ctx.today,
    });
    const ihaDone = iha[0]?.doneOn;
    if (!ihaDone) return iha;
    const every = (date: string) => (ageOn(ctx.input.dateOfBirth, date) < 5 ? 6 : 12);
    const rha = chain({
      rule: 'review-health-assessment',
      whom: ctx.whom,
      key: `period-${period.id}`,
      first: {
        due: addMonths(ihaDone, every(ihaDone)),
        what: 'First review health assessment',
        basis: on('Initial health assessment', ihaDone),
      },
      events: datesWithin(reviews, ihaDone, period.end).filter((d) => d > ihaDone),
      next: (last, n) => ({
        due: addMonths(last, every(last)),
        what: `${ordinal(n)} review health assessment`,
        basis: on('Last review health assessment', last),
      }),
      closedOn,
      today: ctx.today,
    });
    return [...iha, ...rha];
  });
}
