// One-off: derive the demo's small postcode table from the ONS Postcode Directory (ONSPD, November
// 2025). Run from the repository root with the ONSPD centroid file's path:
//   node --import tsx src/features/demo/data/extract-postcodes.ts /path/onspd-nov-2025-centroids.csv.gz
// It keeps an evenly spaced, deterministic sample of postcodes with a grid reference for Bradford,
// its neighbours and a few far-away authorities (for placements at a distance), and writes
// postcodes.csv beside this file. Source and licence: docs/demo-data.md.
import { createReadStream, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** GSS lower-tier code → how many postcodes to keep. */
const WANT: Record<string, number> = {
  E08000032: 2400, // Bradford
  E08000035: 300, // Leeds
  E08000033: 200, // Calderdale
  E08000034: 200, // Kirklees
  E08000036: 100, // Wakefield
  E06000065: 100, // North Yorkshire (Craven, Harrogate)
  E07000122: 60, // Pendle
  E08000003: 40, // Manchester
  E08000004: 30, // Oldham
  E08000005: 30, // Rochdale
  E08000019: 40, // Sheffield
  E08000017: 30, // Doncaster
  E06000010: 30, // Kingston upon Hull
  E06000009: 30, // Blackpool
  E06000047: 30, // County Durham
  E08000025: 30, // Birmingham
  E06000021: 30, // Stoke-on-Trent
  E07000136: 20, // Boston (Lincolnshire)
  E07000032: 20, // Amber Valley (Derbyshire)
  E07000121: 20, // Lancaster
};

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('Give the path of onspd-nov-2025-centroids.csv.gz');
  const byLa = new Map<string, string[]>();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  for await (const line of lines) {
    const [postcode, la, easting, northing] = line.split(',');
    if (!postcode || !la || !easting || !northing || !(la in WANT)) continue;
    let list = byLa.get(la);
    if (!list) byLa.set(la, (list = []));
    list.push(`${postcode},${la},${easting},${northing}`);
  }
  const out = ['postcode,la_code,easting,northing'];
  for (const [la, want] of Object.entries(WANT)) {
    const list = (byLa.get(la) ?? []).sort();
    const step = Math.max(1, Math.floor(list.length / want));
    for (let i = 0; i < list.length && i / step < want; i += step) out.push(list[i] ?? '');
  }
  const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'postcodes.csv');
  writeFileSync(target, out.join('\n') + '\n');
  console.log(`Wrote ${out.length - 1} postcodes to ${target}`);
}

void main();
