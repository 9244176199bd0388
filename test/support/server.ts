// Hearth running in this process on an ephemeral port, over a fresh migrated database (freshDb():
// in-memory PGlite in the e2e project), with demo mode on (so the demo accounts exist, as after
// `npm start`) and logs silenced. For browser tests.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { demoAccountsWanted, ensureDemoAccounts } from '../../src/platform/auth/demoAccounts.ts';
import { freshDb, type TestDb } from './db.ts';

export interface TestServer {
  /** e.g. 'http://127.0.0.1:41234' (no trailing slash). */
  baseUrl: string;
  config: Config;
  conn: TestDb;
  close(): Promise<void>;
}

/** Settings every test server gets; `env` overrides them. */
const TEST_ENV: Record<string, string> = {
  HOST: '127.0.0.1',
  PORT: '0',
  HEARTH_DEMO: 'true',
  HEARTH_LOG_LEVEL: 'silent',
  HEARTH_SECURE_COOKIES: 'false',
  HEARTH_SESSION_SECRET: 'e2e-session-secret-not-for-production-0123456789',
  NODE_ENV: 'test',
};

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ ...TEST_ENV, ...env });
  const conn = await freshDb();
  let server: Server | undefined;
  try {
    if (demoAccountsWanted(config, {})) await ensureDemoAccounts(conn.db);
    const app = createApp({ config, conn });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(0, '127.0.0.1', (err?: Error) => {
        if (err) reject(err);
        else resolve(s);
      });
    });
  } catch (err) {
    await conn.dispose();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const listening = server;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    config,
    conn,
    close: async () => {
      listening.closeAllConnections();
      await new Promise<void>((resolve) => {
        listening.close(() => {
          resolve();
        });
      });
      await conn.dispose();
    },
  };
}
