// The DfE specification data copied into the repo (spec/*.json, from the 903-spec pack): tables and
// columns, code lists by collection year, and the rule list with messages, fields and years.
import codeListsJson from './spec/code_lists.json' with { type: 'json' };
import rulesJson from './spec/rules.json' with { type: 'json' };
import tablesJson from './spec/tables.json' with { type: 'json' };
import type { TableName, Year } from './types.ts';

export type CodeListName = keyof typeof codeListsJson.code_lists;

export interface RuleSpec {
  code: string;
  kind: 'dfe' | 'tool';
  message: string;
  messageByYear: Partial<Record<string, string>>;
  toolNote: string | null;
  fields: readonly string[];
  tables: readonly string[];
  usesPreviousYear: boolean;
  needsOfsted: boolean;
  needsPostcodes: boolean;
  years: readonly string[];
  versionByYear: Partial<Record<string, string>>;
}

export const RULE_SPECS: readonly RuleSpec[] = rulesJson.rules as RuleSpec[];
const specByCode = new Map(RULE_SPECS.map((r) => [r.code, r]));

export function ruleSpec(code: string): RuleSpec | undefined {
  return specByCode.get(code);
}

/** The DfE message of a rule in force in `year` (messages changed wording in some years). */
export function ruleMessage(code: string, year: Year): string {
  const s = specByCode.get(code);
  if (!s) return '';
  return s.messageByYear[year] ?? s.message;
}

export interface ColumnSpec {
  name: string;
  type: string;
  codeList: string | null;
}
export interface TableSpec {
  table: TableName;
  csvFile: string;
  columns: readonly ColumnSpec[];
  firstYear: string;
}

export const TABLE_SPECS: readonly TableSpec[] = tablesJson.tables.map((t) => ({
  table: t.table as TableName,
  csvFile: t.csv_file,
  firstYear: t.first_year,
  columns: t.columns.map((c) => ({ name: c.name, type: c.type, codeList: c.code_list })),
}));
const tableSpecByName = new Map(TABLE_SPECS.map((t) => [t.table, t]));

export function tableSpec(name: TableName): TableSpec {
  const t = tableSpecByName.get(name);
  if (!t) throw new Error(`no spec for table ${name}`);
  return t;
}

const codeSets = new Map<string, ReadonlySet<string>>();
const EMPTY: ReadonlySet<string> = new Set();

/** Codes valid in `year` for a list such as 'Episodes.PLACE' (upper case, as data are upper-cased). */
export function codeList(list: CodeListName, year: Year): ReadonlySet<string> {
  const key = `${list}|${year}`;
  let set = codeSets.get(key);
  if (!set) {
    const byYear = codeListsJson.code_lists[list].codes_by_year as Partial<
      Record<string, string[]>
    >;
    const codes = byYear[year];
    set = codes ? new Set(codes.map((c) => c.toUpperCase())) : EMPTY;
    codeSets.set(key, set);
  }
  return set;
}
