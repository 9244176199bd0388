// Tables of migration 0012-timescale-extensions (src/features/timescales).
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

export interface TimescaleTables {
  timescale_extension: TimescaleExtensionTable;
  foster_carer_review: FosterCarerReviewTable;
}
