// `hearth due --child <local id> --today YYYY-MM-DD --format json|text`: a child's statutory due items.
// Status mapping for the CLI contract (overdue|due|done): the engine's 'upcoming' (due later than
// the next 14 days) is printed as "due" too, because the contract has no fourth value; the due date
// tells them apart. Use --format text to see the engine's own four statuses.
import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { formatUkDate, isIsoDate, todayInLondon } from '../../domain/dates/index.ts';
import { dueItems, type DueItem } from '../../domain/timescales/index.ts';
import { loadTimescaleInput } from '../../features/timescales/load.ts';
import { type Command, UsageError } from '../command.ts';

export function cliStatus(item: DueItem): 'overdue' | 'due' | 'done' {
  return item.status === 'upcoming' ? 'due' : item.status;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

export const command: Command = {
  name: 'due',
  summary: "List a child's statutory due items (reviews, visits, health, PEP …).",
  usage:
    'Usage: hearth due --child <id> [--today YYYY-MM-DD] [--format json|text]\n\n' +
    'Prints [{"rule","due","status","basis"}] with status overdue, due or done (items due later\n' +
    'than 14 days ahead are listed as "due"; --format text shows them as upcoming).',
  async run(args, io) {
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
      const input = await loadTimescaleInput(conn.db, childId);
      if (!input) {
        io.err(`hearth due: no child with id "${childId}"`);
        return 1;
      }
      const items = dueItems(input, today);
      if (format === 'json') {
        io.out(
          JSON.stringify(
            items.map((i) => ({ rule: i.rule, due: i.due, status: cliStatus(i), basis: i.basis })),
          ),
        );
      } else {
        for (const i of items)
          io.out(`${i.status.padEnd(8)} ${formatUkDate(i.due).padEnd(18)} ${i.what} (${i.basis})`);
      }
      return 0;
    } finally {
      await conn.close();
    }
  },
};
