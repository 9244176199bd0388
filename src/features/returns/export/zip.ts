// An exported return as one zip of the DfE CSV files (yazl), in the order of the return's tables.
import { ZipFile } from 'yazl';
import type { ExportedReturn } from './build.ts';
import { tableCsv } from './csv.ts';

export function returnZip(ret: ExportedReturn, mtime = new Date()): Promise<Buffer> {
  const zip = new ZipFile();
  for (const t of ret.tables) zip.addBuffer(Buffer.from(tableCsv(t), 'utf8'), t.file, { mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
  });
}

/** '2025/26' → '903-return-2025-26.zip'. */
export function zipName(year: string): string {
  return `903-return-${year.replace('/', '-')}.zip`;
}
