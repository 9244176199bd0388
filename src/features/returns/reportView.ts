// What the report page shows, from an UploadValidation: totals, files, file problems, errors by
// rule (each with its findings) and by child (each with the rules they fail), skipped rules grouped
// by reason. Long lists are cut at a limit and say how many more there are; the CSV has them all.
import { NOT_IMPLEMENTED, compareCodes } from '../../domain/returns/ssda903/engine.ts';
import type { FileSummary, UploadValidation } from './validateUpload.ts';

export const MAX_FINDINGS_PER_RULE = 100;
export const MAX_CHILDREN = 500;

export interface FindingView {
  table: string;
  line: number;
  child: string;
  /** /children/:id when the child is in the record and in the user's scope. */
  href?: string;
  fields: string;
}

export interface RuleView {
  code: string;
  message: string;
  count: number;
  fields: string;
  findings: FindingView[];
  more: number;
}

export interface ChildView {
  child: string;
  href?: string;
  codes: string[];
  errors: number;
}

/** The engine's reasons for skipping a rule, in the browser's words (the CLI's name its options). */
export function skipReason(reason: string): string {
  if (reason === NOT_IMPLEMENTED) return 'Not written yet';
  if (reason.startsWith("needs the previous year's return"))
    return "Need last year's files: upload them with this year's";
  if (reason.startsWith("needs Ofsted's"))
    return "Need Ofsted's lists of children's homes and providers: upload them as reference data";
  if (reason.startsWith("needs the submitting local authority's ONS code"))
    return "Need the local authority's ONS code, like E08000032, as the LA code, and the ONS postcode directory";
  if (reason.startsWith('needs a postcode lookup'))
    return 'Need the ONS postcode directory: upload it as reference data';
  return capitalise(reason);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface ReportView {
  year: string;
  la: string | undefined;
  errors: number;
  childrenAffected: number;
  rulesRun: number;
  files: FileSummary[];
  prevFiles: FileSummary[];
  problems: { file: string; line?: number; message: string }[];
  rules: RuleView[];
  children: ChildView[];
  moreChildren: number;
  skipped: { reason: string; codes: string[] }[];
}

/** The CHILD ids the page will show (to look up links for just those). */
export function childrenShown(v: UploadValidation): string[] {
  const ids = new Set<string>();
  for (const r of v.report.failed)
    for (const f of r.findings.slice(0, MAX_FINDINGS_PER_RULE)) ids.add(f.child);
  for (const id of sortedChildren(v).slice(0, MAX_CHILDREN)) ids.add(id[0]);
  return [...ids];
}

function sortedChildren(v: UploadValidation): [string, { codes: Set<string>; errors: number }][] {
  const m = new Map<string, { codes: Set<string>; errors: number }>();
  for (const r of v.report.failed)
    for (const f of r.findings) {
      let c = m.get(f.child);
      if (!c) m.set(f.child, (c = { codes: new Set(), errors: 0 }));
      c.codes.add(r.code);
      c.errors++;
    }
  return [...m].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}

export function reportView(
  v: UploadValidation,
  la: string | undefined,
  links: ReadonlyMap<string, number>,
): ReportView {
  const href = (child: string) => {
    const id = links.get(child);
    return id === undefined ? {} : { href: `/children/${String(id)}` };
  };
  const kids = sortedChildren(v);
  const { report } = v;
  const skipped = new Map<string, string[]>();
  for (const s of report.skipped) {
    const reason = skipReason(s.reason);
    let l = skipped.get(reason);
    if (!l) skipped.set(reason, (l = []));
    l.push(s.code);
  }
  return {
    year: report.year,
    la,
    errors: report.failed.reduce((n, r) => n + r.findings.length, 0),
    childrenAffected: kids.length,
    rulesRun: report.ran.length,
    files: v.files,
    prevFiles: v.prevFiles,
    problems: report.problems.map((p) => ({ ...p, message: capitalise(p.message) })),
    rules: report.failed.map((r) => ({
      code: r.code,
      message: r.message,
      count: r.findings.length,
      fields: r.fields.join(', '),
      findings: r.findings.slice(0, MAX_FINDINGS_PER_RULE).map((f) => ({
        table: f.table,
        line: f.line,
        child: f.child,
        fields: f.fields.join(', '),
        ...href(f.child),
      })),
      more: Math.max(0, r.findings.length - MAX_FINDINGS_PER_RULE),
    })),
    children: kids.slice(0, MAX_CHILDREN).map(([child, c]) => ({
      child,
      codes: [...c.codes].sort(compareCodes),
      errors: c.errors,
      ...href(child),
    })),
    moreChildren: Math.max(0, kids.length - MAX_CHILDREN),
    skipped: [...skipped].map(([reason, codes]) => ({ reason, codes })),
  };
}
