// Facts the SSDA903 return reports that the care record did not yet hold, so that export can write
// them and import can keep them (src/features/returns/export, src/features/returns/import):
// - placement.carer_ref: who cared for the child when that is not a Hearth household or home (a
//   stand-in key from an imported return), so RNE T/U (same carers) survive an import.
// - app_user.sw_id: the worker's 903 SW_ID (Social Work England registration, 'SW…', or 'XX…').
// - allocation.end_reason: 903 SW_REASON when a social worker allocation ends.
// - adoption_plan: the AD1 details of the adoption (adopted by foster carer, number, sex and legal
//   status of adopters).
// - previous_permanence.la_code: also WAL, SCO, NUK, NIR (rule 633).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table placement add column carer_ref text;

    alter table app_user add column sw_id text check (sw_id ~ '^(SW|XX)[A-Za-z0-9]+$');
    create unique index app_user_sw_id on app_user (sw_id) where sw_id is not null;

    alter table allocation add column end_reason text
      check (end_reason in ('MANAGE','FCONTA','LEFTRL','ORGRST','TSPROC','ABSENC','CHCHAN','PCCHAN','SWDIED','OTHERS'));

    alter table adoption_plan add column adopted_by_foster_carer boolean;
    alter table adoption_plan add column adopter_count integer check (adopter_count in (1, 2));
    alter table adoption_plan add column adopter_sexes text check (adopter_sexes in ('M1','F1','MM','FF','MF'));
    alter table adoption_plan add column adopter_legal_status text
      check (adopter_legal_status in ('L0','L11','L12','L2','L3','L4'));

    alter table previous_permanence drop constraint previous_permanence_la_code_check;
    alter table previous_permanence add constraint previous_permanence_la_code_check
      check (la_code ~ '^([0-9]{3}|WAL|SCO|NUK|NIR)$');
  `,
  );
}
