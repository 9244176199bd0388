// One measured validation in a fresh process: prints {loadMs, rulesMs, totalMs, cpuMs, maxRssMiB, ...}.
// `validate-once.ts <dir> [--prev <dir>] [--la <code>] [--postcodes <file>] [--slowest] [--top]`
import { parseArgs } from 'node:util';
import { ChildDict } from '../../src/domain/returns/ssda903/dataset.ts';
import { validate, type Problem } from '../../src/domain/returns/ssda903/engine.ts';
import { loadReturn } from '../../src/domain/returns/ssda903/load.ts';
import { loadReference } from '../../src/domain/returns/ssda903/reference.ts';
import { sourceFile, sourceFilesIn } from '../../src/features/returns/ssda903/files.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    prev: { type: 'string' },
    la: { type: 'string' },
    postcodes: { type: 'string' },
    slowest: { type: 'boolean' },
    top: { type: 'boolean' },
  },
});
const dir = positionals[0];
if (!dir)
  throw new Error(
    'usage: validate-once.ts <dir> [--prev <dir>] [--la <code>] [--postcodes <file>]',
  );
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const dict = new ChildDict();
const problems: Problem[] = [];
const current = await loadReturn(sourceFilesIn(dir), dict, problems);
const prev = values.prev ? await loadReturn(sourceFilesIn(values.prev), dict, []) : undefined;
const ref = await loadReference(
  {
    year: '2025/26',
    current,
    prev,
    la: values.la,
    postcodes: values.postcodes ? sourceFile(values.postcodes) : undefined,
  },
  problems,
);
const t1 = performance.now();
const report = validate({ year: '2025/26', dict, current, prev, la: values.la, problems, ...ref });
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
let errors = 0;
for (const r of report.failed) errors += r.count ?? r.findings.length;
console.log(
  JSON.stringify({
    loadMs: Math.round(t1 - t0),
    rulesMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    children: dict.size,
    episodes: current.t('Episodes').n,
    prevEpisodes: prev?.t('Episodes').n ?? 0,
    rulesRun: report.ran.length,
    skipped: report.skipped.length,
    failedRules: report.failed.length,
    errors,
    problems: problems.length,
  }),
);
if (values.slowest)
  console.error(
    Object.entries(report.timings)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([c, ms]) => `${c} ${Math.round(ms)}ms`)
      .join('  '),
  );
if (values.top)
  console.error(
    report.failed
      .map((r) => [r.code, r.count ?? 0] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([c, n]) => `${c} ${n}`)
      .join('  '),
    problems.slice(0, 5),
  );
