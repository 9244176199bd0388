// DfE 903 rules 2xx: agreement with last year's return, UPN unknown codes, URN and provider checks,
// reasons for placement change. Each rule reads columns once and walks rows or children; no per-row
// allocation. Readings of ambiguous rules are noted on the rule.
import { NO_DATE, addYears, civil, dayOf } from '../dates.ts';
import type { ReturnData, RuleContext, RuleDef, Year } from '../types.ts';
import {
  NO_URN,
  RESPITE_LS,
  TEMP_PLACES,
  childCount,
  dateOr,
  firstRow,
  uascFlags,
} from './helpers-23xx.ts';

const Y23: readonly Year[] = ['2023/24'];
const Y24: readonly Year[] = ['2024/25'];
const Y25: readonly Year[] = ['2025/26', '2026/27'];
const Y23_24: readonly Year[] = ['2023/24', '2024/25'];
const Y24_ON: readonly Year[] = ['2024/25', '2025/26', '2026/27'];

/** Header field of this year vs last year, for children in both; `same` decides agreement. */
function headerAgrees(ctx: RuleContext, same: (r: number, pr: number) => boolean): void {
  const prev = ctx.prev;
  if (!prev) return;
  const h = ctx.t('Header');
  for (let r = 0; r < h.n; r++) {
    const pr = prev.headerRow(h.child[r] ?? -1);
    if (pr >= 0 && !same(r, pr)) ctx.fail('Header', r);
  }
}

/** SEX was coded 1/2 until 2023/24 and M/F/U since: compare on one scale. */
function sexCode(s: string): string {
  return s === '1' ? 'M' : s === '2' ? 'F' : s;
}

const r202: RuleDef = {
  code: '202',
  needs: ['prev'],
  run(ctx) {
    const now = ctx.t('Header').str('SEX');
    const before = ctx.prev?.t('Header').str('SEX') ?? [];
    headerAgrees(ctx, (r, pr) => sexCode(now[r] ?? '') === sexCode(before[pr] ?? ''));
  },
};

const r203: RuleDef = {
  code: '203',
  needs: ['prev'],
  run(ctx) {
    const h = ctx.t('Header');
    const ph = ctx.prev?.t('Header');
    if (!ph) return;
    const d = h.date('DOB');
    const pd = ph.date('DOB');
    const s = h.str('DOB');
    const ps = ph.str('DOB');
    headerAgrees(ctx, (r, pr) => {
      const a = d[r] ?? NO_DATE;
      const b = pd[pr] ?? NO_DATE;
      return a !== NO_DATE && b !== NO_DATE ? a === b : (s[r] ?? '') === (ps[pr] ?? '');
    });
  },
};

const r204: RuleDef = {
  code: '204',
  needs: ['prev'],
  run(ctx) {
    const now = ctx.t('Header').str('ETHNIC');
    const before = ctx.prev?.t('Header').str('ETHNIC') ?? [];
    headerAgrees(ctx, (r, pr) => (now[r] ?? '') === (before[pr] ?? ''));
  },
};

/** DUC of child c in a return's UASC table (first row), NO_DATE when none. */
function ducOf(data: ReturnData, c: number): { row: number; duc: number } {
  const row = firstRow(data, 'UASC', c);
  return { row, duc: row >= 0 ? (data.t('UASC').date('DUC')[row] ?? NO_DATE) : NO_DATE };
}

/** Children present in this year's Header or UASC table, once each. */
function forUascChildren(ctx: RuleContext, each: (c: number) => void): void {
  const n = childCount(ctx);
  const h = ctx.byChild('Header');
  const u = ctx.byChild('UASC');
  for (let c = 0; c < n; c++) {
    const inH = (h.start[c + 1] ?? 0) > (h.start[c] ?? 0);
    const inU = (u.start[c + 1] ?? 0) > (u.start[c] ?? 0);
    if (inH || inU) each(c);
  }
}

/** Fails the child's UASC rows and Header row (the 205 rules report both). */
function failUascAndHeader(ctx: RuleContext, c: number): void {
  const u = ctx.byChild('UASC');
  for (let i = u.start[c] ?? 0; i < (u.start[c + 1] ?? 0); i++) ctx.fail('UASC', u.rows[i] ?? 0);
  const hr = ctx.headerRow(c);
  if (hr >= 0) ctx.fail('Header', hr);
}

