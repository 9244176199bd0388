// A deterministic England-scale SSDA903 return for 2025/26 AND the previous year's (2024/25), all
// tables in the DfE CSV layout, mostly valid: each child has one care history (valid episode chains
// with X1 and DEC = next DECOM, codes valid for the year, reasons for placement change, reviews,
// missing periods, OC2, AD1 and placed for adoption, previous permanence, UASC, social worker
// episodes), cut into the two collection years. About 1% of children then get one injected error
// (a few kinds), so a validation finds thousands of errors, not hundreds of thousands.
// `node --import tsx bench/903/generate.ts [children] [outDir]` writes outDir/2025-26 and outDir/2024-25.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes within bounds */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  type WriteStream,
} from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { addYears, ageOn, civil, dayOf } from '../../src/domain/returns/ssda903/dates.ts';

export const POSTCODE_FILE = '/work/shared/postcodes/onspd-nov-2025-centroids.csv.gz';
/** The generated council: Bradford (ONS code). */
export const LA = 'E08000032';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dmy(day: number): string {
  const [y, m, d] = civil(day);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** A UPN with a valid check letter (DfE algorithm: weights 2–13 over characters 2–13, mod 23). */
function upn(r: () => number): string {
  const body = `380${String(Math.floor(r() * 1e4)).padStart(4, '0')}${String(10 + Math.floor(r() * 15))}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i + 2);
  return 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]! + body;
}

class Out {
  private buf: string[] = [];
  private readonly s: WriteStream;
  constructor(s: WriteStream) {
    this.s = s;
  }
  row(values: readonly (string | number)[]): void {
    this.buf.push(values.join(','));
    if (this.buf.length >= 5000) this.flush();
  }
  flush(): void {
    if (this.buf.length) this.s.write(this.buf.join('\n') + '\n');
    this.buf = [];
  }
  async end(): Promise<void> {
    this.flush();
    await new Promise<void>((r) => this.s.end(r));
  }
}

const FILES = {
  header: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
  episodes:
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  uasc: 'CHILD,SEX,DOB,DUC',
  reviews: 'CHILD,DOB,REVIEW,REVIEW_CODE',
  missing: 'CHILD,DOB,MISSING,MIS_START,MIS_END',
  oc2: 'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED',
  oc3: 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM',
  ad1: 'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR',
  placed_for_adoption: 'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED',
  previous_permanence: 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM',
  sw_episodes: 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON',
} as const;
type FileKey = keyof typeof FILES;

function openYear(dir: string): Record<FileKey, Out> {
  mkdirSync(dir, { recursive: true });
  const out = {} as Record<FileKey, Out>;
  for (const [k, header] of Object.entries(FILES) as [FileKey, string][]) {
    const s = createWriteStream(path.join(dir, `${k}.csv`));
    s.write(header + '\n');
    out[k] = new Out(s);
  }
  return out;
}

/** Real postcodes from the ONS directory: in Bradford and in neighbouring councils. */
async function postcodes(): Promise<{ home: string[]; away: string[] }> {
  const home: string[] = [];
  const away: string[] = [];
  if (existsSync(POSTCODE_FILE)) {
    const lines = createInterface({ input: createReadStream(POSTCODE_FILE).pipe(createGunzip()) });
    let n = 0;
    for await (const line of lines) {
      const [pc, la, east] = line.split(',');
      if (!pc || !east) continue;
      if (la === LA && n++ % 40 === 0 && home.length < 400) home.push(pc);
      else if (/^E0800003[3-6]$/.test(la ?? '') && n++ % 200 === 0 && away.length < 200)
        away.push(pc);
      if (home.length >= 400 && away.length >= 200) break;
    }
  }
  if (home.length === 0) home.push('BD1 1HY', 'BD3 9QA', 'BD5 0AA');
  if (away.length === 0) away.push('LS1 4AP', 'HX1 1UJ');
  return { home, away };
}

interface Episode {
  decom: number;
  dec: number; // -1 open
  rne: string;
  ls: string;
  cin: string;
  place: string;
  provider: string;
  rec: string;
  rpc: string;
  home: string;
  pl: string;
  urn: string;
}

export async function generate(children: number, dir: string, seed = 903): Promise<void> {
  const cur = openYear(path.join(dir, '2025-26'));
  const prev = openYear(path.join(dir, '2024-25'));
  const { home: HOME, away: AWAY } = await postcodes();
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const pickOther = (xs: readonly string[], not: string): string => {
    const v = pick(xs);
    return v === not ? xs[(xs.indexOf(v) + 1) % xs.length]! : v;
  };
  const YEARS = [
    { out: prev, start: dayOf(2024, 4, 1), end: dayOf(2025, 3, 31) },
    { out: cur, start: dayOf(2025, 4, 1), end: dayOf(2026, 3, 31) },
  ];
  const ETHNIC = ['WBRI', 'WBRI', 'WBRI', 'WIRI', 'WOTH', 'MWBC', 'AIND', 'APKN', 'BAFR', 'CHNE'];
  const FOSTER = [
    ['U1', 'PR1'],
    ['U4', 'PR1'],
    ['U6', 'PR4'],
    ['U3', 'PR1'],
  ] as const;
  const HOMES = Array.from({ length: 300 }, (_, i) => `SC${String(300000 + i * 17)}`);
  // The council's fostering and adoption services and independent fostering agencies (Ofsted URNs).
  const LA_FOSTERING = 'SC055500';
  const LA_ADOPTION = 'SC055501';
  const AGENCIES = Array.from({ length: 40 }, (_, i) => `SC${String(400000 + i * 31)}`);
  const CHANGE = ['CARPL', 'CLOSE', 'CHILD', 'LAREQ', 'PLACE', 'OTHER'];

  for (let i = 0; i < children; i++) {
    const id = `C${String(i + 1).padStart(7, '0')}`;
    const age = Math.floor(r() * 17); // at 31 March 2026: 18th birthday after the year
    const dob = dayOf(2025 - age, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28));
    const sex = r() < 0.55 ? 'M' : 'F';
    const ethnic = pick(ETHNIC);
    const uasc = age >= 15 && r() < 0.3;
    const homePost = uasc ? '' : pick(HOME); // no home postcode for UASC (406)
    // One period of care, begun since October 2023 (and after birth), 2–5 placements.
    const began = Math.max(dob + 7, dayOf(2023, 10, 1) + Math.floor(r() * 880));
    const eps: Episode[] = [];
    const cin = uasc ? 'N4' : pick(['N1', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N8']);
    const adopt = age <= 3 && !uasc && r() < 0.3;
    const ls = uasc ? 'V2' : adopt ? 'C2' : pick(['C2', 'C2', 'C2', 'C1', 'V2']);
    const nEps = 2 + Math.floor(r() * 4);
    const leaves = !adopt && r() < 0.2;
    let decom = began;
    for (let e = 0; e < nEps && decom < dayOf(2026, 3, 31); e++) {
      const last = e === nEps - 1;
      const span = 60 + Math.floor(r() * 240);
      const dec = last ? (leaves ? decom + span : -1) : decom + span;
      const inHome = !adopt && age >= 11 && r() < 0.35;
      const [place, provider] = inHome ? ['K2', 'PR4'] : pick(FOSTER);
      eps.push({
        decom,
        dec,
        rne: e === 0 ? 'S' : 'P',
        ls,
        cin,
        place,
        provider,
        rec: dec < 0 ? '' : last ? pick(['E4A', 'E8', 'E13']) : 'X1',
        rpc: dec < 0 || last ? '' : pick(CHANGE),
        home: homePost,
        pl: r() < 0.8 ? pickOther(HOME, homePost) : pick(AWAY),
        urn: inHome ? pick(HOMES) : provider === 'PR1' ? LA_FOSTERING : pick(AGENCIES),
      });
      if (dec < 0) break;
      decom = dec;
    }
    // Placed for adoption: decision, then an A-placement episode under E1 after a foster episode.
    let decision = -1;
    if (adopt) {
      const lastEp = eps[eps.length - 1]!;
      if (lastEp.dec < 0 && lastEp.decom + 90 < dayOf(2026, 2, 1)) {
        decision = lastEp.decom + 30;
        const placed = lastEp.decom + 90;
        lastEp.dec = placed;
        lastEp.rec = 'X1';
        lastEp.rpc = 'PLACE';
        const adopted = placed + 200;
        eps.push({
          ...lastEp,
          decom: placed,
          dec: adopted <= dayOf(2026, 3, 31) ? adopted : -1,
          rne: 'B',
          ls: 'E1',
          place: 'A4',
          provider: 'PR1',
          rec: adopted <= dayOf(2026, 3, 31) ? 'E11' : '',
          rpc: '',
          urn: LA_ADOPTION,
          pl: pickOther(HOME, homePost),
        });
      }
    }
    // One injected error for about 1% of children.
    const inject = r() < 0.01 ? 1 + Math.floor(r() * 5) : 0;

    for (const { out, start, end } of YEARS) {
      const inYear = eps.filter((ep) => ep.decom <= end && (ep.dec < 0 || ep.dec >= start));
      if (inYear.length === 0) continue;
      const isCur = out === cur;
      const hErr = isCur && inject === 1;
      out.header.row([
        id,
        hErr ? 'X' : sex,
        dmy(dob),
        ethnic,
        age >= 5 ? upn(rng(i + 1)) : 'UN1',
        sex === 'F' ? '0' : '',
        '',
      ]);
      if (uasc) out.uasc.row([id, sex, dmy(dob), dmy(addYears(dob, 18))]);
      for (const ep of inYear) {
        const open = ep.dec < 0 || ep.dec > end;
        let dec = open ? '' : dmy(ep.dec);
        let place = ep.place;
        let rec = open ? '' : ep.rec;
        if (isCur && ep === inYear[inYear.length - 1]) {
          if (inject === 2 && !open) dec = dmy(ep.decom - 1);
          if (inject === 3) place = 'Q9';
          if (inject === 4 && !open) rec = '';
        }
        out.episodes.row([
          id,
          dmy(ep.decom),
          ep.rne,
          ep.ls,
          ep.cin,
          place,
          ep.provider,
          dec,
          rec,
          open ? '' : ep.rpc,
          ep.home,
          ep.pl,
          ep.urn,
        ]);
      }
      const first = inYear[0]!.decom;
      const lastEp = inYear[inYear.length - 1]!;
      const careEnd = lastEp.dec < 0 || lastEp.dec > end ? end : lastEp.dec;
      // Reviews: 20 days after care began, then 3 months, then every 6 months.
      for (let rv = began + 20, k = 0; rv <= careEnd; rv += k === 0 ? 91 : 182, k++) {
        if (rv < start) continue;
        const bad = isCur && inject === 5 && k === 1;
        out.reviews.row([
          id,
          dmy(dob),
          dmy(bad ? end + 10 : rv),
          addYears(dob, 4) <= rv ? pick(['PN1', 'PN2', 'PN3']) : 'PN0',
        ]);
      }
      if (r() < 0.05 && careEnd - Math.max(first, start) > 20) {
        const ms = Math.max(first, start) + 5;
        out.missing.row([id, dmy(dob), pick(['M', 'A']), dmy(ms), dmy(ms + 2)]);
      }
      // OC2: looked after continuously for 12 months at 31 March.
      const cla12 =
        began <= addYears(end, -1) + 1 && (lastEp.dec < 0 || lastEp.dec > end) && !leaves;
      const ageEnd = ageOn(dob, end);
      if (cla12 && ageEnd >= 1)
        out.oc2.row([
          id,
          dmy(dob),
          ageEnd >= 4 && ageEnd <= 16 ? String(Math.floor(r() * 40)) : '',
          ageEnd >= 4 && ageEnd <= 16 ? '' : ageEnd >= 4 ? 'SDQ1' : '',
          ageEnd >= 10 ? '0' : '',
          ageEnd < 5 ? '1' : '',
          '1',
          '1',
          '1',
          '0',
          '',
          '',
        ]);
      if (decision >= 0 && decision <= end) {
        out.placed_for_adoption.row([id, dmy(dob), dmy(decision), '', '']);
        const adopted = eps[eps.length - 1]!;
        if (adopted.rec === 'E11' && adopted.dec >= start && adopted.dec <= end)
          out.ad1.row([id, dmy(dob), dmy(decision), dmy(decision + 30), '0', '2', 'MF', 'L11']);
      }
      if (began >= start && began <= end) out.previous_permanence.row([id, dmy(dob), 'Z1', '', '']);
      // Social workers: allocated from before the year (or birth), changing once for some children;
      // the latest stays open.
      const swFrom = Math.max(dob, Math.min(began, start) - 30);
      const change = r() < 0.3 ? Math.min(careEnd - 1, Math.max(start, swFrom) + 150) : -1;
      if (change > swFrom && change >= start) {
        out.sw_episodes.row([id, dmy(dob), `SW${i % 4000}`, dmy(swFrom), dmy(change), 'OTHERS']);
        out.sw_episodes.row([id, dmy(dob), `SW${(i + 7) % 4000}`, dmy(change), '', 'ORGRST']);
      } else out.sw_episodes.row([id, dmy(dob), `SW${i % 4000}`, dmy(swFrom), '', 'OTHERS']);
    }
  }
  await Promise.all([...Object.values(cur), ...Object.values(prev)].map((o) => o.end()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 100_000);
  const dir =
    process.argv[3] ??
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'out', `903-${n}`);
  await generate(n, dir);
  console.log(`wrote ${dir}/2025-26 and ${dir}/2024-25`);
}
