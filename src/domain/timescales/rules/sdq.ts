// Strengths and Difficulties Questionnaire: at least yearly for children aged 4 to 16 inclusive who
// have been looked after continuously for 12 months or more (DfE SSDA903 guidance; statutory
// guidance on health 2015). First due when the child has been looked after for 12 months or turns
// 4, whichever is later; then 12 months after the last one; none falls due from the 17th birthday.
// Convention: an SDQ done earlier in the period (from the 4th birthday) counts for the first.
import { addDays, addMonths, birthdayAt, latest } from '../../dates/index.ts';
import { chain, datesWithin, earlierEnd, on } from '../chain.ts';
import { type ChildContext, periodCloses, periodsInOrder } from '../childContext.ts';
import type { Draft } from '../dueItem.ts';

export function sdqs(ctx: ChildContext): Draft[] {
  const dob = ctx.input.dateOfBirth;
  const fourth = birthdayAt(dob, 4);
  const lastDayAged16 = addDays(birthdayAt(dob, 17), -1);
  const dates = ctx.input.sdqs.map((s) => s.date);
  return periodsInOrder(ctx.input).flatMap((period) => {
    const year = addMonths(period.start, 12);
    const first = latest(year, fourth);
    const basis =
      first === year
        ? on('Looked after for 12 months on', year)
        : on('Looked after 12 months or more; fourth birthday', fourth);
    return chain({
      rule: 'sdq',
      whom: ctx.whom,
      key: `period-${period.id}`,
      first: { due: first, what: 'Strengths and Difficulties Questionnaire', basis },
      events: datesWithin(dates, latest(period.start, fourth), period.end),
      next: (last) => ({
        due: addMonths(last, 12),
        what: 'Strengths and Difficulties Questionnaire (yearly)',
        basis: on('Last SDQ', last),
      }),
      closedOn: earlierEnd(periodCloses(ctx, period), lastDayAged16),
      today: ctx.today,
    });
  });
}
