// Ofsted's lists of children's homes and of other social care providers (CSV), read into
// OfstedPlace records by URN for rules 219, 221, 224, 227, 228, 229 and 1008. Column names are
// matched case-insensitively with spaces and punctuation as '_' (so "Provider type" = PROVIDER_TYPE).
// Accepted columns (see docs/903-validator.md):
//   URN (required); PROVIDER_TYPE (or PROVISION_TYPE, TYPE); PLACE_CODES (explicit 903 PLACE codes,
//   separated by ; or space, overriding PROVIDER_TYPE); SECTOR (or PROVIDER_SECTOR, OWNERSHIP);
//   PROVIDER_CODES (explicit PR0–PR5, overriding SECTOR); POSTCODE (or PROVIDER_POSTCODE,
//   SETTING_POSTCODE); REGISTRATION_DATE; CLOSURE_DATE (or DATE_CLOSED, REGISTRATION_END_DATE,
//   DEREGISTRATION_DATE). Dates as DD/MM/YYYY or YYYY-MM-DD.
import { readCsvRecords } from './csvRecords.ts';
import { fromIso, NO_DATE, parseDmy } from './dates.ts';
import type { Problem } from './engine.ts';
import type { SourceFile } from './load.ts';
import type { OfstedPlace } from './types.ts';

/** 903 PLACE codes an Ofsted provider type can hold (lower-cased type, words only). */
const PLACES_BY_TYPE: readonly [RegExp, readonly string[]][] = [
  [/secure children/, ['K1']],
  [/children'?s home/, ['K2']],
  [/residential family cent/, ['R5']],
  [
    /independent fostering|fostering agency|fostering service/,
    ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'],
  ],
  [/adoption/, ['A3', 'A4', 'A5', 'A6']],
  [/supported accommodation/, ['K3']],
  [/residential special school|boarding school|further education/, ['S1']],
  [/residential holiday/, ['K2']],
];

const PROVIDERS_BY_SECTOR: readonly [RegExp, readonly string[]][] = [
  [/local authority/, ['PR1', 'PR2']],
  [/health/, ['PR3']],
  [/private/, ['PR4']],
  [/voluntary|charit/, ['PR5']],
];

const ALIASES = {
  urn: ['URN', 'OFSTED_URN'],
  type: ['PROVIDER_TYPE', 'PROVISION_TYPE', 'TYPE'],
  places: ['PLACE_CODES', 'PLACE'],
  sector: ['SECTOR', 'PROVIDER_SECTOR', 'OWNERSHIP'],
  providers: ['PROVIDER_CODES', 'PLACE_PROVIDER'],
  postcode: ['POSTCODE', 'PROVIDER_POSTCODE', 'SETTING_POSTCODE'],
  regStart: ['REGISTRATION_DATE', 'REG_DATE', 'DATE_REGISTERED'],
  regEnd: ['CLOSURE_DATE', 'DATE_CLOSED', 'REGISTRATION_END_DATE', 'DEREGISTRATION_DATE'],
} as const;

function columnName(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** A date as DD/MM/YYYY or YYYY-MM-DD (day number), NO_DATE when blank or unreadable. */
export function anyDate(v: string): number {
  const s = v.trim();
  if (s === '') return NO_DATE;
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return fromIso(s.slice(0, 10));
  return parseDmy(s.split(' ')[0] ?? '');
}

function codesOf(v: string): string[] {
  return v
    .toUpperCase()
    .split(/[;,\s]+/)
    .filter((c) => c !== '');
}

function fromTable(v: string, table: readonly [RegExp, readonly string[]][]): string[] {
  const s = v.toLowerCase().replace(/[’`]/g, "'");
  const out: string[] = [];
  for (const [re, codes] of table) if (re.test(s)) out.push(...codes);
  return [...new Set(out)];
}

/** Reads one or more Ofsted provider lists into places by URN (later files add to earlier ones). */
export async function readOfsted(
  files: readonly SourceFile[],
  problems: Problem[],
): Promise<Map<string, OfstedPlace>> {
  const out = new Map<string, OfstedPlace>();
  for (const file of files) {
    let col: Record<keyof typeof ALIASES, number> | undefined;
    await readCsvRecords(file, problems, (rec, line) => {
      if (!col) {
        const names = rec.map(columnName);
        const find = (k: keyof typeof ALIASES): number =>
          names.findIndex((n) => (ALIASES[k] as readonly string[]).includes(n));
        col = {
          urn: find('urn'),
          type: find('type'),
          places: find('places'),
          sector: find('sector'),
          providers: find('providers'),
          postcode: find('postcode'),
          regStart: find('regStart'),
          regEnd: find('regEnd'),
        };
        if (col.urn < 0) {
          problems.push({
            file: file.name,
            line,
            message:
              'is not an Ofsted provider list: it has no URN column (see docs/903-validator.md for the columns read)',
          });
          return false;
        }
        return true;
      }
      const get = (i: number): string => (i >= 0 ? (rec[i] ?? '').trim() : '');
      const urn = get(col.urn).toUpperCase();
      if (urn === '') return true;
      const places =
        col.places >= 0 ? codesOf(get(col.places)) : fromTable(get(col.type), PLACES_BY_TYPE);
      const providers =
        col.providers >= 0
          ? codesOf(get(col.providers))
          : fromTable(get(col.sector), PROVIDERS_BY_SECTOR);
      const earlier = out.get(urn);
      out.set(urn, {
        urn,
        placeCodes: [...new Set([...(earlier?.placeCodes ?? []), ...places])],
        providerCodes: [...new Set([...(earlier?.providerCodes ?? []), ...providers])],
        regEnd: anyDate(get(col.regEnd)),
        postcode: get(col.postcode).toUpperCase().replace(/\s+/g, ''),
      });
      return true;
    });
  }
  return out;
}
