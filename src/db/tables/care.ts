// Tables of the care record (migrations 0002-care-record and 0003-care-events). Dates are
// 'YYYY-MM-DD' strings. Mapping to src/domain/care/facts.ts: period_of_care.{start_date, end_date,
// end_reason} → PeriodOfCare.{start, end, endReason}; legal_status.{period_of_care_id, status,
// start_date, end_date}; placement.{place_type → placeType, place_provider → provider, postcode,
// urn, start_date, end_date, reason_for_change, category_of_need}.
import type { ColumnType, Generated } from 'kysely';

type Version = Generated<number>;
type DefaultFalse = ColumnType<boolean, boolean | undefined, boolean>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type OfstedGrade =
  'outstanding' | 'good' | 'requires_improvement' | 'inadequate' | 'not_inspected';

export interface ProviderTable {
  id: Generated<number>;
  name: string;
  kind: 'in_house' | 'private' | 'voluntary' | 'ifa' | 'other_la' | 'health';
  /** 903 PLACE_PROVIDER this organisation's placements report (PR0–PR5). */
  place_provider: string | null;
  ofsted_urn: string | null;
  grade: OfstedGrade | null;
  postcode: string | null;
  /** Usual weekly fee in whole pounds when no home-level price is known (migration 0016). */
  weekly_fee: ColumnType<number | null, number | null | undefined, number | null>;
  version: Version;
}

export interface HomeTable {
  id: Generated<number>;
  provider_id: number;
  name: string;
  beds: number;
  postcode: string;
  urn: string | null;
  grade: OfstedGrade | null;
  /** Needs the home's statement of purpose covers, e.g. 'emotional_behavioural', 'disability'. */
  categories: TextArray;
  specialist: DefaultFalse;
  closed_on: string | null;
  /** Usual weekly price of a bed in whole pounds (migration 0016). */
  weekly_cost: ColumnType<number | null, number | null | undefined, number | null>;
  version: Version;
}

export interface HomeManagerTable {
  home_id: number;
  user_id: number;
}

export type ApprovalType = 'mainstream' | 'connected' | 'short_breaks' | 'staying_put';
/** 'withdrawn': withdrew before approval (migration 0071). */
export type HouseholdStatus =
  'assessment' | 'reg24' | 'approved' | 'on_hold' | 'resigned' | 'deregistered' | 'withdrawn';

export interface FosteringHouseholdTable {
  id: Generated<number>;
  name: string;
  approval_type: ApprovalType;
  status: HouseholdStatus;
  approved_places: ColumnType<number, number | undefined, number>;
  age_min: ColumnType<number, number | undefined, number>;
  age_max: ColumnType<number, number | undefined, number>;
  skills_level: number | null;
  postcode: string;
  supervising_worker_id: number | null;
  approval_date: string | null;
  /** Start of a connected person's temporary approval under Regulation 24 (16 weeks + 8). */
  reg24_start: string | null;
  last_review_date: string | null;
  version: Version;
}

export interface CarerTable {
  id: Generated<number>;
  household_id: number;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  main_carer: DefaultFalse;
  version: Version;
}

export interface ChildTable {
  id: Generated<number>;
  local_id: string;
  upn: string | null;
  nhs_number: string | null;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  /** 903 SEX: M, F, U. */
  sex: 'M' | 'F' | 'U';
  /** 903 ETHNIC (DfE code). */
  ethnicity: string | null;
  disabilities: TextArray;
  uasc: DefaultFalse;
  uasc_start: string | null;
  uasc_end: string | null;
  home_postcode: string | null;
  team_id: number | null;
  date_of_death: string | null;
  version: Version;
}

export type RelationKind =
  'sibling' | 'half_sibling' | 'step_sibling' | 'parent' | 'child' | 'cousin' | 'other';

export interface ChildRelationTable {
  child_id: number;
  related_child_id: number;
  kind: RelationKind;
}

export interface PeriodOfCareTable {
  id: Generated<number>;
  child_id: number;
  start_date: string;
  end_date: string | null;
  /** 903 REC; set exactly when end_date is. */
  end_reason: string | null;
  /** 903 CIN at entry to care. */
  category_of_need: string;
  version: Version;
}

export interface LegalStatusTable {
  id: Generated<number>;
  period_of_care_id: number;
  /** Must be the period's child (a composite foreign key checks it). */
  child_id: number;
  status: string;
  start_date: string;
  end_date: string | null;
  version: Version;
}

export interface PlacementTable {
  id: Generated<number>;
  period_of_care_id: number;
  child_id: number;
  place_type: string;
  place_provider: string | null;
  category_of_need: string;
  provider_id: number | null;
  fostering_household_id: number | null;
  home_id: number | null;
  postcode: string | null;
  urn: string | null;
  start_date: string;
  end_date: string | null;
  reason_for_change: string | null;
  intended_to_18: DefaultFalse;
  long_term_designated: DefaultFalse;
  connected_person_reg24: DefaultFalse;
  /** Who cared for the child when not a household or home here (e.g. from an imported 903 return). */
  carer_ref: ColumnType<string | null, string | null | undefined, string | null>;
  /** Agreed weekly cost in whole pounds (migration 0016); null when not recorded. */
  weekly_cost: ColumnType<number | null, number | null | undefined, number | null>;
  /** The 16+ supported accommodation service the young person lives in (migration 0081). */
  supported_accommodation_id: ColumnType<number | null, number | null | undefined, number | null>;
  version: Version;
}

export type AllocationRole = 'social_worker' | 'personal_adviser' | 'iro';

