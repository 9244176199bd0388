// The children list's default order (surname, first name) read from an index in page order; the
// text_pattern_ops index from 0002 serves prefix search but not ORDER BY.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `create index child_name_order on child (lower(last_name), lower(first_name), id);`,
  );
}
