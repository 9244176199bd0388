// Straight-line miles between the record's postcodes, from the postcode_centroid table (loaded by
// `hearth postcodes`; the demo hook loads the Bradford extract). One set-based query fetches the
// centroids of every child's home postcode and every placement's postcode.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { milesVia } from '../postcodes/centroids.ts';

/** A miles function for loadMeasureData, or undefined when no centroids are loaded. */
export async function recordMiles(
  db: Db,
): Promise<((from: string, to: string) => number | null) | undefined> {
  const rows = await sql<{ postcode: string; easting: number; northing: number }>`
    select pc.postcode, pc.easting, pc.northing from postcode_centroid pc
    where pc.postcode in (
      select upper(replace(home_postcode, ' ', '')) from child where home_postcode is not null
      union
      select upper(replace(postcode, ' ', '')) from placement where postcode is not null
    )`.execute(db);
  if (rows.rows.length === 0) return undefined;
  const map = new Map(
    rows.rows.map((r) => [r.postcode, { easting: r.easting, northing: r.northing }]),
  );
  return (from, to) => milesVia(map, from, to);
}
