// Statutory timescales (src/features/timescales):
// - timescale_extension: an extension of a due date, or an exemption from it, recorded against one
//   due item (rule + item key) of a child or a fostering household, with the reason, who authorised
//   it and when, and whether it was granted or refused. A connected-person extension (CPPCR 2010
//   reg 25) also records the nominated officer's approval, the fostering panel's views and the
//   IRO being informed; the engine applies it only when all are on the record in time.
// - foster_carer_review: each foster carer review held and when it went to the fostering panel
//   (Fostering Services (England) Regulations 2011 reg 28), beside fostering_household.last_review_date.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table timescale_extension (
      id serial primary key,
      child_id integer references child(id),
      household_id integer references fostering_household(id),
      rule text not null,
      item_key text not null,
      kind text not null check (kind in ('extension','exemption')),
      new_due_date date,
      decision text not null check (decision in ('granted','refused')),
      reason text not null check (length(trim(reason)) > 0),
      authorised_by integer not null references app_user(id),
      authorised_on date not null,
      nominated_officer_approved date,
      panel_views_sought date,
      iro_informed date,
      recorded_by integer not null references app_user(id),
      recorded_at timestamptz not null default now(),
      check ((child_id is null) <> (household_id is null)),
      check ((kind = 'extension') = (new_due_date is not null))
    );
    create index timescale_extension_child on timescale_extension (child_id) where child_id is not null;
    create index timescale_extension_household on timescale_extension (household_id) where household_id is not null;

    create table foster_carer_review (
      id serial primary key,
      household_id integer not null references fostering_household(id),
      review_date date not null,
      panel_date date,
      check (panel_date is null or panel_date >= review_date)
    );
    create index foster_carer_review_household on foster_carer_review (household_id, review_date);
  `,
  );
}
