// Return home interview (Children who run away or go missing from home or care, DfE 2014): an
// independent interview offered within 72 hours of the child's return. Episodes are recorded by
// date, so 72 hours from the return date is the date 3 days later.
import { addDays } from '../../dates/index.ts';
import { on } from '../chain.ts';
import type { ChildContext } from '../childContext.ts';
import type { Draft } from '../dueItem.ts';

export function returnHomeInterviews(ctx: ChildContext): Draft[] {
  const drafts: Draft[] = [];
  for (const ep of ctx.input.missingEpisodes) {
    if (ep.returned === null) continue;
    drafts.push({
      rule: 'return-home-interview',
      item: `missing-${ep.id}`,
      what: 'Return home interview offered (within 72 hours of return)',
      whom: ctx.whom,
      due: addDays(ep.returned, 3),
      doneOn: ep.interviewOffered,
      basis: on('Returned from missing episode', ep.returned),
    });
  }
  return drafts;
}
