// A fostering household that withdraws before approval gets its own status, 'withdrawn', instead of
// keeping 'assessment' and looking in progress (src/features/fostering). Households whose latest
// journey stage is already a withdrawal are moved to it (their version moves on, so a form opened
// before the migration answers "changed by someone else"). Running it twice changes nothing more.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table fostering_household drop constraint if exists fostering_household_status_check;
    alter table fostering_household add constraint fostering_household_status_check
      check (status in ('assessment','reg24','approved','on_hold','resigned','deregistered','withdrawn'));
    update fostering_household h
       set status = 'withdrawn', version = h.version + 1
     where h.status <> 'withdrawn'
       and (select s.stage from fostering_stage s where s.household_id = h.id
             order by s.stage_date desc, s.id desc limit 1) = 'withdrawn';
    `,
  );
}
