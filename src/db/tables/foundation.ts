// Tables of the platform: settings, teams, users, sessions, tokens, audit.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SettingTable {
  key: string;
  value: string;
}

export interface TeamTable {
  id: Generated<number>;
  name: string;
  /** Service area the team belongs to, e.g. "Children in care", "Care leavers", "Fostering". */
  service: string;
  caseload_cap: Generated<number>;
  version: Generated<number>;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  /** argon2 hash; null for accounts that sign in only through OpenID Connect. */
  password_hash: string | null;
  oidc_subject: string | null;
  roles: string[];
  team_id: number | null;
  fte: ColumnType<number, number | undefined, number>;
  agency: Generated<boolean>;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  last_sign_in_at: Date | null;
  /** 903 SW_ID: Social Work England registration ('SW…') or 'XX…' (migration 0011). */
  sw_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
}

export interface SessionTable {
  sid: string;
  sess: unknown;
  expire: Date;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** sha256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  prefix: string;
  scopes: string[];
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface SignInFailureTable {
  id: Generated<number>;
  key: string;
  at: Timestamp;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  action: string;
  record_type: string;
  record_id: string | null;
  child_id: number | null;
  address: string | null;
  reason: string | null;
  detail: unknown;
  prev_hash: string;
  hash: string;
}

export interface FoundationTables {
  setting: SettingTable;
  team: TeamTable;
  app_user: UserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  sign_in_failure: SignInFailureTable;
  audit_event: AuditEventTable;
}