const r205A: RuleDef = {
  code: '205A',
  needs: ['prev'],
  run(ctx) {
    const prev = ctx.prev;
    if (!prev) return;
    const ctxU = uascFlags(ctx);
    const prevU = uascFlags(prev);
    const prevStart = addYears(ctx.start, -1);
    const prevEnd = addYears(ctx.end, -1);
    forUascChildren(ctx, (c) => {
      if (ctxU[c] === 1 || prevU[c] !== 1) return;
      const last = ducOf(prev, c).duc;
      const lastInYear = last !== NO_DATE && last >= prevStart && last <= prevEnd;
      if (ducOf(ctx, c).duc !== NO_DATE || !lastInYear) failUascAndHeader(ctx, c);
    });
  },
};

const r205B: RuleDef = {
  code: '205B',
  needs: ['prev'],
  run(ctx) {
    const prev = ctx.prev;
    if (!prev) return;
    const ctxU = uascFlags(ctx);
    const prevU = uascFlags(prev);
    const hdob = ctx.t('Header').date('DOB');
    const udob = ctx.t('UASC').date('DOB');
    forUascChildren(ctx, (c) => {
      if (ctxU[c] !== 1 || prevU[c] !== 1) return;
      const { row, duc } = ducOf(ctx, c);
      const last = ducOf(prev, c).duc;
      const hr = ctx.headerRow(c);
      let dob = row >= 0 ? (udob[row] ?? NO_DATE) : NO_DATE;
      if (dob === NO_DATE && hr >= 0) dob = hdob[hr] ?? NO_DATE;
      const dob18 = addYears(dob, 18);
      const ducThisYear = duc !== NO_DATE && duc >= ctx.start && duc <= ctx.end;
      const lastIs18th = last !== NO_DATE && last === dob18;
      if ((!ducThisYear && duc !== last) || !lastIs18th) failUascAndHeader(ctx, c);
    });
  },
};

const r205C: RuleDef = {
  code: '205C',
  needs: ['prev'],
  run(ctx) {
    const prev = ctx.prev;
    if (!prev) return;
    const ctxU = uascFlags(ctx);
    const prevU = uascFlags(prev);
    forUascChildren(ctx, (c) => {
      if (ctxU[c] === 1 || prevU[c] === 1) return;
      if (ducOf(ctx, c).duc !== NO_DATE || ducOf(prev, c).duc !== NO_DATE)
        failUascAndHeader(ctx, c);
    });
  },
};

const r205D: RuleDef = {
  code: '205D',
  needs: ['prev'],
  run(ctx) {
    const prev = ctx.prev;
    if (!prev) return;
    const ctxU = uascFlags(ctx);
    const prevU = uascFlags(prev);
    const h = ctx.t('Header');
    for (let r = 0; r < h.n; r++) {
      const c = h.child[r] ?? -1;
      if (prev.headerRow(c) >= 0 && ctxU[c] === 1 && prevU[c] !== 1) ctx.fail('Header', r);
    }
  },
};

const r207: RuleDef = {
  code: '207',
  needs: ['prev'],
  run(ctx) {
    const prev = ctx.prev;
    if (!prev) return;
    const h = ctx.t('Header');
    const now = h.str('MOTHER');
    const before = prev.t('Header').str('MOTHER');
    const eps = ctx.byChild('Episodes');
    for (let r = 0; r < h.n; r++) {
      const c = h.child[r] ?? -1;
      const pr = prev.headerRow(c);
      if (pr < 0 || (eps.start[c + 1] ?? 0) <= (eps.start[c] ?? 0)) continue;
      if (before[pr] === '1' && now[r] !== '1') ctx.fail('Header', r);
    }
  },
};

const UN_2_TO_5: ReadonlySet<string> = new Set(['UN2', 'UN3', 'UN4', 'UN5']);
const UN_ANY: ReadonlySet<string> = new Set(['UN1', 'UN2', 'UN3', 'UN4', 'UN5']);

const r208: RuleDef = {
  code: '208',
  needs: ['prev'],
  run(ctx) {
    const now = ctx.t('Header').str('UPN');
    const before = ctx.prev?.t('Header').str('UPN') ?? [];
    // Allowed changes: UN1 or blank → UN2–UN5, and unknown (UN code or blank) → a real UPN.
    headerAgrees(ctx, (r, pr) => {
      const a = now[r] ?? '';
      const b = before[pr] ?? '';
      if (a === b) return true;
      if ((b === 'UN1' || b === '') && UN_2_TO_5.has(a)) return true;
      return (UN_ANY.has(b) || b === '') && !(UN_ANY.has(a) || a === '');
    });
  },
};

