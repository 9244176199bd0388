// SSDA903 episodes derived from a child's recorded facts (periods of care, legal status periods and
// placements), as the DfE's 903 guidance defines them:
//
// - A period of care opens with an episode with RNE S. Within it a new episode starts on every day
//   the legal status or the placement changes: RNE L (legal status only), P (placement and
//   carer(s)), T (placement but the same carer(s)), B (both, new carer(s)), U (both, same carer(s)).
//   A placement changes when its type, provider, postcode or Ofsted URN changes, or the carer does
//   (carerRef); a new placement record with none of these different is not a new episode.
// - An episode that is followed by another in the same period ends on the day the next starts
//   (DEC = next DECOM) with REC X1. The period's last episode ends on the period's end date with the
//   period's end reason; an open period's last episode has DEC and REC blank.
// - REASON_PLACE_CHANGE is on the X1 episode whose placement ends by a change of placement (next
//   RNE P, T, B or U), taken from the placement that ended; blank when either placement is temporary
//   (T0–T4, rules 225 and 226), blank on an L change, on an episode ending care, and on an open one.
// - The state at each change date is the legal status and placement with the latest start on or
//   before it; changes on the period's end date start no episode (the child has left care that
//   day). Records are matched to periods by periodOfCareId. Gaps, overlaps and dates outside the
//   period are not repaired here: checkFacts() reports them.
import { REC_CONTINUES, type RneCode, TEMPORARY_PLACEMENTS } from './codes.ts';
import type {
  CareFacts,
  Episode,
  IsoDate,
  LegalStatusPeriod,
  PeriodOfCare,
  PlacementPeriod,
} from './facts.ts';
import { normalisePostcode } from './postcode.ts';

export interface DeriveOptions {
  /** The child's home postcode (903 HOME_POST), put on every episode; blank when absent. */
  homePostcode?: string | null;
}

export function deriveEpisodes(facts: CareFacts, options: DeriveOptions = {}): Episode[] {
  const homePost = normalisePostcode(options.homePostcode);
  const legalByPeriod = groupByPeriod(facts.legalStatuses);
  const placementsByPeriod = groupByPeriod(facts.placements);
  const periods = facts.periods.length > 1 ? [...facts.periods].sort(byStart) : facts.periods;
  const out: Episode[] = [];
  for (const period of periods) {
    derivePeriod(
      facts.childId,
      period,
      legalByPeriod.get(period.id) ?? [],
      placementsByPeriod.get(period.id) ?? [],
      homePost,
      out,
    );
  }
  return out;
}

function derivePeriod(
  child: string,
  period: PeriodOfCare,
  legal: LegalStatusPeriod[],
  placements: PlacementPeriod[],
  homePost: string | null,
  out: Episode[],
): void {
  let li = -1;
  let pi = -1;
  const advanceTo = (date: IsoDate): void => {
    while (li + 1 < legal.length && (legal[li + 1] as LegalStatusPeriod).start <= date) li++;
    while (pi + 1 < placements.length && (placements[pi + 1] as PlacementPeriod).start <= date)
      pi++;
  };

  advanceTo(period.start);
  let ls = legal[li];
  let pl = placements[pi];
  let current = episode(child, period.start, 'S', ls, pl, homePost);
  out.push(current);

  for (;;) {
    const nextLegal = legal[li + 1]?.start;
    const nextPlacement = placements[pi + 1]?.start;
    const next =
      nextLegal === undefined
        ? nextPlacement
        : nextPlacement === undefined || nextLegal < nextPlacement
          ? nextLegal
          : nextPlacement;
    if (next === undefined || (period.end !== null && next >= period.end)) break;
    advanceTo(next);
    const newLs = legal[li];
    const newPl = placements[pi];
    const legalChanged = (newLs?.status ?? '') !== current.LS;
    const move = placementChange(current, pl, newPl);
    const ended = pl;
    ls = newLs;
    pl = newPl;
    if (!legalChanged && move === 'none') continue;

    const rne: RneCode = legalChanged
      ? move === 'none'
        ? 'L'
        : move === 'same-carer'
          ? 'U'
          : 'B'
      : move === 'same-carer'
        ? 'T'
        : 'P';
    current.DEC = next;
    current.REC = REC_CONTINUES;
    if (
      move !== 'none' &&
      !TEMPORARY_PLACEMENTS.has(current.PLACE) &&
      !TEMPORARY_PLACEMENTS.has(newPl?.placeType ?? '')
    ) {
      current.REASON_PLACE_CHANGE = ended?.reasonForChange ?? null;
    }
    current = episode(child, next, rne, ls, pl, homePost);
    out.push(current);
  }

  current.DEC = period.end;
  current.REC = period.end === null ? null : period.endReason;
}

type Move = 'none' | 'same-carer' | 'new-carer';

/** How the placement changed between the current episode's placement and the one now in force. */
function placementChange(
  current: Episode,
  before: PlacementPeriod | undefined,
  after: PlacementPeriod | undefined,
): Move {
  if (after === before || after === undefined) return 'none';
  const carerBefore = before?.carerRef ?? null;
  const carerAfter = after.carerRef ?? null;
  const differentCarer = carerBefore !== null && carerAfter !== null && carerBefore !== carerAfter;
  const differentPlace =
    after.placeType !== current.PLACE ||
    (after.provider ?? null) !== current.PLACE_PROVIDER ||
    normalisePostcode(after.postcode) !== current.PL_POST ||
    (after.urn ?? null) !== current.URN;
  if (!differentCarer && !differentPlace) return 'none';
  return !differentCarer && carerBefore !== null && carerBefore === carerAfter
    ? 'same-carer'
    : 'new-carer';
}

function episode(
  child: string,
  decom: IsoDate,
  rne: RneCode,
  ls: LegalStatusPeriod | undefined,
  pl: PlacementPeriod | undefined,
  homePost: string | null,
): Episode {
  return {
    CHILD: child,
    DECOM: decom,
    RNE: rne,
    LS: ls?.status ?? '',
    CIN: pl?.categoryOfNeed ?? '',
    PLACE: pl?.placeType ?? '',
    PLACE_PROVIDER: pl?.provider ?? null,
    DEC: null,
    REC: null,
    REASON_PLACE_CHANGE: null,
    HOME_POST: homePost,
    PL_POST: normalisePostcode(pl?.postcode),
    URN: pl?.urn ?? null,
  };
}

function groupByPeriod<T extends { periodOfCareId: number; start: IsoDate; id: number }>(
  rows: T[],
): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.periodOfCareId);
    if (list) list.push(row);
    else map.set(row.periodOfCareId, [row]);
  }
  for (const list of map.values()) if (list.length > 1) list.sort(byStart);
  return map;
}

function byStart(a: { start: IsoDate; id: number }, b: { start: IsoDate; id: number }): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id;
}
