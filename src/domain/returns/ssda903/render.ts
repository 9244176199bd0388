// The validation report as text, CSV or a standalone HTML page: by rule (code, message, count,
// fields) and by child. Pure string functions over a ValidationReport.
import type { FindingDetail, ValidationReport } from './engine.ts';

const MAX_LISTED = 50;

function byChild(report: ValidationReport): Map<string, { code: string; f: FindingDetail }[]> {
  const m = new Map<string, { code: string; f: FindingDetail }[]>();
  for (const r of report.failed)
    for (const f of r.findings) {
      let list = m.get(f.child);
      if (!list) m.set(f.child, (list = []));
      list.push({ code: r.code, f });
    }
  return new Map([...m].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}

function totals(report: ValidationReport): { errors: number; children: number } {
  let errors = 0;
  const children = new Set<string>();
  for (const r of report.failed)
    for (const f of r.findings) {
      errors++;
      children.add(f.child);
    }
  return { errors, children: children.size };
}

export function renderText(report: ValidationReport): string {
  const out: string[] = [];
  const { errors, children } = totals(report);
  out.push(`SSDA903 validation, collection year ${report.year}`);
  out.push(
    `${report.ran.length} rules run: ${errors} error${errors === 1 ? '' : 's'} from ${report.failed.length} rule${report.failed.length === 1 ? '' : 's'}, affecting ${children} child${children === 1 ? '' : 'ren'}; ${report.skipped.length} rules skipped.`,
  );
  if (report.problems.length > 0) {
    out.push('', 'File problems:');
    for (const p of report.problems)
      out.push(`  ${p.file}${p.line ? `, line ${p.line}` : ''}: ${p.message}`);
  }
  if (report.failed.length > 0) {
    out.push('', 'By rule:');
    for (const r of report.failed) {
      out.push(`  ${r.code}  ${r.message}  (${r.findings.length})  fields: ${r.fields.join(', ')}`);
      for (const f of r.findings.slice(0, MAX_LISTED))
        out.push(`      ${f.table} line ${f.line}  child ${f.child}`);
      if (r.findings.length > MAX_LISTED)
        out.push(`      … and ${r.findings.length - MAX_LISTED} more (use --format csv for all)`);
    }
    out.push('', 'By child:');
    let shown = 0;
    const kids = byChild(report);
    for (const [child, list] of kids) {
      if (shown++ >= MAX_LISTED) {
        out.push(`  … and ${kids.size - MAX_LISTED} more children (use --format csv for all)`);
        break;
      }
      out.push(`  ${child}`);
      for (const { code, f } of list)
        out.push(`      ${code}  ${f.table} line ${f.line}  ${f.fields.join(', ')}`);
    }
  }
  if (report.skipped.length > 0) {
    out.push('', 'Skipped:');
    const byReason = new Map<string, string[]>();
    for (const s of report.skipped) {
      let l = byReason.get(s.reason);
      if (!l) byReason.set(s.reason, (l = []));
      l.push(s.code);
    }
    for (const [reason, codes] of byReason) out.push(`  ${reason}: ${codes.join(' ')}`);
  }
  return out.join('\n');
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line per finding: code,message,table,line,child,fields. */
export function renderCsv(report: ValidationReport): string {
  const lines = ['code,message,table,line,child,fields'];
  for (const r of report.failed)
    for (const f of r.findings)
      lines.push(
        [r.code, r.message, f.table, f.line, f.child, f.fields.join(' ')].map(csvCell).join(','),
      );
  return lines.join('\n') + '\n';
}

function esc(s: string | number): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function renderHtml(report: ValidationReport): string {
  const { errors, children } = totals(report);
  const h: string[] = [];
  h.push(
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>SSDA903 validation ${esc(report.year)}</title>`,
    '<style>body{font-family:Arial,sans-serif;margin:2em;color:#0b0c0c}table{border-collapse:collapse;margin-bottom:1.5em}th,td{border-bottom:1px solid #b1b4b6;padding:.3em .6em;text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold;padding:.5em 0}</style>',
    '</head><body>',
    `<h1>SSDA903 validation, ${esc(report.year)}</h1>`,
    `<p>${report.ran.length} rules run: ${errors} errors from ${report.failed.length} rules, affecting ${children} children; ${report.skipped.length} rules skipped.</p>`,
  );
  if (report.problems.length > 0) {
    h.push('<h2>File problems</h2><ul>');
    for (const p of report.problems)
      h.push(`<li>${esc(p.file)}${p.line ? `, line ${p.line}` : ''}: ${esc(p.message)}</li>`);
    h.push('</ul>');
  }
  h.push('<h2>By rule</h2>');
  h.push(
    '<table><thead><tr><th scope="col">Rule</th><th scope="col">Message</th><th scope="col">Errors</th><th scope="col">Fields</th></tr></thead><tbody>',
  );
  for (const r of report.failed)
    h.push(
      `<tr><td><a href="#rule-${esc(r.code)}">${esc(r.code)}</a></td><td>${esc(r.message)}</td><td>${r.findings.length}</td><td>${esc(r.fields.join(', '))}</td></tr>`,
    );
  h.push('</tbody></table>');
  for (const r of report.failed) {
    h.push(
      `<table id="rule-${esc(r.code)}"><caption>${esc(r.code)}: ${esc(r.message)}</caption><thead><tr><th scope="col">Table</th><th scope="col">Line</th><th scope="col">Child</th></tr></thead><tbody>`,
    );
    for (const f of r.findings)
      h.push(`<tr><td>${esc(f.table)}</td><td>${f.line}</td><td>${esc(f.child)}</td></tr>`);
    h.push('</tbody></table>');
  }
  h.push('<h2>By child</h2>');
  h.push(
    '<table><thead><tr><th scope="col">Child</th><th scope="col">Rule</th><th scope="col">Table and line</th><th scope="col">Fields</th></tr></thead><tbody>',
  );
  for (const [child, list] of byChild(report))
    list.forEach(({ code, f }, i) =>
      h.push(
        `<tr>${i === 0 ? `<th scope="row" rowspan="${list.length}">${esc(child)}</th>` : ''}<td>${esc(code)}</td><td>${esc(f.table)} line ${f.line}</td><td>${esc(f.fields.join(', '))}</td></tr>`,
      ),
    );
  h.push('</tbody></table>');
  if (report.skipped.length > 0) {
    h.push(
      '<h2>Skipped rules</h2><table><thead><tr><th scope="col">Rule</th><th scope="col">Reason</th></tr></thead><tbody>',
    );
    for (const s of report.skipped)
      h.push(`<tr><td>${esc(s.code)}</td><td>${esc(s.reason)}</td></tr>`);
    h.push('</tbody></table>');
  }
  h.push('</body></html>');
  return h.join('\n');
}
