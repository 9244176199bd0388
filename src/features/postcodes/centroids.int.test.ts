// Centroids load from an ONSPD-style file all or nothing, and distances are worked out from them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import {
  CentroidFileError,
  centroidsFor,
  demoCentroids,
  loadCentroids,
  milesVia,
  readCentroidFile,
} from './centroids.ts';

let t: TestDb;
const dir = mkdtempSync(path.join(tmpdir(), 'hearth-centroids-'));

beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.dispose();
});

const ONSPD = `"pcds","oslaua","oseast1m","osnrth1m","other"
"BD1 1AA","E08000032","416526","433330","x"
"LS1 1BA","E08000035","430000","433330","x"
"ZZ99 9ZZ","E08000032","","","no grid reference"
"BD1 1AA","E08000032","416526","433330","duplicate"
`;

async function count(): Promise<number> {
  const r = await t.db
    .selectFrom('postcode_centroid')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

describe('postcode centroids', () => {
  it('loads a gzipped ONSPD file by its header names, skipping rows without a grid reference', async () => {
    const file = path.join(dir, 'onspd.csv.gz');
    writeFileSync(file, gzipSync(ONSPD));
    expect(await loadCentroids(t.db, readCentroidFile(file))).toBe(2);
    const c = await centroidsFor(t.db, ['bd1 1aa', 'LS11BA', 'BD9 9ZZ', null]);
    expect([...c.keys()].sort()).toEqual(['BD11AA', 'LS11BA']);
    expect(milesVia(c, 'BD1 1AA', 'LS1 1BA')).toBeCloseTo(13474 / 1609.344, 6);
    expect(milesVia(c, 'BD1 1AA', 'BD9 9ZZ')).toBeNull();
  });

  it('keeps only the authorities asked for', async () => {
    const file = path.join(dir, 'onspd.csv');
    writeFileSync(file, ONSPD);
    expect(await loadCentroids(t.db, readCentroidFile(file, new Set(['E08000035'])))).toBe(1);
    expect(await count()).toBe(1);
  });

  it('refuses a file without the columns it needs and changes nothing', async () => {
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, 'postcode,county\nBD1 1AA,West Yorkshire\n');
    await expect(loadCentroids(t.db, readCentroidFile(file))).rejects.toThrow(CentroidFileError);
    await expect(loadCentroids(t.db, readCentroidFile(file))).rejects.toThrow(
      'bad.csv, line 1: no la column',
    );
    expect(await count()).toBe(1);
  });

  it('refuses a grid reference that is not whole metres, naming the line, and changes nothing', async () => {
    const file = path.join(dir, 'frac.csv');
    writeFileSync(
      file,
      'postcode,la_code,easting,northing\nBD1 1AA,E08000032,1,2\nBD1 1BA,E08000032,1.5,2\n',
    );
    await expect(loadCentroids(t.db, readCentroidFile(file))).rejects.toThrow('frac.csv, line 3');
    expect(await count()).toBe(1);
  });

  it('loads the demo extract', async () => {
    const n = await loadCentroids(t.db, demoCentroids());
    expect(n).toBeGreaterThan(3000);
    expect(await count()).toBe(n);
  });
});
