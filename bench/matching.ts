// Matching one placement request against 2,000 candidate options (the pure ranking in
// src/domain/matching): `npm run bench -- matching [--candidates 2000] [--runs 25]`.
// Candidates are generated deterministically (seeded): every kind (in-house households, Mockingbird
// hub beds, in-house and external homes, agencies), centroids spread over West Yorkshire's grid,
// 0–3 children already there, languages and costs (some not known), so every factor and exclusion
// is exercised. Prints the median and 95th percentile of `runs` timed runs after 5 warm-ups.
import { performance } from 'node:perf_hooks';
import {
  matchCandidates,
  type Candidate,
  type CandidateKind,
  type MatchRequest,
} from '../src/domain/matching/match.ts';
import { Random } from '../src/features/demo/random.ts';
import { median } from './lib/measure.ts';

export const description = 'Matching one request against 2,000 options (--candidates N, --runs N)';

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i === -1 ? NaN : Number(args[i + 1]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const KINDS: CandidateKind[] = [
  'in_house_fostering',
  'in_house_fostering',
  'in_house_fostering',
  'mockingbird_hub',
  'in_house_home',
  'external_home',
  'external_home',
  'ifa',
];
const DISTRICTS = [
  'BD1',
  'BD2',
  'BD3',
  'BD4',
  'BD5',
  'BD6',
  'BD7',
  'BD8',
  'BD9',
  'BD10',
  'LS1',
  'LS6',
  'HX1',
  'HD1',
  'WF1',
];

export function candidates(n: number, seed = 6): Candidate[] {
  const rng = new Random(seed);
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rng.pick(KINDS);
    const fostering = kind === 'in_house_fostering' || kind === 'mockingbird_hub' || kind === 'ifa';
    const places = kind === 'ifa' ? null : rng.int(0, kind === 'external_home' ? 6 : 3);
    const there = Array.from({ length: rng.int(0, 3) }, () => ({
      age: rng.int(0, 17),
      risksFromChild: rng.chance(0.15) ? (['physical_harm'] as const) : ([] as const),
    }));
    const ageMin = fostering && kind !== 'ifa' ? rng.int(0, 8) : null;
    out.push({
      key: `${kind === 'ifa' ? 'provider' : fostering ? 'household' : 'home'}:${String(i + 1)}`,
      kind,
      name: `Option ${String(i + 1)}`,
      offers: fostering ? 'foster' : 'residential',
      approved: rng.chance(0.95),
      freePlaces: places,
      capacityNote: places === null ? 'not known' : `${String(places)} free`,
      ageMin,
      ageMax: ageMin === null ? null : rng.int(ageMin + 4, 17),
      skillsLevel: fostering && kind !== 'ifa' ? rng.int(1, 4) : null,
      postcodeDistrict: rng.pick(DISTRICTS),
      centroid: rng.chance(0.97)
        ? { easting: 380000 + rng.int(0, 80000), northing: 400000 + rng.int(0, 60000) }
        : null,
      languages: rng.chance(0.5) ? (rng.chance(0.3) ? ['urdu'] : []) : null,
      religions: rng.chance(0.5) ? (rng.chance(0.3) ? ['muslim'] : []) : null,
      childrenThere: there,
      weeklyCost: rng.chance(0.9) ? rng.int(350, 7000) : null,
      costBasis: 'generated',
    });
  }
  return out;
}

export const request: MatchRequest = {
  childAge: 12,
  emergency: false,
  placeTypes: ['foster', 'residential'],
  childrenTogether: 1,
  needs: ['autism', 'trauma'],
  risksToChild: ['missing', 'cce'],
  risksFromChild: ['fire_setting'],
  languages: ['urdu'],
  religion: 'muslim',
  home: { easting: 416000, northing: 433000 },
  school: { easting: 414000, northing: 434000 },
  near: [{ easting: 418000, northing: 431000 }],
  avoidDistricts: ['BD3'],
};

export async function run(args: string[]): Promise<void> {
  const n = arg(args, '--candidates', 2000);
  const runs = arg(args, '--runs', 25);
  const options = candidates(n);
  for (let i = 0; i < 5; i++) matchCandidates(request, options);
  const times: number[] = [];
  let ranked = 0;
  let excluded = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = matchCandidates(request, options);
    times.push(performance.now() - t0);
    ranked = r.ranked.length;
    excluded = r.excluded.length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
  await Promise.resolve();
  console.log(
    `matching: ${String(n)} options (${String(ranked)} ranked, ${String(excluded)} excluded), ${String(runs)} runs: median ${median(times).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, load average ${(await import('node:os')).loadavg()[0]?.toFixed(1) ?? '?'}`,
  );
}
