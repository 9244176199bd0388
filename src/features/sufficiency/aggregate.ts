// The sufficiency figures worked out in the database (set-based): one derived row per child in
// care today (`facts`), then every figure is a `count(*) filter (where …)` over it, so the page
// reads one row whatever the number of children. A drill-down lists the children of ONE figure:
// the same facts, that figure's condition and the viewer's scope, in SQL, a page at a time.
// The definitions are those of compute.ts (which stays as the reference the tests compare with);
// the groups' patterns come from its constants.
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
import {
  AGE_BANDS,
  FAR_MILES,
  NEEDS,
  PLACEMENT_GROUPS,
  type Capacity,
  type Figure,
  type CapacityRow,
} from './compute.ts';
import { loadCapacity } from './load.ts';

const METRES_PER_MILE = 1609.344; // as src/domain/geo/distance.ts

/** A figure's count (and weekly cost, for cost figures), without the children behind it. */
export type FigureCount = Omit<Figure, 'childIds'>;
export type CapacityCount = Omit<CapacityRow, 'childIds'> & { drillable: boolean };

export interface CountedFigures {
  total: FigureCount;
  age: FigureCount[];
  need: FigureCount[];
  placementType: FigureCount[];
  capacity: CapacityCount[];
  provision: FigureCount[];
  location: FigureCount[];
  fragile: FigureCount[];
}

type Section = Exclude<keyof CountedFigures, 'total' | 'capacity'> | 'total' | 'capacity';

interface FigureDef {
  key: string;
  label: string;
  section: Section;
  cost: boolean;
  /** Condition over the `f` (facts) row. */
  where: RawBuilder<SqlBool>;
}

const groupCase = sql.raw(
  `case when p.place_type is null then 'none' ${PLACEMENT_GROUPS.map(
    ([key, , re]) => `when p.place_type ~ '${re.source}' then '${key}'`,
  ).join(' ')} else 'other' end`,
);

const far = sql<SqlBool>`f.miles > ${FAR_MILES}`;

/** Every figure that has children behind it, in page order. */
export const FIGURES: readonly FigureDef[] = [
  {
    key: 'total',
    label: 'Children in care today',
    section: 'total',
    cost: false,
    where: sql`true`,
  },
  ...AGE_BANDS.map(([key, label, lo, hi]): FigureDef => ({
    key: `age:${key}`,
    label,
    section: 'age',
    cost: false,
    where: sql`f.age between ${lo} and ${hi}`,
  })),
  ...Object.entries(NEEDS).map(([code, label]): FigureDef => ({
    key: `need:${code}`,
    label: `${code}: ${label}`,
    section: 'need',
    cost: false,
    where: sql`f.need = ${code}`,
  })),
  ...[
    ...PLACEMENT_GROUPS.map(([key, label]) => [key, label] as const),
    ['none', 'No placement recorded'] as const,
  ].map(([key, label]): FigureDef => ({
    key: `type:${key}`,
    label,
    section: 'placementType',
    cost: false,
    where: sql`f.grp = ${key}`,
  })),
  {
    key: 'provision:in_house',
    label: 'In-house (own provision, PR1)',
    section: 'provision',
    cost: true,
    where: sql`f.place_provider = 'PR1'`,
  },
  {
    key: 'provision:external',
    label: 'External (other councils, private and voluntary, PR2–PR5)',
    section: 'provision',
    cost: true,
    where: sql`f.place_provider in ('PR2', 'PR3', 'PR4', 'PR5')`,
  },
  {
    key: 'provision:not_applicable',
    label: 'With parents or no provider recorded (PR0 or none)',
    section: 'provision',
    cost: true,
    where: sql`(f.place_provider is null or f.place_provider = 'PR0')`,
  },
  {
    key: 'provision:all',
    label: 'All children in care',
    section: 'provision',
    cost: true,
    where: sql`true`,
  },
  {
    key: 'location:outside',
    label: 'Placed outside the district',
    section: 'location',
    cost: false,
    where: sql`f.outside is true`,
  },
  {
    key: 'location:outside_unknown',
    label: 'Inside or outside the district not known',
    section: 'location',
    cost: false,
    where: sql`f.outside is null`,
  },
  {
    key: 'location:far',
    label: `More than ${String(FAR_MILES)} miles from home`,
    section: 'location',
    cost: false,
    where: far,
  },
  {
    key: 'location:far_unknown',
    label: 'Distance from home not known',
    section: 'location',
    cost: false,
    where: sql`f.miles is null`,
  },
  {
    key: 'location:private_far',
    label: `In private children’s homes more than ${String(FAR_MILES)} miles from home`,
    section: 'location',
    cost: true,
    where: sql`(f.grp = 'homes' and f.place_provider = 'PR4' and ${far})`,
  },
  {
    key: 'fragile:moves',
    label: 'Three or more placements in the last 12 months',
    section: 'fragile',
    cost: false,
    where: sql`f.moves >= 3`,
  },
  {
    key: 'fragile:missing',
    label: 'Missing in the last 90 days',
    section: 'fragile',
    cost: false,
    where: sql`f.missing`,
  },
  {
    key: 'fragile:disruption',
    label: 'Disruption meeting in the last 12 months',
    section: 'fragile',
    cost: false,
    where: sql`f.disruption`,
  },
  {
    key: 'fragile:any',
    label: 'Any of these: placement may need support',
    section: 'fragile',
    cost: false,
    where: sql`(f.moves >= 3 or f.missing or f.disruption)`,
  },
  {
    key: 'capacity:fostering',
    label: 'In-house fostering places (approved households)',
    section: 'capacity',
    cost: false,
    where: sql`f.in_house_foster`,
  },
  {
    key: 'capacity:homes',
    label: 'In-house children’s home beds',
    section: 'capacity',
    cost: false,
    where: sql`f.in_house_home`,
  },
];

