// The plain data the measures read, and the shape of a measure. Everything is as recorded; nothing
// here is derived. Dates are 'YYYY-MM-DD' UK local dates.
import type { IsoDate, LegalStatusPeriod, PeriodOfCare, PlacementPeriod } from '../care/index.ts';

export interface MeasurePlacement extends PlacementPeriod {
  /** Straight-line miles from the child's home postcode to the placement; null = not known. */
  miles: number | null;
  /** Outside the authority's boundary; null = not known (no postcode, or no boundary list). */
  outsideAuthority: boolean | null;
  /** The care plan intends this placement to last until the child is 18. */
  intendedTo18: boolean;
  /** Agreed weekly cost in whole pounds; null or absent = not recorded. */
  weeklyCost?: number | null;
}

export interface ReviewFact {
  due: IsoDate | null;
  held: IsoDate | null;
  /** 903 REVIEW_CODE PN0–PN7. */
  participation: string | null;
}

export interface VisitFact {
  date: IsoDate;
  seen: boolean;
}

export interface HealthFact {
  kind: 'initial' | 'review' | 'dental';
  date: IsoDate;
}

export interface SdqFact {
  date: IsoDate | null;
  score: number | null;
}

export interface MissingFact {
  /** 903 MISSING: M missing (whereabouts unknown), A away without authorisation. */
  kind: 'M' | 'A';
  start: IsoDate;
  end: IsoDate | null;
  interviewOffered: IsoDate | null;
}

export interface LeaverContact {
  date: IsoDate;
  /** 903 OC3 IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM. */
  inTouch: string;
  /** 903 OC3 ACTIV: F1–P5 in education, employment or training; G4–G6 not. */
  activity: string | null;
  /** 903 OC3 ACCOM: second character 1 suitable, 2 not suitable. */
  accommodation: string | null;
}

export interface AdoptionFact {
  decision: IsoDate;
  placementOrder: IsoDate | null;
  matched: IsoDate | null;
  placed: IsoDate | null;
  orderGranted: IsoDate | null;
  reversed: IsoDate | null;
  /** 903 AD1 FOSTER_CARE: adopted by the child's foster carer(s). */
  byFosterCarer: boolean | null;
}

export interface AllocationFact {
  /** app_user.id of the social worker. */
  workerId: number;
  start: IsoDate;
  end: IsoDate | null;
}

export interface MeasureChild {
  id: string;
  dateOfBirth: IsoDate;
  periods: readonly PeriodOfCare[];
  legalStatuses: readonly LegalStatusPeriod[];
  placements: readonly MeasurePlacement[];
  reviews: readonly ReviewFact[];
  visits: readonly VisitFact[];
  health: readonly HealthFact[];
  sdqs: readonly SdqFact[];
  missing: readonly MissingFact[];
  leaverContacts: readonly LeaverContact[];
  adoptions: readonly AdoptionFact[];
  /** Social worker allocations only (not personal advisers or IROs). */
  socialWorkers: readonly AllocationFact[];
}

export interface MeasureData {
  children: readonly MeasureChild[];
  /** Children aged 0–17 living in the authority (ONS mid-year estimate); null when not set. */
  childPopulation: number | null;
}

export interface MeasureResult {
  /** null when the measure cannot be worked out (then `reason` says why) or has no cohort. */
  value: number | null;
  numerator: number | null;
  /** null for plain counts. */
  denominator: number | null;
  reason?: string;
  /** Counts behind the figure, e.g. by month ('2025-01') or by reason code ('E11'). */
  breakdown?: Record<string, number>;
}

export type Unit = 'count' | 'percent' | 'rate per 10,000' | 'days' | 'average' | '£';
export type Polarity = 'higher is better' | 'lower is better' | 'neither';

export interface Measure {
  id: string;
  title: string;
  /** Plain English, including every convention (edges, exclusions, what counts as "on time"). */
  definition: string;
  /** DfE publication or 903 field basis. */
  source: string;
  unit: Unit;
  polarity: Polarity;
  compute(data: MeasureData, at: IsoDate): MeasureResult;
}
