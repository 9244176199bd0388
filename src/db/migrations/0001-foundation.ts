import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table setting (key text primary key, value text not null);

    create table team (
      id serial primary key,
      name text not null unique,
      service text not null,
      caseload_cap integer not null default 20 check (caseload_cap > 0),
      version integer not null default 1
    );

    create table app_user (
      id serial primary key,
      username text not null,
      display_name text not null,
      email text,
      phone text,
      password_hash text,
      oidc_subject text unique,
      roles text[] not null default '{}',
      team_id integer references team(id),
      fte numeric(3,2) not null default 1.0 check (fte > 0 and fte <= 1.5),
      agency boolean not null default false,
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      last_sign_in_at timestamptz,
      version integer not null default 1
    );
    create unique index app_user_username on app_user (lower(username));
    create index app_user_team on app_user (team_id);

    create table session (
      sid varchar not null primary key,
      sess json not null,
      expire timestamp(6) not null
    );
    create index session_expire on session (expire);

    create table api_token (
      id serial primary key,
      user_id integer not null references app_user(id),
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      scopes text[] not null default '{}',
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      revoked_at timestamptz,
      last_used_at timestamptz
    );

    create table sign_in_failure (
      id bigserial primary key,
      key text not null,
      at timestamptz not null default now()
    );
    create index sign_in_failure_key on sign_in_failure (key, at);

    create table audit_event (
      id bigserial primary key,
      at timestamptz not null,
      actor_id integer,
      actor_name text not null,
      action text not null,
      record_type text not null,
      record_id text,
      child_id integer,
      address text,
      reason text,
      detail jsonb,
      prev_hash text not null,
      hash text not null unique
    );
    create index audit_event_actor on audit_event (actor_id, at);
    create index audit_event_child on audit_event (child_id, at);
    create index audit_event_at on audit_event (at);

    -- The audit log is append-only for the application: updates and deletes are refused.
    create function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_event is append-only (% refused)', tg_op using errcode = '42501';
    end $$;
    create trigger audit_event_no_update before update or delete on audit_event
      for each row execute function audit_event_append_only();
    create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_append_only();
  `,
  );
}