export function figureDef(key: string): FigureDef | undefined {
  return FIGURES.find((f) => f.key === key);
}

/**
 * The parts every sufficiency query starts from, each one grouped scan (never a per-child
 * subquery): `cla` the children in care on `today` (open period of care), `open_placement` their
 * open placement, `recent` placements in the last 12 months, `missing` a missing episode in the
 * last 90 days, `disruption` a disruption meeting in the last 12 months, and whether the
 * authority's own postcodes are loaded (`local`).
 */
export function baseCtes(today: string): RawBuilder<unknown> {
  return sql`
    d as (select ${today}::date as today, extract(year from ${today}::date)::int as year),
    local as (select exists (select 1 from local_postcode) as loaded),
    cla as (
      select poc.child_id, poc.category_of_need from period_of_care poc, d
      where poc.start_date <= d.today and (poc.end_date is null or poc.end_date > d.today)
    ),
    open_placement as (
      select distinct on (p.child_id) p.child_id, p.place_type, p.place_provider, p.postcode,
        p.weekly_cost, p.home_id, p.fostering_household_id
      from placement p, d
      where p.start_date <= d.today and (p.end_date is null or p.end_date > d.today)
      order by p.child_id, p.start_date desc, p.id desc
    ),
    recent as (
      select q.child_id, count(*)::int as n from placement q, d
      where q.start_date <= d.today and (q.end_date is null or q.end_date >= d.today - 365)
      group by q.child_id
    ),
    missing as (
      select distinct m.child_id from missing_episode m, d
      where m.start_date > d.today - 90 and m.start_date <= d.today
    ),
    disruption as (
      select distinct dm.child_id from disruption_meeting dm, d
      where dm.meeting_date > d.today - 365 and dm.meeting_date <= d.today
    )`;
}

/**
 * `facts`: one row per child in care on `today` (open period of care) with their open placement:
 * age in completed years (a 29 February birthday falls on 28 February, as ageOn), need, placement
 * group, provider, weekly cost, in-house home or fostering household, outside the district (null
 * when not known), miles between the home and placement postcode centroids (null when either is
 * not known), placements in the last 12 months, missing in the last 90 days, disruption meeting in
 * the last 12 months (from baseCtes).
 */
export function factsCtes(today: string): RawBuilder<unknown> {
  return sql`
    ${baseCtes(today)},
    f as materialized (
      select c.id as child_id,
        (d.year - extract(year from c.date_of_birth)::int)
          - case when (c.date_of_birth
              + make_interval(years => d.year - extract(year from c.date_of_birth)::int))::date
              <= d.today then 0 else 1 end as age,
        cla.category_of_need as need,
        ${groupCase} as grp,
        p.place_type, p.postcode as placement_postcode, p.place_provider, p.weekly_cost,
        (p.home_id is not null and coalesce(pr.kind = 'in_house', false)) as in_house_home,
        (p.fostering_household_id is not null) as in_house_foster,
        coalesce(recent.n, 0) as moves,
        (missing.child_id is not null) as missing,
        (disruption.child_id is not null) as disruption,
        case when p.postcode is null or not local.loaded then null
          else lp.postcode is null end as outside,
        sqrt(power(hc.easting - pc.easting, 2) + power(hc.northing - pc.northing, 2))
          / ${METRES_PER_MILE} as miles
      from d, local, cla
      join child c on c.id = cla.child_id
      left join open_placement p on p.child_id = cla.child_id
      left join home h on h.id = p.home_id
      left join provider pr on pr.id = h.provider_id
      left join recent on recent.child_id = cla.child_id
      left join missing on missing.child_id = cla.child_id
      left join disruption on disruption.child_id = cla.child_id
      left join local_postcode lp on lp.postcode = upper(replace(p.postcode, ' ', ''))
      left join postcode_centroid hc
        on hc.postcode = upper(translate(c.home_postcode, E' \\t\\n\\r\\f\\v', ''))
      left join postcode_centroid pc
        on pc.postcode = upper(translate(p.postcode, E' \\t\\n\\r\\f\\v', ''))
    )`;
}

