// Tables of migrations 0012-timescale-extensions, 0030-visit-agreement and 0031-due-item-cache
// (src/features/timescales).
import type { ColumnType, Generated } from 'kysely';

export interface TimescaleExtensionTable {
  id: Generated<number>;
  /** Exactly one of child_id and household_id is set. */
  child_id: number | null;
  household_id: number | null;
  /** A RuleId of src/domain/timescales/sources.ts. */
  rule: string;
  /** DueItem.item, e.g. 'period-3/2'. */
  item_key: string;
  kind: 'extension' | 'exemption';
  /** Set exactly for an extension. */
  new_due_date: string | null;
  decision: 'granted' | 'refused';
  reason: string;
  authorised_by: number;
  authorised_on: string;
  /** Connected-person extensions (CPPCR 2010 reg 25). */
  nominated_officer_approved: string | null;
  panel_views_sought: string | null;
  iro_informed: string | null;
  recorded_by: number;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface FosterCarerReviewTable {
  id: Generated<number>;
  household_id: number;
  review_date: string;
  panel_date: string | null;
}

/** A child's agreement to 6-monthly visits in a long-term foster placement (CPPCR 2010 reg 28(3A)). */
export interface VisitAgreementTable {
  id: Generated<number>;
  child_id: number;
  placement_id: number;
  agreed_on: string;
  /** The child's view, in their words. */
  child_view: string;
  recorded_by: number;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
  withdrawn_on: string | null;
  withdrawn_view: string | null;
  withdrawn_recorded_by: number | null;
  version: Generated<number>;
}

/** Open due items of one child, as computed on `computed_on` from facts at `computed_version`. */
export interface DueItemCacheTable {
  child_id: number;
  /** Bumped by triggers on every write to the child's facts. */
  facts_version: ColumnType<number, number | undefined, number>;
  computed_version: number | null;
  computed_on: string | null;
  items: ColumnType<unknown, string | null | undefined, string | null>;
  overdue: number | null;
  due: number | null;
  upcoming: number | null;
}

export interface TimescaleTables {
  timescale_extension: TimescaleExtensionTable;
  foster_carer_review: FosterCarerReviewTable;
  visit_agreement: VisitAgreementTable;
  due_item_cache: DueItemCacheTable;
}
