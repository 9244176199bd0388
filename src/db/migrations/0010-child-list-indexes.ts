// The children list and record (src/features/children): the authority's own postcodes, so "out of
// area" (a placement outside the authority) is a SQL condition, and indexes for the list's joins
// on what is current (open legal status, placement and allocation).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    -- Postcodes inside the authority, compact and in capitals ('BD11HY'), loaded from the ONS
    -- Postcode Directory by 'hearth local-postcodes'. Empty means "not known": no out-of-area filter.
    create table local_postcode (
      postcode text primary key check (postcode ~ '^[A-Z0-9]{5,7}$')
    );

    create index placement_child_open on placement (child_id) where end_date is null;
    create index legal_status_child_open on legal_status (child_id) where end_date is null;
    create index allocation_child_open on allocation (child_id, role) include (user_id) where end_date is null;
    create index child_local_id_lower on child (lower(local_id));
  `,
  );
}
