// Write a demo plan: every table in batches of 5,000 rows, each batch one INSERT from one JSON
// parameter (bulkInsert.ts), inside one transaction; then move the id sequences past the ids used.
// Where the session may, triggers are off while writing (no per-row foreign-key checks) and every
// foreign key of the demo tables is checked afterwards in one query each (foreignKeys.ts).
// seedDemoIfEmpty is what `npm start` calls.
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Connection, Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/today.ts';
import { DEMO_TABLES, type DemoRows, type DemoTable } from './plan.ts';
import { insertJson } from './bulkInsert.ts';
import { canSkipTriggers, checkForeignKeys } from './foreignKeys.ts';
import { generateDemo, type DemoOptions, type DemoPlan } from './generate.ts';
import type { DemoAccountIds } from './workforce.ts';
import { loadFeatures, type DemoContext } from '../../platform/http/features.ts';

const WITH_SERIAL_ID = DEMO_TABLES.filter((t) => t !== 'home_manager' && t !== 'child_relation');

async function insertAll<T extends DemoTable>(db: Db, table: T, rows: DemoRows[T]): Promise<void> {
  await insertJson(db, table, rows);
}

export interface WriteOptions {
  /** Keep per-row foreign-key checks on even where they could be skipped (to compare). */
  rowChecks?: boolean;
}

export async function writeDemo(
  db: Db,
  plan: DemoPlan,
  opts: WriteOptions = {},
  ctx?: DemoContext,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const skip = !opts.rowChecks && (await canSkipTriggers(trx));
    if (skip) await sql`set local session_replication_role = replica`.execute(trx);
    for (const table of DEMO_TABLES) {
      await insertAll(trx, table, plan.rows[table]);
    }
    if (skip) {
      await sql`set local session_replication_role = origin`.execute(trx);
      await checkForeignKeys(trx, DEMO_TABLES);
    }
    for (const table of WITH_SERIAL_ID) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
        trx,
      );
    }
    for (const [userId, teamId] of plan.accountTeams) {
      await trx.updateTable('app_user').set({ team_id: teamId }).where('id', '=', userId).execute();
    }
    if (ctx) for (const f of await loadFeatures()) if (f.demo) await f.demo(trx, ctx);
  });
}

/** Ids of the demo sign-in accounts present (platform/auth/demoAccounts.ts creates them). */
export async function findDemoAccounts(db: Db): Promise<DemoAccountIds> {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where(sql<string>`lower(username)`, 'in', [
      'sw.demo',
      'tm.demo',
      'iro.demo',
      'pa.demo',
      'fw.demo',
      'fm.demo',
      'rm.demo',
    ])
    .execute();
  const out: DemoAccountIds = {};
  for (const r of rows) {
    const key = r.username.toLowerCase().split('.')[0] as keyof DemoAccountIds;
    out[key] = r.id;
  }
  return out;
}

export async function firstIds(db: Db): Promise<Partial<Record<DemoTable, number>>> {
  const out: Partial<Record<DemoTable, number>> = {};
  for (const table of WITH_SERIAL_ID) {
    const { rows } = await sql<{
      n: number | null;
    }>`select max(id) as n from ${sql.table(table)}`.execute(db);
    out[table] = (rows[0]?.n ?? 0) + 1;
  }
  return out;
}

export interface SeedResult {
  children: number;
  ms: number;
}

/** Generate and write a demo authority; returns how many children and how long it took. */
export async function seedDemo(
  db: Db,
  opts: Omit<DemoOptions, 'today' | 'accounts' | 'firstIds'> & { today?: string },
): Promise<SeedResult> {
  const started = performance.now();
  const today = opts.today ?? todayInLondon(new Date());
  const plan = generateDemo({
    ...opts,
    today,
    accounts: await findDemoAccounts(db),
    firstIds: await firstIds(db),
  });
  await writeDemo(
    db,
    plan,
    {},
    { seed: opts.seed, scale: opts.scale, today, laCode: opts.laCode ?? '380' },
  );
  return { children: plan.rows.child.length, ms: Math.round(performance.now() - started) };
}

/** `npm start`: seed the demo authority when demo mode is on and there are no children yet. */
export async function seedDemoIfEmpty(
  conn: Connection,
  config: Pick<Config, 'demo' | 'authority'>,
): Promise<SeedResult | null> {
  if (!config.demo) return null;
  const any = await conn.db.selectFrom('child').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  return seedDemo(conn.db, { scale: 1, seed: 903, laCode: config.authority.code });
}
