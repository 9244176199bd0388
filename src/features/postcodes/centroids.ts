// Postcode centroids in the database (table postcode_centroid), loaded from the ONS Postcode
// Directory (ONSPD) a council downloads itself: a CSV, optionally gzipped, whose header names
// postcode, la_code (or oslaua / lad), easting (oseast1m) and northing (osnrth1m). The demo loads
// its own Bradford-area extract. Distances are worked out from these centroids.
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { PostcodeCentroidTable } from '../../db/tables/postcodes.ts';
import { compactPostcode, milesBetween, type Centroid } from '../../domain/geo/distance.ts';
import { insertJson } from '../demo/bulkInsert.ts';

export class CentroidFileError extends Error {}

const COLUMN_NAMES = {
  postcode: ['postcode', 'pcds', 'pcd', 'pcd7', 'pcd8'],
  la: ['la_code', 'oslaua', 'lad', 'laua'],
  easting: ['easting', 'oseast1m'],
  northing: ['northing', 'osnrth1m'],
} as const;

function columnIndexes(header: string, file: string): Record<keyof typeof COLUMN_NAMES, number> {
  const names = header
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const find = (key: keyof typeof COLUMN_NAMES): number => {
    const i = names.findIndex((n) => (COLUMN_NAMES[key] as readonly string[]).includes(n));
    if (i === -1)
      throw new CentroidFileError(
        `${file}, line 1: no ${key} column (expected one of ${COLUMN_NAMES[key].join(', ')})`,
      );
    return i;
  };
  return {
    postcode: find('postcode'),
    la: find('la'),
    easting: find('easting'),
    northing: find('northing'),
  };
}

/**
 * Reads centroids from an ONSPD-style CSV (.csv or .csv.gz). Rows without a grid reference
 * (ONS leaves some blank) are skipped; `laCodes`, when given, keeps only those authorities.
 */
export async function* readCentroidFile(
  file: string,
  laCodes?: ReadonlySet<string>,
): AsyncGenerator<PostcodeCentroidTable> {
  const input = createReadStream(file);
  const lines = createInterface({
    input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
  let cols: Record<keyof typeof COLUMN_NAMES, number> | undefined;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (!cols) {
      cols = columnIndexes(line, path.basename(file));
      continue;
    }
    if (line.trim() === '') continue;
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    const postcode = compactPostcode(cells[cols.postcode] ?? '');
    const la = cells[cols.la] ?? '';
    const e = cells[cols.easting] ?? '';
    const n = cells[cols.northing] ?? '';
    if (!postcode || e === '' || n === '') continue;
    if (laCodes && !laCodes.has(la)) continue;
    const easting = Number(e);
    const northing = Number(n);
    if (!Number.isInteger(easting) || !Number.isInteger(northing))
      throw new CentroidFileError(
        `${path.basename(file)}, line ${String(lineNo)}: easting and northing must be whole metres`,
      );
    yield { postcode, la_code: la, easting, northing };
  }
  if (!cols) throw new CentroidFileError(`${path.basename(file)} is empty`);
}

const BATCH = 5000;

/** Replaces every centroid with `rows`, in one transaction (the caller's, when given one). */
export async function loadCentroids(
  db: Db,
  rows: AsyncIterable<PostcodeCentroidTable> | Iterable<PostcodeCentroidTable>,
): Promise<number> {
  const replace = async (trx: Db): Promise<number> => {
    await sql`delete from postcode_centroid`.execute(trx);
    const seen = new Set<string>();
    let batch: PostcodeCentroidTable[] = [];
    let n = 0;
    for await (const row of rows) {
      if (seen.has(row.postcode)) continue;
      seen.add(row.postcode);
      batch.push(row);
      if (batch.length === BATCH) {
        await insertJson(trx, 'postcode_centroid', batch as unknown as Record<string, unknown>[]);
        n += batch.length;
        batch = [];
      }
    }
    await insertJson(trx, 'postcode_centroid', batch as unknown as Record<string, unknown>[]);
    return n + batch.length;
  };
  return db.isTransaction ? replace(db) : db.transaction().execute(replace);
}

/** The demo authority's extract (Bradford and places children are placed from it). */
export function demoCentroids(): PostcodeCentroidTable[] {
  const file = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '../demo/data/postcodes.csv',
  );
  const out: PostcodeCentroidTable[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [pc, la, e, n] = line.split(',');
    const postcode = compactPostcode(pc ?? '');
    if (!postcode || !la || !e || !n) continue;
    out.push({ postcode, la_code: la, easting: Number(e), northing: Number(n) });
  }
  return out;
}

/** Centroids of the given postcodes (any spacing or case), keyed by compact postcode. */
export async function centroidsFor(
  db: Db,
  postcodes: Iterable<string | null>,
): Promise<Map<string, Centroid & { la: string }>> {
  const wanted = [
    ...new Set(
      [...postcodes].map((p) => (p ? compactPostcode(p) : null)).filter((p) => p !== null),
    ),
  ];
  const out = new Map<string, Centroid & { la: string }>();
  if (wanted.length === 0) return out;
  const rows = await db
    .selectFrom('postcode_centroid')
    .select(['postcode', 'la_code', 'easting', 'northing'])
    .where('postcode', '=', sql<string>`any(${wanted}::text[])`)
    .execute();
  for (const r of rows)
    out.set(r.postcode, { easting: r.easting, northing: r.northing, la: r.la_code });
  return out;
}

/** Miles between two postcodes through a centroid map; null when either is not known. */
export function milesVia(
  centroids: ReadonlyMap<string, Centroid>,
  from: string | null,
  to: string | null,
): number | null {
  const a = from ? centroids.get(compactPostcode(from) ?? '') : undefined;
  const b = to ? centroids.get(compactPostcode(to) ?? '') : undefined;
  return a && b ? milesBetween(a, b) : null;
}
