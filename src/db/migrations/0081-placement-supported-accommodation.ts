// A placement in 16+ supported accommodation names the service it is in
// (placement.supported_accommodation_id), so the service's free places are counted from its own
// placements: by the placements' matching, the capacity check that locks the service's row when a
// placement is made (two decisions cannot both take its last place), the homes area and the
// sufficiency view, all through src/features/homes/occupancy.ts. A placement made before this
// migration is linked when its provider runs exactly one service; others stay unlinked (a 903
// import does not say which service).
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table placement
      add column supported_accommodation_id integer references supported_accommodation(id);
    create index placement_supported_accommodation
      on placement (supported_accommodation_id) where supported_accommodation_id is not null;
    update placement p set supported_accommodation_id = sa.id
      from supported_accommodation sa
      where p.place_type in ('K3', 'H5') and p.provider_id = sa.provider_id
        and (select count(*) from supported_accommodation o where o.provider_id = sa.provider_id) = 1;
    `,
  );
}
