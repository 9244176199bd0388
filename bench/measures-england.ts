// Every measure for an England-scale data set, load + compute, median of 3 runs after a warm-up:
//
//   npm run bench -- measures-england [--in-care N] [--at YYYY-MM-DD] [--profile] [--keep]
//
// Writes straight into a fresh PostgreSQL database (hearth_bench_england, beside BENCH_DATABASE_URL,
// else postgres://postgres@127.0.0.1:5432/postgres; dropped after unless --keep) with set-based
// SQL (generate_series, one statement per table; no demo generator, no per-row JavaScript) the
// facts the measures read, over the 5 years up to --at (default 2026-03-31):
//
// - N children looked after on --at (default 80,000, England 2025: 81,770) and 1.9 × N who left
//   care during the 5 years (about 30,000 a year, as England), one period of care each;
// - 1–7 placements and 1–4 legal statuses per period (about 1.2 million rows together at the
//   default), 2% short breaks (V3/V4), adoptions for children leaving with E11/E12;
// - social worker allocations (3,000 workers), reviews every 6 months, visits every 6 weeks (93%
//   seen), health and dental assessments and SDQs yearly, missing episodes for 10% of children,
//   care leaver contacts on the 17th–21st birthdays of those who left at 18.
//
// Every value comes from a hash of the row number and a salt (hashint8extended), so the data are
// the same on every run (the seed is --seed, default 903). Postcodes come from the bundled ONS
// extract for the demo area, loaded into postcode_centroid as `hearth postcodes --demo` does, with
// the demo authority's boundary loaded. Each timed run reads distances as the scorecard does
// (src/features/measures/miles.ts: the centroids of every home and placement postcode, from the
// database), then the application's own loader and measures (src/features/measures/load.ts,
// src/domain/measures). Target: under 10 s on PostgreSQL. Results: bench/README.md, "Measures".
import pg from 'pg';
import { connectPostgres } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { computeMeasures, MEASURES } from '../src/domain/measures/index.ts';
import { demoLocalPostcodes, loadLocalPostcodes } from '../src/features/children/localPostcodes.ts';
import { Postcodes } from '../src/features/demo/postcodes.ts';
import { loadMeasureData } from '../src/features/measures/load.ts';
import { recordMiles } from '../src/features/measures/miles.ts';
import { demoCentroids, loadCentroids } from '../src/features/postcodes/centroids.ts';
import { adminQuery, arg } from './lib/db.ts';
import { machine, median } from './lib/measure.ts';

export const description =
  'Every corporate parenting measure for an England-scale authority (80,000 in care), PostgreSQL';

const DB_NAME = 'hearth_bench_england';
/** England's population aged 0–17 (ONS mid-2024, about 12.2 million). */
const ENGLAND_CHILDREN = 12_200_000;

