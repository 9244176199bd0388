// hearth audit verify: walk the hash chain and name the first broken event.
import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import type { Connection, Db } from '../../db/connect.ts';
import { verifyChain } from '../../platform/audit/audit.ts';
import { UsageError, type CliIo, type Command } from '../command.ts';

export async function verifyAudit(db: Db, io: CliIo): Promise<number> {
  const result = await verifyChain(db);
  if (result.ok) {
    io.out(`Audit chain intact: ${String(result.checked)} events checked.`);
    return 0;
  }
  const broken = result.firstBroken;
  io.out(
    `Audit chain BROKEN at event ${String(broken?.id)}: ${broken?.problem ?? 'unknown problem'}. ${String(result.checked)} events before it are intact.`,
  );
  return 1;
}

/** conn: a connection to use instead of the configured database (tests); left open. */
export const makeCommand = (conn?: Connection): Command => ({
  name: 'audit',
  summary: 'Check the audit trail’s hash chain (audit verify).',
  usage:
    'Usage: hearth audit verify\n\nExit 0 when the chain is intact, 1 naming the first broken event.',
  async run(args, io) {
    if (args[0] !== 'verify' || args.length > 1) throw new UsageError('say verify');
    if (conn) return verifyAudit(conn.db, io);
    const config = loadConfig();
    const opened = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      return await verifyAudit(opened.db, io);
    } finally {
      await opened.close();
    }
  },
});

export const command: Command = makeCommand();
