// 903 PrevPerm DATE_PERM may be partly unknown: ZZ for an unknown day or month (ZZ/05/2019,
// ZZ/ZZ/2019). previous_permanence.order_date holds a full date; order_date_partial holds the 903's
// partial form when only the month or year is known. At most one of the two is set.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table previous_permanence add column order_date_partial text
      check (order_date_partial ~ '^ZZ/(ZZ|0[1-9]|1[0-2])/[0-9]{4}$');
    alter table previous_permanence add constraint previous_permanence_one_date
      check (order_date is null or order_date_partial is null);
  `,
  );
}
