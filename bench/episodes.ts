// 903 episode derivation: deriveEpisodes for N generated children (default 100,000; about 2.5
// episodes each), repeated, median wall time. Generation is done first and not timed.
//
//   npm run bench -- episodes [--children 100000] [--runs 5] [--seed 1]
import { deriveEpisodes } from '../src/domain/care/episodes.ts';
import { factsFromEpisodes } from '../src/domain/care/factsFromEpisodes.ts';
import { generateCareFacts, seededRandom } from '../src/domain/care/generate.ts';
import { machine, median } from './lib/measure.ts';

export const description =
  'Derive 903 episodes for 100,000 generated children (and rebuild facts from them)';

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} needs a positive number`);
  return value;
}

export function run(args: string[]): Promise<void> {
  const count = option(args, '--children', 100_000);
  const runs = option(args, '--runs', 5);
  const random = seededRandom(option(args, '--seed', 1));
  const children = Array.from({ length: count }, (_, i) => generateCareFacts(random, `B${i}`));

  const deriveMs: number[] = [];
  const deriveCpuMs: number[] = [];
  const rebuildMs: number[] = [];
  let episodes = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    const cpu = process.cpuUsage();
    const derived = children.map((f) => deriveEpisodes(f, { homePostcode: 'BD7 1AY' }));
    deriveMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    deriveCpuMs.push((used.user + used.system) / 1000);
    episodes = derived.reduce((n, e) => n + e.length, 0);
    t = performance.now();
    for (const e of derived) factsFromEpisodes(e);
    rebuildMs.push(performance.now() - t);
  }
  console.log(machine());
  console.log(
    `${count.toLocaleString('en-GB')} children, ${episodes.toLocaleString('en-GB')} episodes (${(episodes / count).toFixed(2)} each), ${runs} runs`,
  );
  console.log(
    `deriveEpisodes     median ${median(deriveMs).toFixed(0)} ms (runs: ${deriveMs.map((m) => m.toFixed(0)).join(', ')})`,
  );
  console.log(
    `deriveEpisodes CPU median ${median(deriveCpuMs).toFixed(0)} ms (user + system; robust to a busy machine)`,
  );
  console.log(
    `factsFromEpisodes  median ${median(rebuildMs).toFixed(0)} ms (runs: ${rebuildMs.map((m) => m.toFixed(0)).join(', ')})`,
  );
  return Promise.resolve();
}
