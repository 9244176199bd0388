// Shared by the `hearth user`, `hearth token` and `hearth audit` commands: open the configured,
// migrated database, or use a connection given by the caller (tests), which is left open.
import { loadConfig } from '../../config.ts';
import { connect, type Connection } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export async function withDatabase<T>(
  work: (conn: Connection) => Promise<T>,
  given?: Connection,
): Promise<T> {
  if (given) return work(given);
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
