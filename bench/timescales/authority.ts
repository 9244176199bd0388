// Timescales over the demo authority on PostgreSQL: every child's and household's due items
// loaded from the database (set-based) and computed; the per-child cache filled from cold and read
// warm; and the tray pages' median response time (templates cached, as with NODE_ENV=production),
// with the first (cold cache) view of each page reported apart.
import request from 'supertest';
import { sql, type SqlBool } from 'kysely';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { todayInLondon } from '../../src/domain/dates/index.ts';
import { dueItems } from '../../src/domain/timescales/index.ts';
import { seedDemo } from '../../src/features/demo/write.ts';
import { openChildItems, type CacheStats } from '../../src/features/timescales/cache.ts';
import { loadTimescaleInputs } from '../../src/features/timescales/load.ts';
import { loadCarerInputs } from '../../src/features/timescales/loadCarers.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../src/platform/auth/demoAccounts.ts';
import { csrfFrom } from '../../src/platform/http/testing.ts';
import { benchDatabase } from '../lib/db.ts';
import { median } from '../lib/measure.ts';

const TRAYS: [string, string][] = [
  ['sw.demo', '/work'],
  ['iro.demo', '/work/reviews'],
  ['tm.demo', '/work/team'],
  ['fw.demo', '/work/fostering'],
  ['pa.demo', '/work/care-leavers'],
  ['sm.demo', '/work/team'],
];

export async function runAuthority(scale: number, repeats: number): Promise<void> {
  const { conn, close } = await benchDatabase('postgresql', 4, 'hearth_bench_ts_');
  try {
    await ensureDemoAccounts(conn.db);
    const today = todayInLondon(new Date());
    const seeded = await seedDemo(conn.db, { scale, seed: 903, today });
    await sql`analyze`.execute(conn.db);
    const load: number[] = [];
    const compute: number[] = [];
    let counts = { children: 0, households: 0, items: 0, open: 0, overdue: 0 };
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      const [children, households] = await Promise.all([
        loadTimescaleInputs(conn.db, sql<SqlBool>`true`),
        loadCarerInputs(conn.db, sql<SqlBool>`true`),
      ]);
      const t1 = performance.now();
      counts = {
        children: children.length,
        households: households.length,
        items: 0,
        open: 0,
        overdue: 0,
      };
      for (const s of [...children, ...households])
        for (const i of dueItems(s.input, today)) {
          counts.items++;
          if (i.status !== 'done') counts.open++;
          if (i.status === 'overdue') counts.overdue++;
        }
      const t2 = performance.now();
      load.push(t1 - t0);
      compute.push(t2 - t1);
    }
    console.log(
      `timescales scale ${scale} (PostgreSQL): ${counts.children} children, ${counts.households} households ` +
        `(demo written in ${(seeded.ms / 1000).toFixed(1)} s); ${counts.items} items, ${counts.open} open, ` +
        `${counts.overdue} overdue; median of ${repeats}: load ${median(load).toFixed(0)} ms, ` +
        `compute ${median(compute).toFixed(0)} ms, total ${median(load.map((l, i) => l + (compute[i] ?? 0))).toFixed(0)} ms`,
    );
    const cache: string[] = [];
    for (const pass of ['cold', 'warm']) {
      const stats: CacheStats = { fresh: 0, computed: 0, stored: 0 };
      const t0 = performance.now();
      const items = await conn.db
        .transaction()
        .execute((trx) => openChildItems(trx, sql<SqlBool>`true`, today, { stats }));
      let open = 0;
      for (const list of items.values()) open += list.length;
      cache.push(
        `${pass} ${(performance.now() - t0).toFixed(0)} ms (${stats.computed} computed, ${stats.fresh} fresh, ${open} open items)`,
      );
    }
    console.log(`  every child's open items through the cache: ${cache.join('; ')}`);
    // Clear it again, so each tray's first view below starts cold.
    await sql`update due_item_cache set computed_on = null`.execute(conn.db);
    // Pages render as in production (nunjucks caches compiled templates only then).
    process.env.NODE_ENV = 'production';
    const top = await conn.db
      .selectFrom('allocation')
      .select(['user_id', conn.db.fn.countAll<number>().as('n')])
      .where('role', '=', 'social_worker')
      .where('end_date', 'is', null)
      .groupBy('user_id')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirst();
    const trays: [string, string][] = [
      ...TRAYS,
      ['sm.demo', `/work/team?worker=${String(top?.user_id ?? 0)}`],
      ['sm.demo', '/work/team?status=overdue&rule=lac-review'],
    ];
    const config = loadConfig({
      NODE_ENV: 'test',
      HEARTH_LOG_LEVEL: 'silent',
      HEARTH_DEMO: 'false',
    });
    const app = createApp({ config, conn });
    for (const [user, path] of trays) {
      const agent = request.agent(app);
      const page = await agent.get('/sign-in');
      await agent
        .post('/sign-in')
        .type('form')
        .send({ username: user, password: DEMO_PASSWORD, _csrf: csrfFrom(page.text) });
      const times: number[] = [];
      let total = '';
      let first = 0;
      for (let i = 0; i < 11; i++) {
        const t0 = performance.now();
        const res = await agent.get(path);
        const t = performance.now() - t0;
        if (res.status !== 200) throw new Error(`${user} ${path}: ${res.status}`);
        if (i > 0) times.push(t);
        else first = t;
        total = /<h2 class="govuk-heading-m" id="items-heading">([^<]*)</.exec(res.text)?.[1] ?? '';
      }
      console.log(
        `  ${user.padEnd(9)} ${path.padEnd(19)} median ${median(times).toFixed(0)} ms, first view ${first.toFixed(0)} ms (${total})`,
      );
    }
  } finally {
    await close();
  }
}
