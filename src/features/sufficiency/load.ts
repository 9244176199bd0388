// Reads what the sufficiency figures are made from: one row per child in care today (open period
// of care) with their open placement, and the capacity of the council's own provision. Two queries
// and a postcode-centroid lookup, whatever the number of children.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { milesVia, centroidsFor } from '../postcodes/centroids.ts';
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
  const { rows } = await sql<Row>`
    with d as (select ${today}::date as today),
    local as (select exists (select 1 from local_postcode) as loaded)
    select c.id, c.date_of_birth::text as date_of_birth, c.home_postcode, poc.category_of_need,
      p.place_type, p.place_provider, p.postcode as placement_postcode, p.weekly_cost,
      (p.home_id is not null and pr.kind = 'in_house') as in_house_home,
      (p.fostering_household_id is not null) as in_house_foster,
      (select count(*)::int from placement q, d where q.child_id = c.id and q.start_date <= d.today
         and (q.end_date is null or q.end_date >= d.today - 365)) as placements_12m,
      exists (select 1 from missing_episode m, d where m.child_id = c.id
         and m.start_date > d.today - 90 and m.start_date <= d.today) as missing_90d,
      exists (select 1 from disruption_meeting dm, d where dm.child_id = c.id
         and dm.meeting_date > d.today - 365 and dm.meeting_date <= d.today) as disruption_12m,
      case when p.postcode is null or not local.loaded then null
        else exists (select 1 from local_postcode lp
          where lp.postcode = upper(replace(p.postcode, ' ', ''))) end as in_district
    from d, local, period_of_care poc
    join child c on c.id = poc.child_id
    left join lateral (
      select * from placement p, d where p.child_id = poc.child_id and p.start_date <= d.today
        and (p.end_date is null or p.end_date > d.today)
      order by p.start_date desc, p.id desc limit 1
    ) p on true
    left join home h on h.id = p.home_id
    left join provider pr on pr.id = h.provider_id
    where poc.start_date <= d.today and (poc.end_date is null or poc.end_date > d.today)
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
      (select count(*)::int from placement p
        where p.place_type in ('K3', 'H5') and p.start_date <= ${today}::date
          and (p.end_date is null or p.end_date > ${today}::date)
          and p.provider_id in (select provider_id from supported_accommodation
            where closed_on is null or closed_on > ${today}::date)) as "supportedPlaced"`.execute(
    db,
  );
  const row = rows[0];
  if (!row) throw new Error('capacity query returned no row');
  return row;
}
