// Runs every rule in force for the collection year over a loaded return, once, and collects the
// findings. Rules needing data that was not given, and rules not yet written, are listed in
// `skipped` with the reason: nothing is left out silently.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds (noUncheckedIndexedAccess) */
import { addYears, dayOf } from './dates.ts';
import type { ChildDict, Return } from './dataset.ts';
import { computeCla12, computeUasc } from './facts.ts';
import { ALL_RULES } from './rules/index.ts';
import { codeList, RULE_SPECS, ruleMessage, ruleSpec, type CodeListName } from './spec.ts';
import {
  TABLE_NAMES,
  type Finding,
  type Geo,
  type Need,
  type OfstedPlace,
  type RuleContext,
  type RuleDef,
  type TableName,
  type Year,
} from './types.ts';

export interface Problem {
  file: string;
  line?: number;
  message: string;
}

export interface ValidationInput {
  year: Year;
  dict: ChildDict;
  current: Return;
  prev?: Return;
  la?: string;
  ofsted?: ReadonlyMap<string, OfstedPlace>;
  geo?: Geo;
  /** Geo of the previous year's Episodes (with prev and a postcode lookup). */
  prevGeo?: Geo;
  problems?: readonly Problem[];
}

export interface FindingDetail extends Finding {
  fields: readonly string[];
}

export interface RuleResult {
  code: string;
  message: string;
  fields: readonly string[];
  /** Number of findings, without building them (set by validate()). */
  count?: number;
  /** Built on first read. */
  findings: FindingDetail[];
}

export interface Skipped {
  code: string;
  reason: string;
}

export interface ValidationReport {
  year: Year;
  /** Rules that found errors, in code order. */
  failed: RuleResult[];
  /** Codes run (with or without findings). */
  ran: string[];
  skipped: Skipped[];
  problems: Problem[];
  /** Milliseconds each rule took (for benchmarks). */
  timings: Record<string, number>;
}

const TABLE_INDEX = Object.fromEntries(TABLE_NAMES.map((t, i) => [t, i])) as Record<
  TableName,
  number
>;

export function collectionStart(year: Year): number {
  return dayOf(Number(year.slice(0, 4)), 4, 1);
}
export function collectionEnd(year: Year): number {
  return addYears(collectionStart(year), 1) - 1;
}

const NEED_REASON: Record<Need, string> = {
  prev: "needs the previous year's return (--prev)",
  ofsted:
    "needs Ofsted's children's homes and providers lists (--ofsted-homes, --ofsted-providers)",
  postcodes: 'needs a postcode lookup (--postcodes)',
  la: "needs the submitting local authority's ONS code (--la, e.g. E08000032)",
};
export const NOT_IMPLEMENTED = 'not implemented';

