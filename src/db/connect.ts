// One Kysely code path over two engines: PostgreSQL when DATABASE_URL is set, embedded PGlite
// otherwise. Dates (OID 1082) stay as 'YYYY-MM-DD' strings on both, so a date of birth is never
// shifted by a time zone; bigint and numeric come back as numbers.
import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Engine = 'pglite' | 'postgresql';
export type Db = Kysely<Database>;

export interface Connection {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function connectPostgres(url: string, max = 10): Connection {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgresql', close: () => db.destroy() };
}

export const pgliteParsers = {
  [types.DATE]: (v: string) => v,
  [INT8_OID]: (v: string) => Number(v),
  [NUMERIC_OID]: (v: string) => Number(v),
};

/** dataDir undefined means in memory (tests). */
export async function connectPglite(dataDir: string | undefined): Promise<Connection> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? 'memory://', { parsers: pgliteParsers });
  return wrapPglite(client);
}

export function wrapPglite(client: PGlite): Connection {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

export async function connect(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}): Promise<Connection> {
  return opts.databaseUrl ? connectPostgres(opts.databaseUrl) : connectPglite(opts.dataDir);
}