const r209: RuleDef = {
  code: '209',
  run(ctx) {
    // School age: 4 or over on 31 August before the collection year began.
    const ref = dayOf(civil(ctx.start)[0] - 1, 8, 31);
    const h = ctx.t('Header');
    const upn = h.str('UPN');
    const dob = h.date('DOB');
    for (let r = 0; r < h.n; r++) {
      const d = dob[r] ?? NO_DATE;
      if (upn[r] === 'UN1' && d !== NO_DATE && addYears(d, 4) <= ref) ctx.fail('Header', r);
    }
  },
};

const r210: RuleDef = {
  code: '210',
  run(ctx) {
    const ref = dayOf(civil(ctx.end)[0], 3, 24);
    const h = ctx.t('Header');
    const upn = h.str('UPN');
    const decom = ctx.t('Episodes').date('DECOM');
    const eps = ctx.byChild('Episodes');
    for (let r = 0; r < h.n; r++) {
      if (upn[r] !== 'UN4') continue;
      const c = h.child[r] ?? -1;
      let any = false;
      for (let i = eps.start[c] ?? 0; i < (eps.start[c + 1] ?? 0); i++) {
        const e = eps.rows[i] ?? 0;
        const d = decom[e] ?? NO_DATE;
        if (d !== NO_DATE && d >= ref) {
          ctx.fail('Episodes', e);
          any = true;
        }
      }
      if (any) ctx.fail('Header', r);
    }
  },
};

function r213For(years: readonly Year[], places: readonly string[]): RuleDef {
  const set = new Set(places);
  return {
    code: '213',
    years,
    run(ctx) {
      const e = ctx.t('Episodes');
      const place = e.str('PLACE');
      const prov = e.str('PLACE_PROVIDER');
      for (let r = 0; r < e.n; r++)
        if (set.has(place[r] ?? '') && prov[r] !== '') ctx.fail('Episodes', r);
    },
  };
}

const r214: RuleDef = {
  code: '214',
  run(ctx) {
    const e = ctx.t('Episodes');
    const ls = e.str('LS');
    const pl = e.str('PL_POST');
    const urn = e.str('URN');
    for (let r = 0; r < e.n; r++) {
      if (RESPITE_LS.has(ls[r] ?? '') && (pl[r] !== '' || urn[r] !== '')) ctx.fail('Episodes', r);
    }
  },
};

const OC2_FIELDS = [
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
] as const;

const r215: RuleDef = {
  code: '215',
  run(ctx) {
    const oc3 = ctx.t('OC3');
    const oc2 = ctx.t('OC2');
    const it = oc3.str('IN_TOUCH');
    const ac = oc3.str('ACTIV');
    const am = oc3.str('ACCOM');
    const cols = OC2_FIELDS.map((f) => oc2.str(f));
    const g2 = ctx.byChild('OC2');
    for (let r = 0; r < oc3.n; r++) {
      if (it[r] === '' && ac[r] === '' && am[r] === '') continue;
      const c = oc3.child[r] ?? -1;
      let hit = false;
      for (let i = g2.start[c] ?? 0; i < (g2.start[c + 1] ?? 0); i++) {
        const r2 = g2.rows[i] ?? 0;
        if (cols.some((col) => col[r2] !== '')) {
          ctx.fail('OC2', r2);
          hit = true;
        }
      }
      if (hit) ctx.fail('OC3', r);
    }
  },
};

const r217: RuleDef = {
  code: '217',
  run(ctx) {
    const from = dayOf(2015, 4, 1);
    const e = ctx.t('Episodes');
    const place = e.str('PLACE');
    const rne = e.str('RNE');
    const decom = e.date('DECOM');
    for (let r = 0; r < e.n; r++) {
      const p = place[r];
      const d = decom[r] ?? NO_DATE;
      if ((p === 'A3' || p === 'A5') && d !== NO_DATE && d >= from) {
        const n = rne[r];
        if (n !== 'S' && n !== 'T' && n !== 'U') ctx.fail('Episodes', r);
      }
    }
  },
};