/** The statements that write the data set; $1 = --at, $2 = children in care, $3 = seed, $4 = postcodes. */
function generation(): { label: string; text: string }[] {
  // r(i, k): a uniform number in [0, 1) from row i and salt k (deterministic for the seed).
  // Dates: s0 is 5 years before `at`; a period's length `len` runs to its end, or to `at` if open.
  return [
    {
      label: 'helpers',
      text: `
      create function pg_temp.r(i bigint, k int) returns float8 language sql immutable as
        $$ select (hashint8extended(i, k + $3::int) & 2147483647)::float8 / 2147483648 $$;
      create function pg_temp.pick(i bigint, k int, xs text[]) returns text language sql immutable as
        $$ select xs[1 + floor(pg_temp.r(i, k) * array_length(xs, 1))::int] $$;`,
    },
    {
      label: 'children (generated facts)',
      text: `
      create unlogged table bench_g as
      with base as (
        select i, i <= $2::int as in_care,
          pg_temp.r(i, 1) a, pg_temp.r(i, 2) b, pg_temp.r(i, 3) c, pg_temp.r(i, 4) e
        from generate_series(1, ($2::int * 29) / 10) i
      ), shaped as (
        select i, in_care, b, e,
          -- in care: age on at 0–17; left: ended in the 5 years, aged 0–17 or exactly 18 (e < 0.25)
          case when in_care then $1::date - floor(a * 6570)::int
               when e < 0.25 then ($1::date - interval '5 years')::date + 1 + floor(a * 1825)::int - 6575
               when e < 0.35 then ($1::date - interval '5 years')::date + 1 + floor(a * 1825)::int - 200 - floor(c * 1600)::int
               else ($1::date - interval '5 years')::date + 1 + floor(a * 1825)::int - floor(c * 6570)::int end as dob,
          case when in_care then null
               else ($1::date - interval '5 years')::date + 1 + floor(a * 1825)::int end as pend
        from base
      )
      select i, in_care, dob, pend,
        greatest(dob, coalesce(pend, $1::date) - 1 - floor(b * b * 3650)::int) as pstart,
        case when in_care then null
             when e < 0.25 then pg_temp.pick(i, 5, '{E5,E6,E17}')
             when e < 0.35 then pg_temp.pick(i, 5, '{E11,E12}')
             when e < 0.45 then pg_temp.pick(i, 5, '{E45,E46,E47,E48}')
             when e < 0.80 then pg_temp.pick(i, 5, '{E4A,E4A,E4B,E13}')
             else pg_temp.pick(i, 5, '{E8,E3,E7,E9,E15}') end as reason,
        case when pg_temp.r(i, 6) < 0.6 then 'N1' else pg_temp.pick(i, 7, '{N2,N3,N4,N5,N6,N7,N8}') end as cin,
        pg_temp.r(i, 8) < 0.02 as short,
        1 + floor(pg_temp.r(i, 9) ^ 1.5 * 7)::int as nplace,
        1 + floor(pg_temp.r(i, 10) * 4)::int as nlegal,
        1 + floor(pg_temp.r(i, 11) * 3)::int as nalloc
      from shaped`,
    },
    {
      label: 'postcodes',
      text: `
      create unlogged table bench_pc as
        select (row_number() over (order by p) - 1)::int n, p as postcode
        from unnest($4::text[]) p`,
    },
    {
      label: 'child',
      text: `
      insert into child (id, local_id, first_name, last_name, date_of_birth, sex, home_postcode)
      select i, 'ENG' || lpad(i::text, 7, '0'), 'Child', 'England ' || i, dob,
        case when pg_temp.r(i, 12) < 0.56 then 'M' else 'F' end,
        case when pg_temp.r(i, 13) < 0.97 then pcs[1 + floor(pg_temp.r(i, 14) * cardinality(pcs))::int] end
      from bench_g cross join (select array_agg(postcode order by n) pcs from bench_pc) pc;
      select setval(pg_get_serial_sequence('child', 'id'), (select max(id) from child))`,
    },
    {
      label: 'period_of_care',
      text: `
      insert into period_of_care (id, child_id, start_date, end_date, end_reason, category_of_need)
      select i, i, pstart, pend, reason, cin from bench_g;
      select setval(pg_get_serial_sequence('period_of_care', 'id'), (select max(id) from period_of_care))`,
    },
    {
      label: 'placement',
      text: `
      insert into placement (period_of_care_id, child_id, place_type, place_provider, category_of_need,
        postcode, start_date, end_date, reason_for_change, intended_to_18, weekly_cost, carer_ref)
      select i, i, t.place_type,
        case when t.place_type in ('U1','U2','U3','U4','U5','U6') then pg_temp.pick(k, 22, '{PR1,PR1,PR4}') else pg_temp.pick(k, 22, '{PR1,PR4,PR5}') end,
        cin,
        case when pg_temp.r(k, 23) < 0.95 then pcs[1 + floor(pg_temp.r(k, 24) * cardinality(pcs))::int] end,
        s, e, case when e is not null then pg_temp.pick(k, 25, '{CARPL,CLOSE,ALLEG,STAND,CREQB,CHILD,LAREQ,PLACE,OTHER}') end,
        pg_temp.r(k, 26) < 0.2,
        case when pg_temp.r(k, 27) < 0.05 then null
             when t.place_type like 'U%' then 400 + floor(pg_temp.r(k, 28) * 600)::int
             when t.place_type in ('K1','K2','R1','R2','R5','S1') then 3500 + floor(pg_temp.r(k, 28) * 5000)::int
             else 900 + floor(pg_temp.r(k, 28) * 1500)::int end,
        'carer:' || floor(pg_temp.r(k, 29) * 40000)::int
      from (
        select g.*, j, i::bigint * 16 + j as k,
          pstart + ((coalesce(pend, $1::date) - pstart) * (j - 1)) / np as s,
          case when j < np then pstart + ((coalesce(pend, $1::date) - pstart) * j) / np else pend end as e
        from (select *, least(nplace, 1 + (coalesce(pend, $1::date) - pstart) / 45) as np from bench_g) g
        cross join lateral generate_series(1, g.np) j
      ) x
      cross join lateral (select case
        when reason in ('E11','E12') and j = np then 'A5'
        when r < 0.15 then pg_temp.pick(k, 21, '{U1,U2,U3}')
        when r < 0.72 then pg_temp.pick(k, 21, '{U4,U5,U6}')
        when r < 0.84 then pg_temp.pick(k, 21, '{K2,K2,K1,R1,S1}')
        when r < 0.93 then pg_temp.pick(k, 21, '{H5,P2}')
        when r < 0.97 then pg_temp.pick(k, 21, '{P1,R2,R5,Z1}')
        else pg_temp.pick(k, 21, '{T0,T1,T2}') end as place_type
        from (select pg_temp.r(k, 20) r) rr) t
      cross join (select array_agg(postcode order by n) pcs from bench_pc) pc`,
    },
    {
      label: 'legal_status',
      text: `
      insert into legal_status (period_of_care_id, child_id, status, start_date, end_date)
      select i, i,
        case when short then pg_temp.pick(i, 30, '{V3,V4}')
             when j = 1 then pg_temp.pick(k, 31, '{V2,V2,C1,L1,J1}')
             when reason in ('E11','E12') and j = nl then 'E1'
             else pg_temp.pick(k, 31, '{C2,C2,C2,C1,V2}') end,
        s, e
      from (
        select g.*, j, i::bigint * 16 + j as k,
          pstart + ((coalesce(pend, $1::date) - pstart) * (j - 1)) / nl as s,
          case when j < nl then pstart + ((coalesce(pend, $1::date) - pstart) * j) / nl else pend end as e
        from (select *, case when short then 1 else least(nlegal, 1 + (coalesce(pend, $1::date) - pstart) / 30) end as nl from bench_g) g
        cross join lateral generate_series(1, g.nl) j
      ) x`,
    },
    {
      label: 'social workers and allocations',
      text: `
      insert into app_user (username, display_name, roles)
      select 'bench.sw' || n, 'Social worker ' || n, '{sw}' from generate_series(1, 3000) n;
      insert into allocation (child_id, user_id, role, start_date, end_date)
      select i, (select min(id) from app_user where username like 'bench.sw%') + floor(pg_temp.r(k, 40) * 3000)::int,
        'social_worker', s, e
      from (
        select g.*, i::bigint * 16 + j as k,
          pstart + ((coalesce(pend, $1::date) - pstart) * (j - 1)) / nalloc as s,
          case when j < nalloc then pstart + ((coalesce(pend, $1::date) - pstart) * j) / nalloc else pend end as e
        from bench_g g cross join lateral generate_series(1, g.nalloc) j
      ) x`,
    },
    {
      label: 'review',
      text: `
      insert into review (child_id, due_date, held_date, participation)
      select i, d::date, d::date - 10 + floor(pg_temp.r(i * 64 + n, 50) * 30)::int,
        case when pg_temp.r(i * 64 + n, 51) < 0.9 then pg_temp.pick(i * 64 + n, 52, '{PN1,PN1,PN1,PN2,PN3,PN4,PN5,PN6,PN7,PN0}') end
      from bench_g g
      cross join lateral generate_series(greatest(pstart + 20, ($1::date - interval '6 years')::date),
        least(coalesce(pend, $1::date), $1::date) - 20, interval '182 days') with ordinality as s(d, n)`,
    },
    {
      label: 'visit',
      text: `
      insert into visit (child_id, visit_date, seen)
      select i, d::date + floor(pg_temp.r(i * 256 + n, 60) * 10)::int - 5, pg_temp.r(i * 256 + n, 61) < 0.93
      from bench_g g
      cross join lateral generate_series(greatest(pstart + 7, ($1::date - interval '5 years')::date),
        least(coalesce(pend, $1::date), $1::date) - 5, interval '42 days') with ordinality as s(d, n)`,
    },
    {
      label: 'health_assessment and sdq',
      text: `
      insert into health_assessment (child_id, kind, assessment_date)
      select i, 'initial', pstart + 5 + floor(pg_temp.r(i, 70) * 35)::int from bench_g
        where pstart >= ($1::date - interval '5 years')::date and pstart + 40 <= coalesce(pend, $1::date) and not short;
      insert into health_assessment (child_id, kind, assessment_date)
      select i, kind, d::date + floor(pg_temp.r(i * 64 + n, 71) * 40)::int - 10
      from bench_g g cross join (values ('review'), ('dental')) v(kind)
      cross join lateral generate_series(greatest(pstart + 200, ($1::date - interval '5 years')::date),
        least(coalesce(pend, $1::date), $1::date) - 30, interval '365 days') with ordinality as s(d, n)
      where not short and pg_temp.r(i * 64 + n, case when kind = 'review' then 72 else 73 end) < 0.88;
      insert into sdq (child_id, sdq_date, score, reason)
      select i, d::date, case when r >= 0.1 then floor(pg_temp.r(i * 64 + n, 75) ^ 1.3 * 36)::int end,
        case when r < 0.1 then 'SDQ1' end
      from bench_g g
      cross join lateral generate_series(greatest(pstart + 100, ($1::date - interval '5 years')::date),
        least(coalesce(pend, $1::date), $1::date) - 10, interval '365 days') with ordinality as s(d, n)
      cross join lateral (select pg_temp.r(i * 64 + n, 74) r) rr
      where not short and d::date - dob between 4 * 365 and 17 * 365`,
    },
    {
      label: 'missing_episode',
      text: `
      insert into missing_episode (child_id, kind, start_date, end_date, return_interview_offered)
      select i, case when pg_temp.r(k, 80) < 0.7 then 'M' else 'A' end, s,
        case when pg_temp.r(k, 81) < 0.98 then s + floor(pg_temp.r(k, 82) * 4)::int end,
        case when pg_temp.r(k, 83) < 0.7 then s + floor(pg_temp.r(k, 84) * 6)::int end
      from (
        select i, i::bigint * 16 + j as k,
          pstart + floor(pg_temp.r(i::bigint * 16 + j, 85) * (coalesce(pend, $1::date) - pstart))::int as s
        from bench_g g cross join lateral generate_series(1, 1 + floor(pg_temp.r(i, 86) * 8)::int) j
        where pg_temp.r(i, 87) < 0.1 and not short
      ) x`,
    },
    {
      label: 'care_leaver_contact',
      text: `
      insert into care_leaver_contact (child_id, contact_date, in_touch, activity, accommodation)
      select i, c, t, case when t = 'YES' then pg_temp.pick(k, 91, '{F1,P1,F2,P2,F4,P4,F5,G4,G5,G6,G6}') end,
        case when t = 'YES' then pg_temp.pick(k, 92, '{B1,C1,D1,E1,K1,R1,S2,T1,U1,U2,V1,W1,Y1,Z1,Z2}') end
      from (
        select i, i::bigint * 16 + y as k, (dob + make_interval(years => y))::date + floor(pg_temp.r(i::bigint * 16 + y, 93) * 60)::int - 30 as c,
          case when pg_temp.r(i::bigint * 16 + y, 90) < 0.9 then 'YES' else pg_temp.pick(i::bigint * 16 + y, 94, '{NO,REFU,NREQ,RHOM}') end as t
        from bench_g g cross join generate_series(17, 21) y
        where (reason in ('E5','E6','E17') or (in_care and $1::date - dob > 16 * 365))
          and (dob + make_interval(years => y))::date between pstart and $1::date - 30
      ) x
      where c <= $1::date`,
    },
    {
      label: 'adoption_plan',
      text: `
      insert into adoption_plan (child_id, decision_date, placement_order_date, matched_date, placed_date, order_granted_date, adopted_by_foster_carer)
      select i, pstart + q, pstart + q + 60, pstart + q + 90, pstart + q + 120,
        case when reason in ('E11','E12') then greatest(pend, pstart + q + 120) end, pg_temp.r(i, 101) < 0.1
      from (select g.*, least(200, (coalesce(pend, $1::date) - pstart) / 5)::int as q from bench_g g) g
      where (reason in ('E11','E12') or (in_care and $1::date - dob < 5 * 365 and pg_temp.r(i, 100) < 0.25))
        and not short and pstart + q + 120 <= $1::date`,
    },
    { label: 'clean up', text: 'drop table bench_g; drop table bench_pc' },
  ];
}

