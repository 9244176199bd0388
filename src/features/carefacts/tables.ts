// The raw rows of the care record, per table, as loadCareRows (load.ts) reads them: each row is a
// JSON array built by PostgreSQL, holding the columns below in this order (the tuple types name
// them). The timescales loader maps these rows to the engine's input. The measures and 903 export
// loaders are meant to map them too (one set of SQL instead of three); their mappers were written
// and gave identical output (commit 5030cfd) but were withdrawn as slower, so the specs they need
// (adoptions, socialWorkers, convictions, ...) wait here for that work.
//
// `date` is the column a window cuts on; a table with `end` is a span (it overlaps the window),
// one without is dated (its date falls in the window). `order` is the order of a child's rows.
import type { IsoDate } from '../../domain/dates/index.ts';

export interface TableSpec<Row extends readonly unknown[]> {
  /** The table as `t`, with any joins. */
  from: string;
  /** The row's columns, in the order of Row. */
  columns: string;
  /** The rows of the table that are facts (e.g. one role of allocation). */
  where?: string;
  date: string;
  end?: string;
  order: string;
  /** Type only: the row's shape. */
  readonly row?: Row;
}

function spec<Row extends readonly unknown[]>(s: Omit<TableSpec<Row>, 'row'>): TableSpec<Row> {
  return s;
}

type D = IsoDate;
type N = IsoDate | null;
type S = string | null;

