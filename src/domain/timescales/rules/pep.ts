// Personal education plan (CPPCR 2010 reg 5 and Sch 1 para 2; Promoting the education of
// looked-after children, DfE 2018). Conventions:
// - started at entry to care: due within 10 working days of the start of the period of care (the
//   guidance's limit for emergency placements); a PEP started up to a month before entry (a
//   planned admission) counts;
// - reviewed each school term: one item per term that starts after the period of care began, due
//   on the last day of term, done by a PEP started or reviewed within the term;
// - PEPs apply from the 3rd birthday (early education) to the day before the 18th; a child who
//   turns 3 while in care needs one within 10 working days of turning 3.
// Terms come from the caller (TimescaleOptions.terms) with the default English terms otherwise.
import { addMonths, addWorkingDays, birthdayAt, latest } from '../../dates/index.ts';
import { chain, datesWithin, on } from '../chain.ts';
import { type ChildContext, periodCloses, periodsInOrder } from '../childContext.ts';
import type { Draft } from '../dueItem.ts';

export function peps(ctx: ChildContext): Draft[] {
  const third = birthdayAt(ctx.input.dateOfBirth, 3);
  const dates = ctx.input.peps.map((p) => p.date);
  return periodsInOrder(ctx.input).flatMap((period) => {
    const closedOn = periodCloses(ctx, period);
    const from = latest(period.start, third);
    if (from > closedOn) return [];
    const start = chain({
      rule: 'pep-start',
      whom: ctx.whom,
      key: `period-${period.id}`,
      first: {
        due: addWorkingDays(from, 10),
        what: 'Personal education plan started',
        basis:
          from === period.start
            ? on('Period of care started', period.start)
            : on('Third birthday while looked after', third),
      },
      events: datesWithin(dates, addMonths(from, -1), period.end).slice(0, 1),
      closedOn,
      today: ctx.today,
    });
    const termly: Draft[] = [];
    for (const term of ctx.terms) {
      if (term.start <= from || term.start > ctx.today || term.end > closedOn) continue;
      let doneOn: string | null = null;
      for (const d of dates)
        if (d >= term.start && d <= term.end && (doneOn === null || d < doneOn)) doneOn = d;
      termly.push({
        rule: 'pep-review',
        item: `period-${period.id}/${term.start}`,
        what: `Personal education plan review, ${term.name}`,
        whom: ctx.whom,
        due: term.end,
        doneOn,
        basis: on(`${term.name} began`, term.start),
      });
    }
    return [...start, ...termly];
  });
}
