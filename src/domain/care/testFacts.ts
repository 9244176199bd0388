// Builders for tests of care facts: compact, readable fact sequences and 903 episode rows.
import type {
  CareFacts,
  Episode,
  IsoDate,
  LegalStatusPeriod,
  PeriodOfCare,
  PlacementPeriod,
} from './facts.ts';

export function period(
  id: number,
  start: IsoDate,
  end: IsoDate | null = null,
  endReason: string | null = null,
): PeriodOfCare {
  return { id, start, end, endReason };
}

let nextId = 1000;

export function legal(
  periodOfCareId: number,
  status: string,
  start: IsoDate,
  end: IsoDate | null = null,
): LegalStatusPeriod {
  return { id: nextId++, periodOfCareId, status, start, end };
}

export interface PlaceSpec {
  type: string;
  provider?: string | null;
  postcode?: string | null;
  urn?: string | null;
  cin?: string;
  carer?: string | null;
  reason?: string | null;
}

export function placed(
  periodOfCareId: number,
  start: IsoDate,
  end: IsoDate | null,
  spec: PlaceSpec,
): PlacementPeriod {
  return {
    id: nextId++,
    periodOfCareId,
    placeType: spec.type,
    provider: spec.provider ?? null,
    postcode: spec.postcode ?? null,
    urn: spec.urn ?? null,
    start,
    end,
    reasonForChange: spec.reason ?? null,
    categoryOfNeed: spec.cin ?? 'N1',
    carerRef: spec.carer ?? null,
  };
}

export function facts(
  dateOfBirth: IsoDate,
  periods: PeriodOfCare[],
  legalStatuses: LegalStatusPeriod[],
  placements: PlacementPeriod[],
  childId = 'C1',
): CareFacts {
  return { childId, dateOfBirth, periods, legalStatuses, placements };
}

/** Episode row columns in the order of the 903 Episodes table, less CHILD and HOME_POST. */
export type Row = [
  DECOM: IsoDate,
  RNE: string,
  LS: string,
  CIN: string,
  PLACE: string,
  PLACE_PROVIDER: string | null,
  DEC: IsoDate | null,
  REC: string | null,
  REASON_PLACE_CHANGE: string | null,
  PL_POST: string | null,
  URN: string | null,
];

export function rows(child: string, homePost: string | null, table: Row[]): Episode[] {
  return table.map(
    ([
      DECOM,
      RNE,
      LS,
      CIN,
      PLACE,
      PLACE_PROVIDER,
      DEC,
      REC,
      REASON_PLACE_CHANGE,
      PL_POST,
      URN,
    ]) => ({
      CHILD: child,
      DECOM,
      RNE,
      LS,
      CIN,
      PLACE,
      PLACE_PROVIDER,
      DEC,
      REC,
      REASON_PLACE_CHANGE,
      HOME_POST: homePost,
      PL_POST,
      URN,
    }),
  );
}