export interface AllocationTable {
  id: Generated<number>;
  child_id: number;
  user_id: number;
  role: AllocationRole;
  start_date: string;
  end_date: string | null;
  /** 903 SW_REASON when a social worker allocation ends (MANAGE, FCONTA, ... OTHERS). */
  end_reason: ColumnType<string | null, string | null | undefined, string | null>;
  version: Version;
}

export interface ReviewTable {
  id: Generated<number>;
  child_id: number;
  due_date: string | null;
  held_date: string | null;
  /** 903 REVIEW_CODE PN0–PN7. */
  participation: string | null;
  iro_id: number | null;
  version: Version;
}

export interface VisitTable {
  id: Generated<number>;
  child_id: number;
  visit_date: string;
  seen: boolean;
  seen_alone: DefaultFalse;
  worker_id: number | null;
  version: Version;
}

export interface HealthAssessmentTable {
  id: Generated<number>;
  child_id: number;
  kind: 'initial' | 'review' | 'dental';
  assessment_date: string;
  version: Version;
}

export interface ImmunisationStatusTable {
  id: Generated<number>;
  child_id: number;
  as_at: string;
  up_to_date: boolean;
  version: Version;
}

export interface SdqTable {
  id: Generated<number>;
  child_id: number;
  sdq_date: string | null;
  score: number | null;
  /** 903 SDQ_REASON when no score (SDQ1–SDQ5). */
  reason: string | null;
  version: Version;
}

export interface MissingEpisodeTable {
  id: Generated<number>;
  child_id: number;
  /** 903 MISSING: M missing, A away from placement without authorisation. */
  kind: 'M' | 'A';
  start_date: string;
  end_date: string | null;
  return_interview_offered: string | null;
  return_interview_accepted: boolean | null;
  version: Version;
}

export interface SubstanceMisuseTable {
  id: Generated<number>;
  child_id: number;
  identified_date: string;
  intervention_offered: DefaultFalse;
  intervention_received: DefaultFalse;
  version: Version;
}

export interface ConvictionTable {
  id: Generated<number>;
  child_id: number;
  conviction_date: string;
  version: Version;
}

export interface PepTable {
  id: Generated<number>;
  child_id: number;
  pep_date: string;
  kind: 'initial' | 'review';
  version: Version;
}

export interface CareProceedingsTable {
  id: Generated<number>;
  child_id: number;
  issue_date: string;
  final_order_date: string | null;
  version: Version;
}

export interface AdoptionPlanTable {
  id: Generated<number>;
  child_id: number;
  /** Decision that the child should be placed for adoption (903 DATE_SHOULD_BE_PLACED). */
  decision_date: string;
  placement_order_date: string | null;
  matched_date: string | null;
  placed_date: string | null;
  order_granted_date: string | null;
  decision_reversed_date: string | null;
  /** 903 REASON_PLACED_CEASED RD1–RD4. */
  reversed_reason: string | null;
  /** 903 AD1 FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR (migration 0011). */
  adopted_by_foster_carer: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  adopter_count: ColumnType<number | null, number | null | undefined, number | null>;
  adopter_sexes: ColumnType<string | null, string | null | undefined, string | null>;
  adopter_legal_status: ColumnType<string | null, string | null | undefined, string | null>;
  version: Version;
}

export interface PermanenceOrderTable {
  id: Generated<number>;
  child_id: number;
  kind: 'sgo' | 'cao' | 'adoption';
  order_date: string;
  version: Version;
}

export interface PreviousPermanenceTable {
  id: Generated<number>;
  child_id: number;
  /** 903 PREV_PERM P1–P4, Z1. */
  prev_perm: string;
  order_date: string | null;
  /** 903 DATE_PERM when only the month or year is known: 'ZZ/05/2019', 'ZZ/ZZ/2019' (0014). */
  order_date_partial: ColumnType<string | null, string | null | undefined, string | null>;
  la_code: string | null;
  version: Version;
}

export interface PathwayPlanTable {
  id: Generated<number>;
  child_id: number;
  plan_date: string;
  kind: 'initial' | 'review';
  version: Version;
}

export interface CareLeaverContactTable {
  id: Generated<number>;
  child_id: number;
  contact_date: string;
  /** 903 OC3 IN_TOUCH. */
  in_touch: string;
  /** 903 OC3 ACTIV. */
  activity: string | null;
  /** 903 OC3 ACCOM; the second character says suitable (1) or not (2). */
  accommodation: string | null;
  version: Version;
}

export interface CareTables {
  provider: ProviderTable;
  home: HomeTable;
  home_manager: HomeManagerTable;
  fostering_household: FosteringHouseholdTable;
  carer: CarerTable;
  child: ChildTable;
  child_relation: ChildRelationTable;
  period_of_care: PeriodOfCareTable;
  legal_status: LegalStatusTable;
  placement: PlacementTable;
  allocation: AllocationTable;
  review: ReviewTable;
  visit: VisitTable;
  health_assessment: HealthAssessmentTable;
  immunisation_status: ImmunisationStatusTable;
  sdq: SdqTable;
  missing_episode: MissingEpisodeTable;
  substance_misuse: SubstanceMisuseTable;
  conviction: ConvictionTable;
  pep: PepTable;
  care_proceedings: CareProceedingsTable;
  adoption_plan: AdoptionPlanTable;
  permanence_order: PermanenceOrderTable;
  previous_permanence: PreviousPermanenceTable;
  pathway_plan: PathwayPlanTable;
  care_leaver_contact: CareLeaverContactTable;
}
