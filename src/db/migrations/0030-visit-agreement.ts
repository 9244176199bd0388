// Statutory timescales (src/features/timescales):
// - visit_agreement: a looked-after child's agreement to social worker visits at intervals of up to
//   6 months in a designated long-term foster placement after its first year (CPPCR 2010
//   reg 28(3A)), recorded against one placement: the date the child agreed, the child's view in
//   their words, who recorded it; and, if the child later withdraws it, the date, their view and
//   who recorded that. Optimistic locking through `version`.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table visit_agreement (
      id serial primary key,
      child_id integer not null references child(id),
      placement_id integer not null references placement(id),
      agreed_on date not null,
      child_view text not null check (length(trim(child_view)) > 0),
      recorded_by integer not null references app_user(id),
      recorded_at timestamptz not null default now(),
      withdrawn_on date,
      withdrawn_view text,
      withdrawn_recorded_by integer references app_user(id),
      version integer not null default 1,
      check (withdrawn_on is null or withdrawn_on >= agreed_on),
      check ((withdrawn_on is null) = (withdrawn_recorded_by is null))
    );
    create index visit_agreement_child on visit_agreement (child_id, placement_id);
  `,
  );
}
