// Start Hearth: configuration, database (migrated), demo accounts, the app, listen.
import { loadConfig, ConfigError } from './config.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createApp } from './app.ts';
import {
  DEMO_PASSWORD,
  demoAccountsWanted,
  ensureDemoAccounts,
} from './platform/auth/demoAccounts.ts';
import { loadFeatures } from './platform/http/features.ts';
import { sessionSecret } from './platform/session/session.ts';
import { ensureCss } from './platform/views/css.ts';
import { seedDemoIfEmpty } from './features/demo/write.ts';

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  ensureCss();
  const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(conn.db);
  await sessionSecret(conn.db, config.sessionSecret);
  if (demoAccountsWanted(config)) {
    const created = await ensureDemoAccounts(conn.db);
    if (created.length)
      console.log(
        `Created ${created.length} demo accounts (password "${DEMO_PASSWORD}"); see README.md.`,
      );
  }
  const seeded = demoAccountsWanted(config) ? await seedDemoIfEmpty(conn, config) : null;
  if (seeded)
    console.log(`Seeded the demo authority: ${seeded.children} children in ${seeded.ms} ms.`);
  await loadFeatures();
  const app = createApp({ config, conn });
  const server = app.listen(config.port, config.host, () => {
    const where = conn.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
    const ms = Math.round(performance.now() - started);
    console.log(
      `Hearth is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${where}; ready in ${ms} ms)`,
    );
  });
  const stop = (): void => {
    server.close(() => {
      void conn.close().then(() => process.exit(0));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
