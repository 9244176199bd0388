// Runs one benchmark: `npm run bench -- <name> [args]` imports bench/<name>.ts and calls its
// `run(args)`. A benchmark is any top-level bench/*.ts file that exports
// `run(args: string[]): Promise<void>` and a one-line `description`; helpers live in subfolders.
// Benchmarks are never part of `npm test` or CI. Results go in bench/README.md.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Benchmark {
  description: string;
  run(args: string[]): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

function benchmarkNames(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

async function load(name: string): Promise<Benchmark> {
  const mod = (await import(
    pathToFileURL(path.join(here, `${name}.ts`)).href
  )) as Partial<Benchmark>;
  if (typeof mod.run !== 'function') throw new Error(`bench/${name}.ts does not export run(args)`);
  return { description: mod.description ?? '', run: mod.run };
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const names = benchmarkNames();
  if (!name || name === '--help' || !names.includes(name)) {
    if (name && name !== '--help') console.error(`No benchmark called "${name}".`);
    console.log('Usage: npm run bench -- <name> [args]\n\nBenchmarks:');
    for (const n of names) console.log(`  ${n.padEnd(20)} ${(await load(n)).description}`);
    process.exitCode = name && name !== '--help' ? 1 : 0;
    return;
  }
  await (await load(name)).run(args);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
