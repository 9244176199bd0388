// One table of a 903 return in columnar form: per column dictionary-encoded values (trimmed strings,
// '' = blank), per row the 1-based CSV line and the child index. A column's string array and its
// day numbers are made once, on first use, from its distinct values (dates are parsed once per
// distinct value, not per row).
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays within bounds (noUncheckedIndexedAccess) */
import { blankColumn, type Column } from './column.ts';
import { NO_DATE, parseDmy } from './dates.ts';
import type { TableName } from './types.ts';

export class Table {
  readonly name: TableName;
  /** False when the file was not given (the table is then empty). */
  readonly present: boolean;
  /** Number of rows. */
  readonly n: number;
  /** 1-based line in the file of each row (the header is line 1). */
  readonly line: Int32Array;
  /** Child index of each row (see RuleContext.children). */
  readonly child: Int32Array;
  private readonly cols: ReadonlyMap<string, Column>;
  private readonly strs = new Map<string, readonly string[]>();
  private readonly dates = new Map<string, Int32Array>();
  private blank: Column | undefined;

  constructor(
    name: TableName,
    present: boolean,
    line: Int32Array,
    child: Int32Array,
    cols: ReadonlyMap<string, Column>,
  ) {
    this.name = name;
    this.present = present;
    this.n = line.length;
    this.line = line;
    this.child = child;
    this.cols = cols;
  }

  /** True when the file had this column. */
  has(col: string): boolean {
    return this.cols.has(col);
  }

  /** The dictionary-encoded column (all blank when absent): value of row r is values[ids[r]]. */
  column(col: string): Column {
    return this.cols.get(col) ?? (this.blank ??= blankColumn(this.n));
  }

  /** Values of a column, trimmed and upper-cased (CHILD as given); all '' when the column is absent. */
  str(col: string): readonly string[] {
    let s = this.strs.get(col);
    if (!s) {
      const { ids, values } = this.column(col);
      const out = new Array<string>(this.n);
      for (let r = 0; r < this.n; r++) out[r] = values[ids[r]!]!;
      s = out;
      this.strs.set(col, s);
    }
    return s;
  }

  /** Day numbers of a date column; NO_DATE where blank or not a valid DD/MM/YYYY date. */
  date(col: string): Int32Array {
    let d = this.dates.get(col);
    if (!d) {
      const { ids, values } = this.column(col);
      const byId = new Int32Array(values.length);
      for (let k = 0; k < values.length; k++) {
        const v = values[k]!;
        byId[k] = v === '' ? NO_DATE : parseDmy(v);
      }
      d = new Int32Array(this.n);
      for (let r = 0; r < this.n; r++) d[r] = byId[ids[r]!]!;
      this.dates.set(col, d);
    }
    return d;
  }

  /** True where the value is present but is not a valid date (the "not a valid date" rules). */
  badDate(col: string, r: number): boolean {
    const { ids, values } = this.column(col);
    return values[ids[r]!] !== '' && this.date(col)[r] === NO_DATE;
  }
}
