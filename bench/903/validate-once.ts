// One measured validation in a fresh process: prints {loadMs, rulesMs, totalMs, maxRssMiB, ...}.
import { ChildDict } from '../../src/domain/returns/ssda903/dataset.ts';
import { validate, type Problem } from '../../src/domain/returns/ssda903/engine.ts';
import { loadReturn } from '../../src/domain/returns/ssda903/load.ts';
import { sourceFilesIn } from '../../src/features/returns/ssda903/files.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: validate-once.ts <dir>');
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const dict = new ChildDict();
const problems: Problem[] = [];
const current = await loadReturn(sourceFilesIn(dir), dict, problems);
const t1 = performance.now();
const report = validate({ year: '2025/26', dict, current, problems });
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
let errors = 0;
for (const r of report.failed) errors += r.findings.length;
console.log(
  JSON.stringify({
    loadMs: Math.round(t1 - t0),
    rulesMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    children: dict.size,
    episodes: current.t('Episodes').n,
    rulesRun: report.ran.length,
    skipped: report.skipped.length,
    failedRules: report.failed.length,
    errors,
  }),
);
if (process.argv.includes('--slowest'))
  console.error(
    Object.entries(report.timings)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([c, ms]) => `${c} ${Math.round(ms)}ms`)
      .join('  '),
  );
