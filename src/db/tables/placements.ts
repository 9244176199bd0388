// Tables of migrations 0060-placement-requests, 0061-placement-request-withdrawal and
// 0062-match-profile-supported (src/features/placements).
import type { ColumnType, Generated } from 'kysely';

type Version = Generated<number>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const requestStatuses = [
  'awaiting_approval',
  'open',
  'placing',
  'placed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export interface PlacementRequestTable {
  id: Generated<number>;
  child_id: number;
  status: ColumnType<RequestStatus, RequestStatus | undefined, RequestStatus>;
  kind: 'planned' | 'emergency';
  date_needed: string;
  place_types: string[];
  children_together: ColumnType<number, number | undefined, number>;
  siblings_note: string | null;
  needs: TextArray;
  risks_to_child: TextArray;
  risks_from_child: TextArray;
  languages: TextArray;
  religion: string | null;
  culture_note: string | null;
  school_postcode: string | null;
  near_postcodes: TextArray;
  avoid_districts: TextArray;
  notes: string | null;
  requested_by: number;
  requested_at: Timestamp;
  approved_by: number | null;
  approved_at: Date | null;
  decided_by: number | null;
  decided_at: Date | null;
  chosen_option: string | null;
  chosen_name: string | null;
  decision_reason: string | null;
  placement_id: number | null;
  withdrawn_by: ColumnType<number | null, number | null | undefined, number | null>;
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  version: Version;
}

export interface PlacementRequestDeclinedTable {
  id: Generated<number>;
  request_id: number;
  option_key: string;
  option_name: string;
  reason: string;
}

export interface MatchProfileTable {
  /** 'household:N', 'home:N', 'provider:N' or 'supported:N' (0062). */
  option_key: string;
  languages: TextArray;
  religions: TextArray;
  version: Version;
}

export interface PlacementTables {
  placement_request: PlacementRequestTable;
  placement_request_declined: PlacementRequestDeclinedTable;
  match_profile: MatchProfileTable;
}
