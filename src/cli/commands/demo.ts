import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { seedDemo } from '../../features/demo/write.ts';
import { UsageError, type Command } from '../command.ts';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${name} needs a positive number`);
  return value;
}

export const command: Command = {
  name: 'demo',
  summary: 'Fill the database with a fictional demo authority (about 1,450 children in care).',
  usage: `Usage: hearth demo [--scale N] [--seed S] [--force]

Generates a deterministic, fictional children's services shaped like Bradford's (docs/demo-data.md)
and writes it to the database (DATABASE_URL or HEARTH_DATA_DIR). --scale multiplies children,
carers, workers and homes (default 1); --seed picks another authority (default 903). Refuses a
database that already has children unless --force is given.`,
  async run(args, io) {
    const scale = option(args, '--scale', 1);
    const seed = Math.floor(option(args, '--seed', 903));
    const config = loadConfig();
    const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateToLatest(conn.db);
      const existing = await conn.db.selectFrom('child').select('id').limit(1).executeTakeFirst();
      if (existing && !args.includes('--force')) {
        io.err('The database already has children; use --force to add a demo authority anyway.');
        return 1;
      }
      const result = await seedDemo(conn.db, { scale, seed, laCode: config.authority.code });
      io.out(
        `Demo authority written: ${result.children} children (scale ${scale}, seed ${seed}) in ${(result.ms / 1000).toFixed(1)} s.`,
      );
      return 0;
    } finally {
      await conn.close();
    }
  },
};
