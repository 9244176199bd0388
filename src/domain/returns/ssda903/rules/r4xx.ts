/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds */
// Rules 4xx (episodes, reviews, UPN, year-to-year placement facts). Each rule follows CONTRACT.md.
import { addYears, dayOf, NO_DATE } from '../dates.ts';
import type { RuleContext, RuleDef, TableName } from '../types.ts';
import { carriedOver, distancesDiffer, wasUasc } from './helpers-45xx.ts';

const SGO_CAO = new Set(['E45', 'E46', 'E47', 'E48']);
const CONTINUATION = new Set(['P', 'L', 'T', 'U', 'B']);
const PN1_7 = new Set(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7']);
const UN = new Set(['UN1', 'UN2', 'UN3', 'UN4', 'UN5']);
/** Placement orders (E1) replaced freeing orders (D1) on 30 December 2005. */
const PLACEMENT_ORDERS_FROM = dayOf(2005, 12, 30);
const LAST_DAY_OF_2005 = dayOf(2005, 12, 31);
const PLACEMENT_COLS = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const;

/** Fails every row of `table` where pred(row) holds. */
function each(ctx: RuleContext, table: TableName, pred: (r: number) => boolean): void {
  const n = ctx.t(table).n;
  for (let r = 0; r < n; r++) if (pred(r)) ctx.fail(table, r);
}

/**
 * Runs visit(r, p) for each Episodes row r that has a previous episode p of the same child (by
 * DECOM), both with a valid DECOM.
 */
function eachWithPrevious(ctx: RuleContext, visit: (r: number, p: number) => void): void {
  const g = ctx.byChild('Episodes');
  const decom = ctx.t('Episodes').date('DECOM');
  const nC = g.start.length - 1;
  for (let c = 0; c < nC; c++) {
    const b = g.start[c + 1]!;
    let p = -1;
    for (let k = g.start[c]!; k < b; k++) {
      const r = g.rows[k]!;
      if (decom[r] === NO_DATE) continue;
      if (p >= 0) visit(r, p);
      p = r;
    }
  }
}

/** Legal status and placement (PLACE, PL_POST, URN, PLACE_PROVIDER) changes between two episodes. */
function changes(ctx: RuleContext): {
  ls: (r: number, p: number) => boolean;
  placement: (r: number, p: number) => boolean;
} {
  const t = ctx.t('Episodes');
  const ls = t.str('LS');
  const cols = PLACEMENT_COLS.map((c) => t.str(c));
  return {
    ls: (r, p) => ls[r] !== ls[p],
    placement: (r, p) => {
      for (const col of cols) if (col[r] !== col[p]) return true;
      return false;
    },
  };
}

/** The RNE rules 434–436: `check(lsChanged, placementChanged)` is true when the episode is wrong. */
function rneRule(
  code: string,
  rne: readonly string[],
  wrong: (ls: boolean, placement: boolean) => boolean,
): RuleDef {
  return {
    code,
    run(ctx) {
      const rnes = ctx.t('Episodes').str('RNE');
      const ch = changes(ctx);
      eachWithPrevious(ctx, (r, p) => {
        if (rne.includes(rnes[r] ?? '') && wrong(ch.ls(r, p), ch.placement(r, p)))
          ctx.fail('Episodes', r);
      });
    },
  };
}

/** Age rules on Episodes DEC against the Header DOB: fails when bad(dec, dob) for rows with REC in `recs`. */
function decAgeRule(
  code: string,
  recs: ReadonlySet<string>,
  bad: (dec: number, dob: number) => boolean,
  alsoHeader: boolean,
): RuleDef {
  return {
    code,
    run(ctx) {
      const t = ctx.t('Episodes');
      const rec = t.str('REC');
      const dec = t.date('DEC');
      const dob = ctx.t('Header').date('DOB');
      for (let r = 0; r < t.n; r++) {
        if (!recs.has(rec[r]!) || dec[r] === NO_DATE) continue;
        const h = ctx.headerRow(t.child[r]!);
        if (h < 0 || dob[h] === NO_DATE) continue;
        if (bad(dec[r]!, dob[h]!)) {
          ctx.fail('Episodes', r);
          if (alsoHeader) ctx.fail('Header', h);
        }
      }
    },
  };
}

export const rules: RuleDef[] = [
  {
    // UASC this year, or in last year's return when given: the distance is not reported.
    code: '406',
    needs: ['postcodes'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      const t = ctx.t('Episodes');
      const prev = ctx.prev;
      for (let r = 0; r < t.n; r++) {
        if (Number.isNaN(geo.plDistance[r]!)) continue;
        const c = t.child[r]!;
        if (ctx.uasc(c) || (prev !== undefined && wasUasc(prev, c))) ctx.fail('Episodes', r);
      }
    },
  },
  // Ceased for a special guardianship (or child arrangements) order on or after the 18th birthday.
  decAgeRule('407', SGO_CAO, (dec, dob) => dec >= addYears(dob, 18), true),
  {
    code: '408',
    run(ctx) {
      const t = ctx.t('Episodes');
      const place = t.str('PLACE');
      const ls = t.str('LS');
      each(ctx, 'Episodes', (r) => (place[r] === 'A5' || place[r] === 'A6') && ls[r] !== 'E1');
    },
  },
  {
    code: '411',
    needs: ['postcodes', 'la'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      each(ctx, 'Episodes', (r) => geo.plLocation[r] === 'IN' && geo.plLa[r] !== ctx.la);
    },
  },
  {
    code: '420',
    needs: ['postcodes'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      const ls = ctx.t('Episodes').str('LS');
      each(ctx, 'Episodes', (r) => (ls[r] === 'V3' || ls[r] === 'V4') && geo.plLa[r] !== '');
    },
  },
  {
    // Both V3 and V4 for one child in the year: every V3/V4 episode of that child is reported.
    code: '426',
    run(ctx) {
      const g = ctx.byChild('Episodes');
      const ls = ctx.t('Episodes').str('LS');
      const nC = g.start.length - 1;
      for (let c = 0; c < nC; c++) {
        const a = g.start[c]!;
        const b = g.start[c + 1]!;
        let v3 = false;
        let v4 = false;
        for (let k = a; k < b; k++) {
          const l = ls[g.rows[k]!];
          if (l === 'V3') v3 = true;
          else if (l === 'V4') v4 = true;
        }
        if (!v3 || !v4) continue;
        for (let k = a; k < b; k++) {
          const r = g.rows[k]!;
          if (ls[r] === 'V3' || ls[r] === 'V4') ctx.fail('Episodes', r);
        }
      }
    },
  },
  {
    code: '431',
    run(ctx) {
      const t = ctx.t('Episodes');
      const rne = t.str('RNE');
      const decom = t.date('DECOM');
      const dec = t.date('DEC');
      eachWithPrevious(ctx, (r, p) => {
        if (rne[r] === 'S' && dec[p] === decom[r]) ctx.fail('Episodes', r);
      });
    },
  },
  {
    // The previous episode ended care (REC other than X1) but this one is not RNE S.
    code: '432',
    run(ctx) {
      const t = ctx.t('Episodes');
      const rne = t.str('RNE');
      const rec = t.str('REC');
      eachWithPrevious(ctx, (r, p) => {
        if (rec[p] !== '' && rec[p] !== 'X1' && rne[r] !== 'S') ctx.fail('Episodes', r);
      });
    },
  },
  {
    // A continuation (RNE P, L, T, U, B) must start on the day the previous episode ended.
    code: '433',
    run(ctx) {
      const t = ctx.t('Episodes');
      const rne = t.str('RNE');
      const decom = t.date('DECOM');
      const dec = t.date('DEC');
      eachWithPrevious(ctx, (r, p) => {
        if (CONTINUATION.has(rne[r]!) && dec[p] !== NO_DATE && dec[p] !== decom[r])
          ctx.fail('Episodes', r);
      });
    },
  },
  rneRule('434', ['L'], (ls, placement) => !ls || placement),
  rneRule('435', ['P'], (ls, placement) => ls || !placement),
  // U and B: legal status and placement changed at the same time (RNE_MEANINGS).
  rneRule('436', ['U', 'B'], (ls, placement) => !ls || !placement),
  {
    // Ceased because the child died (E2) or turned 18 (E15), yet a later episode follows.
    code: '437',
    run(ctx) {
      const t = ctx.t('Episodes');
      const rec = t.str('REC');
      const decom = t.date('DECOM');
      const g = ctx.byChild('Episodes');
      const nC = g.start.length - 1;
      for (let c = 0; c < nC; c++) {
        const b = g.start[c + 1]!;
        for (let k = g.start[c]!; k < b - 1; k++) {
          const r = g.rows[k]!;
          if ((rec[r] === 'E2' || rec[r] === 'E15') && decom[r] !== NO_DATE)
            ctx.fail('Episodes', r);
        }
      }
    },
  },
  {
    // PN0 (under 4) but the child was 4 or over on the review date.
    code: '440',
    run(ctx) {
      const t = ctx.t('Reviews');
      const code = t.str('REVIEW_CODE');
      const dob = t.date('DOB');
      const rev = t.date('REVIEW');
      each(
        ctx,
        'Reviews',
        (r) =>
          code[r] === 'PN0' &&
          dob[r] !== NO_DATE &&
          rev[r] !== NO_DATE &&
          rev[r]! >= addYears(dob[r]!, 4),
      );
    },
  },
  {
    // PN1–PN7 (4 or over) but the child was under 4 on the review date.
    code: '441',
    run(ctx) {
      const t = ctx.t('Reviews');
      const code = t.str('REVIEW_CODE');
      const dob = t.date('DOB');
      const rev = t.date('REVIEW');
      each(
        ctx,
        'Reviews',
        (r) =>
          PN1_7.has(code[r]!) &&
          dob[r] !== NO_DATE &&
          rev[r] !== NO_DATE &&
          rev[r]! < addYears(dob[r]!, 4),
      );
    },
  },
  {
    // Any episode other than a short break (V3/V4): the UPN must be given.
    code: '442',
    run(ctx) {
      const h = ctx.t('Header');
      const upn = h.str('UPN');
      const ls = ctx.t('Episodes').str('LS');
      const g = ctx.byChild('Episodes');
      for (let r = 0; r < h.n; r++) {
        if (upn[r] !== '') continue;
        const c = h.child[r]!;
        if (ctx.headerRow(c) !== r) continue;
        const b = g.start[c + 1]!;
        for (let k = g.start[c]!; k < b; k++) {
          const l = ls[g.rows[k]!];
          if (l !== 'V3' && l !== 'V4') {
            ctx.fail('Header', r);
            break;
          }
        }
      }
    },
  },
  {
    // A UPN (other than UN1–UN5) given for more than one header row: every such row is reported.
    code: '444',
    years: ['2025/26', '2026/27'],
    run(ctx) {
      const h = ctx.t('Header');
      const upn = h.str('UPN');
      const seen = new Map<string, number>();
      for (let r = 0; r < h.n; r++) {
        const u = upn[r]!;
        if (u !== '' && !UN.has(u)) seen.set(u, (seen.get(u) ?? 0) + 1);
      }
      each(ctx, 'Header', (r) => (seen.get(upn[r]!) ?? 0) > 1);
    },
  },
  {
    // Freeing orders (D1): no new episode can start after 2005.
    code: '445',
    years: ['2023/24'],
    run(ctx) {
      const t = ctx.t('Episodes');
      const ls = t.str('LS');
      const decom = t.date('DECOM');
      each(
        ctx,
        'Episodes',
        (r) => ls[r] === 'D1' && decom[r] !== NO_DATE && decom[r]! > LAST_DAY_OF_2005,
      );
    },
  },
  {
    code: '446',
    run(ctx) {
      const t = ctx.t('Episodes');
      const ls = t.str('LS');
      const decom = t.date('DECOM');
      each(
        ctx,
        'Episodes',
        (r) => ls[r] === 'E1' && decom[r] !== NO_DATE && decom[r]! < PLACEMENT_ORDERS_FROM,
      );
    },
  },
  {
    // Still freed for adoption: an open D1 episode (no DEC, no REC).
    code: '451',
    years: ['2023/24'],
    run(ctx) {
      const t = ctx.t('Episodes');
      const ls = t.str('LS');
      const dec = t.str('DEC');
      const rec = t.str('REC');
      each(ctx, 'Episodes', (r) => ls[r] === 'D1' && dec[r] === '' && rec[r] === '');
    },
  },
  {
    // Same episode carried over (same DECOM as last year's open one, same RNE): PL_LA unchanged.
    code: '452',
    needs: ['prev', 'postcodes'],
    run(ctx) {
      const now = ctx.geo?.plLa;
      const before = ctx.prevGeo?.plLa;
      if (!now || !before) return;
      carriedOver(ctx, (r, p) => now[r] !== '' && before[p] !== '' && now[r] !== before[p], true);
    },
  },
  {
    // As 452 for PL_DISTANCE (to 1 dp; unknown distances are not compared).
    code: '453',
    needs: ['prev', 'postcodes'],
    run(ctx) {
      const now = ctx.geo?.plDistance;
      const before = ctx.prevGeo?.plDistance;
      if (!now || !before) return;
      carriedOver(ctx, (r, p) => distancesDiffer(now[r]!, before[p]!), true);
    },
  },
  {
    code: '454',
    years: ['2025/26', '2026/27'],
    needs: ['postcodes'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      each(ctx, 'Episodes', (r) => {
        const d = geo.plDistance[r]!;
        return d > 350 && d !== 999.9;
      });
    },
  },
  // Ceased to stay with current carers at 18 or over (E17) before the 18th birthday.
  decAgeRule('460', new Set(['E17']), (dec, dob) => dec < addYears(dob, 18), false),
];
