// Looked-after reviews (CPPCR 2010 reg 33): first within 20 working days of the start of the
// period of care, the second within 3 months of the first, then at most every 6 months. Each new
// period of care restarts the cycle.
import { addMonths, addWorkingDays } from '../../dates/index.ts';
import { chain, datesWithin, on, ordinal } from '../chain.ts';
import { type ChildContext, periodCloses, periodsInOrder } from '../childContext.ts';
import type { Draft } from '../dueItem.ts';

export function lacReviews(ctx: ChildContext): Draft[] {
  const reviewDates = ctx.input.reviews.map((r) => r.date);
  return periodsInOrder(ctx.input).flatMap((period) => {
    if (period.start > ctx.lastDayAsChild) return [];
    return chain({
      rule: 'lac-review',
      whom: ctx.whom,
      key: `period-${period.id}`,
      first: {
        due: addWorkingDays(period.start, 20),
        what: 'First looked-after review',
        basis: on('Period of care started', period.start),
      },
      events: datesWithin(reviewDates, period.start, period.end),
      next: (last, n) => ({
        due: addMonths(last, n === 2 ? 3 : 6),
        what: `${ordinal(n)} looked-after review`,
        basis: on(`${ordinal(n - 1)} review held`, last),
      }),
      closedOn: periodCloses(ctx, period),
      today: ctx.today,
    });
  });
}
