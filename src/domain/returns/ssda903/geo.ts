// Postcode-derived Episodes fields (PL_LA, PL_LOCATION, PL_DISTANCE) from an ONS Postcode Directory
// CSV. The directory is large (2.7 million rows), so it is streamed and only the postcodes that
// appear in the return are kept: each postcode is packed into a number (A–Z, 0–9, no spaces) and
// looked up without making a string per directory row.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays within bounds (noUncheckedIndexedAccess) */
import { CsvScanner, unquote } from './csv.ts';
import type { Problem } from './engine.ts';
import type { SourceFile } from './load.ts';
import tiers from './spec/la-upper-tier.json' with { type: 'json' };
import type { Table } from './table.ts';
import type { Geo, Year } from './types.ts';

const UPPER: Readonly<Record<string, string>> = tiers.lowerToUpper;

/** A postcode packed as a base-37 number (letters and digits, spaces ignored); -1 if not one. */
export function postcodeKeyOf(buf: Uint8Array, s: number, e: number): number {
  let k = 0;
  let len = 0;
  for (let i = s; i < e; i++) {
    let b = buf[i]!;
    if (b === 32 || b === 34) continue;
    if (b >= 97 && b <= 122) b -= 32;
    let v: number;
    if (b >= 65 && b <= 90) v = b - 64;
    else if (b >= 48 && b <= 57) v = b - 48 + 27;
    else return -1;
    if (++len > 8) return -1;
    k = k * 37 + v;
  }
  return len >= 5 ? k : -1;
}

export function postcodeKey(postcode: string): number {
  const b = new Uint8Array(postcode.length);
  for (let i = 0; i < postcode.length; i++) {
    const c = postcode.charCodeAt(i);
    b[i] = c < 128 ? c : 0;
  }
  return postcodeKeyOf(b, 0, b.length);
}

export interface PostcodePoint {
  /** Lower-tier LA code as the directory gives it (e.g. E08000032). */
  la: string;
  /** Upper-tier county code when the directory has one (E99999999 = none), else ''. */
  county: string;
  easting: number;
  northing: number;
  lat: number;
  lon: number;
}

const COLUMN_NAMES = {
  postcode: ['PCDS', 'PCD', 'PCD2', 'POSTCODE'],
  la: ['LAUA', 'OSLAUA', 'LAD', 'LA_CODE', 'LAD25CD', 'LAD24CD', 'LAD23CD'],
  county: ['CTY', 'OSCTY'],
  easting: ['OSEAST1M', 'EAST1M', 'EASTING'],
  northing: ['OSNRTH1M', 'NRTH1M', 'NORTHING'],
  lat: ['LAT', 'LATITUDE'],
  lon: ['LONG', 'LON', 'LONGITUDE'],
} as const;

/** Postcodes (packed) of the given Episodes tables' HOME_POST and PL_POST. */
export function wantedPostcodes(tables: readonly Table[]): Set<number> {
  const out = new Set<number>();
  for (const t of tables)
    for (const col of ['HOME_POST', 'PL_POST'])
      for (const v of t.column(col).values) {
        const k = postcodeKey(v);
        if (k >= 0) out.add(k);
      }
  return out;
}

/**
 * Streams an ONS postcode directory CSV (columns pcds/pcd/postcode, laua/oslaua/la_code, and
 * oseast1m/osnrth1m/easting/northing or lat/long; case-insensitive), keeping the `wanted` postcodes.
 */
