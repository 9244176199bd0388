import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Command } from '../command.ts';

export const command: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date (also done by `npm start`).',
  usage:
    'Usage: hearth migrate\n\nUses DATABASE_URL (PostgreSQL) or the embedded database in HEARTH_DATA_DIR.',
  async run(_args, io) {
    const config = loadConfig();
    const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const applied = await migrateToLatest(conn.db);
      io.out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    } finally {
      await conn.close();
    }
  },
};
