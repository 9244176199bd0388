// One table of a 903 return in columnar form: per column an array of trimmed strings ('' = blank),
// per row the 1-based CSV line and the child index. Dates are parsed once per column, on first use.
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
  private readonly cols: ReadonlyMap<string, readonly string[]>;
  private readonly dates = new Map<string, Int32Array>();
  private blank: readonly string[] | undefined;

  constructor(
    name: TableName,
    present: boolean,
    line: Int32Array,
    child: Int32Array,
    cols: ReadonlyMap<string, readonly string[]>,
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

  /** Values of a column, trimmed and upper-cased (CHILD as given); all '' when the column is absent. */
  str(col: string): readonly string[] {
    const c = this.cols.get(col);
    if (c) return c;
    this.blank ??= new Array<string>(this.n).fill('');
    return this.blank;
  }

  /** Day numbers of a date column; NO_DATE where blank or not a valid DD/MM/YYYY date. */
  date(col: string): Int32Array {
    let d = this.dates.get(col);
    if (!d) {
      const s = this.str(col);
      d = new Int32Array(this.n);
      for (let r = 0; r < this.n; r++) {
        const v = s[r] ?? '';
        d[r] = v === '' ? NO_DATE : parseDmy(v);
      }
      this.dates.set(col, d);
    }
    return d;
  }

  /** True where the value is present but is not a valid date (the "not a valid date" rules). */
  badDate(col: string, r: number): boolean {
    return (this.str(col)[r] ?? '') !== '' && this.date(col)[r] === NO_DATE;
  }
}
