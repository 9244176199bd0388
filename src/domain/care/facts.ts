// The facts of a child's care as recorded (design.md: "record facts once; derive everything else").
// 903 episodes, due dates and measures are derived from these by pure functions. Dates are UK local
// dates as 'YYYY-MM-DD'; an open period has end null.

export type IsoDate = string;

/** When the child became looked after, and when (and why) they left care. */
export interface PeriodOfCare {
  id: number;
  start: IsoDate;
  end: IsoDate | null;
  /** 903 REC code for the end of the last episode when the period ends (E11, E12, E4A, ...). */
  endReason: string | null;
}

/** A legal status (903 LS: C1, C2, D1, E1, J1, J2, J3, L1, L2, L3, V2, V3, V4). */
export interface LegalStatusPeriod {
  id: number;
  periodOfCareId: number;
  status: string;
  start: IsoDate;
  end: IsoDate | null;
}

/** Where the child lives: one placement (903 PLACE, PLACE_PROVIDER, PL_POST, URN). */
export interface PlacementPeriod {
  id: number;
  periodOfCareId: number;
  /** 903 PLACE code (U1–U6, R1, R2, R3, R5, K1, K2, H5, P1–P3, S1, T0–T4, Z1, A3–A6 ...). */
  placeType: string;
  /** 903 PLACE_PROVIDER (PR0–PR5); null where not applicable. */
  provider: string | null;
  /** Postcode of the placement; PL_POST is the full postcode, normalised ("BD1 1HY"). */
  postcode: string | null;
  /** Ofsted URN of the home or agency, or 'XXXXXXX' where none applies. */
  urn: string | null;
  start: IsoDate;
  end: IsoDate | null;
  /** 903 REASON_PLACE_CHANGE (CARPL, CLOSE, ALLEG, STAND, APPRR, CREQB, CREQO, CHRON, LAREQ, PLACE, CUSTOD, OTHER) when the placement ended by a change. */
  reasonForChange: string | null;
  /** Category of need at the time (903 CIN N1–N8), carried onto episodes. */
  categoryOfNeed: string;
  /**
   * Who cares for the child here: a stable key for the fostering household, home or other carer
   * (e.g. 'household:12', 'home:3'), or null/absent when unknown. Two consecutive placements with
   * the same key are a change of placement with the same carer(s) (903 RNE T, or U with a legal
   * change); different keys, or any unknown key, mean new carer(s) (RNE P, or B).
   */
  carerRef?: string | null;
}

/** A child's care as the episode deriver needs it. */
export interface CareFacts {
  childId: string;
  dateOfBirth: IsoDate;
  periods: PeriodOfCare[];
  legalStatuses: LegalStatusPeriod[];
  placements: PlacementPeriod[];
}

/** One 903 episode, derived. Field names follow the 903 Episodes table. */
export interface Episode {
  CHILD: string;
  DECOM: IsoDate;
  RNE: string;
  LS: string;
  CIN: string;
  PLACE: string;
  PLACE_PROVIDER: string | null;
  DEC: IsoDate | null;
  REC: string | null;
  REASON_PLACE_CHANGE: string | null;
  HOME_POST: string | null;
  PL_POST: string | null;
  URN: string | null;
}
