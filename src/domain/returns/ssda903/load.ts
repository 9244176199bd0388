// Reading a 903 return from CSV files: each file is recognised by its header (any case, any column
// order), decoded as UTF-8 (with or without BOM) or, when that fails, as Windows-1252, and parsed
// as a stream into a TableBuilder. Bad input becomes a Problem naming the file and line; nothing
// here throws on data. The caller supplies the bytes (a file stream, an upload, a zip entry).
import iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';
import { CsvSplitter } from './csv.ts';
import type { ChildDict } from './dataset.ts';
import { Return, TableBuilder } from './dataset.ts';
import type { Problem } from './engine.ts';
import { TABLE_SPECS } from './spec.ts';
import type { Table } from './table.ts';
import type { TableName } from './types.ts';

export interface SourceFile {
  /** Name shown in messages (the file name). */
  name: string;
  bytes: AsyncIterable<Uint8Array>;
}

export interface LoadOptions {
  /** Stop reading a file after this many data rows (protects memory on absurd inputs). */
  maxRows?: number;
  /** Report at most this many row-level problems per file, then a count. */
  maxProblemsPerFile?: number;
}

const DEFAULT_MAX_ROWS = 5_000_000;

/** Which table a header names: the spec table it matches best, or undefined. */
export function recogniseHeader(
  header: readonly string[],
): { table: TableName; missing: string[]; unknown: string[] } | undefined {
  const cols = header.map(normaliseName);
  let best: { table: TableName; score: number; missing: string[]; unknown: string[] } | undefined;
  for (const spec of TABLE_SPECS) {
    const names = spec.columns.map((c) => c.name);
    if (!cols.includes('CHILD')) return undefined;
    const matched = names.filter((n) => cols.includes(n));
    if (matched.length < Math.min(2, names.length) || matched.length * 2 < names.length) continue;
    const unknown = cols.filter((c) => c !== '' && !names.includes(c));
    const score = matched.length - unknown.length;
    if (!best || score > best.score)
      best = {
        table: spec.table,
        score,
        missing: names.filter((n) => !cols.includes(n)),
        unknown,
      };
  }
  return best && { table: best.table, missing: best.missing, unknown: best.unknown };
}

function normaliseName(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase();
}

/** The bytes at the end of a chunk that start a UTF-8 sequence not yet complete. */
function incompleteTail(chunk: Uint8Array): Uint8Array {
  const n = chunk.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = chunk[n - k] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? chunk.slice(n - k) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

/** Decodes chunks as UTF-8, switching to Windows-1252 at the first invalid UTF-8 sequence. */
async function* decode(
  bytes: AsyncIterable<Uint8Array>,
  onSwitch: () => void,
  onBinary: () => void,
): AsyncGenerator<string> {
  let utf8: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of bytes) {
    if (first) {
      first = false;
      const probe = chunk.subarray(0, 4096);
      if (probe.includes(0)) {
        onBinary();
        return;
      }
    }
    let bytes = chunk;
    if (utf8) {
      try {
        const out = utf8.decode(chunk, { stream: true });
        pending = incompleteTail(chunk);
        yield out;
        continue;
      } catch {
        utf8 = undefined;
        onSwitch();
        // bytes the UTF-8 decoder was holding from the previous chunk belong to this text too
        bytes = new Uint8Array([...pending, ...chunk]);
      }
    }
    yield iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
  }
  if (utf8) {
    try {
      const rest = utf8.decode();
      if (rest) yield rest;
    } catch {
      onSwitch();
    }
  }
}

export interface LoadedFile {
  name: string;
  table?: TableName;
  builder?: TableBuilder;
  rows: number;
}

