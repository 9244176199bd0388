// Supported accommodation (16+) as a matching option (src/features/placements): match_profile may
// hold the languages and religions of a supported accommodation service, keyed 'supported:N' like
// the match (supported_accommodation, migration 0080).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table match_profile drop constraint match_profile_option_key_check;
    alter table match_profile
      add constraint match_profile_option_key_check
      check (option_key ~ '^(household|home|provider|supported):[0-9]+$');
    `,
  );
}
