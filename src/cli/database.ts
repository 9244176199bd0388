// The database a command works on: the configured one (closed by `close`), or a connection given
// by the caller (tests), which is left open.
import { loadConfig } from '../config.ts';
import { connect, type Connection } from '../db/connect.ts';

export async function openDatabase(
  given?: Connection,
): Promise<{ conn: Connection; close: () => Promise<void> }> {
  if (given) return { conn: given, close: async () => {} };
  const config = loadConfig();
  const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  return { conn, close: () => conn.close() };
}
