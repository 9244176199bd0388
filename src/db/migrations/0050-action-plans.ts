// Action plans (src/features/plans): strategies and their actions, with dated progress updates and
// the history of RAG changes.
// - plan_strategy: a strategy or plan (the Children in Care and Care Leavers Strategy, the
//   Sufficiency Strategy action plan, the Improvement Plan).
// - plan_action: one action: its theme (a priority or a recommendation), what will be done, its
//   owner (a user), its due date (null = ongoing), its RAG now (red, amber, green, complete), the
//   measure ids it is judged by (ids of src/domain/measures MEASURES), and a version for optimistic
//   locking.
// - plan_update: a dated progress update on an action, by its author (author_id null for a CLI
//   import, which acts as the system; the name is kept as it was when written).
// - plan_rag_change: every RAG an action has had, from its first (from_rag null): who, when
//   recorded, the date it took effect, from and to. An action's RAG on a date is the last change on
//   or before that date, so reports for past periods read the RAG of their time.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table plan_strategy (
      id serial primary key,
      name text not null unique check (length(trim(name)) > 0),
      kind text not null check (kind in ('strategy','sufficiency','improvement','other')),
      description text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now()
    );

    create table plan_action (
      id serial primary key,
      strategy_id integer not null references plan_strategy(id),
      theme text not null default '',
      title text not null check (length(trim(title)) > 0),
      owner_id integer not null references app_user(id),
      due_date date,
      rag text not null check (rag in ('red','amber','green','complete')),
      measure_ids text[] not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index plan_action_strategy on plan_action (strategy_id, id);
    create index plan_action_owner on plan_action (owner_id);

    create table plan_update (
      id serial primary key,
      action_id integer not null references plan_action(id),
      update_date date not null,
      text text not null check (length(trim(text)) > 0),
      author_id integer references app_user(id),
      author_name text not null,
      recorded_at timestamptz not null default now()
    );
    create index plan_update_action on plan_update (action_id, update_date);

    create table plan_rag_change (
      id serial primary key,
      action_id integer not null references plan_action(id),
      effective_date date not null,
      from_rag text check (from_rag in ('red','amber','green','complete')),
      to_rag text not null check (to_rag in ('red','amber','green','complete')),
      changed_by integer references app_user(id),
      changed_by_name text not null,
      changed_at timestamptz not null default now()
    );
    create index plan_rag_change_action on plan_rag_change (action_id, effective_date, id);
  `,
  );
}
