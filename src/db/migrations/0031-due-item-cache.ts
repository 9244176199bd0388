// Statutory timescales (src/features/timescales): a per-child cache of open due items.
// - due_item_cache: one row per child. `facts_version` is bumped, in the same transaction, by any
//   insert, update or delete of a fact the engine reads (the statement-level triggers below), so
//   a write makes the child's cached items stale at once. A reader stores items computed from facts
//   read after it saw version v only `where facts_version = v`, and trusts a row only when
//   `computed_version = facts_version` and `computed_on` is today (statuses and open items depend
//   on the day). No foreign key: rows of a deleted child are never read (readers join child).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

/** Tables whose rows carry child_id and feed the timescales engine (src/features/timescales/load.ts). */
export const DUE_FACT_TABLES = [
  'period_of_care',
  'legal_status',
  'placement',
  'review',
  'visit',
  'health_assessment',
  'sdq',
  'pep',
  'missing_episode',
  'care_proceedings',
  'pathway_plan',
  'care_leaver_contact',
  'timescale_extension',
  'visit_agreement',
] as const;

function bump(column: string, rows: string): string {
  return `
    insert into due_item_cache (child_id, facts_version)
      select distinct ${column}, 1 from ${rows} where ${column} is not null
      order by 1
    on conflict (child_id) do update set facts_version = due_item_cache.facts_version + 1;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const triggers = DUE_FACT_TABLES.map(
    (t) => `
    create trigger ${t}_due_ins after insert on ${t}
      referencing new table as new_rows for each statement execute function due_cache_touch_new();
    create trigger ${t}_due_upd after update on ${t}
      referencing old table as old_rows new table as new_rows
      for each statement execute function due_cache_touch_both();
    create trigger ${t}_due_del after delete on ${t}
      referencing old table as old_rows for each statement execute function due_cache_touch_old();`,
  ).join('\n');
  await runScript(
    db,
    `
    create table due_item_cache (
      child_id integer primary key,
      facts_version bigint not null default 0,
      computed_version bigint,
      computed_on date,
      items jsonb,
      overdue integer,
      due integer,
      upcoming integer
    );

    create function due_cache_touch_new() returns trigger language plpgsql as $$
    begin ${bump('child_id', 'new_rows')} return null; end $$;
    create function due_cache_touch_old() returns trigger language plpgsql as $$
    begin ${bump('child_id', 'old_rows')} return null; end $$;
    create function due_cache_touch_both() returns trigger language plpgsql as $$
    begin ${bump('child_id', '(select child_id from old_rows union select child_id from new_rows) r')} return null; end $$;
    create function due_cache_touch_child() returns trigger language plpgsql as $$
    begin ${bump('id', '(select n.id from new_rows n join old_rows o using (id) where n.date_of_birth is distinct from o.date_of_birth) r')} return null; end $$;
    create function due_cache_touch_authoriser() returns trigger language plpgsql as $$
    begin ${bump('child_id', '(select e.child_id from timescale_extension e join new_rows n on n.id = e.authorised_by join old_rows o on o.id = n.id where n.display_name is distinct from o.display_name) r')} return null; end $$;

    ${triggers}
    create trigger child_due_upd after update on child
      referencing old table as old_rows new table as new_rows
      for each statement execute function due_cache_touch_child();
    create trigger app_user_due_upd after update on app_user
      referencing old table as old_rows new table as new_rows
      for each statement execute function due_cache_touch_authoriser();
  `,
  );
}
