// Ending a Mockingbird constellation and a satellite household's membership (src/features/mockingbird):
// why, who recorded it (and any detail), and a version on each membership for the leaving form. A
// reason needs the ending's date, and 'other' needs its detail. The forms always record a reason;
// rows ended before this migration (there was no form) keep a null reason, shown as not recorded
// (no backfill: schema changes and data backfills live in separate files).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table mockingbird_constellation
      add column closure_reason text
        check (closure_reason in ('hub_resigned','merged','service_decision','other')),
      add column closure_detail text,
      add column closed_by integer references app_user(id);
    alter table mockingbird_constellation
      add constraint mockingbird_constellation_closure
      check ((closure_reason is null or closed_on is not null)
        and (closure_reason is distinct from 'other' or closure_detail is not null));

    alter table mockingbird_member
      add column leaving_reason text
        check (leaving_reason in ('resigned_or_deregistered','moved_constellation','left_model',
          'constellation_closed','other')),
      add column leaving_detail text,
      add column left_recorded_by integer references app_user(id),
      add column version integer not null default 1;
    alter table mockingbird_member
      add constraint mockingbird_member_leaving
      check ((leaving_reason is null or left_on is not null)
        and (leaving_reason is distinct from 'other' or leaving_detail is not null));
    `,
  );
}
