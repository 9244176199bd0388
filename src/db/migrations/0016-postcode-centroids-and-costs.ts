// Postcode centroids (from the ONS Postcode Directory a council loads itself) for distances:
// "placed more than 20 miles from home", distance in placement matching, the sufficiency view.
// Weekly costs in whole pounds: what a placement costs (allowance and fee for in-house fostering,
// the contract price for an external place), a home's usual weekly price per bed, and a provider's
// usual weekly fee when no home-level price is known.
import type { Kysely } from 'kysely';
import { runScript } from '../script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table postcode_centroid (
      postcode text primary key check (postcode ~ '^[A-Z0-9]{5,7}$'),
      la_code text not null,
      easting integer not null,
      northing integer not null
    );
    alter table placement add column weekly_cost integer check (weekly_cost >= 0);
    alter table home add column weekly_cost integer check (weekly_cost >= 0);
    alter table provider add column weekly_fee integer check (weekly_fee >= 0);
    `,
  );
}
