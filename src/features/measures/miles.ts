// Straight-line miles between the record's postcodes, from the postcode_centroid table (loaded by
// `hearth postcodes`; the demo hook loads the Bradford extract). One set-based query fetches the
// centroids of every child's home postcode and every placement's postcode. Each postcode as written
// in the record is normalised and looked up once, then remembered: the loader asks for the
// distance of every placement (675,338 at England scale).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { compactPostcode, milesBetween, type Centroid } from '../../domain/geo/distance.ts';

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
  const byCompact = new Map(
    rows.rows.map((r) => [r.postcode, { easting: r.easting, northing: r.northing }]),
  );
  const seen = new Map<string, Centroid | null>();
  const centroid = (postcode: string): Centroid | null => {
    let c = seen.get(postcode);
    if (c === undefined) {
      c = byCompact.get(compactPostcode(postcode) ?? '') ?? null;
      seen.set(postcode, c);
    }
    return c;
  };
  return (from, to) => {
    const a = centroid(from);
    const b = centroid(to);
    return a && b ? milesBetween(a, b) : null;
  };
}
