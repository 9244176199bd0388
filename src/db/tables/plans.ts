// Tables of migration 0050-action-plans (src/features/plans).
import type { ColumnType, Generated } from 'kysely';

export type RagValue = 'red' | 'amber' | 'green' | 'complete';

export interface PlanStrategyTable {
  id: Generated<number>;
  name: string;
  kind: 'strategy' | 'sufficiency' | 'improvement' | 'other';
  description: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface PlanActionTable {
  id: Generated<number>;
  strategy_id: number;
  /** The priority or recommendation the action serves. */
  theme: ColumnType<string, string | undefined, string>;
  title: string;
  owner_id: number;
  /** null = ongoing (no due date). */
  due_date: string | null;
  rag: RagValue;
  /** Ids of src/domain/measures MEASURES. */
  measure_ids: ColumnType<string[], string[] | undefined, string[]>;
  version: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PlanUpdateTable {
  id: Generated<number>;
  action_id: number;
  update_date: string;
  text: string;
  /** null when written by a CLI command (the system actor). */
  author_id: number | null;
  author_name: string;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface PlanRagChangeTable {
  id: Generated<number>;
  action_id: number;
  /** The date the RAG took effect (the progress update's date). */
  effective_date: string;
  /** null for an action's first RAG. */
  from_rag: RagValue | null;
  to_rag: RagValue;
  changed_by: number | null;
  changed_by_name: string;
  changed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface PlanTables {
  plan_strategy: PlanStrategyTable;
  plan_action: PlanActionTable;
  plan_update: PlanUpdateTable;
  plan_rag_change: PlanRagChangeTable;
}
