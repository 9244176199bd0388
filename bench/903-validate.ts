// `npm run bench -- 903-validate [children]`: validates a generated England-scale 2025/26 return
// (default 100,000 children) with every implemented rule, 5 times in fresh processes; prints the
// median time and the peak resident memory.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes within bounds */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './903/generate.ts';

export const description =
  'SSDA903: validate an England-scale 2025/26 return (all tables, all rules)';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Once {
  loadMs: number;
  rulesMs: number;
  totalMs: number;
  cpuMs: number;
  maxRssMiB: number;
  children: number;
  episodes: number;
  rulesRun: number;
  skipped: number;
  failedRules: number;
  errors: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 100_000);
  const dir = path.join(here, 'out', `903-${n}`);
  if (!existsSync(path.join(dir, 'sw_episodes.csv'))) {
    const t = performance.now();
    await generate(n, dir);
    console.log(`generated ${dir} in ${Math.round(performance.now() - t)} ms`);
  }
  const runs: Once[] = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(here, '903', 'validate-once.ts'), dir],
      {
        encoding: 'utf8',
      },
    );
    runs.push(JSON.parse(out) as Once);
  }
  const first = runs[0]!;
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}`,
  );
  console.log(
    `${first.children} children, ${first.episodes} episodes; ${first.rulesRun} rules run, ${first.skipped} skipped; ${first.errors} errors from ${first.failedRules} rules`,
  );
  console.log(
    `median of 5: load ${median(runs.map((r) => r.loadMs))} ms + rules ${median(runs.map((r) => r.rulesMs))} ms = ${median(runs.map((r) => r.totalMs))} ms wall (CPU ${median(runs.map((r) => r.cpuMs))} ms); peak RSS ${Math.max(...runs.map((r) => r.maxRssMiB))} MiB`,
  );
}
