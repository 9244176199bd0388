// Who is living in a 16+ supported accommodation service on a date: its placements
// (placement.supported_accommodation_id, migration 0081) open that day. A placement that ends on a
// date is not open on it (the next placement starts that day). One definition for the homes area,
// the placements' matching and the sufficiency view; recording's capacity check counts the same
// way under a lock on the service's row.
import { sql, type RawBuilder } from 'kysely';

/** Placements open on `on` in the service aliased `alias` (e.g. 'sa'), as an int column. */
export function placedInService(alias: string, on: string): RawBuilder<number> {
  return sql<number>`(select count(*)::int from placement p
    where p.supported_accommodation_id = ${sql.ref(`${alias}.id`)}
      and p.start_date <= ${on}::date and (p.end_date is null or p.end_date > ${on}::date))`;
}
