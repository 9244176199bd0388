// `npm run bench -- 903-validate [children]`: validates a generated England-scale 2025/26 return
// and its previous year (default 100,000 children) with every implemented rule (--prev, --la; add
// --postcodes to include the ONS directory), 5 times in fresh processes; prints the median wall and
// CPU time, the load/rules split and the peak resident memory.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes within bounds */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, LA, POSTCODE_FILE } from './903/generate.ts';

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
  prevEpisodes: number;
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
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const load0 = os.loadavg()[0] ?? 0;
  const dir = path.join(here, 'out', `903-${n}`);
  if (!existsSync(path.join(dir, '2024-25', 'sw_episodes.csv'))) {
    const t = performance.now();
    await generate(n, dir);
    console.log(`generated ${dir} in ${Math.round(performance.now() - t)} ms`);
  }
  const runs: Once[] = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, '903', 'validate-once.ts'),
        path.join(dir, '2025-26'),
        '--prev',
        path.join(dir, '2024-25'),
        '--la',
        LA,
        ...(args.includes('--postcodes') && existsSync(POSTCODE_FILE)
          ? ['--postcodes', POSTCODE_FILE]
          : []),
      ],
      {
        encoding: 'utf8',
      },
    );
    runs.push(JSON.parse(out) as Once);
  }
  const first = runs[0]!;
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}; load average ${load0.toFixed(1)} before, ${(os.loadavg()[0] ?? 0).toFixed(1)} after`,
  );
  console.log(
    `${first.children} children, ${first.episodes} episodes (${first.prevEpisodes} last year); ${first.rulesRun} rules run, ${first.skipped} skipped; ${first.errors} errors from ${first.failedRules} rules`,
  );
  console.log(
    `median of 5: load ${median(runs.map((r) => r.loadMs))} ms + rules ${median(runs.map((r) => r.rulesMs))} ms = ${median(runs.map((r) => r.totalMs))} ms wall (CPU ${median(runs.map((r) => r.cpuMs))} ms); peak RSS ${Math.max(...runs.map((r) => r.maxRssMiB))} MiB`,
  );
}
