// Shared by the `hearth user` and `hearth token` commands: open the configured, migrated database.
import { loadConfig } from '../../config.ts';
import { connect, type Connection } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export async function withDatabase<T>(work: (conn: Connection) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(conn.db);
    return await work(conn);
  } finally {
    await conn.close();
  }
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