const r217t: RuleDef = {
  code: '217t',
  years: Y23,
  run(ctx) {
    const last = dayOf(2023, 10, 28);
    const e = ctx.t('Episodes');
    const place = e.str('PLACE');
    const decS = e.str('DEC');
    const dec = e.date('DEC');
    for (let r = 0; r < e.n; r++) {
      if (place[r] !== 'P2') continue;
      const d = dec[r] ?? NO_DATE;
      if (decS[r] === '' || (d !== NO_DATE && d > last)) ctx.fail('Episodes', r);
    }
  },
};

/** Placement outside England, from the placement postcode's LA code. */
function outsideEngland(plLa: string, year: Year): boolean {
  if (year === '2023/24' || year === '2024/25') {
    const f = plLa.charCodeAt(0);
    return f === 78 || f === 87 || f === 83 || f === 67; // N W S C
  }
  return plLa === 'CON' || plLa === 'NIR' || plLa === 'SCO' || plLa === 'WAL' || plLa === 'NUK';
}

function r218For(years: readonly Year[], exempt: readonly string[]): RuleDef {
  const set = new Set(exempt);
  return {
    code: '218',
    years,
    needs: ['postcodes'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      const e = ctx.t('Episodes');
      const place = e.str('PLACE');
      const urn = e.str('URN');
      const decS = e.str('DEC');
      const dec = e.date('DEC');
      for (let r = 0; r < e.n; r++) {
        if (urn[r] !== '' || set.has(place[r] ?? '')) continue;
        const d = dec[r] ?? NO_DATE;
        if (!(decS[r] === '' || (d !== NO_DATE && d >= ctx.start))) continue;
        if (!outsideEngland(geo.plLa[r] ?? '', ctx.year)) ctx.fail('Episodes', r);
      }
    },
  };
}

const T_CODES = ['T0', 'T1', 'T2', 'T3', 'T4'];
const Z1X = ['Z11', 'Z12', 'Z13', 'Z14'];

/** Runs `each` for Episodes rows with a real URN (not blank, not XXXXXXX). */
function withUrn(ctx: RuleContext, each: (r: number, urn: string) => void): void {
  const urn = ctx.t('Episodes').str('URN');
  for (let r = 0; r < urn.length; r++) {
    const u = urn[r] ?? '';
    if (u !== '' && u !== NO_URN) each(r, u);
  }
}

const r219: RuleDef = {
  code: '219',
  needs: ['ofsted'],
  run(ctx) {
    const of = ctx.ofsted;
    if (!of) return;
    const place = ctx.t('Episodes').str('PLACE');
    withUrn(ctx, (r, u) => {
      const p = of.get(u);
      if (!p?.placeCodes.includes(place[r] ?? '')) ctx.fail('Episodes', r);
    });
  },
};

function r221For(years: readonly Year[], places: readonly string[]): RuleDef {
  const set = new Set(places);
  return {
    code: '221',
    years,
    needs: ['ofsted'],
    run(ctx) {
      const of = ctx.ofsted;
      if (!of) return;
      const e = ctx.t('Episodes');
      const ls = e.str('LS');
      const place = e.str('PLACE');
      const pl = e.str('PL_POST');
      withUrn(ctx, (r, u) => {
        const post = pl[r] ?? '';
        if (RESPITE_LS.has(ls[r] ?? '') || !set.has(place[r] ?? '') || post === '') return;
        const p = of.get(u);
        if (!p || p.postcode !== post.replace(/ /g, '')) ctx.fail('Episodes', r);
      });
    },
  };
}

function r222For(years: readonly Year[], places: readonly string[]): RuleDef {
  const set = new Set(places);
  return {
    code: '222',
    years,
    run(ctx) {
      const place = ctx.t('Episodes').str('PLACE');
      withUrn(ctx, (r) => {
        if (set.has(place[r] ?? '')) ctx.fail('Episodes', r);
      });
    },
  };
}

const r224: RuleDef = {
  code: '224',
  needs: ['ofsted'],
  run(ctx) {
    const of = ctx.ofsted;
    if (!of) return;
    const prov = ctx.t('Episodes').str('PLACE_PROVIDER');
    withUrn(ctx, (r, u) => {
      const p = of.get(u);
      const pp = prov[r] ?? '';
      if (pp === '' || !p?.providerCodes.includes(pp)) ctx.fail('Episodes', r);
    });
  },
};

