// What `hearth due` prints, from the database (src/cli/commands/due.ts is the thin command).
// Status mapping for the CLI contract (overdue|due|done): the engine's 'upcoming' (due later than
// the next 14 days) is printed as "due" too, because the contract has no fourth value; the due date
// tells them apart. --format text shows the engine's own four statuses.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { formatUkDate, type IsoDate } from '../../domain/dates/index.ts';
import { dueItems, type DueItem } from '../../domain/timescales/index.ts';
import { openChildItems } from './cache.ts';
import { loadTimescaleInput } from './load.ts';

export interface CliDueItem {
  rule: string;
  due: IsoDate;
  status: 'overdue' | 'due' | 'done';
  basis: string;
}

export function cliStatus(item: DueItem): 'overdue' | 'due' | 'done' {
  return item.status === 'upcoming' ? 'due' : item.status;
}

/** A child's items by local id, or undefined when there is no such child. */
export async function childDueItems(
  db: Db,
  childLocalId: string,
  today: IsoDate,
): Promise<DueItem[] | undefined> {
  const input = await loadTimescaleInput(db, childLocalId);
  return input ? dueItems(input, today) : undefined;
}

export function asJson(items: readonly DueItem[]): string {
  const rows: CliDueItem[] = items.map((i) => ({
    rule: i.rule,
    due: i.due,
    status: cliStatus(i),
    basis: i.basis,
  }));
  return JSON.stringify(rows);
}

export function asText(items: readonly DueItem[]): string[] {
  return items.map(
    (i) => `${i.status.padEnd(8)} ${formatUkDate(i.due).padEnd(18)} ${i.what} (${i.basis})`,
  );
}

/**
 * `hearth due --warm`: brings the due-item cache up to date for every child for `today` (run it
 * nightly after midnight, so the first tray view of the day, above all a service manager's, does
 * not compute the whole authority). Answers how many were computed and how many were fresh.
 */
export async function warmDueCache(
  db: Db,
  today: IsoDate,
): Promise<{ computed: number; fresh: number; stored: number }> {
  const stats = { fresh: 0, computed: 0, stored: 0 };
  await db
    .transaction()
    .execute((trx) =>
      openChildItems(trx, sql<SqlBool>`true`, today, { itemsWanted: false, stats }),
    );
  const { n } = await db
    .selectFrom('child')
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { computed: stats.computed, fresh: n - stats.computed, stored: stats.stored };
}
