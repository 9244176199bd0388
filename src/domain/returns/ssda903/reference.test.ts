// Reading the reference data (ONS postcode directory, Ofsted lists) from the checked-in fixtures in
// test/fixtures/903/, and the Episodes fields derived from them.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ChildDict } from './dataset.ts';
import { fromIso, NO_DATE } from './dates.ts';
import type { Problem } from './engine.ts';
import { buildGeo, postcodeKey, readPostcodes, wantedPostcodes } from './geo.ts';
import type { SourceFile } from './load.ts';
import { readOfsted } from './ofsted.ts';
import { tableFromCsv } from './testing.ts';

const FIXTURES = path.join(import.meta.dirname, '../../../../test/fixtures/903');

function fixture(name: string): SourceFile {
  const raw = createReadStream(path.join(FIXTURES, name));
  return { name, bytes: name.endsWith('.gz') ? raw.pipe(createGunzip()) : raw };
}

function text(name: string, content: string): SourceFile {
  return {
    name,
    // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a file stream is
    bytes: (async function* () {
      yield new TextEncoder().encode(content);
    })(),
  };
}

const EPISODES = [
  'CHILD,HOME_POST,PL_POST',
  'A1,BD1 1HY,BD3 9QS', // both Bradford
  'A2,bd11hy,LS1 4AP', // Leeds (postcode in any case and spacing)
  'A3,BD1 1HY,HG1 1AA', // Harrogate: lower tier E07000165, upper tier North Yorkshire
  'A4,BD1 1HY,EH1 1AA', // Scotland
  'A5,BD1 1HY,XX9 9XX', // not in the directory
  'A6,,BD3 9QS', // no home postcode
].join('\n');

describe('postcode directory', () => {
  it.each(['postcodes.csv', 'postcodes.csv.gz'])(
    'keeps only the wanted postcodes from %s and derives PL_LA, PL_LOCATION, PL_DISTANCE',
    async (name) => {
      const t = tableFromCsv('Episodes', EPISODES, new ChildDict());
      const problems: Problem[] = [];
      const wanted = wantedPostcodes([t]);
      const points = await readPostcodes(fixture(name), wanted, problems);
      expect(problems).toEqual([]);
      expect(points.size).toBe(5); // ZZ1 1ZZ is in the file but not in the return
      expect(points.has(postcodeKey('ZZ1 1ZZ'))).toBe(false);
      const geo = buildGeo(t, points, 'E08000032', '2025/26');
      expect(geo.plLa).toEqual(['E08000032', 'E08000035', 'E10000023', 'SCO', '', 'E08000032']);
      expect(geo.plLocation).toEqual(['IN', 'OUT', 'OUT', 'OUT', '', 'IN']);
      // sqrt(dE² + dN²) / 1609.344, e.g. A1: sqrt(1500² + 400²) m = 0.96 mi; A4: 257,221 m = 159.8 mi.
      expect([...geo.plDistance]).toEqual([1, 8.3, 16, 159.8, NaN, NaN]);
      // Before 2025/26 places outside England keep their ONS code; no --la: no IN/OUT.
      const old = buildGeo(t, points, undefined, '2024/25');
      expect(old.plLa[3]).toBe('S12000036');
      expect(old.plLocation).toEqual(['', '', '', '', '', '']);
    },
  );

  it('reports a file without the needed columns', async () => {
    const problems: Problem[] = [];
    const points = await readPostcodes(text('p.csv', 'a,b\n1,2\n'), new Set([1]), problems);
    expect(points.size).toBe(0);
    expect(problems).toEqual([
      {
        file: 'p.csv',
        line: 1,
        message:
          'is not a postcode directory: it needs columns pcds (or pcd/postcode), laua (or oslaua/la_code) and oseast1m/osnrth1m (or easting/northing, or lat/long)',
      },
    ]);
  });

  it('uses latitude and longitude when there is no grid reference', async () => {
    const t = tableFromCsv(
      'Episodes',
      'CHILD,HOME_POST,PL_POST\nA1,ZZ1 1ZZ,ZZ1 1ZZ',
      new ChildDict(),
    );
    const points = await readPostcodes(fixture('postcodes.csv'), wantedPostcodes([t]), []);
    expect([...buildGeo(t, points, 'E08000032', '2025/26').plDistance]).toEqual([0]);
  });
});

describe('Ofsted lists', () => {
  it('reads URN, place and provider codes from provider type and sector, postcode and closure', async () => {
    const problems: Problem[] = [];
    const of = await readOfsted(
      [fixture('ofsted-homes.csv'), fixture('ofsted-providers.csv')],
      problems,
    );
    expect(problems).toEqual([]);
    expect([...of.values()]).toEqual([
      {
        urn: 'SC100001',
        placeCodes: ['K2'],
        providerCodes: ['PR4'],
        regEnd: NO_DATE,
        postcode: 'BD39QS',
      },
      {
        urn: 'SC100002',
        placeCodes: ['K2'],
        providerCodes: ['PR1', 'PR2'],
        regEnd: fromIso('2025-09-30'),
        postcode: 'LS14AP',
      },
      {
        urn: 'SC200001',
        placeCodes: ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'],
        providerCodes: ['PR5'],
        regEnd: NO_DATE,
        postcode: 'HG11AA',
      },
    ]);
  });

  it('takes explicit PLACE_CODES / PROVIDER_CODES, and reports a list without URN', async () => {
    const problems: Problem[] = [];
    const of = await readOfsted(
      [
        text('x.csv', 'urn,place_codes,provider_codes,postcode\nSC1,K2;R1,PR4 PR5,BD1 1HY\n'),
        text('y.csv', 'name,postcode\nA home,BD1 1HY\n'),
      ],
      problems,
    );
    expect(of.get('SC1')).toEqual({
      urn: 'SC1',
      placeCodes: ['K2', 'R1'],
      providerCodes: ['PR4', 'PR5'],
      regEnd: NO_DATE,
      postcode: 'BD11HY',
    });
    expect(problems).toEqual([
      {
        file: 'y.csv',
        line: 1,
        message:
          'is not an Ofsted provider list: it has no URN column (see docs/903-validator.md for the columns read)',
      },
    ]);
  });
});
