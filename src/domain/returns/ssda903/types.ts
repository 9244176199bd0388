// The contract every 903 rule is written against. See CONTRACT.md.
import type { CodeListName } from './spec.ts';
import type { Table } from './table.ts';

export const YEARS = ['2023/24', '2024/25', '2025/26', '2026/27'] as const;
export type Year = (typeof YEARS)[number];

export const TABLE_NAMES = [
  'Header',
  'Episodes',
  'Reviews',
  'UASC',
  'OC2',
  'OC3',
  'AD1',
  'PlacedAdoption',
  'PrevPerm',
  'Missing',
  'SWEpisodes',
  'DoLo',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** Data a rule needs beyond this year's files. */
export type Need = 'prev' | 'ofsted' | 'postcodes' | 'la';

export interface RuleDef {
  /** DfE code exactly as in rules.csv: '101', '197a', '503A', 'SW01STG1'. */
  code: string;
  /** The years this variant is in force for; omit when one variant serves every year. */
  years?: readonly Year[];
  /** Without this data the rule is skipped with a reason (never run on half the facts). */
  needs?: readonly Need[];
  run(ctx: RuleContext): void;
}

/** Rows of one table grouped by child: rows of child c are rows[start[c]] … rows[start[c+1]-1]. */
export interface ChildRows {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** One year's return: the tables plus indexes built once and shared by every rule. */
export interface ReturnData {
  /** The table (an empty table with present=false when the file was not given). */
  t(name: TableName): Table;
  /** True when the file was given (even if it has no rows). */
  has(name: TableName): boolean;
  /** Rows by child; Episodes sorted by DECOM (invalid DECOM first), others in file order. */
  byChild(name: TableName): ChildRows;
  /** Header row of child c, or -1 (first one when duplicated). */
  headerRow(c: number): number;
}

export interface OfstedPlace {
  urn: string;
  /** Placement codes registered (e.g. K2, R1, ...). */
  placeCodes: readonly string[];
  /** Provider codes (PR0..PR5). */
  providerCodes: readonly string[];
  /** Registration end / closure date, NO_DATE when open. */
  regEnd: number;
  /** Postcode upper-cased without spaces. */
  postcode: string;
}

export interface Geo {
  /** Per Episodes row: upper-tier LA code of PL_POST ('' when not found). */
  readonly plLa: readonly string[];
  /** Per Episodes row: 'IN' | 'OUT' | '' (not found, or no --la). */
  readonly plLocation: readonly string[];
  /** Per Episodes row: miles HOME_POST→PL_POST, 1 dp; NaN when either not found. */
  readonly plDistance: Float64Array;
}

export interface RuleContext extends ReturnData {
  readonly year: Year;
  /** Collection start (1 April) and end (31 March) as day numbers. */
  readonly start: number;
  readonly end: number;
  /** The submitting LA's code (--la), if given. */
  readonly la: string | undefined;
  /** Child ids by child index (shared by this year and the previous year). */
  readonly children: readonly string[];
  /** Child index of an id, or -1. */
  childIndex(id: string): number;
  /** The previous year's return (--prev), if given. */
  readonly prev: ReturnData | undefined;
  /** Ofsted children's homes + providers by URN, if given. */
  readonly ofsted: ReadonlyMap<string, OfstedPlace> | undefined;
  /** Postcode-derived Episodes columns, if a postcode file was given. */
  readonly geo: Geo | undefined;
  /** The same for the previous year's Episodes (postcodes and --prev given). */
  readonly prevGeo: Geo | undefined;
  /** Valid codes of a list in this collection year. */
  codes(list: CodeListName): ReadonlySet<string>;
  /** Child looked after continuously for 12 months at 31 March (OC2 cohort). */
  cla12(c: number): boolean;
  /** Child is (or was) UASC: has a UASC row (or Header UASC=1) in this year's return. */
  uasc(c: number): boolean;
  /** Records that row `row` of `table` fails the running rule (defaults to its affected fields). */
  fail(table: TableName, row: number, fields?: readonly string[]): void;
}

export interface Finding {
  table: TableName;
  line: number;
  child: string;
}
