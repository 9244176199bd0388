// Reading one or several years of 903 files for import, with the validator's loader (so file and
// line problems read the same), then the checks import needs on top: every required value present,
// dates that are real DD/MM/YYYY dates, codes the record accepts. Any problem stops the import.
import { ChildDict } from '../../../domain/returns/ssda903/dataset.ts';
import { NO_DATE, parseDmy, toIso } from '../../../domain/returns/ssda903/dates.ts';
import type { Problem } from '../../../domain/returns/ssda903/engine.ts';
import { readCsvFile, type SourceFile } from '../../../domain/returns/ssda903/load.ts';
import { codeList, tableSpec, type CodeListName } from '../../../domain/returns/ssda903/spec.ts';
import type { Table } from '../../../domain/returns/ssda903/table.ts';
import { YEARS, type TableName } from '../../../domain/returns/ssda903/types.ts';

/** One row: column → value ('' blank; dates as 'YYYY-MM-DD'), with where it came from. */
export interface ImportRow {
  file: string;
  line: number;
  v: Record<string, string>;
}

export interface ImportYear {
  /** Collection year the files are for ('2025/26'), inferred from their latest date. */
  year: string;
  dir: string;
  tables: Map<TableName, ImportRow[]>;
}

/** Problems that are notices, not errors (the file was still read exactly). */
const NOTICE = /read as Windows-1252/;

/** Columns the record cannot do without, beyond the spec's never-blank ones. */
const REQUIRED: Partial<Record<TableName, readonly string[]>> = {
  Header: ['CHILD', 'SEX', 'DOB'],
  Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE'],
  Reviews: ['CHILD', 'REVIEW'],
  Missing: ['CHILD', 'MISSING', 'MIS_START'],
  OC3: ['CHILD', 'IN_TOUCH'],
  AD1: ['CHILD', 'DATE_INT'],
  PlacedAdoption: ['CHILD', 'DATE_PLACED'],
  PrevPerm: ['CHILD', 'PREV_PERM'],
  UASC: ['CHILD'],
  SWEpisodes: ['CHILD', 'SW_DECOM'],
  OC2: ['CHILD'],
};

const anyYear = new Map<string, Set<string>>();
function allowed(list: string): Set<string> {
  let s = anyYear.get(list);
  if (!s) {
    s = new Set();
    for (const y of YEARS) for (const c of codeList(list as CodeListName, y)) s.add(c);
    anyYear.set(list, s);
  }
  return s;
}

/**
 * Dates in previous_permanence may be partly unknown: ZZ for an unknown day or month (ZZ/05/2019,
 * ZZ/ZZ/2019) is kept in that form (previous_permanence.order_date_partial, migration 0014);
 * ZZ/ZZ/ZZZZ (nothing known) is read as blank. Anything else that is not a date is a problem.
 */
const PARTIAL_DATE_OK = new Set(['DATE_PERM']);
const PARTIAL_DATE = /^ZZ\/(ZZ|0[1-9]|1[0-2])\/[0-9]{4}$/;
const UNKNOWN_DATE = /^ZZ\/ZZ\/ZZZZ$/;

function checkTable(file: string, t: Table, problems: Problem[]): ImportRow[] {
  const spec = tableSpec(t.name);
  const required = new Set(REQUIRED[t.name] ?? ['CHILD']);
  const out: ImportRow[] = [];
  const cols = spec.columns.filter((c) => t.has(c.name));
  const values = cols.map((c) => t.str(c.name));
  const childCol = t.str('CHILD');
  let reported = 0;
  const problem = (line: number, message: string): void => {
    if (++reported <= 20) problems.push({ file, line, message });
  };
  for (let r = 0; r < t.n; r++) {
    const line = t.line[r] ?? 0;
    const v: Record<string, string> = {};
    cols.forEach((c, i) => {
      let s = values[i]?.[r] ?? '';
      if (c.name === 'CHILD') s = childCol[r] ?? '';
      if (s === '') {
        if (required.has(c.name)) problem(line, `${c.name} is blank`);
      } else if (c.type === 'date') {
        const d = parseDmy(s);
        if (d === NO_DATE) {
          const upper = s.toUpperCase();
          if (PARTIAL_DATE_OK.has(c.name) && PARTIAL_DATE.test(upper)) s = upper;
          else if (PARTIAL_DATE_OK.has(c.name) && UNKNOWN_DATE.test(upper)) s = '';
          else if (PARTIAL_DATE_OK.has(c.name))
            problem(
              line,
              `${c.name} "${s}" is not a date (DD/MM/YYYY, ZZ for an unknown day or month)`,
            );
          else problem(line, `${c.name} "${s}" is not a date (DD/MM/YYYY)`);
        } else s = toIso(d);
      } else if (c.codeList && !allowed(c.codeList).has(s)) {
        problem(line, `${c.name} "${s}" is not a 903 code for ${c.name}`);
      }
      v[c.name] = s;
    });
    out.push({ file, line, v });
  }
  if (reported > 20)
    problems.push({ file, message: `and ${String(reported - 20)} more problems like those above` });
  return out;
}

/** Collection year holding `iso` ('2025-05-01' → '2025/26'). */
export function yearOf(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const first = iso.slice(5) >= '04-01' ? y : y - 1;
  return `${String(first)}/${String((first + 1) % 100).padStart(2, '0')}`;
}

const YEAR_DATES: Partial<Record<TableName, readonly string[]>> = {
  Episodes: ['DECOM', 'DEC'],
  Reviews: ['REVIEW'],
  Missing: ['MIS_START', 'MIS_END'],
  SWEpisodes: ['SW_DECOM', 'SW_DEC'],
  PlacedAdoption: ['DATE_PLACED', 'DATE_PLACED_CEASED'],
};

/** Reads the files of one year (a directory's files). Problems are appended; rows returned anyway. */
export async function readYear(
  dir: string,
  files: readonly SourceFile[],
  problems: Problem[],
): Promise<ImportYear> {
  const dict = new ChildDict();
  const tables = new Map<TableName, ImportRow[]>();
  const names = new Map<TableName, string>();
  const before = problems.length;
  const own: Problem[] = [];
  for (const f of files) {
    const loaded = await readCsvFile(f, own);
    if (!loaded.builder || !loaded.table) continue;
    const earlier = names.get(loaded.table);
    if (earlier) {
      own.push({ file: f.name, message: `is a second ${loaded.table} table (${earlier} is one)` });
      continue;
    }
    names.set(loaded.table, f.name);
    tables.set(loaded.table, checkTable(`${dir}/${f.name}`, loaded.builder.build(dict), problems));
  }
  for (const p of own)
    if (!NOTICE.test(p.message)) problems.push({ ...p, file: `${dir}/${p.file}` });
  if (problems.length === before && !tables.has('Episodes') && !tables.has('Header'))
    problems.push({ file: dir, message: 'has no header.csv or episodes.csv table' });
  let latest = '';
  for (const [t, cols] of Object.entries(YEAR_DATES) as [TableName, readonly string[]][])
    for (const row of tables.get(t) ?? [])
      for (const c of cols) if ((row.v[c] ?? '') > latest) latest = row.v[c] ?? '';
  return { year: latest ? yearOf(latest) : '', dir, tables };
}
