// Writing an exported return as the DfE's CSV files in a directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExportedReturn } from './build.ts';
import { tableCsv } from './csv.ts';

export function writeReturnFiles(ret: ExportedReturn, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ret.tables.map((t) => {
    const file = path.join(dir, t.file);
    writeFileSync(file, tableCsv(t));
    return file;
  });
}
