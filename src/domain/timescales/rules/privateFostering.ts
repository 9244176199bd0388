// Private fostering visits (Children (Private Arrangements for Fostering) Regulations 2005 reg 8):
// a first visit within 7 working days of the local authority becoming aware of the arrangement,
// then at intervals of not more than 6 weeks in the arrangement's first year and 12 weeks after.
// The interval is chosen by the date of the last visit. Visits stop when the arrangement ends or
// the child turns 16 (18 if disabled), when it is no longer private fostering.
import { addDays, addWeeks, addWorkingDays, addYears, birthdayAt } from '../../dates/index.ts';
import { chain, datesWithin, earlierEnd, on } from '../chain.ts';
import type { Draft } from '../dueItem.ts';
import type { PrivateFosteringInput } from '../inputs.ts';
import type { IsoDate } from '../../care/facts.ts';

export function privateFosteringVisits(input: PrivateFosteringInput, today: IsoDate): Draft[] {
  const yearOneEnds = addYears(input.start, 1);
  const ageLimit = addDays(birthdayAt(input.dateOfBirth, input.disabled ? 18 : 16), -1);
  return chain({
    rule: 'private-fostering-visit',
    whom: { type: 'child', id: input.childId },
    key: `arrangement-${input.arrangementId}`,
    first: {
      due: addWorkingDays(input.notified, 7),
      what: 'Private fostering visit (within 7 working days of notification)',
      basis: on('Local authority notified of the arrangement', input.notified),
    },
    events: datesWithin(
      input.visits.filter((v) => v.seen).map((v) => v.date),
      input.notified,
      input.ended,
    ),
    next: (last) =>
      last < yearOneEnds
        ? {
            due: addWeeks(last, 6),
            what: 'Private fostering visit (6-weekly in the first year)',
            basis: on('Last visit', last),
          }
        : {
            due: addWeeks(last, 12),
            what: 'Private fostering visit (12-weekly after the first year)',
            basis: on('Last visit', last),
          },
    closedOn: earlierEnd(input.ended, ageLimit),
    today,
  });
}