/** Every figure's count (and cost) in one aggregate over `facts`, with the capacity. */
export async function countFigures(db: Db, today: string): Promise<CountedFigures> {
  const columns = sql.join(
    FIGURES.flatMap((d, i) => [
      sql`count(*) filter (where ${d.where})::int as ${sql.ref(`n${String(i)}`)}`,
      ...(d.cost
        ? [
            sql`coalesce(sum(f.weekly_cost) filter (where ${d.where}), 0)::bigint as ${sql.ref(`w${String(i)}`)}`,
            sql`count(*) filter (where ${d.where} and f.weekly_cost is null)::int as ${sql.ref(`u${String(i)}`)}`,
          ]
        : []),
    ]),
  );
  const [{ rows }, capacity] = await Promise.all([
    sql<Record<string, number | string>>`with ${factsCtes(today)} select ${columns} from f`.execute(
      db,
    ),
    loadCapacity(db, today),
  ]);
  const row = rows[0];
  if (!row) throw new Error('sufficiency aggregate returned no row');
  const counted = FIGURES.map((d, i): FigureCount & { section: Section } => {
    const out: FigureCount & { section: Section } = {
      key: d.key,
      label: d.label,
      section: d.section,
      count: Number(row[`n${String(i)}`]),
    };
    if (d.cost) {
      out.weeklyCost = Number(row[`w${String(i)}`]);
      out.costNotKnown = Number(row[`u${String(i)}`]);
    }
    return out;
  });
  const of = (s: Section): FigureCount[] =>
    counted.filter((c) => c.section === s).map(({ section: _s, ...f }) => f);
  return assemble(of, capacity);
}

function assemble(of: (s: Section) => FigureCount[], capacity: Capacity): CountedFigures {
  const used = (key: string) => of('capacity').find((c) => c.key === key)?.count ?? 0;
  const [total] = of('total');
  if (!total) throw new Error('no total figure');
  return {
    total,
    age: of('age'),
    need: of('need'),
    placementType: of('placementType'),
    capacity: [
      {
        key: 'capacity:fostering',
        label: 'In-house fostering places (approved households)',
        capacity: capacity.inHouseFosteringPlaces,
        used: used('capacity:fostering'),
        drillable: true,
      },
      {
        key: 'capacity:mockingbird',
        label: 'Mockingbird hub beds (two per open constellation)',
        capacity: capacity.mockingbirdHubBeds,
        used: null,
        drillable: false,
      },
      {
        key: 'capacity:homes',
        label: 'In-house children’s home beds',
        capacity: capacity.inHouseHomeBeds,
        used: used('capacity:homes'),
        drillable: true,
      },
      {
        key: 'capacity:supported',
        label: '16+ supported accommodation places (commissioned services)',
        capacity: capacity.supportedPlaces,
        used: capacity.supportedPlaced,
        drillable: false,
      },
    ],
    provision: of('provision'),
    location: of('location'),
    fragile: of('fragile'),
  };
}

export interface FigureChildRow {
  id: number;
  local_id: string;
  first_name: string;
  preferred_name: string | null;
  last_name: string;
  date_of_birth: string;
  age: number;
  place_type: string | null;
  postcode: string | null;
}

/**
 * The children behind one figure: how many there are in all, how many of them are in the viewer's
 * scope, and those in scope (sorted by name), `limit` from `offset` (all when limit is null).
 */
export async function figureChildren(
  db: Db,
  def: FigureDef,
  today: string,
  scope: Expression<SqlBool>,
  page: { limit: number | null; offset: number },
): Promise<{ total: number; inScope: number; rows: FigureChildRow[] }> {
  // One statement, so the facts are worked out once: the figure's children with whether each is
  // in scope, their counts, and the page of those in scope (no row of children: nulls).
  const { rows } = await sql<
    { total: number; in_scope: number } & { [K in keyof FigureChildRow]: FigureChildRow[K] | null }
  >`
    with ${factsCtes(today)},
    m as materialized (
      select f.child_id, f.age, f.place_type, f.placement_postcode, ${scope} as in_scope
      from f join child on child.id = f.child_id
      where ${def.where}
    ),
    counts as (
      select count(*)::int as total, count(*) filter (where m.in_scope)::int as in_scope from m
    )
    select counts.total, counts.in_scope, x.*
    from counts left join lateral (
      select child.id, child.local_id, child.first_name, child.preferred_name, child.last_name,
        child.date_of_birth::text as date_of_birth, m.age, m.place_type,
        m.placement_postcode as postcode
      from m join child on child.id = m.child_id
      where m.in_scope
      order by child.last_name, child.first_name, child.id
      ${page.limit === null ? sql`` : sql`limit ${page.limit} offset ${page.offset}`}
    ) x on true`.execute(db);
  const first = rows[0];
  const out: FigureChildRow[] = [];
  for (const r of rows)
    if (r.id !== null && r.local_id !== null && r.first_name !== null && r.last_name !== null)
      out.push({
        id: r.id,
        local_id: r.local_id,
        first_name: r.first_name,
        preferred_name: r.preferred_name,
        last_name: r.last_name,
        date_of_birth: r.date_of_birth ?? '',
        age: r.age ?? 0,
        place_type: r.place_type,
        postcode: r.postcode,
      });
  return { total: first?.total ?? 0, inScope: first?.in_scope ?? 0, rows: out };
}