export async function readPostcodes(
  file: SourceFile,
  wanted: ReadonlySet<number>,
  problems: Problem[],
): Promise<Map<number, PostcodePoint>> {
  const found = new Map<number, PostcodePoint>();
  const pos: Record<keyof typeof COLUMN_NAMES, number> = {
    postcode: -1,
    la: -1,
    county: -1,
    easting: -1,
    northing: -1,
    lat: -1,
    lon: -1,
  };
  let header = true;
  const state = { bad: false };
  const scratch = { b: new Uint8Array(64) };
  const text = (buf: Uint8Array, s: number, e: number): string => {
    const [b, us, ue] = unquote(buf, s, e, scratch);
    return Buffer.from(b.buffer, b.byteOffset + us, ue - us)
      .toString('latin1')
      .trim();
  };
  const num = (v: string): number => (v === '' ? NaN : Number(v));
  const scanner = new CsvScanner((buf, start, end, nf) => {
    if (header) {
      header = false;
      const names = [];
      for (let k = 0; k < nf; k++)
        names.push(
          text(buf, start[k]!, end[k]!)
            .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
            .toUpperCase(),
        );
      for (const key of Object.keys(COLUMN_NAMES) as (keyof typeof COLUMN_NAMES)[])
        pos[key] = names.findIndex((n) => (COLUMN_NAMES[key] as readonly string[]).includes(n));
      const hasPoint = (pos.easting >= 0 && pos.northing >= 0) || (pos.lat >= 0 && pos.lon >= 0);
      if (pos.postcode < 0 || pos.la < 0 || !hasPoint) {
        problems.push({
          file: file.name,
          line: 1,
          message:
            'is not a postcode directory: it needs columns pcds (or pcd/postcode), laua (or oslaua/la_code) and oseast1m/osnrth1m (or easting/northing, or lat/long)',
        });
        state.bad = true;
        return false;
      }
      return true;
    }
    const p = pos.postcode;
    if (p >= nf) return true;
    const k = postcodeKeyOf(buf, start[p]!, end[p]!);
    if (k < 0 || !wanted.has(k) || found.has(k)) return true;
    const field = (i: number): string => (i >= 0 && i < nf ? text(buf, start[i]!, end[i]!) : '');
    found.set(k, {
      la: field(pos.la).toUpperCase(),
      county: field(pos.county).toUpperCase(),
      easting: num(field(pos.easting)),
      northing: num(field(pos.northing)),
      lat: num(field(pos.lat)),
      lon: num(field(pos.lon)),
    });
    return true;
  });
  try {
    for await (const chunk of file.bytes) if (!scanner.write(chunk)) break;
    if (!state.bad) scanner.end();
  } catch (err) {
    problems.push({
      file: file.name,
      message: `could not be read: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  return found;
}

/** The 903 PL_LA of a directory entry: the upper-tier code; from 2025/26, SCO/WAL/NIR/NUK outside England. */
export function placementLa(p: PostcodePoint, year: Year): string {
  const la = p.la;
  if (year !== '2023/24' && year !== '2024/25') {
    const f = la.charAt(0);
    if (f === 'S') return 'SCO';
    if (f === 'W') return 'WAL';
    if (f === 'N') return 'NIR';
    if (f === 'L' || f === 'M') return 'NUK'; // Channel Islands, Isle of Man
  }
  if (p.county !== '' && !p.county.endsWith('99999999')) return p.county;
  return UPPER[la] ?? la;
}

const METRES_PER_MILE = 1609.344;

/** Straight-line miles between two directory entries, to 1 dp (NaN when either has no position). */
export function distanceMiles(a: PostcodePoint, b: PostcodePoint): number {
  let m: number;
  if (!Number.isNaN(a.easting + a.northing + b.easting + b.northing)) {
    m = Math.hypot(a.easting - b.easting, a.northing - b.northing) / METRES_PER_MILE;
  } else if (!Number.isNaN(a.lat + a.lon + b.lat + b.lon)) {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h =
      Math.sin(dLat / 2) ** 2 +
      Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    m = 3958.8 * 2 * Math.asin(Math.sqrt(h));
  } else return NaN;
  return Math.round(m * 10) / 10;
}

/** PL_LA, PL_LOCATION and PL_DISTANCE for every row of an Episodes table. */
export function buildGeo(
  t: Table,
  points: ReadonlyMap<number, PostcodePoint>,
  la: string | undefined,
  year: Year,
): Geo {
  const home = t.column('HOME_POST');
  const pl = t.column('PL_POST');
  const pointOf = (values: readonly string[]): (PostcodePoint | undefined)[] =>
    values.map((v) => {
      const k = postcodeKey(v);
      return k < 0 ? undefined : points.get(k);
    });
  const homePts = pointOf(home.values);
  const plPts = pointOf(pl.values);
  const plLaById = plPts.map((p) => (p ? placementLa(p, year) : ''));
  const wantLa = la?.toUpperCase();
  const plLa = new Array<string>(t.n);
  const plLocation = new Array<string>(t.n);
  const plDistance = new Float64Array(t.n);
  for (let r = 0; r < t.n; r++) {
    const code = plLaById[pl.ids[r]!]!;
    plLa[r] = code;
    plLocation[r] = code === '' || wantLa === undefined ? '' : code === wantLa ? 'IN' : 'OUT';
    const a = homePts[home.ids[r]!];
    const b = plPts[pl.ids[r]!];
    plDistance[r] = a && b ? distanceMiles(a, b) : NaN;
  }
  return { plLa, plLocation, plDistance };
}
