// The inverse of deriveEpisodes, for importing a child's historic 903 episodes as facts.
//
// - A period of care starts at an episode with RNE S, or at any episode that does not continue the
//   one before it (that one did not end with X1 on this episode's DECOM). It ends with its last
//   episode: DEC and, unless it is X1, REC as the end reason.
// - Consecutive episodes with the same legal status are one legal status period.
// - A placement starts at an episode whose RNE says the placement changed (P, T, B, U) or whose
//   PLACE, PLACE_PROVIDER, PL_POST or URN differ from the episode before. Its reason for change is
//   the REASON_PLACE_CHANGE of the episode that ended it. Carers are not in the return, so each
//   placement gets a stand-in carerRef ('episodes:n'): a new one, or the previous placement's on T
//   and U (same carer(s)).
// - CIN lives on placements, so an episode that changes CIN without moving starts a new placement
//   record with the same place and carer (not a change of placement: deriveEpisodes gives no new
//   episode for it, and keeps the new CIN from the next legal change).
// HOME_POST is not a care fact (pass it to deriveEpisodes as options.homePostcode).
import { PLACEMENT_CHANGE_RNE, REC_CONTINUES } from './codes.ts';
import type { Episode, LegalStatusPeriod, PeriodOfCare, PlacementPeriod } from './facts.ts';

export interface ReconstructedFacts {
  periods: PeriodOfCare[];
  legalStatuses: LegalStatusPeriod[];
  placements: PlacementPeriod[];
}

export function factsFromEpisodes(episodes: readonly Episode[]): ReconstructedFacts {
  const sorted = [...episodes].sort((a, b) => (a.DECOM < b.DECOM ? -1 : a.DECOM > b.DECOM ? 1 : 0));
  const out: ReconstructedFacts = { periods: [], legalStatuses: [], placements: [] };
  let carers = 0;
  let prev: Episode | undefined;
  let period: PeriodOfCare | undefined;
  let ls: LegalStatusPeriod | undefined;
  let pl: PlacementPeriod | undefined;

  const startLegal = (e: Episode, periodId: number): LegalStatusPeriod => {
    const row = {
      id: out.legalStatuses.length + 1,
      periodOfCareId: periodId,
      status: e.LS,
      start: e.DECOM,
      end: e.DEC,
    };
    out.legalStatuses.push(row);
    return row;
  };
  const startPlacement = (e: Episode, periodId: number, carerRef: string): PlacementPeriod => {
    const row: PlacementPeriod = {
      id: out.placements.length + 1,
      periodOfCareId: periodId,
      placeType: e.PLACE,
      provider: e.PLACE_PROVIDER,
      postcode: e.PL_POST,
      urn: e.URN,
      start: e.DECOM,
      end: e.DEC,
      reasonForChange: null,
      categoryOfNeed: e.CIN,
      carerRef,
    };
    out.placements.push(row);
    return row;
  };

  for (const e of sorted) {
    const continues =
      prev !== undefined &&
      period !== undefined &&
      ls !== undefined &&
      pl !== undefined &&
      e.RNE !== 'S' &&
      prev.REC === REC_CONTINUES &&
      prev.DEC === e.DECOM;
    if (!continues || period === undefined || ls === undefined || pl === undefined) {
      period = { id: out.periods.length + 1, start: e.DECOM, end: null, endReason: null };
      out.periods.push(period);
      ls = startLegal(e, period.id);
      pl = startPlacement(e, period.id, `episodes:${++carers}`);
    } else {
      if (e.LS !== ls.status) ls = startLegal(e, period.id);
      const moved =
        PLACEMENT_CHANGE_RNE.has(e.RNE) ||
        e.PLACE !== pl.placeType ||
        e.PLACE_PROVIDER !== pl.provider ||
        e.PL_POST !== pl.postcode ||
        e.URN !== pl.urn;
      if (moved) {
        pl.reasonForChange = prev?.REASON_PLACE_CHANGE ?? null;
        const sameCarer = e.RNE === 'T' || e.RNE === 'U';
        pl = startPlacement(
          e,
          period.id,
          sameCarer ? (pl.carerRef ?? `episodes:${++carers}`) : `episodes:${++carers}`,
        );
      } else if (e.CIN !== pl.categoryOfNeed) {
        pl = startPlacement(e, period.id, pl.carerRef ?? `episodes:${++carers}`);
      }
    }
    // Each record runs to the end of the latest episode it covers (DEC = the next DECOM).
    ls.end = e.DEC;
    pl.end = e.DEC;
    period.end = e.DEC;
    period.endReason = e.DEC === null || e.REC === REC_CONTINUES ? null : e.REC;
    prev = e;
  }
  return out;
}
