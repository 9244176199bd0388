// Bulk inserts for the demo writer: each batch goes to the database as ONE JSON parameter and is
// turned back into rows there (`insert … select … from json_populate_recordset(null::t, $1)`), so
// a batch of thousands of rows is one short statement to parse and one round trip, instead of a
// VALUES list with a placeholder per cell. Column types come from the table's own row type.
//
// Rows are grouped by the columns they set (a key whose value is undefined is not set), and each
// group inserts only those columns, so a column a row leaves out gets its default, exactly as a
// multi-row Kysely insert of the same objects would.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** Rows per statement. Larger batches gain little and make one parameter of several MB. */
export const JSON_BATCH = 5000;

type Row = Record<string, unknown>;

function columnsSet(row: Row): string[] {
  return Object.keys(row).filter((k) => row[k] !== undefined);
}

/** The rows split by the columns they set, keeping each group's order. */
export function groupByColumns(rows: readonly Row[]): { columns: string[]; rows: Row[] }[] {
  const groups = new Map<string, { columns: string[]; rows: Row[] }>();
  for (const row of rows) {
    const columns = columnsSet(row);
    const key = columns.join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = { columns, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

export async function insertJson(
  db: Db,
  table: string,
  rows: readonly Row[],
  batch = JSON_BATCH,
): Promise<void> {
  for (const group of groupByColumns(rows)) {
    const cols = sql.join(group.columns.map((c) => sql.ref(c)));
    for (let i = 0; i < group.rows.length; i += batch) {
      const json = JSON.stringify(group.rows.slice(i, i + batch));
      await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)`.execute(
        db,
      );
    }
  }
}
