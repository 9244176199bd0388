// Building a year's return from rows: a child dictionary shared between years, one TableBuilder per
// table, and the ReturnData indexes (rows by child, header by child) built lazily, once.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds (noUncheckedIndexedAccess) */
import { ColumnBuilder, type Column, type Decode } from './column.ts';
import { tableSpec } from './spec.ts';
import { Table } from './table.ts';
import { TABLE_NAMES, type ChildRows, type ReturnData, type TableName } from './types.ts';

/** Child ids ↔ dense integer indexes, shared by this year's and last year's return. */
export class ChildDict {
  readonly ids: string[] = [];
  private readonly map = new Map<string, number>();
  // CHILD values straight from CSV bytes: byte-interned id → child index
  private readonly bytes = new ColumnBuilder(false);
  private childOf = new Int32Array(1024);

  /** Child index of the CHILD value in buf[s..e) (trimmed), decoding it only when first seen. */
  internBytes(buf: Uint8Array, s: number, e: number, decode: Decode): number {
    const known = this.bytes.values.length;
    const id = this.bytes.idOf(buf, s, e, decode);
    if (id < known) return this.childOf[id]!;
    if (id >= this.childOf.length) {
      const next = new Int32Array(this.childOf.length * 2);
      next.set(this.childOf);
      this.childOf = next;
    }
    const c = this.intern(this.bytes.values[id]!);
    this.childOf[id] = c;
    return c;
  }

  intern(id: string): number {
    let c = this.map.get(id);
    if (c === undefined) {
      c = this.ids.length;
      this.ids.push(id);
      this.map.set(id, c);
    }
    return c;
  }
  get(id: string): number {
    return this.map.get(id) ?? -1;
  }
  get size(): number {
    return this.ids.length;
  }
}

/** Accumulates rows of one table in the spec's column order, dictionary-encoded (see column.ts). */
export class TableBuilder {
  readonly name: TableName;
  /** Spec columns (plus any derived such as Header UASC from XML) present in the input. */
  readonly present: Set<string>;
  private readonly names: readonly string[];
  /** One per name; column 0 is CHILD (kept as given, not upper-cased). */
  readonly cols: ColumnBuilder[];
  private lines = new Int32Array(1024);
  private n = 0;
  /** Set when column 0 holds child indexes of this dictionary (the byte loader's path). */
  childDict: ChildDict | undefined;

  constructor(
    name: TableName,
    presentColumns: Iterable<string>,
    extraColumns: readonly string[] = [],
  ) {
    this.name = name;
    this.names = [...tableSpec(name).columns.map((c) => c.name), ...extraColumns];
    this.present = new Set(presentColumns);
    this.cols = this.names.map((_, i) => new ColumnBuilder(i !== 0));
  }

  /** Column names in push order. */
  get columns(): readonly string[] {
    return this.names;
  }

  /** values[i] is the raw value of columns[i] ('' when absent); line is 1-based. */
  push(values: readonly string[], line: number): void {
    for (let i = 0; i < this.names.length; i++) this.cols[i]!.addString(values[i] ?? '');
    this.endRow(line);
  }

  /** Ends a row whose values were added straight to `cols` (the byte loader's path). */
  endRow(line: number): void {
    if (this.n === this.lines.length) {
      const next = new Int32Array(this.n * 2);
      next.set(this.lines);
      this.lines = next;
    }
    this.lines[this.n++] = line;
  }

  get rowCount(): number {
    return this.n;
  }

  /** 1-based file line of row r. */
  lineAt(r: number): number {
    return this.lines[r]!;
  }

  build(dict: ChildDict): Table {
    const n = this.n;
    if (this.childDict === dict) {
      const child = this.cols[0]!.build().ids;
      const cols = new Map<string, Column>();
      this.names.forEach((name, i) => {
        if (!this.present.has(name)) return;
        cols.set(name, i === 0 ? { ids: child, values: dict.ids } : this.cols[i]!.build());
      });
      return new Table(this.name, true, this.lines.slice(0, n), child, cols);
    }
    const ids = this.cols[0]!;
    const childOf = Int32Array.from(ids.values, (id) => dict.intern(id));
    const child = new Int32Array(n);
    for (let r = 0; r < n; r++) child[r] = childOf[ids.idAt(r)]!;
    const cols = new Map<string, Column>();
    this.names.forEach((name, i) => {
      if (this.present.has(name)) cols.set(name, this.cols[i]!.build());
    });
    return new Table(this.name, true, this.lines.slice(0, n), child, cols);
  }
}

export function emptyTable(name: TableName): Table {
  return new Table(name, false, new Int32Array(0), new Int32Array(0), new Map());
}

export class Return implements ReturnData {
  private readonly tables: ReadonlyMap<TableName, Table>;
  private readonly dict: ChildDict;
  private readonly groups = new Map<TableName, ChildRows>();
  private headerIdx: Int32Array | undefined;

  constructor(tables: ReadonlyMap<TableName, Table>, dict: ChildDict) {
    const all = new Map<TableName, Table>();
    for (const name of TABLE_NAMES) all.set(name, tables.get(name) ?? emptyTable(name));
    this.tables = all;
    this.dict = dict;
  }

  t(name: TableName): Table {
    return this.tables.get(name)!;
  }

  has(name: TableName): boolean {
    return this.t(name).present;
  }

  byChild(name: TableName): ChildRows {
    let g = this.groups.get(name);
    if (!g) {
      g = groupByChild(this.t(name), this.dict.size, name === 'Episodes' ? 'DECOM' : undefined);
      this.groups.set(name, g);
    }
    return g;
  }

  headerRow(c: number): number {
    if (!this.headerIdx) {
      const t = this.t('Header');
      const idx = new Int32Array(this.dict.size).fill(-1);
      for (let r = t.n - 1; r >= 0; r--) idx[t.child[r]!] = r;
      this.headerIdx = idx;
    }
    return this.headerIdx[c] ?? -1;
  }
}

/** Counting sort by child, then (optionally) by a date column within each child (stable). */
export function groupByChild(t: Table, nChildren: number, sortDate?: string): ChildRows {
  const start = new Int32Array(nChildren + 1);
  for (let r = 0; r < t.n; r++) start[t.child[r]! + 1]!++;
  for (let c = 0; c < nChildren; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, nChildren);
  const rows = new Int32Array(t.n);
  for (let r = 0; r < t.n; r++) rows[fill[t.child[r]!]!++] = r;
  if (sortDate) {
    const d = t.date(sortDate);
    for (let c = 0; c < nChildren; c++) {
      const a = start[c]!;
      const b = start[c + 1]!;
      for (let i = a + 1; i < b; i++) {
        const row = rows[i]!;
        const key = d[row]!;
        let j = i - 1;
        while (j >= a && d[rows[j]!]! > key) {
          rows[j + 1] = rows[j]!;
          j--;
        }
        rows[j + 1] = row;
      }
    }
  }
  return { start, rows };
}
