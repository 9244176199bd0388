// Exporting a year's 903 return: read the record and write one audit event ('export', with the
// row count of each table) in the same transaction.
import type { Db } from '../../../db/connect.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { buildReturn, type ExportedReturn } from './build.ts';
import { loadExportRecord } from './load.ts';

export async function exportReturn(db: Db, actor: Actor, year: string): Promise<ExportedReturn> {
  return db.transaction().execute(async (trx) => {
    const record = await loadExportRecord(trx, year);
    const ret = buildReturn(record, year);
    await audit(trx, actor, {
      action: 'export',
      recordType: '903-return',
      recordId: year,
      detail: { rows: Object.fromEntries(ret.tables.map((t) => [t.table, t.rows.length])) },
    });
    return ret;
  });
}
