// Demo generation time: `npm run bench -- demo [--scale N] [--engine pglite|postgresql]`.
// PGlite runs in memory; PostgreSQL uses BENCH_DATABASE_URL (a database it may create tables in:
// it creates and drops a fresh database beside the one named). Results: bench/README.md.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectPglite, connectPostgres, type Connection } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/features/demo/write.ts';

export const description =
  'Generate and write the demo authority (--scale N, --engine pglite|postgresql)';

function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i === -1 ? fallback : (args[i + 1] ?? fallback);
}

async function admin(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export async function run(args: string[]): Promise<void> {
  const scale = Number(arg(args, '--scale', '1'));
  const engine = arg(args, '--engine', 'pglite');
  let conn: Connection;
  let drop = async (): Promise<void> => {};
  if (engine === 'postgresql') {
    const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `hearth_bench_${randomBytes(4).toString('hex')}`;
    await admin(base, `create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    conn = connectPostgres(url.toString(), 2);
    drop = () => admin(base, `drop database ${name} with (force)`);
  } else conn = await connectPglite(undefined);
  try {
    await migrateToLatest(conn.db);
    const cpu0 = process.cpuUsage();
    const result = await seedDemo(conn.db, { scale, seed: 903, today: '2026-11-22' });
    const rows = await conn.db
      .selectFrom('period_of_care')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('end_date', 'is', null)
      .executeTakeFirstOrThrow();
    const cpu = process.cpuUsage(cpu0);
    // CPU of this process (with PGlite that includes the database; with PostgreSQL it does not).
    const cpuS = ((cpu.user + cpu.system) / 1e6).toFixed(1);
    console.log(
      `demo ${engine} scale ${scale}: ${result.children} children (${rows.n} in care) in ${(result.ms / 1000).toFixed(1)} s (CPU ${cpuS} s in this process)`,
    );
  } finally {
    await conn.close();
    await drop();
  }
}
