// Ending a Mockingbird constellation and a satellite household's membership (src/features/mockingbird):
// why, who recorded it (and any detail), and a version on each membership for the leaving form. A
// closed constellation always has its reason, and so does a membership that has ended; rows ended
// before this migration (there was no form for it) are marked 'other' with a note saying so.
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
    update mockingbird_constellation
      set closure_reason = 'other', closure_detail = 'Closed before Hearth recorded reasons'
      where closed_on is not null;
    alter table mockingbird_constellation
      add constraint mockingbird_constellation_closure
      check ((closed_on is null) = (closure_reason is null)
        and (closure_reason is distinct from 'other' or closure_detail is not null));

    alter table mockingbird_member
      add column leaving_reason text
        check (leaving_reason in ('resigned_or_deregistered','moved_constellation','left_model',
          'constellation_closed','other')),
      add column leaving_detail text,
      add column left_recorded_by integer references app_user(id),
      add column version integer not null default 1;
    update mockingbird_member
      set leaving_reason = 'other', leaving_detail = 'Left before Hearth recorded reasons'
      where left_on is not null;
    alter table mockingbird_member
      add constraint mockingbird_member_leaving
      check ((left_on is null) = (leaving_reason is null)
        and (leaving_reason is distinct from 'other' or leaving_detail is not null));
    `,
  );
}
