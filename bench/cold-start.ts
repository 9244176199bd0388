// Cold start: time from spawning `node --import tsx src/main.ts` (what `npm start` runs) to the
// first 200 from /health, then memory at rest after an idle wait. Scenarios: PGlite on a new data
// folder, PGlite reopening an existing folder, PostgreSQL on a newly created database.
//
//   npm run bench -- cold-start [--runs 5] [--idle 10] [--only pglite-new,pglite-reopen,postgresql-new]
//                               [--no-demo]
//
// As `npm start`, demo mode is on: a new database gets the demo accounts and the seeded demo
// authority. --no-demo sets HEARTH_DEMO=false (start, migrate, listen only).
// PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres
// (an account that may create and drop databases). Raw results go to bench/out/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  freePort,
  machine,
  median,
  processCpuSeconds,
  processMemory,
  sleep,
} from './lib/measure.ts';

export const description = 'Start to first 200 from /health on PGlite and PostgreSQL; RSS at rest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCENARIOS = ['pglite-new', 'pglite-reopen', 'postgresql-new'] as const;
type Scenario = (typeof SCENARIOS)[number];

interface Sample {
  startMs: number;
  /** CPU seconds (user + system) the server used up to its first 200: robust to a busy machine. */
  cpuSeconds: number;
  rssMiB: number;
  peakMiB: number;
}

interface Options {
  runs: number;
  idleSeconds: number;
  only: Scenario[];
  demo: boolean;
}

function parseArgs(args: string[]): Options {
  const opts: Options = { runs: 5, idleSeconds: 10, only: [...SCENARIOS], demo: true };
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    if (args[i] === '--no-demo') {
      opts.demo = false;
      continue;
    }
    if (args[i] === '--runs' && value) opts.runs = Number(value);
    else if (args[i] === '--idle' && value) opts.idleSeconds = Number(value);
    else if (args[i] === '--only' && value)
      opts.only = value.split(',').filter((s): s is Scenario => SCENARIOS.some((k) => k === s));
    else continue;
    i++;
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error('--runs must be 1 or more');
  return opts;
}

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

let demo = true;
let running: ChildProcess | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running?.kill('SIGKILL');
    process.exit(130);
  });
}

/** Start Hearth, wait for /health, optionally idle and read memory, then stop it. */
async function startOnce(
  env: Record<string, string>,
  idleSeconds: number,
): Promise<Sample & { body: unknown }> {
  const port = await freePort();
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    HEARTH_LOG_LEVEL: 'warn',
    DATABASE_URL: undefined,
    HEARTH_DATA_DIR: undefined,
    HEARTH_DEMO: demo ? 'true' : 'false',
    ...env,
  };
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = child;
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const body = await waitForHealth(child, port, () => output);
    const startMs = performance.now() - started;
    if (!child.pid) throw new Error('no pid');
    const cpuSeconds = processCpuSeconds(child.pid);
    await sleep(idleSeconds * 1000);
    const mem = processMemory(child.pid);
    return { startMs, cpuSeconds, ...mem, body };
  } finally {
    await stop(child);
  }
}

async function waitForHealth(
  child: ChildProcess,
  port: number,
  output: () => string,
): Promise<unknown> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Hearth exited early:\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) return await res.json();
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  throw new Error(`no 200 from /health within 120 s:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function runScenario(scenario: Scenario, opts: Options): Promise<Sample[]> {
  const samples: Sample[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  try {
    if (scenario === 'pglite-reopen') {
      // One untimed start creates and migrates the folder; every timed run reopens it.
      await startOnce({ HEARTH_DATA_DIR: path.join(tmp, 'data') }, 0);
    }
    for (let i = 0; i < opts.runs; i++) {
      let sample: Sample;
      if (scenario === 'postgresql-new') {
        const name = `hearth_bench_${process.pid}_${i}`;
        await admin(`drop database if exists ${name} with (force)`);
        await admin(`create database ${name}`);
        try {
          sample = await startOnce({ DATABASE_URL: databaseUrl(name) }, opts.idleSeconds);
        } finally {
          await admin(`drop database if exists ${name} with (force)`);
        }
      } else {
        const dir =
          scenario === 'pglite-new' ? path.join(tmp, `data-${i}`) : path.join(tmp, 'data');
        sample = await startOnce({ HEARTH_DATA_DIR: dir }, opts.idleSeconds);
        if (scenario === 'pglite-new') rmSync(dir, { recursive: true, force: true });
      }
      samples.push(sample);
      console.log(
        `  ${scenario} run ${i + 1}: ${Math.round(sample.startMs)} ms (CPU ${sample.cpuSeconds.toFixed(2)} s), RSS ${Math.round(sample.rssMiB)} MiB (peak ${Math.round(sample.peakMiB)} MiB)`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return samples;
}

export async function run(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  demo = opts.demo;
  console.log(
    `cold-start: ${opts.runs} runs each, ${opts.idleSeconds} s idle before reading RSS, demo ${demo ? 'on' : 'off'}`,
  );
  console.log(
    `machine: ${machine()}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const results: Record<string, Sample[]> = {};
  for (const scenario of opts.only) {
    if (scenario === 'postgresql-new') {
      try {
        await admin('select 1');
      } catch (err) {
        console.log(`  postgresql-new not run: cannot reach ${adminUrl} (${String(err)})`);
        continue;
      }
    }
    results[scenario] = await runScenario(scenario, opts);
  }

  console.log(
    `\n| Scenario | Start to first 200, median of ${opts.runs} | Range | CPU time to first 200, median | RSS at rest (after ${opts.idleSeconds} s idle), median | Peak RSS, median |`,
  );
  console.log('|---|---|---|---|---|---|');
  for (const [scenario, samples] of Object.entries(results)) {
    const ms = samples.map((s) => s.startMs);
    console.log(
      `| ${scenario} | ${(median(ms) / 1000).toFixed(2)} s | ${(Math.min(...ms) / 1000).toFixed(2)}–${(Math.max(...ms) / 1000).toFixed(2)} s | ${median(samples.map((s) => s.cpuSeconds)).toFixed(2)} s | ${Math.round(median(samples.map((s) => s.rssMiB)))} MiB | ${Math.round(median(samples.map((s) => s.peakMiB)))} MiB |`,
    );
  }

  const outDir = path.join(root, 'bench/out');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(
    outDir,
    `cold-start-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(file, JSON.stringify({ machine: machine(), opts, results }, null, 2));
  console.log(`\nraw results: ${path.relative(root, file)}`);
}