async function generate(url: string, at: string, inCare: number, seed: number): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // Bulk load: the due-item triggers (src/db/migrations/0031) and foreign key triggers are not
    // needed for a read benchmark; the data are consistent by construction.
    await c.query(`set session_replication_role = replica`);
    const postcodes = [...Postcodes.load().byPostcode.keys()].sort();
    for (const step of generation()) {
      const t0 = performance.now();
      // Multi-statement texts cannot take parameters: inline them (all are numbers or checked).
      const text = step.text
        .replaceAll('$1::date', `'${at}'::date`)
        .replaceAll('$2::int', String(inCare))
        .replaceAll('$3::int', String(seed))
        .replaceAll('$4::text[]', `'{${postcodes.map((p) => `"${p}"`).join(',')}}'::text[]`);
      await c.query(text);
      console.log(`  ${step.label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await c.query('analyze');
    const counts = await c.query<{ t: string; n: string }>(`
      select 'child' t, count(*)::text n from child union all
      select 'period_of_care', count(*)::text from period_of_care union all
      select 'placement', count(*)::text from placement union all
      select 'legal_status', count(*)::text from legal_status union all
      select 'allocation', count(*)::text from allocation union all
      select 'review', count(*)::text from review union all
      select 'visit', count(*)::text from visit union all
      select 'health_assessment', count(*)::text from health_assessment union all
      select 'sdq', count(*)::text from sdq union all
      select 'missing_episode', count(*)::text from missing_episode union all
      select 'care_leaver_contact', count(*)::text from care_leaver_contact union all
      select 'adoption_plan', count(*)::text from adoption_plan`);
    console.log(
      '  rows: ' +
        counts.rows.map((r) => `${r.t} ${Number(r.n).toLocaleString('en-GB')}`).join(', '),
    );
  } finally {
    await c.end();
  }
}

export async function run(args: string[]): Promise<void> {
  const at = arg(args, '--at', '2026-03-31');
  const inCare = Number(arg(args, '--in-care', '80000'));
  const seed = Number(arg(args, '--seed', '903'));
  const runs = Number(arg(args, '--runs', '3'));
  const keep = args.includes('--keep');
  const reuse = args.includes('--reuse');
  const profile = args.includes('--profile');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(at) || !Number.isInteger(inCare) || inCare < 1)
    throw new Error('usage: measures-england [--in-care N] [--at YYYY-MM-DD] [--seed N] [--keep]');
  console.log(machine());
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(base);
  url.pathname = `/${DB_NAME}`;
  if (!reuse) {
    await adminQuery(base, `drop database if exists ${DB_NAME} with (force)`);
    await adminQuery(base, `create database ${DB_NAME}`);
  }
  const conn = connectPostgres(url.toString(), 10);
  try {
    if (!reuse) {
      const t0 = performance.now();
      await migrateToLatest(conn.db);
      await loadLocalPostcodes(conn.db, demoLocalPostcodes());
      await loadCentroids(conn.db, demoCentroids());
      console.log(`generating (${String(inCare)} in care on ${at}, seed ${String(seed)}):`);
      await generate(url.toString(), at, inCare, seed);
      console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const loads: number[] = [];
    const computes: number[] = [];
    const totals: number[] = [];
    const cpus: number[] = [];
    let cla = 0;
    let children = 0;
    for (let i = 0; i <= runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const miles = await recordMiles(conn.db);
      const data = await loadMeasureData(conn.db, at, { miles, childPopulation: ENGLAND_CHILDREN });
      const t1 = performance.now();
      const results = computeMeasures(data, at);
      const t2 = performance.now();
      const cpu = process.cpuUsage(c0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      cla = results.get('cla-at')?.value ?? 0;
      children = data.children.length;
      console.log(
        `  run ${String(i)}${i === 0 ? ' (warm-up)' : ''}: load ${(t1 - t0).toFixed(0)} ms + compute ${(t2 - t1).toFixed(0)} ms (Node CPU ${cpuMs.toFixed(0)} ms)`,
      );
      if (i === 0) continue;
      loads.push(t1 - t0);
      computes.push(t2 - t1);
      totals.push(t2 - t0);
      cpus.push(cpuMs);
    }
    if (profile) {
      const miles = await recordMiles(conn.db);
      const data = await loadMeasureData(conn.db, at, { miles, childPopulation: ENGLAND_CHILDREN });
      const times = MEASURES.map((m) => {
        const t0 = performance.now();
        m.compute(data, at);
        return [m.id, performance.now() - t0] as const;
      }).sort((a, b) => b[1] - a[1]);
      for (const [id, ms] of times.slice(0, 10)) console.log(`  ${id}: ${ms.toFixed(1)} ms`);
    }
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(
      `postgresql: ${children.toLocaleString('en-GB')} children (${cla.toLocaleString('en-GB')} in care on ${at}), ` +
        `${String(MEASURES.length)} measures: load ${median(loads).toFixed(0)} ms + compute ` +
        `${median(computes).toFixed(0)} ms = ${median(totals).toFixed(0)} ms (median of ${String(runs)} after a warm-up); ` +
        `Node CPU ${median(cpus).toFixed(0)} ms (PostgreSQL's own CPU not included); ` +
        `peak RSS ${peak.toFixed(0)} MiB`,
    );
  } finally {
    await conn.close();
    if (!keep) await adminQuery(base, `drop database if exists ${DB_NAME} with (force)`);
  }
}
