// Tables of migrations 0080 and 0082 (src/features/homes, src/features/sufficiency).
import type { ColumnType, Generated } from 'kysely';

type Version = ColumnType<number, number | undefined, number>;

/** A Regulation 44 independent person's monthly visit to a children's home. */
export interface Reg44VisitTable {
  id: Generated<number>;
  home_id: number;
  visit_date: string;
  visitor: string;
  report_received: string | null;
  recommendations: string | null;
  recorded_by: number | null;
  version: Version;
}

/** A Regulation 45 quality-of-care review of a children's home and its report to Ofsted (0082). */
export interface Reg45ReviewTable {
  id: Generated<number>;
  home_id: number;
  period_start: string;
  period_end: string;
  completed_on: string;
  sent_to_ofsted_on: string | null;
  summary: string;
  actions: string | null;
  recorded_by: number | null;
  version: Version;
}

/** A 16+ supported accommodation service run by a provider. */
export interface SupportedAccommodationTable {
  id: Generated<number>;
  provider_id: number;
  name: string;
  postcode: string;
  places: number;
  ofsted_urn: string | null;
  closed_on: string | null;
  version: Version;
}

export const qualityRatings = ['good', 'adequate', 'concerns'] as const;
export type QualityRating = (typeof qualityRatings)[number];

/** The council's quality visit to a supported accommodation service. */
export interface QualityVisitTable {
  id: Generated<number>;
  supported_accommodation_id: number;
  visit_date: string;
  visitor: string;
  rating: QualityRating;
  notes: string | null;
  recorded_by: number | null;
  version: Version;
}

export const disruptionOutcomes = ['continues', 'ends', 'not_decided'] as const;
export type DisruptionOutcome = (typeof disruptionOutcomes)[number];

/** A placement disruption (stability) meeting held for a child. */
export interface DisruptionMeetingTable {
  id: Generated<number>;
  child_id: number;
  placement_id: number | null;
  meeting_date: string;
  outcome: DisruptionOutcome;
  recorded_by: number | null;
  version: Version;
}

export interface HomesTables {
  reg44_visit: Reg44VisitTable;
  reg45_review: Reg45ReviewTable;
  supported_accommodation: SupportedAccommodationTable;
  quality_visit: QualityVisitTable;
  disruption_meeting: DisruptionMeetingTable;
}
