// What `hearth due` prints, from the database (src/cli/commands/due.ts is the thin command).
// Status mapping for the CLI contract (overdue|due|done): the engine's 'upcoming' (due later than
// the next 14 days) is printed as "due" too, because the contract has no fourth value; the due date
// tells them apart. --format text shows the engine's own four statuses.
import type { Db } from '../../db/connect.ts';
import { formatUkDate, type IsoDate } from '../../domain/dates/index.ts';
import { dueItems, type DueItem } from '../../domain/timescales/index.ts';
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
