// A deterministic England-scale SSDA903 return for 2025/26 (all tables, DfE CSV layout), mostly
// valid with a sprinkling of errors. `node --import tsx bench/903/generate.ts [children] [outDir]`.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes within bounds */
import { mkdirSync, createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addYears, civil, dayOf } from '../../src/domain/returns/ssda903/dates.ts';

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

export async function generate(children: number, dir: string, seed = 903): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const open = (name: string, header: string): Out => {
    const s = createWriteStream(path.join(dir, name));
    s.write(header + '\n');
    return new Out(s);
  };
  const header = open('header.csv', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB');
  const episodes = open(
    'episodes.csv',
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
  );
  const uasc = open('uasc.csv', 'CHILD,SEX,DOB,DUC');
  const reviews = open('reviews.csv', 'CHILD,DOB,REVIEW,REVIEW_CODE');
  const missing = open('missing.csv', 'CHILD,DOB,MISSING,MIS_START,MIS_END');
  const oc2 = open(
    'oc2.csv',
    'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED',
  );
  const oc3 = open('oc3.csv', 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM');
  const ad1 = open(
    'ad1.csv',
    'CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR',
  );
  const pfa = open(
    'placed_for_adoption.csv',
    'CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED',
  );
  const prevPerm = open('previous_permanence.csv', 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM');
  const sw = open('sw_episodes.csv', 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON');

  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const start = dayOf(2025, 4, 1);
  const end = dayOf(2026, 3, 31);
  const ETHNIC = ['WBRI', 'WIRI', 'WOTH', 'MWBC', 'AIND', 'APKN', 'BAFR', 'BCRB', 'CHNE', 'OOTH'];
  const LS = ['C2', 'C2', 'C2', 'V2', 'E1', 'J2'];
  const PLACE = ['U1', 'U3', 'U4', 'U6', 'R1', 'K2', 'P1', 'H5'];
  const POST = ['BD1 1HY', 'BD3 9QS', 'LS1 4AP', 'M1 1AE', 'S1 2HE', 'HX1 1UJ'];
  const err = (): boolean => r() < 0.002; // about 1 value in 500 is wrong

  for (let i = 0; i < children; i++) {
    const id = `C${String(i + 1).padStart(7, '0')}`;
    const age = Math.floor(r() * 18);
    const dob = dayOf(2025 - age, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28));
    const sex = r() < 0.55 ? 'M' : 'F';
    const upn = age >= 5 ? `A${String(Math.floor(r() * 1e12)).padStart(12, '0')}` : 'UN1';
    header.row([id, err() ? 'X' : sex, dmy(dob), err() ? 'ZZZZ' : pick(ETHNIC), upn, '', '']);
    const isUasc = r() < 0.07;
    if (isUasc) uasc.row([id, sex, dmy(dob), r() < 0.3 ? dmy(addYears(dob, 18)) : '']);
    // Period of care: began before or during the year; 1–3 episodes.
    const began = Math.max(dob + 1, start - Math.floor(r() * 2500) + 200);
    const nEps = 1 + Math.floor(r() * 3);
    let decom = began;
    const leaves = r() < 0.25;
    for (let e = 0; e < nEps; e++) {
      const last = e === nEps - 1;
      const span = 30 + Math.floor(r() * 300);
      let dec = last
        ? leaves
          ? Math.min(end, decom + span)
          : -1
        : Math.min(end - 1, decom + span);
      if (!last && dec <= decom) dec = decom + 1;
      const rec = dec < 0 ? '' : last ? pick(['E11', 'E13', 'E4A', 'E8', 'E41']) : 'X1';
      const place = pick(PLACE);
      episodes.row([
        id,
        dmy(decom),
        e === 0 ? 'S' : pick(['P', 'L', 'T']),
        pick(LS),
        err() ? 'N9' : pick(['N1', 'N2', 'N4', 'N5']),
        place,
        place === 'P1' || place === 'H5' ? '' : pick(['PR1', 'PR2', 'PR4']),
        dec < 0 ? '' : dmy(dec),
        err() ? '' : rec,
        e === 0 || err() ? '' : 'CHILD',
        pick(POST),
        pick(POST),
        place === 'P1' ? 'XXXXXXX' : `SC${100000 + Math.floor(r() * 900000)}`,
      ]);
      if (dec < 0) break;
      decom = dec;
      if (decom >= end) break;
    }
    for (let k = 0, n = Math.floor(r() * 4); k < n; k++)
      reviews.row([
        id,
        dmy(dob),
        dmy(start + Math.floor(r() * 360)),
        pick(['PN1', 'PN2', 'PN3', 'PN0']),
      ]);
    if (r() < 0.1) {
      const ms = start + Math.floor(r() * 300);
      missing.row([id, dmy(dob), pick(['M', 'A']), dmy(ms), dmy(ms + 2)]);
    }
    if (began < start && !leaves && age >= 1)
      oc2.row([
        id,
        dmy(dob),
        age >= 4 && age <= 16 ? String(Math.floor(r() * 40)) : '',
        age >= 4 && age <= 16 ? '' : 'SDQ1',
        age >= 10 ? '0' : '',
        '1',
        '1',
        '1',
        '1',
        '0',
        '',
        '',
      ]);
    if (age >= 17 && r() < 0.5)
      oc3.row([id, dmy(dob), 'YES', pick(['F1', 'F2', 'G4']), pick(['B1', 'C1', 'D2'])]);
    if (age <= 5 && r() < 0.15) {
      const di = start + Math.floor(r() * 100);
      ad1.row([id, dmy(dob), dmy(di), dmy(di + 60), '0', '1', 'MF', 'L0']);
      pfa.row([id, dmy(dob), dmy(di), '', '']);
    }
    if (r() < 0.5) prevPerm.row([id, dmy(dob), pick(['P1', 'P2', 'Z1']), '', '']);
    for (let k = 0, n = 1 + Math.floor(r() * 2); k < n; k++)
      sw.row([id, dmy(dob), `SW${Math.floor(r() * 5000)}`, dmy(began + k * 120), '', '']);
  }
  await Promise.all(
    [header, episodes, uasc, reviews, missing, oc2, oc3, ad1, pfa, prevPerm, sw].map((o) =>
      o.end(),
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 100_000);
  const dir =
    process.argv[3] ??
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'out', `903-${n}`);
  await generate(n, dir);
  console.log(`wrote ${dir}`);
}
