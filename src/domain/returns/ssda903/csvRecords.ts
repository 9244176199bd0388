// Reading a small reference CSV (Ofsted lists) record by record as strings, with the loader's
// encoding handling (UTF-8 with or without BOM, else Windows-1252). Problems name the file.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes within bounds */
import { CsvScanner, unquote } from './csv.ts';
import type { Problem } from './engine.ts';
import { fileDecoder, type SourceFile } from './load.ts';

export async function readCsvRecords(
  file: SourceFile,
  problems: Problem[],
  onRecord: (fields: string[], line: number) => boolean,
): Promise<void> {
  const decode = fileDecoder(() => undefined);
  const scratch = { b: new Uint8Array(256) };
  const state = { first: true };
  const scanner = new CsvScanner((buf, start, end, nf, line) => {
    const rec: string[] = [];
    for (let k = 0; k < nf; k++) {
      const [b, s0, e] = unquote(buf, start[k]!, end[k]!, scratch);
      let s = s0;
      if (state.first && k === 0 && b[s] === 0xef && b[s + 1] === 0xbb && b[s + 2] === 0xbf) s += 3;
      rec.push(decode(b, s, e));
    }
    state.first = false;
    return onRecord(rec, line);
  });
  try {
    for await (const chunk of file.bytes) if (!scanner.write(chunk)) break;
    scanner.end();
  } catch (err) {
    problems.push({
      file: file.name,
      message: `could not be read: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  if (state.first) problems.push({ file: file.name, message: 'is empty' });
}
