// The part of the care record a 903 return is built from, as plain rows (loaded by load.ts in a few
// set-based queries; built into tables by build.ts). Dates are 'YYYY-MM-DD'.

export interface ExportChild {
  id: number;
  localId: string;
  sex: string;
  dateOfBirth: string;
  ethnicity: string | null;
  upn: string | null;
  uasc: boolean;
  uascEnd: string | null;
  homePostcode: string | null;
}

interface ByChild {
  childId: number;
}

export interface ExportPeriod extends ByChild {
  id: number;
  start: string;
  end: string | null;
  endReason: string | null;
}

export interface ExportLegalStatus extends ByChild {
  id: number;
  periodId: number;
  status: string;
  start: string;
  end: string | null;
}

export interface ExportPlacement extends ByChild {
  id: number;
  periodId: number;
  placeType: string;
  provider: string | null;
  postcode: string | null;
  urn: string | null;
  start: string;
  end: string | null;
  reasonForChange: string | null;
  categoryOfNeed: string;
  carerRef: string | null;
}

export interface ExportReview extends ByChild {
  held: string;
  participation: string | null;
}

export interface ExportMissing extends ByChild {
  kind: string;
  start: string;
  end: string | null;
}

export interface ExportSdq extends ByChild {
  date: string | null;
  score: number | null;
  reason: string | null;
}

export interface ExportDated extends ByChild {
  date: string;
}

export interface ExportHealth extends ByChild {
  kind: 'initial' | 'review' | 'dental';
  date: string;
}

export interface ExportImmunisation extends ByChild {
  asAt: string;
  upToDate: boolean;
}

export interface ExportSubstance extends ByChild {
  date: string;
  offered: boolean;
  received: boolean;
}

export interface ExportAdoption extends ByChild {
  decision: string;
  matched: string | null;
  reversed: string | null;
  reversedReason: string | null;
  byFosterCarer: boolean | null;
  adopterCount: number | null;
  adopterSexes: string | null;
  adopterLegalStatus: string | null;
}

export interface ExportPrevPerm extends ByChild {
  prevPerm: string;
  date: string | null;
  /** The 903's partial form (ZZ/05/2019, ZZ/ZZ/2019) when only the month or year is known. */
  datePartial: string | null;
  laCode: string | null;
}

export interface ExportContact extends ByChild {
  date: string;
  inTouch: string;
  activity: string | null;
  accommodation: string | null;
}

export interface ExportAllocation extends ByChild {
  swId: string | null;
  start: string;
  end: string | null;
  endReason: string | null;
}

/** A mother in care and the date of birth of her (first) child. */
export interface ExportMotherhood extends ByChild {
  childDob: string;
}

export interface ExportRecord {
  children: ExportChild[];
  periods: ExportPeriod[];
  legalStatuses: ExportLegalStatus[];
  placements: ExportPlacement[];
  reviews: ExportReview[];
  missing: ExportMissing[];
  sdq: ExportSdq[];
  convictions: ExportDated[];
  health: ExportHealth[];
  immunisations: ExportImmunisation[];
  substance: ExportSubstance[];
  adoptions: ExportAdoption[];
  prevPerm: ExportPrevPerm[];
  contacts: ExportContact[];
  allocations: ExportAllocation[];
  motherhood: ExportMotherhood[];
}
