// The database a benchmark runs on, and the benchmarks' command-line options.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectPglite, connectPostgres, type Connection } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/** The value after `name` in `args` (`--scale 10`), else `fallback`. */
export function arg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i === -1 ? fallback : (args[i + 1] ?? fallback);
}

export interface BenchDatabase {
  conn: Connection;
  /** Closes the connection and, on PostgreSQL, drops the database. */
  close: () => Promise<void>;
}

/** Runs one statement on `url` with its own client (create or drop a database). */
export async function adminQuery(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/**
 * A fresh, migrated database: PGlite in memory, or (engine `postgresql`) a new database created
 * beside BENCH_DATABASE_URL (else postgres://postgres@127.0.0.1:5432/postgres) and dropped by
 * `close`. `poolSize` is the PostgreSQL pool's size.
 */
export async function benchDatabase(
  engine: string,
  poolSize: number,
  prefix = 'hearth_bench_',
): Promise<BenchDatabase> {
  let conn: Connection;
  let drop = async (): Promise<void> => {};
  if (engine === 'postgresql') {
    const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `${prefix}${randomBytes(4).toString('hex')}`;
    await adminQuery(base, `create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    conn = connectPostgres(url.toString(), poolSize);
    drop = () => adminQuery(base, `drop database ${name} with (force)`);
  } else conn = await connectPglite(undefined);
  const close = async (): Promise<void> => {
    await conn.close();
    await drop();
  };
  try {
    await migrateToLatest(conn.db);
  } catch (err) {
    await close();
    throw err;
  }
  return { conn, close };
}
