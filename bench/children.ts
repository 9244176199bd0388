// The care record pages over the demo authority: children list (all, search, filter, page) and a
// child's record (summary and chronology), median of 20 HTTP requests each through the real app
// (session, CSRF, rendering, audit write in the same transaction).
//
//   npm run bench -- children [--scale N] [--engine pglite|postgresql] [--requests 20] [--dev]
//
// The app runs as in production (NODE_ENV=production: Nunjucks keeps compiled templates, Express
// caches view lookups). Outside production Nunjucks recompiles every template on every request
// (noCache, so edited templates show at once), which cost 30-80 ms a page; --dev measures that way.
//
// PostgreSQL: BENCH_DATABASE_URL (else postgres://postgres@127.0.0.1:5432/postgres); a fresh
// database is created beside it and dropped after. PGlite runs in memory. Results: bench/README.md.
import type { Connection } from '../src/db/connect.ts';
import { demoLocalPostcodes, loadLocalPostcodes } from '../src/features/children/localPostcodes.ts';
import { seedDemo } from '../src/features/demo/write.ts';
import { addUser, signedIn, testApp } from '../src/platform/http/testing.ts';
import { arg, benchDatabase } from './lib/db.ts';
import { machine, median } from './lib/measure.ts';

export const description =
  'Children list (search, filter, page) and child record: median of 20 requests over the demo authority';

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

export async function run(args: string[]): Promise<void> {
  const scale = Number(arg(args, '--scale', '1'));
  const engine = arg(args, '--engine', 'postgresql');
  const requests = Number(arg(args, '--requests', '20'));
  const dev = args.includes('--dev');
  // Read when the app is created (src/platform/views/nunjucks.ts, Express's 'view cache').
  if (!dev) process.env.NODE_ENV = 'production';
  const { conn, close } = await benchDatabase(engine, 10);
  try {
    const seeded = await seedDemo(conn.db, { scale, seed: 903 });
    await loadLocalPostcodes(conn.db, demoLocalPostcodes());
    if (engine === 'postgresql') await pg_analyze(conn);
    // A service manager sees every child (the largest list); a social worker sees their team's.
    await addUser(conn, 'bench.sm', ['service_manager']);
    const worker = await conn.db
      .selectFrom('allocation as a')
      .innerJoin('app_user as u', 'u.id', 'a.user_id')
      .select(['u.id', 'u.team_id'])
      .where('a.role', '=', 'social_worker')
      .where('a.end_date', 'is', null)
      .where('u.team_id', 'is not', null)
      .limit(1)
      .executeTakeFirstOrThrow();
    await addUser(conn, 'bench.sw', ['social_worker'], { teamId: worker.team_id });
    const app = testApp(conn);
    const sm = await signedIn(app, 'bench.sm');
    const sw = await signedIn(app, 'bench.sw');
    const inCare = await conn.db
      .selectFrom('period_of_care as p')
      .innerJoin('child', 'child.id', 'p.child_id')
      .select(['child.id', 'child.date_of_birth', 'child.last_name'])
      .where('p.end_date', 'is', null)
      .orderBy('child.id')
      .limit(requests)
      .execute();
    const sample = inCare[Math.floor(inCare.length / 2)];
    if (!sample) throw new Error('the demo has no children in care');
    const [d, m, y] = [
      sample.date_of_birth.slice(8, 10),
      sample.date_of_birth.slice(5, 7),
      sample.date_of_birth.slice(0, 4),
    ];
    const cases: [string, typeof sm, (i: number) => string][] = [
      ['baseline: Your account (no care data)', sm, () => '/account'],
      ['list: first page, all children (service manager)', sm, () => '/children'],
      [
        'list: search by name',
        sm,
        () => `/children?q=${encodeURIComponent(sample.last_name.slice(0, 3))}`,
      ],
      ['list: search by date of birth', sm, () => `/children?q=${d}%2F${m}%2F${y}`],
      ['list: filter legal C2 + out of area', sm, () => '/children?legal=C2&area=out'],
      [
        'list: filter placement U4, sort by entered care',
        sm,
        () => '/children?place=U4&sort=entered&order=desc',
      ],
      ['list: page 10 sorted by date of birth', sm, () => '/children?sort=dob&page=10'],
      ['list: social worker (team scope)', sw, () => '/children'],
      ['record: summary', sm, (i) => `/children/${String(inCare[i % inCare.length]?.id)}`],
      [
        'record: chronology',
        sm,
        (i) => `/children/${String(inCare[i % inCare.length]?.id)}/chronology`,
      ],
      [
        'record: 903 episodes',
        sm,
        (i) => `/children/${String(inCare[i % inCare.length]?.id)}/episodes`,
      ],
    ];
    console.log(
      `children bench: ${engine}, demo scale ${String(scale)} (${String(seeded.children)} children), ${String(requests)} requests each, ${dev ? 'development (templates recompiled per request)' : 'production mode (templates cached)'}; ${machine()}`,
    );
    console.log('| Request | Median | p95 | Rows |');
    console.log('| --- | --- | --- | --- |');
    for (const [label, user, path] of cases) {
      for (let i = 0; i < 3; i++) await user.agent.get(path(i)); // warm up
      const times: number[] = [];
      let rows = '';
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        const res = await user.agent.get(path(i));
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${path(i)} answered ${String(res.status)}`);
        const count = /id="results"[^>]*>([^<]+)</.exec(res.text)?.[1]?.trim();
        if (count) rows = count;
      }
      console.log(
        `| ${label} | ${median(times).toFixed(1)} ms | ${percentile(times, 95).toFixed(1)} ms | ${rows} |`,
      );
    }
  } finally {
    await close();
  }
}

async function pg_analyze(conn: Connection): Promise<void> {
  const { sql } = await import('kysely');
  await sql`analyze`.execute(conn.db);
}
