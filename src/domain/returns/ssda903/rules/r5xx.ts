/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds */
// Rules 5xx (episode sequences, adoption, OC2 health and convictions, missing periods, year to year).
// Each rule follows CONTRACT.md.
import { addYears, NO_DATE } from '../dates.ts';
import type { Geo, Need, RuleContext, RuleDef, TableName, Year } from '../types.ts';
import {
  carriedOver,
  distancesDiffer,
  count,
  firstEpisode,
  lastEpisode,
  latestByDate,
  Periods,
} from './helpers-45xx.ts';

const PLACED_FOR_ADOPTION = new Set(['A3', 'A4', 'A5', 'A6']);
const ADOPTED = new Set(['E11', 'E12']);
const COUPLE = new Set(['MM', 'FF', 'MF']);
const SAME_SEX = new Set(['MM', 'FF']);
const FOSTER = new Set(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
const HEALTH = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;
const AD1_DECISION = [
  'DATE_INT',
  'DATE_MATCH',
  'FOSTER_CARE',
  'NB_ADOPTR',
  'SEX_ADOPTR',
  'LS_ADOPTR',
] as const;
const UP_TO_2024_25: readonly Year[] = ['2023/24', '2024/25'];
const FROM_2025_26: readonly Year[] = ['2025/26', '2026/27'];

function each(ctx: RuleContext, table: TableName, pred: (r: number) => boolean): void {
  const n = ctx.t(table).n;
  for (let r = 0; r < n; r++) if (pred(r)) ctx.fail(table, r);
}

function nChildren(ctx: RuleContext): number {
  return ctx.byChild('Episodes').start.length - 1;
}

// ---- 503A–J: the first episode this year continues last year's open episode ----

function sameAsLastYear(
  code: string,
  field: string,
  allowed?: (now: string, before: string) => boolean,
  years?: readonly Year[],
): RuleDef {
  return {
    code,
    needs: ['prev'],
    ...(years ? { years } : {}),
    run(ctx) {
      const now = ctx.t('Episodes').str(field);
      const before = ctx.prev?.t('Episodes').str(field);
      if (!before) return;
      carriedOver(
        ctx,
        (r, p) => now[r] !== before[p] && !(allowed?.(now[r]!, before[p]!) ?? false),
      );
    },
  };
}

/** 503G–J: a postcode-derived field of the carried-over episode changed (unknown values are not compared). */
function sameGeoAsLastYear(
  code: string,
  differs: (now: Geo, before: Geo, r: number, p: number) => boolean,
  more: readonly Need[] = [],
): RuleDef {
  return {
    code,
    needs: ['prev', 'postcodes', ...more],
    run(ctx) {
      const now = ctx.geo;
      const before = ctx.prevGeo;
      if (!now || !before) return;
      carriedOver(ctx, (r, p) => differs(now, before, r, p));
    },
  };
}

function known(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a !== '' && b !== '' && a !== b;
}

const Z1_SPLIT = new Set(['Z11', 'Z12', 'Z13', 'Z14']);

// ---- PlacedAdoption / AD1 helpers ----

/** The AD1 legal status / sex of adopters rules: fails when LS_ADOPTR is `ls` and bad(SEX_ADOPTR). */
function adopters(code: string, ls: string, bad: (sex: string) => boolean): RuleDef {
  return {
    code,
    run(ctx) {
      const t = ctx.t('AD1');
      const l = t.str('LS_ADOPTR');
      const s = t.str('SEX_ADOPTR');
      each(ctx, 'AD1', (r) => l[r] === ls && bad(s[r]!));
    },
  };
}

/** Provider code `pr` with one of `places`: fails (or, with `only`, fails when PLACE is not in them). */
function provider(code: string, pr: string, places: readonly string[], only = false): RuleDef {
  const set = new Set(places);
  return {
    code,
    run(ctx) {
      const t = ctx.t('Episodes');
      const prov = t.str('PLACE_PROVIDER');
      const place = t.str('PLACE');
      each(ctx, 'Episodes', (r) => prov[r] === pr && set.has(place[r]!) !== only);
    },
  };
}

/** 526: placement types that need no provider code. */
function missingProvider(years: readonly Year[], exempt: readonly string[]): RuleDef {
  const set = new Set(exempt);
  return {
    code: '526',
    years,
    run(ctx) {
      const t = ctx.t('Episodes');
      const prov = t.str('PLACE_PROVIDER');
      const place = t.str('PLACE');
      each(ctx, 'Episodes', (r) => prov[r] === '' && !set.has(place[r]!));
    },
  };
}

/** OC2: age in whole years at 31 March tested by `inAge`, with `cond(r)` on the row. */
function oc2(
  code: string,
  inAge: (dob: number, end: number) => boolean,
  cond: (ctx: RuleContext, r: number) => boolean,
): RuleDef {
  return {
    code,
    run(ctx) {
      const dob = ctx.t('OC2').date('DOB');
      each(ctx, 'OC2', (r) => dob[r] !== NO_DATE && inAge(dob[r]!, ctx.end) && cond(ctx, r));
    },
  };
}

/** OC2: when `field` is completed, the four health fields must be too. */
function healthCompleted(code: string, field: string): RuleDef {
  return {
    code,
    run(ctx) {
      const t = ctx.t('OC2');
      const f = t.str(field);
      const cols = HEALTH.map((h) => t.str(h));
      each(ctx, 'OC2', (r) => {
        if (f[r] === '') return false;
        for (const col of cols) if (col[r] === '') return true;
        return false;
      });
    },
  };
}

/** 553 / 555: an order (E1 / D1) but no decision to place for adoption, or an open order with a ceased decision. */
function orderWithoutDecision(code: string, ls: string, years?: readonly Year[]): RuleDef {
  return {
    code,
    ...(years ? { years } : {}),
    run(ctx) {
      const t = ctx.t('Episodes');
      const lss = t.str('LS');
      const dec = t.str('DEC');
      const pa = ctx.t('PlacedAdoption');
      const pg = ctx.byChild('PlacedAdoption');
      const placed = pa.date('DATE_PLACED');
      const ceased = pa.str('DATE_PLACED_CEASED');
      const reason = pa.str('REASON_PLACED_CEASED');
      for (let r = 0; r < t.n; r++) {
        if (lss[r] !== ls) continue;
        const c = t.child[r]!;
        if (count(pg, c) === 0) {
          ctx.fail('Episodes', r);
          continue;
        }
        if (dec[r] !== '') continue;
        const p = latestByDate(pg, placed, c);
        if (p >= 0 && (ceased[p] !== '' || reason[p] !== '')) ctx.fail('PlacedAdoption', p);
      }
    },
  };
}

/** 554 / 556: the decision to place must be on or before the first episode under the order. */
function decisionBeforeOrder(code: string, ls: string, years?: readonly Year[]): RuleDef {
  return {
    code,
    ...(years ? { years } : {}),
    run(ctx) {
      const t = ctx.t('Episodes');
      const lss = t.str('LS');
      const decom = t.date('DECOM');
      const g = ctx.byChild('Episodes');
      const pg = ctx.byChild('PlacedAdoption');
      const placed = ctx.t('PlacedAdoption').date('DATE_PLACED');
      const nC = nChildren(ctx);
      for (let c = 0; c < nC; c++) {
        const b = g.start[c + 1]!;
        for (let k = g.start[c]!; k < b; k++) {
          const r = g.rows[k]!;
          if (lss[r] !== ls || decom[r] === NO_DATE) continue;
          reportDecisionsAfter(ctx, pg, placed, c, r, decom[r]!);
          break; // only the first episode under the order
        }
      }
    },
  };
}

/**
 * Fails episode r and its child's PlacedAdoption rows when no decision (DATE_PLACED) is on or before
 * `day` while some valid decision exists; the rows reported are those dated after `day`.
 */
function reportDecisionsAfter(
  ctx: RuleContext,
  pg: { start: Int32Array; rows: Int32Array },
  placed: Int32Array,
  c: number,
  r: number,
  day: number,
): void {
  const a = pg.start[c]!;
  const b = pg.start[c + 1]!;
  let any = false;
  for (let k = a; k < b; k++) {
    const p = placed[pg.rows[k]!]!;
    if (p === NO_DATE) continue;
    if (p <= day) return;
    any = true;
  }
  if (!any) return;
  ctx.fail('Episodes', r);
  for (let k = a; k < b; k++) {
    const p = pg.rows[k]!;
    if (placed[p] !== NO_DATE) ctx.fail('PlacedAdoption', p);
  }
}

/** 557: left care not adopted after a decision / order, but the decision's ceased fields are incomplete. */
function leftNotAdopted(years: readonly Year[], orders: ReadonlySet<string>): RuleDef {
  return {
    code: '557',
    years,
    run(ctx) {
      const t = ctx.t('Episodes');
      const place = t.str('PLACE');
      const ls = t.str('LS');
      const rec = t.str('REC');
      const pa = ctx.t('PlacedAdoption');
      const pg = ctx.byChild('PlacedAdoption');
      const placed = pa.date('DATE_PLACED');
      const ceased = pa.str('DATE_PLACED_CEASED');
      const reason = pa.str('REASON_PLACED_CEASED');
      for (let r = 0; r < t.n; r++) {
        if (!PLACED_FOR_ADOPTION.has(place[r]!) && !orders.has(ls[r]!)) continue;
        const rc = rec[r]!;
        if (rc === '' || rc === 'X1' || ADOPTED.has(rc)) continue;
        const c = t.child[r]!;
        if (count(pg, c) === 0) {
          ctx.fail('Episodes', r);
          continue;
        }
        const p = latestByDate(pg, placed, c);
        const q = p >= 0 ? p : pg.rows[pg.start[c + 1]! - 1]!;
        if (ceased[q] === '' || reason[q] === '') {
          ctx.fail('Episodes', r);
          ctx.fail('PlacedAdoption', q);
        }
      }
    },
  };
}

export const rules: RuleDef[] = [
  {
    // Episodes of a child overlap: one starts before the previous one's end date.
    code: '501',
    run(ctx) {
      const t = ctx.t('Episodes');
      const decom = t.date('DECOM');
      const dec = t.date('DEC');
      const g = ctx.byChild('Episodes');
      const nC = nChildren(ctx);
      for (let c = 0; c < nC; c++) {
        const b = g.start[c + 1]!;
        let p = -1;
        for (let k = g.start[c]!; k < b; k++) {
          const r = g.rows[k]!;
          if (decom[r] === NO_DATE) continue;
          if (p >= 0 && dec[p] !== NO_DATE && decom[r]! < dec[p]!) ctx.fail('Episodes', r);
          p = r;
        }
      }
    },
  },
  {
    // Last year's last episode was open: this year's first episode must start on the same day.
    code: '502',
    needs: ['prev'],
    run(ctx) {
      carriedOverDates(ctx);
    },
  },
  sameAsLastYear('503A', 'RNE'),
  sameAsLastYear('503B', 'LS'),
  sameAsLastYear('503C', 'CIN'),
  sameAsLastYear('503D', 'PLACE', undefined, ['2023/24']),
  // 2024/25: K3 (supported accommodation) may follow H5.
  sameAsLastYear('503D', 'PLACE', (now, before) => before === 'H5' && now === 'K3', ['2024/25']),
  // 2025/26: Z1 was split into Z11–Z14 and H5 withdrawn (K3 replaces it).
  sameAsLastYear(
    '503D',
    'PLACE',
    (now, before) => (before === 'Z1' && Z1_SPLIT.has(now)) || (before === 'H5' && now === 'K3'),
    FROM_2025_26,
  ),
  sameAsLastYear('503E', 'PLACE_PROVIDER'),
  sameAsLastYear('503F', 'URN'),
  sameGeoAsLastYear('503G', (now, before, r, p) =>
    distancesDiffer(now.plDistance[r]!, before.plDistance[p]!),
  ),
  sameGeoAsLastYear('503H', (now, before, r, p) => known(now.plLa[r], before.plLa[p])),
  sameGeoAsLastYear('503J', (now, before, r, p) => known(now.plLocation[r], before.plLocation[p]), [
    'la',
  ]),
  {
    // Within a period of care (episodes chained by REC X1 and DEC = next DECOM), CIN stays as at its start.
    code: '504',
    run(ctx) {
      const t = ctx.t('Episodes');
      const decom = t.date('DECOM');
      const dec = t.date('DEC');
      const rec = t.str('REC');
      const cin = t.str('CIN');
      const g = ctx.byChild('Episodes');
      const nC = nChildren(ctx);
      for (let c = 0; c < nC; c++) {
        const b = g.start[c + 1]!;
        let p = -1;
        let startCin = '';
        for (let k = g.start[c]!; k < b; k++) {
          const r = g.rows[k]!;
          if (decom[r] === NO_DATE) continue;
          if (p >= 0 && rec[p] === 'X1' && dec[p] === decom[r]) {
            if (cin[r] !== startCin) ctx.fail('Episodes', r);
          } else startCin = cin[r]!;
          p = r;
        }
      }
    },
  },
  {
    code: '511',
    run(ctx) {
      const t = ctx.t('AD1');
      const nb = t.str('NB_ADOPTR');
      const sex = t.str('SEX_ADOPTR');
      each(ctx, 'AD1', (r) => nb[r] === '2' && !COUPLE.has(sex[r]!));
    },
  },
  adopters('514', 'L0', (sex) => COUPLE.has(sex)),
  {
    code: '516',
    run(ctx) {
      const t = ctx.t('Episodes');
      const rec = t.str('REC');
      const place = t.str('PLACE');
      each(
        ctx,
        'Episodes',
        (r) => (rec[r] === 'E45' || rec[r] === 'E46') && !FOSTER.has(place[r]!),
      );
    },
  },
  adopters('517', 'L3', (sex) => sex !== 'MF'),
  adopters('518', 'L4', (sex) => !SAME_SEX.has(sex)),
  adopters('519', 'L2', (sex) => !COUPLE.has(sex)),
  adopters('520', 'L11', (sex) => sex !== 'MF'),
  {
    // Placed for adoption (A3–A6) before the decision that adoption is in the child's best interests.
    code: '521',
    run(ctx) {
      const t = ctx.t('Episodes');
      const place = t.str('PLACE');
      const decom = t.date('DECOM');
      const ag = ctx.byChild('AD1');
      const dateInt = ctx.t('AD1').date('DATE_INT');
      for (let r = 0; r < t.n; r++) {
        if (!PLACED_FOR_ADOPTION.has(place[r]!) || decom[r] === NO_DATE) continue;
        const c = t.child[r]!;
        const b = ag.start[c + 1]!;
        for (let k = ag.start[c]!; k < b; k++) {
          const a = ag.rows[k]!;
          if (dateInt[a] !== NO_DATE && dateInt[a]! > decom[r]!) {
            ctx.fail('Episodes', r);
            ctx.fail('AD1', a);
          }
        }
      }
    },
  },
  {
    code: '522',
    run(ctx) {
      const t = ctx.t('PlacedAdoption');
      const placed = t.date('DATE_PLACED');
      const ceased = t.date('DATE_PLACED_CEASED');
      each(
        ctx,
        'PlacedAdoption',
        (r) => placed[r] !== NO_DATE && ceased[r] !== NO_DATE && placed[r]! > ceased[r]!,
      );
    },
  },
  {
    // The latest decision to place (DATE_PLACED) is the AD1 best-interests decision (DATE_INT).
    code: '523',
    run(ctx) {
      const pa = ctx.t('PlacedAdoption');
      const pg = ctx.byChild('PlacedAdoption');
      const placed = pa.date('DATE_PLACED');
      const ad = ctx.t('AD1');
      const dateInt = ad.date('DATE_INT');
      for (let a = 0; a < ad.n; a++) {
        if (dateInt[a] === NO_DATE) continue;
        const p = latestByDate(pg, placed, ad.child[a]!);
        if (p >= 0 && placed[p] !== dateInt[a]) {
          ctx.fail('PlacedAdoption', p);
          ctx.fail('AD1', a);
        }
      }
    },
  },
  adopters('524', 'L12', (sex) => !SAME_SEX.has(sex)),
  {
    // A reversed decision (DATE_PLACED_CEASED) but adoption details reported in AD1.
    code: '525',
    run(ctx) {
      const pa = ctx.t('PlacedAdoption');
      const ceased = pa.str('DATE_PLACED_CEASED');
      const ad = ctx.t('AD1');
      const ag = ctx.byChild('AD1');
      const cols = AD1_DECISION.map((f) => ad.str(f));
      for (let r = 0; r < pa.n; r++) {
        if (ceased[r] === '') continue;
        const c = pa.child[r]!;
        const b = ag.start[c + 1]!;
        for (let k = ag.start[c]!; k < b; k++) {
          const a = ag.rows[k]!;
          let filled = false;
          for (const col of cols) if (col[a] !== '') filled = true;
          if (filled) {
            ctx.fail('PlacedAdoption', r);
            ctx.fail('AD1', a);
          }
        }
      }
    },
  },
  missingProvider(UP_TO_2024_25, ['T0', 'T1', 'T2', 'T3', 'T4', 'Z1']),
  missingProvider(FROM_2025_26, ['T0', 'T1', 'T2', 'T3', 'T4', 'Z11', 'Z12', 'Z13', 'Z14']),
  provider('527', 'PR1', ['P1', 'R2', 'R5']),
  provider('528', 'PR2', ['P1', 'R2', 'R5']),
  provider('529', 'PR3', [
    'P1',
    'A3',
    'A4',
    'A5',
    'A6',
    'K1',
    'K2',
    'U1',
    'U2',
    'U3',
    'U4',
    'U5',
    'U6',
  ]),
  provider('530', 'PR4', ['P1']),
  provider('531', 'PR5', ['P1']),
  oc2(
    '542',
    (dob, end) => end < addYears(dob, 10),
    (ctx, r) => ctx.t('OC2').str('CONVICTED')[r] !== '',
  ),
  oc2(
    '543',
    (dob, end) => end >= addYears(dob, 10),
    (ctx, r) => {
      const t = ctx.t('OC2');
      return ctx.cla12(t.child[r]!) && t.str('CONVICTED')[r] === '';
    },
  ),
  healthCompleted('544', 'CONVICTED'),
  oc2(
    '545',
    (dob, end) => end < addYears(dob, 5),
    (ctx, r) => {
      const t = ctx.t('OC2');
      return ctx.cla12(t.child[r]!) && t.str('HEALTH_CHECK')[r] === '';
    },
  ),
  oc2(
    '546',
    (dob, end) => end >= addYears(dob, 5),
    (ctx, r) => ctx.t('OC2').str('HEALTH_CHECK')[r] !== '',
  ),
  healthCompleted('547', 'HEALTH_CHECK'),
  provider('550', 'PR0', ['P1'], true),
  {
    // Placed for adoption (A3–A6) but no decision to place for adoption (DATE_PLACED) reported.
    code: '551',
    run(ctx) {
      const t = ctx.t('Episodes');
      const place = t.str('PLACE');
      const pg = ctx.byChild('PlacedAdoption');
      const placed = ctx.t('PlacedAdoption').str('DATE_PLACED');
      for (let r = 0; r < t.n; r++) {
        if (!PLACED_FOR_ADOPTION.has(place[r]!)) continue;
        const c = t.child[r]!;
        const b = pg.start[c + 1]!;
        let found = false;
        for (let k = pg.start[c]!; k < b; k++) if (placed[pg.rows[k]!] !== '') found = true;
        if (!found) ctx.fail('Episodes', r);
      }
    },
  },
  {
    // Each placement for adoption (A3–A6) starts on or after a decision to place for adoption.
    code: '552',
    run(ctx) {
      const t = ctx.t('Episodes');
      const place = t.str('PLACE');
      const decom = t.date('DECOM');
      const pg = ctx.byChild('PlacedAdoption');
      const placed = ctx.t('PlacedAdoption').date('DATE_PLACED');
      for (let r = 0; r < t.n; r++) {
        if (!PLACED_FOR_ADOPTION.has(place[r]!) || decom[r] === NO_DATE) continue;
        reportDecisionsAfter(ctx, pg, placed, t.child[r]!, r, decom[r]!);
      }
    },
  },
  orderWithoutDecision('553', 'E1'),
  decisionBeforeOrder('554', 'E1'),
  orderWithoutDecision('555', 'D1', ['2023/24']),
  decisionBeforeOrder('556', 'D1', ['2023/24']),
  leftNotAdopted(['2023/24'], new Set(['D1', 'E1'])),
  leftNotAdopted(['2024/25', '2025/26', '2026/27'], new Set(['E1'])),
  {
    // Adopted (E11/E12): the latest decision to place for adoption has not ceased.
    code: '558',
    run(ctx) {
      const t = ctx.t('Episodes');
      const rec = t.str('REC');
      const pa = ctx.t('PlacedAdoption');
      const pg = ctx.byChild('PlacedAdoption');
      const placed = pa.date('DATE_PLACED');
      const ceased = pa.str('DATE_PLACED_CEASED');
      for (let r = 0; r < t.n; r++) {
        if (!ADOPTED.has(rec[r]!)) continue;
        const p = latestByDate(pg, placed, t.child[r]!);
        if (p >= 0 && ceased[p] !== '') {
          ctx.fail('Episodes', r);
          ctx.fail('PlacedAdoption', p);
        }
      }
    },
  },
  {
    // A decision dated before this year must have been in last year's return.
    code: '559',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const pa = ctx.t('PlacedAdoption');
      const placed = pa.date('DATE_PLACED');
      const lg = prev.byChild('PlacedAdoption');
      const lastPlaced = prev.t('PlacedAdoption').str('DATE_PLACED');
      each(ctx, 'PlacedAdoption', (r) => {
        if (placed[r] === NO_DATE || placed[r]! >= ctx.start) return false;
        const c = pa.child[r]!;
        const b = lg.start[c + 1]!;
        for (let k = lg.start[c]!; k < b; k++) if (lastPlaced[lg.rows[k]!] !== '') return false;
        return true;
      });
    },
  },
  {
    // Last year's open decision (no DATE_PLACED_CEASED) must be reported with the same DATE_PLACED.
    code: '560',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const pa = ctx.t('PlacedAdoption');
      const pg = ctx.byChild('PlacedAdoption');
      const placed = pa.str('DATE_PLACED');
      const placedDay = pa.date('DATE_PLACED');
      const lp = prev.t('PlacedAdoption');
      const lastPlaced = lp.str('DATE_PLACED');
      const lastCeased = lp.str('DATE_PLACED_CEASED');
      for (let l = 0; l < lp.n; l++) {
        if (lastPlaced[l] === '' || lastCeased[l] !== '') continue;
        const c = lp.child[l]!;
        if (count(pg, c) === 0) continue;
        const b = pg.start[c + 1]!;
        let same = false;
        for (let k = pg.start[c]!; k < b; k++)
          if (placed[pg.rows[k]!] === lastPlaced[l]) same = true;
        if (same) continue;
        const p = latestByDate(pg, placedDay, c);
        ctx.fail('PlacedAdoption', p >= 0 ? p : pg.rows[b - 1]!);
      }
    },
  },
  {
    // This year's DATE_PLACED repeats a decision that last year's return shows had ceased.
    code: '561',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const pa = ctx.t('PlacedAdoption');
      const placed = pa.str('DATE_PLACED');
      const lp = prev.t('PlacedAdoption');
      const lg = prev.byChild('PlacedAdoption');
      const lastPlaced = lp.str('DATE_PLACED');
      const lastCeased = lp.str('DATE_PLACED_CEASED');
      const lastReason = lp.str('REASON_PLACED_CEASED');
      each(ctx, 'PlacedAdoption', (r) => {
        if (placed[r] === '') return false;
        const c = pa.child[r]!;
        const b = lg.start[c + 1]!;
        for (let k = lg.start[c]!; k < b; k++) {
          const l = lg.rows[k]!;
          if (lastPlaced[l] === placed[r] && (lastCeased[l] !== '' || lastReason[l] !== ''))
            return true;
        }
        return false;
      });
    },
  },
  {
    // The first episode started before this year: last year's latest episode must start on that day.
    code: '562',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const decom = ctx.t('Episodes').date('DECOM');
      const g = ctx.byChild('Episodes');
      const pdecom = prev.t('Episodes').date('DECOM');
      const pg = prev.byChild('Episodes');
      const nC = nChildren(ctx);
      for (let c = 0; c < nC; c++) {
        const r = firstEpisode(g, decom, c);
        if (r < 0 || decom[r]! >= ctx.start) continue;
        const p = lastEpisode(pg, pdecom, c);
        if (p < 0 || pdecom[p] !== decom[r]) ctx.fail('Episodes', r);
      }
    },
  },
  {
    code: '563',
    run(ctx) {
      const t = ctx.t('PlacedAdoption');
      const placed = t.str('DATE_PLACED');
      const ceased = t.str('DATE_PLACED_CEASED');
      const reason = t.str('REASON_PLACED_CEASED');
      each(
        ctx,
        'PlacedAdoption',
        (r) => placed[r] === '' && (ceased[r] !== '' || reason[r] !== ''),
      );
    },
  },
  {
    code: '564',
    run(ctx) {
      const t = ctx.t('Missing');
      const m = t.str('MISSING');
      const s = t.str('MIS_START');
      each(ctx, 'Missing', (r) => m[r] !== '' && s[r] === '');
    },
  },
  {
    code: '565',
    run(ctx) {
      const t = ctx.t('Missing');
      const m = t.str('MISSING');
      const s = t.str('MIS_START');
      each(ctx, 'Missing', (r) => s[r] !== '' && m[r] === '');
    },
  },
  {
    code: '566',
    run(ctx) {
      const t = ctx.t('Missing');
      const m = t.str('MISSING');
      const e = t.str('MIS_END');
      each(ctx, 'Missing', (r) => e[r] !== '' && m[r] === '');
    },
  },
  {
    code: '567',
    run(ctx) {
      const t = ctx.t('Missing');
      const s = t.date('MIS_START');
      const e = t.date('MIS_END');
      each(ctx, 'Missing', (r) => s[r] !== NO_DATE && e[r] !== NO_DATE && e[r]! < s[r]!);
    },
  },
  {
    code: '570',
    run(ctx) {
      const s = ctx.t('Missing').date('MIS_START');
      each(ctx, 'Missing', (r) => s[r] !== NO_DATE && s[r]! > ctx.end);
    },
  },
  {
    code: '571',
    run(ctx) {
      const e = ctx.t('Missing').date('MIS_END');
      each(ctx, 'Missing', (r) => e[r] !== NO_DATE && (e[r]! < ctx.start || e[r]! > ctx.end));
    },
  },
  {
    // A missing period starts while an earlier one (by MIS_START) is still open or has not yet ended.
    code: '574',
    run(ctx) {
      const t = ctx.t('Missing');
      const s = t.date('MIS_START');
      const e = t.date('MIS_END');
      const g = ctx.byChild('Missing');
      const nC = g.start.length - 1;
      for (let c = 0; c < nC; c++) {
        const a = g.start[c]!;
        const b = g.start[c + 1]!;
        if (b - a < 2) continue;
        for (let i = a; i < b; i++) {
          const r = g.rows[i]!;
          const sr = s[r]!;
          if (sr === NO_DATE) continue;
          for (let j = a; j < b; j++) {
            const q = g.rows[j]!;
            const sq = s[q]!;
            if (q === r || sq === NO_DATE || sq > sr || (sq === sr && j > i)) continue;
            if (e[q] === NO_DATE || sr < e[q]!) {
              ctx.fail('Missing', r);
              break;
            }
          }
        }
      }
    },
  },
  {
    // An open missing period that started during an episode which has ended.
    code: '575',
    run(ctx) {
      const m = ctx.t('Missing');
      const s = m.date('MIS_START');
      const end = m.str('MIS_END');
      const t = ctx.t('Episodes');
      const decom = t.date('DECOM');
      const dec = t.date('DEC');
      const g = ctx.byChild('Episodes');
      each(ctx, 'Missing', (r) => {
        if (end[r] !== '' || s[r] === NO_DATE) return false;
        const c = m.child[r]!;
        const b = g.start[c + 1]!;
        for (let k = g.start[c]!; k < b; k++) {
          const e = g.rows[k]!;
          if (dec[e] !== NO_DATE && decom[e] !== NO_DATE && decom[e]! <= s[r]! && s[r]! <= dec[e]!)
            return true;
        }
        return false;
      });
    },
  },
  {
    // Last year's open missing period must be this year's first (by MIS_START).
    code: '576',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const m = ctx.t('Missing');
      const g = ctx.byChild('Missing');
      const s = m.date('MIS_START');
      const lm = prev.t('Missing');
      const ls = lm.date('MIS_START');
      const le = lm.str('MIS_END');
      for (let l = 0; l < lm.n; l++) {
        if (le[l] !== '' || ls[l] === NO_DATE) continue;
        const c = lm.child[l]!;
        const a = g.start[c]!;
        const b = g.start[c + 1]!;
        if (a === b) continue;
        let first = -1;
        let firstDay = 0;
        for (let k = a; k < b; k++) {
          const r = g.rows[k]!;
          const d = s[r] === NO_DATE ? Number.MAX_SAFE_INTEGER : s[r]!;
          if (first < 0 || d < firstDay) {
            first = r;
            firstDay = d;
          }
        }
        if (firstDay !== ls[l]) ctx.fail('Missing', first);
      }
    },
  },
  ...missingAgainstCare(),
  {
    // Missing until the 18th birthday, the day care ended, yet the reason care ended is not E8.
    code: '580',
    run(ctx) {
      const m = ctx.t('Missing');
      const me = m.date('MIS_END');
      const dob = m.date('DOB');
      const t = ctx.t('Episodes');
      const dec = t.date('DEC');
      const rec = t.str('REC');
      const g = ctx.byChild('Episodes');
      for (let r = 0; r < m.n; r++) {
        if (me[r] === NO_DATE || dob[r] === NO_DATE || me[r] !== addYears(dob[r]!, 18)) continue;
        const c = m.child[r]!;
        const b = g.start[c + 1]!;
        for (let k = g.start[c]!; k < b; k++) {
          const e = g.rows[k]!;
          if (dec[e] === me[r] && rec[e] !== 'E8') ctx.fail('Episodes', e);
        }
      }
    },
  },
  {
    // Adopted on the day the child was matched with the adopters (query).
    code: '582',
    run(ctx) {
      const t = ctx.t('Episodes');
      const rec = t.str('REC');
      const dec = t.date('DEC');
      const ag = ctx.byChild('AD1');
      const match = ctx.t('AD1').date('DATE_MATCH');
      for (let r = 0; r < t.n; r++) {
        if (!ADOPTED.has(rec[r]!) || dec[r] === NO_DATE) continue;
        const c = t.child[r]!;
        const b = ag.start[c + 1]!;
        for (let k = ag.start[c]!; k < b; k++) {
          const a = ag.rows[k]!;
          if (match[a] === dec[r]) {
            ctx.fail('Episodes', r);
            ctx.fail('AD1', a);
          }
        }
      }
    },
  },
  {
    // Several decisions to place: every one but the latest must have ceased (query).
    code: '583',
    run(ctx) {
      const t = ctx.t('PlacedAdoption');
      const placed = t.date('DATE_PLACED');
      const ceased = t.str('DATE_PLACED_CEASED');
      const g = ctx.byChild('PlacedAdoption');
      const nC = g.start.length - 1;
      for (let c = 0; c < nC; c++) {
        const a = g.start[c]!;
        const b = g.start[c + 1]!;
        if (b - a < 2) continue;
        const latest = latestByDate(g, placed, c);
        for (let k = a; k < b; k++) {
          const r = g.rows[k]!;
          if (r !== latest && ceased[r] === '') ctx.fail('PlacedAdoption', r);
        }
      }
    },
  },
  {
    // After a decision that ceased last year, a new decision must be dated later than it.
    code: '584',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const pa = ctx.t('PlacedAdoption');
      const placed = pa.date('DATE_PLACED');
      const lp = prev.t('PlacedAdoption');
      const lg = prev.byChild('PlacedAdoption');
      const lastPlaced = lp.date('DATE_PLACED');
      const lastCeased = lp.str('DATE_PLACED_CEASED');
      const lastReason = lp.str('REASON_PLACED_CEASED');
      each(ctx, 'PlacedAdoption', (r) => {
        if (placed[r] === NO_DATE) return false;
        const c = pa.child[r]!;
        const b = lg.start[c + 1]!;
        for (let k = lg.start[c]!; k < b; k++) {
          const l = lg.rows[k]!;
          const ceased = lastCeased[l] !== '' || lastReason[l] !== '';
          if (ceased && lastPlaced[l] !== NO_DATE && placed[r]! < lastPlaced[l]!) return true;
        }
        return false;
      });
    },
  },
  {
    // Decisions to place must not overlap: a new one starts after the previous one ceased.
    code: '579',
    run(ctx) {
      const t = ctx.t('PlacedAdoption');
      const s = t.date('DATE_PLACED');
      const e = t.date('DATE_PLACED_CEASED');
      const g = ctx.byChild('PlacedAdoption');
      const nC = g.start.length - 1;
      for (let c = 0; c < nC; c++) {
        const a = g.start[c]!;
        const b = g.start[c + 1]!;
        if (b - a < 2) continue;
        for (let i = a; i < b; i++) {
          const r = g.rows[i]!;
          const sr = s[r]!;
          if (sr === NO_DATE) continue;
          for (let j = a; j < b; j++) {
            const q = g.rows[j]!;
            const sq = s[q]!;
            if (q === r || sq === NO_DATE || sq > sr || (sq === sr && j > i)) continue;
            if (e[q] === NO_DATE || sr < e[q]!) {
              ctx.fail('PlacedAdoption', r);
              break;
            }
          }
        }
      }
    },
  },
  {
    code: '586',
    run(ctx) {
      const t = ctx.t('Missing');
      const s = t.date('MIS_START');
      const dob = t.date('DOB');
      each(ctx, 'Missing', (r) => s[r] !== NO_DATE && dob[r] !== NO_DATE && s[r]! < dob[r]!);
    },
  },
];

