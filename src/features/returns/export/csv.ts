// CSV text of an exported table: the DfE header line, then one line per row (csv-stringify quotes
// only values that need it).
import { stringify } from 'csv-stringify/sync';
import type { ExportedTable } from './build.ts';

export function tableCsv(t: ExportedTable): string {
  return stringify([t.columns, ...t.rows]);
}
