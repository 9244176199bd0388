// Test helpers for rules: build a return from small CSV texts (only the columns a case needs) and
// run one rule, getting back what a user would see in the JSON report.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds (noUncheckedIndexedAccess) */
import { parse } from 'csv-parse/sync';
import { ChildDict, Return, TableBuilder } from './dataset.ts';
import { validate, type FindingDetail } from './engine.ts';
import type { Table } from './table.ts';
import type { Finding, Geo, OfstedPlace, RuleDef, TableName, Year } from './types.ts';
import { ALL_RULES } from './rules/index.ts';
import { tableSpec } from './spec.ts';

export type CsvTables = Partial<Record<TableName, string>>;

/** Builds one table from CSV text whose header names some of the spec's columns (any order). */
export function tableFromCsv(name: TableName, csv: string, dict: ChildDict): Table {
  const records: string[][] = parse(csv.trim(), { relax_column_count: true });
  const header = (records[0] ?? []).map((h) => h.trim().toUpperCase());
  const spec = tableSpec(name).columns.map((c) => c.name);
  const extra = header.filter((h) => !spec.includes(h));
  const b = new TableBuilder(name, header, extra);
  const pos = b.columns.map((c) => header.indexOf(c));
  for (let i = 1; i < records.length; i++) {
    const rec = records[i]!;
    b.push(
      pos.map((p) => (p < 0 ? '' : (rec[p] ?? ''))),
      i + 1,
    );
  }
  return b.build(dict);
}

export function returnFromCsv(tables: CsvTables, dict: ChildDict): Return {
  const m = new Map<TableName, Table>();
  for (const [name, csv] of Object.entries(tables) as [TableName, string][])
    m.set(name, tableFromCsv(name, csv, dict));
  return new Return(m, dict);
}

export interface CheckOptions {
  year?: Year;
  prev?: CsvTables;
  la?: string;
  ofsted?: ReadonlyMap<string, OfstedPlace>;
  geo?: Geo;
  prevGeo?: Geo;
}

/**
 * Runs rule `code` (the variant in force in `year`, default 2025/26) and returns its findings as
 * {table, line, child}, sorted by table and line. Throws if the rule was skipped, so a test can
 * never pass because the rule did not run.
 */
export function check(code: string, tables: CsvTables, opts: CheckOptions = {}): Finding[] {
  return checkDetail(code, tables, opts).map(({ table, line, child }) => ({ table, line, child }));
}

/** As check(), with the fields each finding reports. */
export function checkDetail(
  code: string,
  tables: CsvTables,
  opts: CheckOptions = {},
  rules: readonly RuleDef[] = ALL_RULES,
): FindingDetail[] {
  const year = opts.year ?? '2025/26';
  const dict = new ChildDict();
  const current = returnFromCsv(tables, dict);
  const prev = opts.prev ? returnFromCsv(opts.prev, dict) : undefined;
  const only = rules.filter((r) => r.code === code);
  const report = validate(
    {
      year,
      dict,
      current,
      prev,
      la: opts.la,
      ofsted: opts.ofsted,
      geo: opts.geo,
      prevGeo: opts.prevGeo,
    },
    only,
  );
  const skipped = report.skipped.find((s) => s.code === code);
  if (skipped) throw new Error(`rule ${code} skipped in ${year}: ${skipped.reason}`);
  if (!report.ran.includes(code)) throw new Error(`rule ${code} is not in force in ${year}`);
  return report.failed.find((r) => r.code === code)?.findings ?? [];
}