/** Natural order of rule codes: 101 < 197a < 197B < 1000 < SW01STG1. */
export function compareCodes(a: string, b: string): number {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  if (Number.isNaN(na) !== Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1;
  if (!Number.isNaN(na) && na !== nb) return na - nb;
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || a.localeCompare(b);
}

/** The variant of `code` in force in `year`, if one is written. */
export function ruleFor(
  code: string,
  year: Year,
  rules: readonly RuleDef[] = ALL_RULES,
): RuleDef | undefined {
  return rules.find((r) => r.code === code && (!r.years || r.years.includes(year)));
}

export type RuleStatus =
  | { code: string; status: 'implemented'; message: string; needs: readonly Need[] }
  | { code: string; status: 'not applicable'; message: string }
  | { code: string; status: 'not implemented'; message: string };

/** Every DfE code with its status in `year`. */
export function ruleStatuses(year: Year, rules: readonly RuleDef[] = ALL_RULES): RuleStatus[] {
  return RULE_SPECS.filter((s) => s.kind === 'dfe')
    .map((s): RuleStatus => {
      const message = ruleMessage(s.code, year);
      if (!s.years.includes(year)) return { code: s.code, status: 'not applicable', message };
      const def = ruleFor(s.code, year, rules);
      if (!def) return { code: s.code, status: 'not implemented', message };
      return { code: s.code, status: 'implemented', message, needs: def.needs ?? [] };
    })
    .sort((a, b) => compareCodes(a.code, b.code));
}

export function validate(
  input: ValidationInput,
  rules: readonly RuleDef[] = ALL_RULES,
): ValidationReport {
  const { year, dict, current } = input;
  const start = collectionStart(year);
  const end = collectionEnd(year);
  let cla12: Uint8Array | undefined;
  let uasc: Uint8Array | undefined;
  // Findings of the running rule: table index and row, pairs in one growable buffer.
  let buf = new Int32Array(1024);
  let len = 0;
  let fieldOverrides: Map<number, readonly string[]> | undefined;

  const ctx: RuleContext = {
    year,
    start,
    end,
    la: input.la,
    children: dict.ids,
    childIndex: (id) => dict.get(id),
    prev: input.prev,
    ofsted: input.ofsted,
    geo: input.geo,
    prevGeo: input.prev ? input.prevGeo : undefined,
    t: (name) => current.t(name),
    has: (name) => current.has(name),
    byChild: (name) => current.byChild(name),
    headerRow: (c) => current.headerRow(c),
    codes: (list: CodeListName) => codeList(list, year),
    cla12: (c) => (cla12 ??= computeCla12(current, dict.size, start, end))[c] === 1,
    uasc: (c) => (uasc ??= computeUasc(current, dict.size))[c] === 1,
    fail: (table, row, fields) => {
      if (len + 2 > buf.length) {
        const next = new Int32Array(buf.length * 2);
        next.set(buf);
        buf = next;
      }
      const ti = TABLE_INDEX[table];
      if (fields) (fieldOverrides ??= new Map()).set(ti * 0x4000000 + row, fields);
      buf[len++] = ti;
      buf[len++] = row;
    },
  };

  const report: ValidationReport = {
    year,
    failed: [],
    ran: [],
    skipped: [],
    problems: [...(input.problems ?? [])],
    timings: {},
  };
  const available: Record<Need, boolean> = {
    prev: input.prev !== undefined,
    ofsted: input.ofsted !== undefined,
    postcodes: input.geo !== undefined,
    la: input.la !== undefined && input.la !== '',
  };

  for (const status of ruleStatuses(year, rules)) {
    if (status.status === 'not applicable') continue;
    if (status.status === 'not implemented') {
      report.skipped.push({ code: status.code, reason: NOT_IMPLEMENTED });
      continue;
    }
    const missing = status.needs.find((n) => !available[n]);
    if (missing) {
      report.skipped.push({ code: status.code, reason: NEED_REASON[missing] });
      continue;
    }
    const def = ruleFor(status.code, year, rules)!;
    len = 0;
    fieldOverrides = undefined;
    const began = performance.now();
    try {
      def.run(ctx);
    } catch (err) {
      report.skipped.push({
        code: status.code,
        reason: `the rule could not run on this data: ${err instanceof Error ? err.message : String(err)}`,
      });
      continue;
    }
    report.ran.push(status.code);
    report.timings[status.code] = performance.now() - began;
    if (len > 0)
      report.failed.push(collect(status.code, year, current, dict, buf, len, fieldOverrides));
  }
  return report;
}

function collect(
  code: string,
  year: Year,
  current: Return,
  dict: ChildDict,
  buf: Int32Array,
  len: number,
  overrides: Map<number, readonly string[]> | undefined,
): RuleResult {
  const fields = ruleSpec(code)?.fields ?? [];
  // Keys ordered by table then line (rows are in line order within a table), duplicates dropped.
  const all = new Float64Array(len / 2);
  for (let i = 0; i < len; i += 2) all[i / 2] = buf[i]! * 0x4000000 + buf[i + 1]!;
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  const keys = all.subarray(0, n);
  let built: FindingDetail[] | undefined;
  const result = { code, message: ruleMessage(code, year), fields, count: n } as RuleResult;
  // Finding objects are made only when a report reads them.
  Object.defineProperty(result, 'findings', {
    enumerable: true,
    get(): FindingDetail[] {
      if (!built) {
        built = new Array<FindingDetail>(n);
        for (let i = 0; i < n; i++) {
          const k = keys[i]!;
          const table = TABLE_NAMES[Math.floor(k / 0x4000000)]!;
          const row = k % 0x4000000;
          const t = current.t(table);
          built[i] = {
            table,
            line: t.line[row]!,
            child: dict.ids[t.child[row]!] ?? '',
            fields: overrides?.get(k) ?? fields,
          };
        }
      }
      return built;
    },
  });
  return result;
}

/** The JSON form: {"year","rules":{code:[{table,line,child}]},"skipped":[...]} (+ "problems"). */
export function reportJson(report: ValidationReport): object {
  const rules: Record<string, Finding[]> = {};
  for (const r of report.failed)
    rules[r.code] = r.findings.map((f) => ({ table: f.table, line: f.line, child: f.child }));
  return {
    year: report.year,
    rules,
    skipped: report.skipped,
    ...(report.problems.length > 0 ? { problems: report.problems } : {}),
  };
}

export type { TableName };
