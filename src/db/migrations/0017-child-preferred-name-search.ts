// The children list's name search ORs the surname, first name and preferred name prefixes (and the
// local id). 0002 indexed the first two for prefix search; without one on preferred_name the OR
// cannot use any of them and counted matches by reading every child (72 ms at 37,621 children,
// 3 ms with this index).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `create index child_preferred_name on child (lower(preferred_name) text_pattern_ops);`,
  );
}
