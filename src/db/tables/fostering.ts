// Tables of migration 0070-fostering-service (src/features/fostering, src/features/mockingbird).
import type { ColumnType, Generated } from 'kysely';

type Version = ColumnType<number, number | undefined, number>;

/** A row of the allowance schedule; skills_level null is the connected-person (kinship) rate. */
export interface FosteringAllowanceTable {
  id: Generated<number>;
  age_from: number;
  age_to: number;
  skills_level: number | null;
  /** Whole pounds a week, for the child's keep. */
  weekly_allowance: number;
  /** Whole pounds a week, the carer's fee for their skills level. */
  weekly_fee: number;
  valid_from: string;
  version: Version;
}

export const journeyStages = [
  'enquiry',
  'initial_visit',
  'skills_to_foster',
  'assessment',
  'panel',
  'adm_decision',
  'approved',
  'temporary_approval',
  'withdrawn',
  'resigned',
  'deregistered',
] as const;
export type JourneyStage = (typeof journeyStages)[number];

export const leavingReasons = [
  'retirement',
  'health',
  'personal_circumstances',
  'permanence_for_child',
  'moved_to_agency',
  'dissatisfied',
  'standards_of_care',
  'not_suitable',
  'changed_mind',
  'other',
] as const;
export type LeavingReason = (typeof leavingReasons)[number];

/** One stage of a household's journey, reached on stage_date (each stage at most once). */
export interface FosteringStageTable {
  id: Generated<number>;
  household_id: number;
  stage: JourneyStage;
  stage_date: string;
  /** Set exactly for withdrawn, resigned and deregistered. */
  reason_code: LeavingReason | null;
  note: string | null;
  recorded_by: number;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
}

/** A Mockingbird constellation: the hub home carries two spare beds for sleepovers and emergencies. */
export interface MockingbirdConstellationTable {
  id: Generated<number>;
  name: string;
  hub_household_id: number;
  liaison_worker_id: number;
  opened_on: string;
  closed_on: string | null;
  min_satellites: ColumnType<number, number | undefined, number>;
  max_satellites: ColumnType<number, number | undefined, number>;
  version: Version;
  /** Migration 0072: only with closed_on (detail required for 'other'); null if closed before it. */
  closure_reason: ColumnType<ClosureReason | null, ClosureReason | null | undefined>;
  closure_detail: ColumnType<string | null, string | null | undefined>;
  closed_by: ColumnType<number | null, number | null | undefined>;
}

/** Why a constellation closed (migration 0072). */
export const closureReasons = ['hub_resigned', 'merged', 'service_decision', 'other'] as const;
export type ClosureReason = (typeof closureReasons)[number];

/** Why a satellite household left; 'constellation_closed' is set only by closing (migration 0072). */
export const satelliteLeavingReasons = [
  'resigned_or_deregistered',
  'moved_constellation',
  'left_model',
  'constellation_closed',
  'other',
] as const;
export type SatelliteLeavingReason = (typeof satelliteLeavingReasons)[number];

/** A satellite household's membership of a constellation (at most one open per household). */
export interface MockingbirdMemberTable {
  id: Generated<number>;
  constellation_id: number;
  household_id: number;
  joined_on: string;
  left_on: string | null;
  /** Migration 0072: only with left_on (detail required for 'other'); null if ended before it. */
  leaving_reason: ColumnType<
    SatelliteLeavingReason | null,
    SatelliteLeavingReason | null | undefined
  >;
  leaving_detail: ColumnType<string | null, string | null | undefined>;
  left_recorded_by: ColumnType<number | null, number | null | undefined>;
  version: Version;
}

export interface MockingbirdSleepoverTable {
  id: Generated<number>;
  constellation_id: number;
  child_id: number;
  kind: 'planned' | 'emergency';
  start_date: string;
  nights: number;
  recorded_by: number;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface MockingbirdGetTogetherTable {
  id: Generated<number>;
  constellation_id: number;
  held_on: string;
  households_attending: number;
  children_attending: number;
  note: string | null;
  recorded_by: number;
}

export interface FosteringTables {
  fostering_allowance: FosteringAllowanceTable;
  fostering_stage: FosteringStageTable;
  mockingbird_constellation: MockingbirdConstellationTable;
  mockingbird_member: MockingbirdMemberTable;
  mockingbird_sleepover: MockingbirdSleepoverTable;
  mockingbird_get_together: MockingbirdGetTogetherTable;
}
