// The authority's own postcodes (table local_postcode), which decide "in area" and "out of area" on
// the children list. Loaded from an ONS Postcode Directory extract (postcode,la_code,... CSV) for
// the authority's GSS code, or for the demo authority from the demo's postcode list.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { BRADFORD, Postcodes } from '../demo/postcodes.ts';

const BATCH = 1000;

/**
 * Replaces the table's contents with `postcodes` (any spacing or case), in one transaction (the
 * caller's, when given one). Returns how many.
 */
export async function loadLocalPostcodes(db: Db, postcodes: Iterable<string>): Promise<number> {
  const compact = [
    ...new Set(
      [...postcodes]
        .map((p) => p.replace(/\s+/g, '').toUpperCase())
        .filter((p) => /^[A-Z0-9]{5,7}$/.test(p)),
    ),
  ];
  const replace = async (trx: Db): Promise<void> => {
    await sql`delete from local_postcode`.execute(trx);
    for (let i = 0; i < compact.length; i += BATCH)
      await trx
        .insertInto('local_postcode')
        .values(compact.slice(i, i + BATCH).map((postcode) => ({ postcode })))
        .execute();
  };
  if (db.isTransaction) await replace(db);
  else await db.transaction().execute(replace);
  return compact.length;
}

/** Postcodes in local authority `laCode` (GSS, e.g. E08000032) from an ONSPD-style CSV (.csv or .csv.gz). */
export function postcodesInLa(file: string, laCode: string): string[] {
  const raw = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const [postcode, la] = line.split(',');
    if (postcode && la?.trim() === laCode) out.push(postcode);
  }
  return out;
}

/** The demo authority's postcodes (Bradford, from src/features/demo/data/postcodes.csv). */
export function demoLocalPostcodes(): string[] {
  return [...Postcodes.load().byPostcode.values()]
    .filter((p) => p.la === BRADFORD)
    .map((p) => p.postcode);
}
