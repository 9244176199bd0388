// An export checked: the year's return built from the record (audited, see service.ts), validated
// with every rule that can run on it, and summed up for the export page and its API: each table's
// row count, errors by rule, and every error as a fact to fix in a child's record (fixes.ts).
import type { Db } from '../../../db/connect.ts';
import { compareCodes, type ValidationReport } from '../../../domain/returns/ssda903/engine.ts';
import type { SourceFile } from '../../../domain/returns/ssda903/load.ts';
import type { Year } from '../../../domain/returns/ssda903/types.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import { validateFiles } from '../ssda903/validateFiles.ts';
import type { ExportedReturn } from './build.ts';
import { tableCsv } from './csv.ts';
import { FIX_SECTIONS, fixHref, fixSection, type FixSection } from './fixes.ts';
import { exportReturn } from './service.ts';

export interface ExportCheck {
  ret: ExportedReturn;
  report: ValidationReport;
}

export interface ToFix {
  code: string;
  message: string;
  child: string;
  table: string;
  line: number;
  fields: string[];
  section: FixSection;
  sectionTitle: string;
  /** The child's record section, when the CHILD is a child of the record. */
  href?: string;
}

export interface ExportSummary {
  year: Year;
  tables: { table: string; file: string; rows: number }[];
  errors: number;
  rulesRun: number;
  rules: { code: string; message: string; count: number }[];
  skipped: { code: string; reason: string }[];
  /** Every error, by child then rule: the fact to fix and where. */
  toFix: ToFix[];
}

function memorySource(name: string, text: string): SourceFile {
  const bytes = Buffer.from(text, 'utf8');
  return {
    name,
    bytes: (async function* () {
      await Promise.resolve();
      yield bytes;
    })(),
  };
}

/** Export the year from the record (one audit event) and validate the files it makes. */
export async function exportAndCheck(db: Db, actor: Actor, year: Year): Promise<ExportCheck> {
  const ret = await exportReturn(db, actor, year);
  const report = await validateFiles({
    year,
    files: ret.tables.map((t) => memorySource(t.file, tableCsv(t))),
  });
  return { ret, report };
}

export function exportSummary({ ret, report }: ExportCheck): ExportSummary {
  const toFix: ToFix[] = [];
  for (const r of report.failed)
    for (const f of r.findings) {
      const section = fixSection(f, r.code);
      const id = ret.childIds.get(f.child);
      toFix.push({
        code: r.code,
        message: r.message,
        child: f.child,
        table: f.table,
        line: f.line,
        fields: [...f.fields],
        section,
        sectionTitle: FIX_SECTIONS[section],
        ...(id === undefined ? {} : { href: fixHref(id, section) }),
      });
    }
  toFix.sort(
    (a, b) =>
      a.child.localeCompare(b.child, 'en', { numeric: true }) ||
      compareCodes(a.code, b.code) ||
      a.line - b.line,
  );
  return {
    year: report.year,
    tables: ret.tables.map((t) => ({ table: t.table, file: t.file, rows: t.rows.length })),
    errors: toFix.length,
    rulesRun: report.ran.length,
    rules: report.failed.map((r) => ({
      code: r.code,
      message: r.message,
      count: r.findings.length,
    })),
    skipped: report.skipped.map((s) => ({ code: s.code, reason: s.reason })),
    toFix,
  };
}
