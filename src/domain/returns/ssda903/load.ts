/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays within bounds (noUncheckedIndexedAccess) */
// Reading a 903 return from CSV files: each file is recognised by its header (any case, any column
// order), decoded as UTF-8 (with or without BOM) or, when that fails, as Windows-1252, and parsed
// as a stream into a TableBuilder. Bad input becomes a Problem naming the file and line; nothing
// here throws on data. The caller supplies the bytes (a file stream, an upload, a zip entry).
import iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';
import type { ColumnBuilder, Decode } from './column.ts';
import { CsvScanner, MAX_RECORD_BYTES, unquote, type RecordFn } from './csv.ts';
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
  /** Intern CHILD values straight into this dictionary (the builder must then be built with it). */
  dict?: ChildDict;
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

/**
 * Decodes the bytes of one value: ASCII as is; otherwise UTF-8, switching the whole file to
 * Windows-1252 at the first value that is not valid UTF-8 (onSwitch is called once).
 */
export function fileDecoder(onSwitch: () => void): Decode {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let switched = false;
  return (buf, s, e) => {
    let ascii = true;
    for (let i = s; i < e; i++)
      if (buf[i]! >= 0x80) {
        ascii = false;
        break;
      }
    const bytes = buf.subarray(s, e);
    if (ascii)
      return bytes.length <= 256
        ? String.fromCharCode.apply(null, bytes as unknown as number[])
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!switched)
      try {
        return utf8.decode(bytes);
      } catch {
        switched = true;
        onSwitch();
      }
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
  };
}

/** Yields the chunks without a leading UTF-8 BOM; flags binary data (a NUL in the first 4 KiB). */
async function* withoutBom(
  bytes: AsyncIterable<Uint8Array>,
  onBinary: () => void,
): AsyncGenerator<Uint8Array> {
  let head: Uint8Array | undefined = new Uint8Array(0);
  for await (const chunk of bytes) {
    if (head) {
      const joined: Uint8Array = head.length === 0 ? chunk : concat(head, chunk);
      if (joined.length < 3) {
        head = joined;
        continue;
      }
      head = undefined;
      if (joined.subarray(0, 4096).includes(0)) {
        onBinary();
        return;
      }
      yield joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf
        ? joined.subarray(3)
        : joined;
      continue;
    }
    yield chunk;
  }
  if (head && head.length > 0) {
    if (head.includes(0)) onBinary();
    else yield head;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export interface LoadedFile {
  name: string;
  table?: TableName;
  builder?: TableBuilder;
  rows: number;
}

/** Finds rows whose values (column ids) repeat an earlier row's: open addressing over row indexes. */
class DuplicateRows {
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(512);
  private count = 0;
  private readonly cols: readonly ColumnBuilder[];
  constructor(cols: readonly ColumnBuilder[]) {
    this.cols = cols;
  }
  /** Row index of an earlier identical row, or -1 (then row r is remembered). */
  check(r: number): number {
    let h = 0x811c9dc5 | 0;
    for (const c of this.cols) h = Math.imul(h ^ c.idAt(r), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const v = this.slots[slot]!;
      if (v === 0) break;
      const o = v - 1;
      if (this.hashes[o] === h) {
        let same = true;
        for (const c of this.cols)
          if (c.idAt(o) !== c.idAt(r)) {
            same = false;
            break;
          }
        if (same) return o;
      }
      slot = (slot + 1) & mask;
    }
    if (r >= this.hashes.length) {
      const next = new Int32Array(Math.max(r + 1, this.hashes.length * 2));
      next.set(this.hashes);
      this.hashes = next;
    }
    this.hashes[r] = h;
    this.slots[slot] = r + 1;
    if (++this.count * 2 > this.slots.length) this.rehash();
    return -1;
  }
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < this.slots.length; i++) {
      const v = this.slots[i]!;
      if (v === 0) continue;
      let slot = this.hashes[v - 1]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = v;
    }
    this.slots = slots;
  }
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
  const decode = fileDecoder(() => (state.switched = true));
  const chunks = withoutBom(file.bytes, () => (state.binary = true));
  let builder: TableBuilder | undefined;
  let pos = new Int32Array(0);
  let cols: ColumnBuilder[] = [];
  let width = 0;
  let table: TableName | undefined;
  let rows = 0;
  let dups: DuplicateRows | undefined;
  const scratch = { b: new Uint8Array(256) };

  const onRecord: RecordFn = (buf, start, end, nf, line) => {
    if (!builder) {
      const record: string[] = [];
      for (let k = 0; k < nf; k++) {
        const [b, s, e] = unquote(buf, start[k]!, end[k]!, scratch);
        record.push(decode(b, s, e));
      }
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
      const names = record.map(normaliseName);
      builder = new TableBuilder(
        rec.table,
        names.filter((c) => c !== ''),
      );
      pos = Int32Array.from(builder.columns.map((c) => names.indexOf(c)));
      cols = builder.cols;
      builder.childDict = opts.dict;
      dups = new DuplicateRows(cols);
      width = nf;
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
    if (nf !== width)
      rowProblem(line, `has ${nf} values but the header has ${width}; read as far as they go`);
    const dict = opts.dict;
    for (let j = 0; j < cols.length; j++) {
      const p = pos[j]!;
      const col = cols[j]!;
      if (j === 0 && dict) {
        if (p < 0 || p >= nf) col.addId(dict.internBytes(buf, 0, 0, decode));
        else if (start[p]! < end[p]! && buf[start[p]!] === 34) {
          const [b, us, ue] = unquote(buf, start[p]!, end[p]!, scratch);
          col.addId(dict.internBytes(b, us, ue, decode));
        } else col.addId(dict.internBytes(buf, start[p]!, end[p]!, decode));
      } else if (p < 0 || p >= nf) col.addBytes(buf, 0, 0, decode);
      else {
        const s = start[p]!;
        const e = end[p]!;
        if (s < e && buf[s] === 34) {
          const [b, us, ue] = unquote(buf, s, e, scratch);
          col.addBytes(b, us, ue, decode);
        } else col.addBytes(buf, s, e, decode);
      }
    }
    builder.endRow(line);
    const dup = dups!.check(rows);
    if (dup >= 0) rowProblem(line, `duplicates line ${builder.lineAt(dup)}`);
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
  const scanner = new CsvScanner(onRecord);
  try {
    for await (const chunk of chunks) if (!scanner.write(chunk) || state.stopped) break;
    if (scanner.tooLong)
      problems.push({
        file: name,
        line: scanner.currentLine,
        message: `is not valid CSV: the record starting here is longer than ${MAX_RECORD_BYTES} bytes (a quoted value never closed?); stopped reading here`,
      });
    else if (!state.stopped && scanner.end())
      problems.push({
        file: name,
        line: scanner.currentLine,
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
    const loaded = await readCsvFile(f, problems, { ...opts, dict });
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
