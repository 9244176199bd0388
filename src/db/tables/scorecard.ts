// Tables of migration 0040-scorecard (src/features/scorecard).
import type { ColumnType, Generated } from 'kysely';

export interface ScorecardTargetTable {
  measure_id: string;
  target: number;
  direction: 'at-least' | 'at-most';
  amber_within: number;
  note: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ScorecardComparatorTable {
  id: Generated<number>;
  area: string;
  measure_id: string;
  value: number;
  period: string;
  source: string;
  created_by: number | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ScorecardTables {
  scorecard_target: ScorecardTargetTable;
  scorecard_comparator: ScorecardComparatorTable;
}
