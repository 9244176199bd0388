// A fresh, migrated database for each integration test file, on the engine the vitest project
// names (HEARTH_TEST_ENGINE). PGlite: one migrated template per worker, cloned per file.
// PostgreSQL: one migrated template database, copied with CREATE DATABASE ... TEMPLATE per file.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import {
  connectPostgres,
  pgliteParsers,
  wrapPglite,
  type Connection,
} from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export const engine = process.env.HEARTH_TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite';

let pgliteTemplate: Promise<PGlite> | undefined;

async function pgliteTemplateDb(): Promise<PGlite> {
  pgliteTemplate ??= (async () => {
    const client = await PGlite.create('memory://', { parsers: pgliteParsers });
    const conn = wrapPglite(client);
    await migrateToLatest(conn.db);
    return client;
  })();
  return pgliteTemplate;
}

const TEMPLATE = 'hearth_test_template';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let pgTemplateReady: Promise<void> | undefined;

/** Build the template once per worker process; a lock keeps workers from racing. */
async function ensurePgTemplate(): Promise<void> {
  pgTemplateReady ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock(903903)');
      const name = `${TEMPLATE}_${inject('pgRunId')}_${String(process.pid)}`;
      await client.query(`drop database if exists ${name}`);
      await client.query(`create database ${name}`);
      const conn = connectPostgres(withDatabase(adminUrl(), name), 2);
      try {
        await migrateToLatest(conn.db);
      } finally {
        await conn.close();
      }
      templateName = name;
      await client.query('select pg_advisory_unlock(903903)');
    } finally {
      await client.end();
    }
  })();
  return pgTemplateReady;
}
let templateName = TEMPLATE;

export interface TestDb extends Connection {
  /** Drop the database (PostgreSQL) or close the clone (PGlite). */
  dispose(): Promise<void>;
}

export async function freshDb(): Promise<TestDb> {
  if (engine === 'pglite') {
    const template = await pgliteTemplateDb();
    // Not template.clone(): it drops the parsers, so dates would come back as Date objects.
    const clone = await PGlite.create({
      loadDataDir: await template.dumpDataDir('none'),
      parsers: pgliteParsers,
    });
    const conn = wrapPglite(clone);
    return { ...conn, dispose: () => conn.close() };
  }
  await ensurePgTemplate();
  const name = `hearth_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name} template ${templateName}`);
  const conn = connectPostgres(withDatabase(adminUrl(), name), 4);
  return {
    ...conn,
    dispose: async () => {
      await conn.close();
      await dropDatabase(name);
    },
  };
}

/**
 * Drop a test database. pool.end() resolves before the server has finished ending its backends, so
 * a forced drop at once can terminate a connection that is still closing, and pg then raises an
 * unhandled 57P01 in whatever test file is running. Wait for the sessions to go; force only as a
 * last resort.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await adminQuery(`drop database if exists ${name}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err; // 55006: still in use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await adminQuery(`drop database if exists ${name} with (force)`);
}