/** Reads one CSV file. Returns its builder (undefined when the file is not a usable 903 table). */
export async function readCsvFile(
  file: SourceFile,
  problems: Problem[],
  opts: LoadOptions = {},
): Promise<LoadedFile> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const maxProblems = opts.maxProblemsPerFile ?? 20;
  const name = file.name;
  let rowProblems = 0;
  const rowProblem = (line: number, message: string): void => {
    rowProblems++;
    if (rowProblems <= maxProblems) problems.push({ file: name, line, message });
  };
  const state = { binary: false, switched: false, stopped: false };
  const text = decode(
    file.bytes,
    () => (state.switched = true),
    () => (state.binary = true),
  );
  let builder: TableBuilder | undefined;
  let pos = new Int32Array(0);
  let width = 0;
  let table: TableName | undefined;
  let rows = 0;
  const seen = new Map<string, number>();
  const values: string[] = [];

  const onRecord = (record: string[], line: number): boolean => {
    if (!builder) {
      const rec = recogniseHeader(record);
      if (!rec) {
        problems.push({
          file: name,
          line,
          message: `is not recognised as a 903 table: its first line (${record
            .slice(0, 8)
            .map((h) => h.trim())
            .join(',')
            .slice(
              0,
              120,
            )}) does not name the columns of any table (e.g. header.csv: CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB)`,
        });
        state.stopped = true;
        return false;
      }
      table = rec.table;
      const cols = record.map(normaliseName);
      builder = new TableBuilder(
        rec.table,
        cols.filter((c) => c !== ''),
      );
      pos = Int32Array.from(builder.columns.map((c) => cols.indexOf(c)));
      width = record.length;
      if (rec.missing.length > 0)
        problems.push({
          file: name,
          line,
          message: `${rec.table} table is missing column${rec.missing.length > 1 ? 's' : ''} ${rec.missing.join(', ')}; rules reading ${rec.missing.length > 1 ? 'them' : 'it'} treat every value as blank`,
        });
      if (rec.unknown.length > 0)
        problems.push({
          file: name,
          line,
          message: `${rec.table} table has unknown column${rec.unknown.length > 1 ? 's' : ''} ${rec.unknown.join(', ')}, ignored`,
        });
      return true;
    }
    if (record.length !== width)
      rowProblem(
        line,
        `has ${record.length} values but the header has ${width}; read as far as they go`,
      );
    values.length = 0;
    for (const p of pos) values.push(p < 0 ? '' : (record[p] ?? ''));
    const key = values.join('\u0001');
    const dup = seen.get(key);
    if (dup !== undefined) rowProblem(line, `duplicates line ${dup}`);
    else seen.set(key, line);
    builder.push(values, line);
    rows++;
    if (rows >= maxRows) {
      problems.push({
        file: name,
        line,
        message: `has more than ${maxRows} rows; stopped reading here (no 903 table is this large)`,
      });
      state.stopped = true;
      return false;
    }
    return true;
  };
  const splitter = new CsvSplitter(onRecord);
  try {
    for await (const s of text) if (!splitter.write(s) || state.stopped) break;
    if (!state.stopped && splitter.end())
      problems.push({
        file: name,
        line: splitter.currentLine,
        message: 'is not valid CSV: a quoted value starting here is never closed',
      });
  } catch (err) {
    problems.push({ file: name, message: `could not be read: ${errMessage(err)}` });
  }
  if (state.binary)
    problems.push({ file: name, message: 'is not a CSV text file (it contains binary data)' });
  else if (!builder && !problems.some((p) => p.file === name))
    problems.push({ file: name, message: 'is empty' });
  if (state.switched)
    problems.push({
      file: name,
      message: 'is not valid UTF-8; read as Windows-1252 (check any accented names)',
    });
  if (rowProblems > maxProblems)
    problems.push({
      file: name,
      message: `and ${rowProblems - maxProblems} more row problems like those above`,
    });
  return { name, rows, ...(table ? { table } : {}), ...(builder ? { builder } : {}) };
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reads all files of one year's return. One file per table; a second file for a table is ignored. */
export async function loadReturn(
  files: readonly SourceFile[],
  dict: ChildDict,
  problems: Problem[],
  opts: LoadOptions = {},
): Promise<Return> {
  const builders = new Map<TableName, { builder: TableBuilder; name: string }>();
  for (const f of files) {
    const loaded = await readCsvFile(f, problems, opts);
    if (!loaded.builder || !loaded.table) continue;
    const earlier = builders.get(loaded.table);
    if (earlier) {
      problems.push({
        file: f.name,
        message: `is a second ${loaded.table} table (already read from ${earlier.name}); ignored`,
      });
      continue;
    }
    builders.set(loaded.table, { builder: loaded.builder, name: f.name });
  }
  const tables = new Map<TableName, Table>();
  for (const [t, b] of builders) tables.set(t, b.builder.build(dict));
  return new Return(tables, dict);
}
