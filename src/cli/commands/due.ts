// `hearth due --child <local id> --today YYYY-MM-DD --format json|text`: a child's statutory due items.
// Status mapping and output: src/features/timescales/cliOutput.ts.
import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { isIsoDate, todayInLondon } from '../../domain/dates/index.ts';
import {
  asJson,
  asText,
  childDueItems,
  warmDueCache,
} from '../../features/timescales/cliOutput.ts';
import { type Command, UsageError } from '../command.ts';
import { option } from '../options.ts';

async function warm(args: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const today = option(args, '--today') ?? todayInLondon(new Date());
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${today}"`);
  const config = loadConfig();
  const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const t0 = performance.now();
    const r = await warmDueCache(conn.db, today);
    io.out(
      `hearth due: work trays' cache ready for ${today}: ${String(r.computed)} children computed, ${String(r.fresh)} already up to date (${(performance.now() - t0).toFixed(0)} ms)`,
    );
    return 0;
  } finally {
    await conn.close();
  }
}

export const command: Command = {
  name: 'due',
  summary: "List a child's statutory due items (reviews, visits, health, PEP …).",
  usage:
    'Usage: hearth due --child <id> [--today YYYY-MM-DD] [--format json|text]\n' +
    "       hearth due --warm [--today YYYY-MM-DD]   (fill the work trays' cache; run nightly)\n\n" +
    'Prints [{"rule","due","status","basis"}] with status overdue, due or done (items due later\n' +
    'than 14 days ahead are listed as "due"; --format text shows them as upcoming).',
  async run(args, io) {
    if (args.includes('--warm')) return warm(args, io);
    const childId = option(args, '--child');
    if (!childId) throw new UsageError('--child is required');
    const today = option(args, '--today') ?? todayInLondon(new Date());
    if (!isIsoDate(today))
      throw new UsageError(`--today must be a date YYYY-MM-DD, not "${today}"`);
    const format = option(args, '--format') ?? 'json';
    if (format !== 'json' && format !== 'text')
      throw new UsageError('--format must be json or text');
    const config = loadConfig();
    const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const items = await childDueItems(conn.db, childId, today);
      if (!items) {
        io.err(`hearth due: no child with id "${childId}"`);
        return 1;
      }
      if (format === 'json') io.out(asJson(items));
      else for (const line of asText(items)) io.out(line);
      return 0;
    } finally {
      await conn.close();
    }
  },
};