/** 502: the first episode this year starts on the day last year's open last episode started. */
function carriedOverDates(ctx: RuleContext): void {
  const decom = ctx.t('Episodes').date('DECOM');
  const pdecom = ctx.prev?.t('Episodes').date('DECOM');
  if (!pdecom) return;
  carriedOver(ctx, (r, p) => decom[r] !== pdecom[p]);
}

/**
 * 577, 578, 581: a missing period against the child's periods of care (episodes chained by DEC =
 * next DECOM). 577: open missing period in a period of care that has ended. 578: starts after care
 * ended (not within any period, after the first began). 581: starts before care first began.
 */
function missingAgainstCare(): RuleDef[] {
  const build = (
    code: string,
    bad: (pp: Periods, start: number, open: boolean) => boolean,
  ): RuleDef => ({
    code,
    run(ctx) {
      const m = ctx.t('Missing');
      const s = m.date('MIS_START');
      const end = m.str('MIS_END');
      const t = ctx.t('Episodes');
      const decom = t.date('DECOM');
      const dec = t.date('DEC');
      const g = ctx.byChild('Episodes');
      const mg = ctx.byChild('Missing');
      const pp = new Periods();
      const nC = mg.start.length - 1;
      for (let c = 0; c < nC; c++) {
        const a = mg.start[c]!;
        const b = mg.start[c + 1]!;
        if (a === b || count(g, c) === 0) continue;
        pp.load(g, decom, dec, c);
        if (pp.n === 0) continue;
        for (let k = a; k < b; k++) {
          const r = mg.rows[k]!;
          if (s[r] !== NO_DATE && bad(pp, s[r]!, end[r] === '')) ctx.fail('Missing', r);
        }
      }
    },
  });
  return [
    build('577', (pp, start, open) => {
      if (!open) return false;
      const i = pp.containing(start);
      return i >= 0 && pp.end(i) !== NO_DATE;
    }),
    build('578', (pp, start) => pp.containing(start) < 0 && start > pp.start(0)),
    build('581', (pp, start) => start < pp.start(0)),
  ];
}
