// Social worker visits (CPPCR 2010 reg 28), restarting with each placement:
// - within 1 week of the start of any placement;
// - then at most every 6 weeks in the placement's first year;
// - after the first year, at most every 3 months if the placement is intended to last until 18,
//   otherwise every 6 weeks;
// - connected-person placement under reg 24 (and an interim care order at home, P1 + C1): weekly
//   until the first review, then at most every 4 weeks;
// - placed with parents under a care order (P1): every 6 weeks throughout;
// - designated long-term foster placement, after its first year, where the child agrees: at most
//   every 6 months (reg 28(3A), inserted 2015). The agreement must be given on or before the last
//   visit and not withdrawn before the 6 months are up (see agreementHolds).
// The interval is chosen by the circumstances on the day of the last visit. Only visits where the
// child was seen count.
import { addDays, addMonths, addWeeks, addYears, type IsoDate } from '../../dates/index.ts';
import type { PlacementPeriod } from '../../care/facts.ts';
import { chain, datesWithin, earlierEnd, on } from '../chain.ts';
import { type ChildContext } from '../childContext.ts';
import type { Draft } from '../dueItem.ts';
import type { PlacementFlags, VisitAgreement } from '../inputs.ts';

const NO_FLAGS: Omit<PlacementFlags, 'placementId'> = {
  intendedToLastTo18: false,
  longTermFosterDesignated: null,
  visitAgreements: [],
  connectedPersonReg24: false,
};

function legalStatusOn(
  ctx: ChildContext,
  placement: PlacementPeriod,
  date: IsoDate,
): string | null {
  const ls = ctx.input.legalStatuses.find(
    (l) =>
      l.periodOfCareId === placement.periodOfCareId &&
      l.start <= date &&
      (l.end === null || l.end >= date),
  );
  return ls?.status ?? null;
}

function firstReviewOnOrAfter(ctx: ChildContext, placement: PlacementPeriod): IsoDate | null {
  const period = ctx.input.periods.find((p) => p.id === placement.periodOfCareId);
  const from = period?.start ?? placement.start;
  let first: IsoDate | null = null;
  for (const r of ctx.input.reviews)
    if (r.date >= from && (first === null || r.date < first)) first = r.date;
  return first;
}

/**
 * The child's agreement covers the visit after `last` when it was given on or before that visit
 * and not withdrawn before the 6-monthly date. Withdrawn earlier, the usual interval from the last
 * visit applies again.
 */
export function agreementHolds(
  agreements: readonly VisitAgreement[],
  last: IsoDate,
  sixMonthly: IsoDate,
): boolean {
  return agreements.some(
    (a) => a.agreed <= last && (a.withdrawn === null || a.withdrawn >= sixMonthly),
  );
}

export function nextVisit(
  placement: PlacementPeriod,
  flags: Omit<PlacementFlags, 'placementId'>,
  legalStatus: string | null,
  firstReview: IsoDate | null,
  last: IsoDate,
): { due: IsoDate; why: string } {
  const weeklyToFirstReview =
    flags.connectedPersonReg24 || (placement.placeType === 'P1' && legalStatus === 'C1');
  if (weeklyToFirstReview) {
    return firstReview === null || last < firstReview
      ? { due: addWeeks(last, 1), why: 'weekly until the first review' }
      : { due: addWeeks(last, 4), why: '4-weekly after the first review' };
  }
  if (placement.placeType === 'P1')
    return { due: addWeeks(last, 6), why: 'placed with parents: 6-weekly' };
  const firstYear = last < addYears(placement.start, 1);
  if (firstYear) return { due: addWeeks(last, 6), why: '6-weekly in the first year' };
  if (flags.longTermFosterDesignated !== null && flags.longTermFosterDesignated <= last) {
    const sixMonthly = addMonths(last, 6);
    if (agreementHolds(flags.visitAgreements, last, sixMonthly))
      return { due: sixMonthly, why: 'long-term foster placement, child agrees: 6-monthly' };
  }
  if (flags.intendedToLastTo18)
    return { due: addMonths(last, 3), why: 'placement intended to last to 18: 3-monthly' };
  return { due: addWeeks(last, 6), why: '6-weekly' };
}

export function swVisits(ctx: ChildContext): Draft[] {
  const seen = ctx.input.visits.filter((v) => v.seen).map((v) => v.date);
  return ctx.input.placements.flatMap((placement) => {
    if (placement.start > ctx.lastDayAsChild) return [];
    const flags = ctx.input.placementFlags.find((f) => f.placementId === placement.id) ?? NO_FLAGS;
    const legal = legalStatusOn(ctx, placement, placement.start);
    const firstReview = firstReviewOnOrAfter(ctx, placement);
    return chain({
      rule: 'sw-visit',
      whom: ctx.whom,
      key: `placement-${placement.id}`,
      first: {
        due: addDays(placement.start, 7),
        what: 'Social worker visit within a week of the placement starting',
        basis: on('Placement started', placement.start),
      },
      events: datesWithin(seen, placement.start, placement.end),
      next: (last) => {
        const { due, why } = nextVisit(placement, flags, legal, firstReview, last);
        return { due, what: `Social worker visit (${why})`, basis: on('Child last seen', last) };
      },
      closedOn: earlierEnd(placement.end, ctx.lastDayAsChild),
      today: ctx.today,
    });
  });
}
