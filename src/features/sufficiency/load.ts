// Reads what the sufficiency figures are made from: one row per child in care today (open period
// of care) with their open placement, and the capacity of the council's own provision (supported
// accommodation counted by placedInService, the homes area's one definition of a service's
// occupancy). Two queries and a postcode-centroid lookup, whatever the number of children.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { placedInService } from '../homes/occupancy.ts';
import { milesVia, centroidsFor } from '../postcodes/centroids.ts';
import { baseCtes } from './aggregate.ts';
import type { Capacity, SufficiencyChild } from './compute.ts';

interface Row {
  id: number;
  date_of_birth: string;
  home_postcode: string | null;
  category_of_need: string | null;
  place_type: string | null;
  place_provider: string | null;
  placement_postcode: string | null;
  weekly_cost: number | null;
  in_house_home: boolean | null;
  in_house_foster: boolean | null;
  placements_12m: number;
  missing_90d: boolean;
  disruption_12m: boolean;
  in_district: boolean | null;
}

export async function loadChildren(db: Db, today: string): Promise<SufficiencyChild[]> {
  // The same facts as the page's aggregation (baseCtes), as plain rows for the reference compute.
  const { rows } = await sql<Row>`
    with ${baseCtes(today)}
    select c.id, c.date_of_birth::text as date_of_birth, c.home_postcode, cla.category_of_need,
      p.place_type, p.place_provider, p.postcode as placement_postcode, p.weekly_cost,
      (p.home_id is not null and pr.kind = 'in_house') as in_house_home,
      (p.fostering_household_id is not null) as in_house_foster,
      coalesce(recent.n, 0) as placements_12m,
      (missing.child_id is not null) as missing_90d,
      (disruption.child_id is not null) as disruption_12m,
      case when p.postcode is null or not local.loaded then null
        else lp.postcode is not null end as in_district
    from local, cla
    join child c on c.id = cla.child_id
    left join open_placement p on p.child_id = cla.child_id
    left join home h on h.id = p.home_id
    left join provider pr on pr.id = h.provider_id
    left join recent on recent.child_id = cla.child_id
    left join missing on missing.child_id = cla.child_id
    left join disruption on disruption.child_id = cla.child_id
    left join local_postcode lp on lp.postcode = upper(replace(p.postcode, ' ', ''))
    order by c.id`.execute(db);
  const centroids = await centroidsFor(
    db,
    rows.flatMap((r) => [r.home_postcode, r.placement_postcode]),
  );
  return rows.map((r) => ({
    childId: r.id,
    dateOfBirth: r.date_of_birth,
    categoryOfNeed: r.category_of_need,
    placeType: r.place_type,
    placeProvider: r.place_provider,
    inHouseHome: r.in_house_home === true,
    inHouseFoster: r.in_house_foster === true,
    weeklyCost: r.weekly_cost,
    outsideDistrict: r.in_district === null ? null : !r.in_district,
    miles: milesVia(centroids, r.home_postcode, r.placement_postcode),
    placements12m: r.placements_12m,
    missing90d: r.missing_90d,
    disruption12m: r.disruption_12m,
  }));
}

export async function loadCapacity(db: Db, today: string): Promise<Capacity> {
  const { rows } = await sql<Capacity>`
    select
      (select coalesce(sum(approved_places), 0)::int from fostering_household
        where status in ('approved', 'reg24')) as "inHouseFosteringPlaces",
      (select (2 * count(*))::int from mockingbird_constellation
        where opened_on <= ${today}::date and (closed_on is null or closed_on > ${today}::date))
        as "mockingbirdHubBeds",
      (select coalesce(sum(h.beds), 0)::int from home h join provider pr on pr.id = h.provider_id
        where pr.kind = 'in_house' and (h.closed_on is null or h.closed_on > ${today}::date))
        as "inHouseHomeBeds",
      (select coalesce(sum(places), 0)::int from supported_accommodation
        where closed_on is null or closed_on > ${today}::date) as "supportedPlaces",
      (select coalesce(sum(${placedInService('sa', today)}), 0)::int
        from supported_accommodation sa
        where sa.closed_on is null or sa.closed_on > ${today}::date) as "supportedPlaced"`.execute(
    db,
  );
  const row = rows[0];
  if (!row) throw new Error('capacity query returned no row');
  return row;
}
