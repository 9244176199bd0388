// Withdrawing a placement request (src/features/placements): who withdrew it, when and why. A
// withdrawn request always has its reason.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table placement_request
      add column withdrawn_by integer references app_user(id),
      add column withdrawn_at timestamptz,
      add column withdrawal_reason text;
    alter table placement_request
      add constraint placement_request_withdrawal_reason
      check ((status = 'withdrawn') = (withdrawal_reason is not null));
    `,
  );
}