export const CARE_TABLES = {
  periods: spec<[id: number, start: D, end: N, endReason: S]>({
    from: 'period_of_care t',
    columns: 't.id, t.start_date, t.end_date, t.end_reason',
    date: 't.start_date',
    end: 't.end_date',
    order: 't.start_date, t.id',
  }),
  legalStatuses: spec<[id: number, periodId: number, status: string, start: D, end: N]>({
    from: 'legal_status t',
    columns: 't.id, t.period_of_care_id, t.status, t.start_date, t.end_date',
    date: 't.start_date',
    end: 't.end_date',
    order: 't.id',
  }),
  placements: spec<
    [
      id: number,
      periodId: number,
      placeType: string,
      provider: S,
      postcode: S,
      urn: S,
      start: D,
      end: N,
      reasonForChange: S,
      categoryOfNeed: string,
      /** The carer key: the household or home, else the stored carer_ref. */
      carerRef: S,
      /** The postcode is not one of the authority's (local_postcode); null without a postcode. */
      notLocal: boolean | null,
      intendedTo18: boolean,
      longTermDesignated: boolean,
      connectedPersonReg24: boolean,
      weeklyCost: number | null,
    ]
  >({
    from: `placement t left join local_postcode lp on lp.postcode = upper(replace(t.postcode, ' ', ''))`,
    columns: `t.id, t.period_of_care_id, t.place_type, t.place_provider, t.postcode, t.urn,
      t.start_date, t.end_date, t.reason_for_change, t.category_of_need,
      case when t.fostering_household_id is not null then 'household:' || t.fostering_household_id
        when t.home_id is not null then 'home:' || t.home_id else t.carer_ref end,
      case when coalesce(t.postcode, '') <> '' then lp.postcode is null end,
      t.intended_to_18, t.long_term_designated, t.connected_person_reg24, t.weekly_cost`,
    date: 't.start_date',
    end: 't.end_date',
    order: 't.id',
  }),
  reviews: spec<[due: N, held: N, participation: S]>({
    from: 'review t',
    columns: 't.due_date, t.held_date, t.participation',
    date: 't.held_date',
    order: 't.id',
  }),
  visits: spec<[date: D, seen: boolean, seenAlone: boolean]>({
    from: 'visit t',
    columns: 't.visit_date, t.seen, t.seen_alone',
    date: 't.visit_date',
    order: 't.id',
  }),
  health: spec<[kind: 'initial' | 'review' | 'dental', date: D]>({
    from: 'health_assessment t',
    columns: 't.kind, t.assessment_date',
    date: 't.assessment_date',
    order: 't.id',
  }),
  sdqs: spec<[date: N, score: number | null, reason: S]>({
    from: 'sdq t',
    columns: 't.sdq_date, t.score, t.reason',
    date: 't.sdq_date',
    order: 't.id',
  }),
  peps: spec<[kind: 'initial' | 'review', date: D]>({
    from: 'pep t',
    columns: 't.kind, t.pep_date',
    date: 't.pep_date',
    order: 't.id',
  }),
  missing: spec<[id: number, kind: 'M' | 'A', start: D, end: N, interviewOffered: S]>({
    from: 'missing_episode t',
    columns: 't.id, t.kind, t.start_date, t.end_date, t.return_interview_offered',
    date: 't.start_date',
    end: 't.end_date',
    order: 't.id',
  }),
  proceedings: spec<[id: number, issued: D, finalOrder: N]>({
    from: 'care_proceedings t',
    columns: 't.id, t.issue_date, t.final_order_date',
    date: 't.issue_date',
    order: 't.id',
  }),
  pathwayPlans: spec<[date: D]>({
    from: 'pathway_plan t',
    columns: 't.plan_date',
    date: 't.plan_date',
    order: 't.id',
  }),
  leaverContacts: spec<[date: D, inTouch: string, activity: S, accommodation: S]>({
    from: 'care_leaver_contact t',
    columns: 't.contact_date, t.in_touch, t.activity, t.accommodation',
    date: 't.contact_date',
    order: 't.id',
  }),
  adoptions: spec<
    [
      decision: D,
      placementOrder: N,
      matched: N,
      placed: N,
      orderGranted: N,
      reversed: N,
      reversedReason: S,
      byFosterCarer: boolean | null,
      adopterCount: number | null,
      adopterSexes: S,
      adopterLegalStatus: S,
    ]
  >({
    from: 'adoption_plan t',
    columns: `t.decision_date, t.placement_order_date, t.matched_date, t.placed_date,
      t.order_granted_date, t.decision_reversed_date, t.reversed_reason, t.adopted_by_foster_carer,
      t.adopter_count, t.adopter_sexes, t.adopter_legal_status`,
    date: 't.decision_date',
    order: 't.id',
  }),
  /** Social worker allocations, with the worker's 903 SW_ID. */
  socialWorkers: spec<[userId: number, swId: S, start: D, end: N, endReason: S]>({
    from: 'allocation t join app_user u on u.id = t.user_id',
    columns: 't.user_id, u.sw_id, t.start_date, t.end_date, t.end_reason',
    where: `t.role = 'social_worker'`,
    date: 't.start_date',
    end: 't.end_date',
    order: 't.id',
  }),
  /** Timescale extensions and exemptions of the child's items, with the authoriser's name. */
  extensions: spec<
    [
      rule: string,
      itemKey: string,
      decision: 'granted' | 'refused',
      newDue: N,
      reason: string,
      authoriser: S,
      authorisedOn: D,
    ]
  >({
    from: 'timescale_extension t left join app_user u on u.id = t.authorised_by',
    columns: `t.rule, t.item_key, t.decision, t.new_due_date, t.reason, u.display_name,
      t.authorised_on`,
    where: 't.child_id is not null',
    date: 't.authorised_on',
    order: 't.id',
  }),
  /** The child's agreements to 6-monthly visits (reg 28(3A)), by placement. */
  visitAgreements: spec<[placementId: number, agreed: D, withdrawn: N]>({
    from: 'visit_agreement t',
    columns: 't.placement_id, t.agreed_on, t.withdrawn_on',
    date: 't.agreed_on',
    end: 't.withdrawn_on',
    order: 't.id',
  }),
  convictions: spec<[date: D]>({
    from: 'conviction t',
    columns: 't.conviction_date',
    date: 't.conviction_date',
    order: 't.id',
  }),
  immunisations: spec<[asAt: D, upToDate: boolean]>({
    from: 'immunisation_status t',
    columns: 't.as_at, t.up_to_date',
    date: 't.as_at',
    order: 't.id',
  }),
  substanceMisuse: spec<[date: D, offered: boolean, received: boolean]>({
    from: 'substance_misuse t',
    columns: 't.identified_date, t.intervention_offered, t.intervention_received',
    date: 't.identified_date',
    order: 't.id',
  }),
  previousPermanence: spec<[prevPerm: string, date: N, datePartial: S, laCode: S]>({
    from: 'previous_permanence t',
    columns: 't.prev_perm, t.order_date, t.order_date_partial, t.la_code',
    date: 't.order_date',
    order: 't.id',
  }),
  /** The child's own children (recorded as her 'child' relations): their dates of birth. */
  ownChildren: spec<[dateOfBirth: D]>({
    from: 'child_relation t join child baby on baby.id = t.related_child_id',
    columns: 'baby.date_of_birth',
    where: `t.kind = 'child'`,
    date: 'baby.date_of_birth',
    order: 'baby.date_of_birth, t.related_child_id',
  }),
} as const;

export type CareTable = keyof typeof CARE_TABLES;

/** The raw row of `K`. */
export type RowOf<K extends CareTable> =
  (typeof CARE_TABLES)[K] extends TableSpec<infer R> ? R : never;
