// Every measure for the demo authority, load + compute, median of 5 runs:
//
//   npm run bench -- measures [--engine postgresql|pglite|both] [--scale N] [--at YYYY-MM-DD]
//                             [--profile]
//
// Also times the scorecard's trend: the facts loaded once for the 12 month-ends and 5 31 Marches
// before --at, and every measure worked out on each of those dates (src/features/scorecard). With
// --profile, prints the slowest measures' compute times on the last run.
//
// Each engine gets a fresh database seeded with the demo (seed 903, history ending today) and the
// authority's postcodes. PostgreSQL: BENCH_DATABASE_URL (else postgres://postgres@127.0.0.1:5432/
// postgres); a database is created beside it and dropped after. PGlite runs in memory. Target: under
// 1 s at scale 1. Results: bench/README.md, "Measures".
import { todayInLondon } from '../src/domain/dates/index.ts';
import { computeMeasures, MEASURES } from '../src/domain/measures/index.ts';
import { seedDemo } from '../src/features/demo/write.ts';
import { sliceAt } from '../src/domain/measures/slice.ts';
import { earliestCare, loadMeasureData, loadMeasureFacts } from '../src/features/measures/load.ts';
import { recordMiles } from '../src/features/measures/miles.ts';
import { trendDates } from '../src/features/scorecard/service.ts';
import { arg, benchDatabase } from './lib/db.ts';
import { machine, median } from './lib/measure.ts';

export const description =
  'Every corporate parenting measure for the demo authority (load + compute), median of 5';

async function one(engine: string, scale: number, at: string, profile: boolean): Promise<void> {
  const { conn, close } = await benchDatabase(engine, 10);
  try {
    // The demo's hooks load the authority's postcodes and centroids, as npm start's demo does.
    const seeded = await seedDemo(conn.db, { scale, seed: 903 });
    if (engine === 'postgresql') {
      const { sql } = await import('kysely');
      await sql`analyze`.execute(conn.db);
    }
    // Distances as the scorecard reads them (src/features/measures/miles.ts).
    const miles = await recordMiles(conn.db);
    const loads: number[] = [];
    const computes: number[] = [];
    const totals: number[] = [];
    let cla = 0;
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const data = await loadMeasureData(conn.db, at, {
        ...(miles ? { miles } : {}),
        childPopulation: 150_000,
      });
      const t1 = performance.now();
      const results = computeMeasures(data, at);
      const t2 = performance.now();
      cla = results.get('cla-at')?.value ?? 0;
      if (i === 0) continue; // warm-up
      loads.push(t1 - t0);
      computes.push(t2 - t1);
      totals.push(t2 - t0);
    }
    const first = (await earliestCare(conn.db)) ?? at;
    const { monthly, yearly } = trendDates(at, first);
    const dates = [...new Set([at, ...monthly, ...yearly])].sort();
    const trends: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const facts = await loadMeasureFacts(conn.db, dates, {
        ...(miles ? { miles } : {}),
        childPopulation: 150_000,
      });
      for (const d of dates) computeMeasures(sliceAt(facts, d), d);
      if (i > 0) trends.push(performance.now() - t0);
    }
    if (profile) {
      const data = await loadMeasureData(conn.db, at, {
        ...(miles ? { miles } : {}),
        childPopulation: 150_000,
      });
      const times = MEASURES.map((m) => {
        const t0 = performance.now();
        m.compute(data, at);
        return [m.id, performance.now() - t0] as const;
      }).sort((a, b) => b[1] - a[1]);
      for (const [id, ms] of times.slice(0, 10)) console.log(`  ${id}: ${ms.toFixed(1)} ms`);
    }
    console.log(
      `${engine}: scorecard trend, ${String(dates.length)} dates from one load: ${median(trends).toFixed(0)} ms (median of 3 after a warm-up)`,
    );
    console.log(
      `${engine}: scale ${String(scale)}, ${String(seeded.children)} children (${String(cla)} in care on ${at}), ` +
        `${String(MEASURES.length)} measures: load ${median(loads).toFixed(0)} ms + compute ` +
        `${median(computes).toFixed(0)} ms = ${median(totals).toFixed(0)} ms (median of 5 after a warm-up)`,
    );
  } finally {
    await close();
  }
}

export async function run(args: string[]): Promise<void> {
  const engine = arg(args, '--engine', 'both');
  const scale = Number(arg(args, '--scale', '1'));
  const at = arg(args, '--at', todayInLondon(new Date()));
  const profile = args.includes('--profile');
  console.log(machine());
  for (const e of engine === 'both' ? ['postgresql', 'pglite'] : [engine])
    await one(e, scale, at, profile);
}