/** Walks each child's episodes in DECOM order, calling `each(row, previousRow, nextRow)` (-1 when none). */
function eachEpisode(
  ctx: RuleContext,
  each: (r: number, prev: number, next: number) => void,
): void {
  const g = ctx.byChild('Episodes');
  const n = childCount(ctx);
  for (let c = 0; c < n; c++) {
    const s = g.start[c] ?? 0;
    const e = g.start[c + 1] ?? 0;
    for (let i = s; i < e; i++) {
      each(
        g.rows[i] ?? 0,
        i > s ? (g.rows[i - 1] ?? -1) : -1,
        i + 1 < e ? (g.rows[i + 1] ?? -1) : -1,
      );
    }
  }
}

const r225: RuleDef = {
  code: '225',
  run(ctx) {
    const e = ctx.t('Episodes');
    const rec = e.str('REC');
    const rpc = e.str('REASON_PLACE_CHANGE');
    const place = e.str('PLACE');
    const rne = e.str('RNE');
    eachEpisode(ctx, (r, _p, nx) => {
      if (nx < 0 || rec[r] !== 'X1' || rpc[r] !== '' || TEMP_PLACES.has(place[r] ?? '')) return;
      const n = rne[nx];
      if ((n === 'P' || n === 'B' || n === 'T' || n === 'U') && !TEMP_PLACES.has(place[nx] ?? '')) {
        ctx.fail('Episodes', r);
      }
    });
  },
};

const r226: RuleDef = {
  code: '226',
  run(ctx) {
    const e = ctx.t('Episodes');
    const rpc = e.str('REASON_PLACE_CHANGE');
    const place = e.str('PLACE');
    // A temporary placement, and the episode it interrupts, carry no reason for placement change.
    eachEpisode(ctx, (r, pv) => {
      if (TEMP_PLACES.has(place[r] ?? '') && (rpc[r] !== '' || (pv >= 0 && rpc[pv] !== ''))) {
        ctx.fail('Episodes', r);
      }
    });
  },
};

const r227: RuleDef = {
  code: '227',
  needs: ['ofsted'],
  run(ctx) {
    const of = ctx.ofsted;
    if (!of) return;
    const decom = ctx.t('Episodes').date('DECOM');
    withUrn(ctx, (r, u) => {
      const end = of.get(u)?.regEnd ?? NO_DATE;
      const d = decom[r] ?? NO_DATE;
      if (end !== NO_DATE && d !== NO_DATE && d >= end) ctx.fail('Episodes', r);
    });
  },
};

const r228: RuleDef = {
  code: '228',
  needs: ['ofsted'],
  run(ctx) {
    const of = ctx.ofsted;
    if (!of) return;
    const e = ctx.t('Episodes');
    const dec = e.date('DEC');
    const decS = e.str('DEC');
    withUrn(ctx, (r, u) => {
      const end = of.get(u)?.regEnd ?? NO_DATE;
      if (end === NO_DATE) return;
      const d = dateOr(dec, decS, r, ctx.end); // open episodes: the provider must be open at 31 March
      if (d !== NO_DATE && d > end) ctx.fail('Episodes', r);
    });
  },
};

function r229For(years: readonly Year[], exempt: readonly string[]): RuleDef {
  const set = new Set(exempt);
  return {
    code: '229',
    years,
    needs: ['ofsted', 'postcodes', 'la'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      const e = ctx.t('Episodes');
      const place = e.str('PLACE');
      const prov = e.str('PLACE_PROVIDER');
      // The provider's LA is read from the placement postcode (IN = the submitting LA, OUT = another);
      // unknown (no --la, or postcode not found) reports nothing.
      withUrn(ctx, (r) => {
        if (set.has(place[r] ?? '')) return;
        const loc = geo.plLocation[r];
        if ((prov[r] === 'PR1' && loc === 'OUT') || (prov[r] === 'PR2' && loc === 'IN'))
          ctx.fail('Episodes', r);
      });
    },
  };
}

const r230: RuleDef = {
  code: '230',
  years: Y23,
  needs: ['postcodes'],
  run(ctx) {
    const geo = ctx.geo;
    if (!geo) return;
    const from = dayOf(2023, 10, 29);
    const e = ctx.t('Episodes');
    const place = e.str('PLACE');
    const urn = e.str('URN');
    const dec = e.date('DEC');
    const decS = e.str('DEC');
    for (let r = 0; r < e.n; r++) {
      if (place[r] !== 'H5' || (urn[r] !== '' && urn[r] !== NO_URN)) continue;
      const d = dec[r] ?? NO_DATE;
      if (!(decS[r] === '' || (d !== NO_DATE && d >= from))) continue;
      if (!outsideEngland(geo.plLa[r] ?? '', ctx.year)) ctx.fail('Episodes', r);
    }
  },
};

const r231: RuleDef = {
  code: '231',
  years: Y24_ON,
  run(ctx) {
    const ctxU = uascFlags(ctx);
    const limit = addYears(ctx.end, -11);
    const h = ctx.t('Header');
    const dob = h.date('DOB');
    for (let r = 0; r < h.n; r++) {
      const d = dob[r] ?? NO_DATE;
      if (d !== NO_DATE && d > limit && ctxU[h.child[r] ?? 0] === 1) ctx.fail('Header', r);
    }
  },
};

const r232: RuleDef = {
  code: '232',
  years: Y24_ON,
  run(ctx) {
    const sex = ctx.t('Header').str('SEX');
    for (let r = 0; r < sex.length; r++) if (sex[r] === 'U') ctx.fail('Header', r);
  },
};

const r233: RuleDef = {
  code: '233',
  years: Y25,
  run(ctx) {
    const e = ctx.t('Episodes');
    const decS = e.str('DEC');
    const rpc = e.str('REASON_PLACE_CHANGE');
    for (let r = 0; r < e.n; r++) if (decS[r] === '' && rpc[r] !== '') ctx.fail('Episodes', r);
  },
};

const r234: RuleDef = {
  code: '234',
  years: Y25,
  run(ctx) {
    const e = ctx.t('Episodes');
    const rpc = e.str('REASON_PLACE_CHANGE');
    const decom = e.date('DECOM');
    const dec = e.date('DEC');
    const dob = ctx.t('Header').date('DOB');
    // The move happens when the next episode starts (or, with no next episode, when this one ends).
    eachEpisode(ctx, (r, _p, nx) => {
      if (rpc[r] !== 'CUSTOD') return;
      const hr = ctx.headerRow(e.child[r] ?? -1);
      const b = hr >= 0 ? (dob[hr] ?? NO_DATE) : NO_DATE;
      const at = nx >= 0 ? (decom[nx] ?? NO_DATE) : (dec[r] ?? NO_DATE);
      if (b !== NO_DATE && at !== NO_DATE && at < addYears(b, 10)) ctx.fail('Episodes', r);
    });
  },
};

export const rules: RuleDef[] = [
  r202,
  r203,
  r204,
  r205A,
  r205B,
  r205C,
  r205D,
  r207,
  r208,
  r209,
  r210,
  r213For(Y23_24, T_CODES),
  r213For(Y25, [...T_CODES, ...Z1X]),
  r214,
  r215,
  r217,
  r217t,
  r218For(Y23, ['H5', 'P1', 'P2', 'P3', 'R1', 'R2', 'R5', ...T_CODES, 'Z1']),
  r218For(Y24, ['P1', 'P3', 'R1', 'R2', 'R5', ...T_CODES, 'Z1']),
  r218For(Y25, ['P1', 'P3', 'R1', 'R2', 'R5', ...T_CODES, ...Z1X]),
  r219,
  r221For(Y23, ['H5', 'K1', 'K2', 'R3', 'S1']),
  r221For(['2024/25', '2025/26', '2026/27'], ['K1', 'K2', 'R3', 'S1']),
  r222For(Y23, ['P1', 'P2', 'P3', 'R1', 'R2', 'R5', ...T_CODES, 'Z1']),
  r222For(Y24, ['P1', 'P3', 'R1', 'R2', 'R5', ...T_CODES, 'Z1']),
  r222For(Y25, ['P1', 'P3', 'R1', 'R2', 'R5', ...T_CODES, ...Z1X]),
  r224,
  r225,
  r226,
  r227,
  r228,
  r229For(Y23_24, []),
  r229For(Y25, ['K3', 'P1', 'P3', 'R1', 'R2', 'R5', ...T_CODES, ...Z1X]),
  r230,
  r231,
  r232,
  r233,
  r234,
];
