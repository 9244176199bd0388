/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds */
// Rules 1000–1016 and 3001 (care leavers, missing periods, URN, reason for placement change). Each
// rule follows CONTRACT.md.
import { addYears, ageOn, NO_DATE } from '../dates.ts';
import type { ChildRows, RuleContext, RuleDef, TableName } from '../types.ts';
import { lastEpisode } from './helpers-45xx.ts';
import {
  ADOPTED,
  dobOf,
  each,
  lastBirthday,
  nChildren,
  oc3Completed,
  rowsOf,
  SHORT_BREAK,
} from './helpers-67xx.ts';

const OWN_FOSTER_OR_ADOPTION = new Set([
  'A3',
  'A4',
  'A5',
  'A6',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
]);
const FORMER_FOSTER_CARER = new Set(['Z1', 'Z2']);
const NO_URN = 'XXXXXXX';
const OTHER_TABLES: readonly TableName[] = [
  'Reviews',
  'AD1',
  'PlacedAdoption',
  'PrevPerm',
  'Missing',
  'OC2',
];

/** Fails each OC3 row with care leaver information of a child for which bad(c, oc3Row) holds. */
function eachLeaver(ctx: RuleContext, bad: (c: number, r: number) => boolean): void {
  const o = ctx.t('OC3');
  const done = oc3Completed(o);
  for (let r = 0; r < o.n; r++) if (done[r] === 1 && bad(o.child[r]!, r)) ctx.fail('OC3', r);
}

/** 1007 / 1016: OC3 given for a 17- or 18-year-old (at 31 March) for whom episodes(c, birthday) holds. */
function birthdayRule(
  code: string,
  episodes: (ctx: RuleContext, g: ChildRows, c: number, birthday: number) => boolean,
): RuleDef {
  return {
    code,
    run(ctx) {
      const g = ctx.byChild('Episodes');
      const dob = ctx.t('OC3').date('DOB');
      eachLeaver(ctx, (c, r) => {
        const d = dobOf(ctx, c, dob[r]!);
        const age = ageOn(d, ctx.end);
        if (!(age >= 17 && age < 19)) return false;
        return episodes(ctx, g, c, lastBirthday(d, ctx.end));
      });
    },
  };
}

/**
 * 1001: days looked after (excluding short breaks) since the 14th and the 16th birthday, over this
 * year's and last year's episodes (an episode in both counted once; an open one runs to 31 March).
 */
class CareSince {
  since14 = 0;
  since16 = 0;
  episodes = 0;
  adopted = false;

  load(ctx: RuleContext, c: number, dob: number): void {
    this.since14 = 0;
    this.since16 = 0;
    this.episodes = 0;
    this.adopted = false;
    const b14 = addYears(dob, 14);
    const b16 = addYears(dob, 16);
    const t = ctx.t('Episodes');
    const g = ctx.byChild('Episodes');
    const decom = t.date('DECOM');
    let latest = NO_DATE;
    let latestRec = '';
    const visit = (dc: number, de: number, ls: string, rec: string): void => {
      if (dc === NO_DATE) return;
      this.episodes++;
      if (dc >= latest) {
        latest = dc;
        latestRec = rec;
      }
      if (SHORT_BREAK.has(ls)) return;
      const e = de === NO_DATE ? ctx.end : de;
      this.since14 += Math.max(0, e - Math.max(dc, b14));
      this.since16 += Math.max(0, e - Math.max(dc, b16));
    };
    const dec = t.date('DEC');
    const ls = t.str('LS');
    const rec = t.str('REC');
    const a = g.start[c]!;
    const b = g.start[c + 1]!;
    for (let k = a; k < b; k++) {
      const r = g.rows[k]!;
      visit(decom[r]!, dec[r]!, ls[r]!, rec[r]!);
    }
    const prev = ctx.prev;
    if (prev) {
      const pt = prev.t('Episodes');
      const pg = prev.byChild('Episodes');
      const pdecom = pt.date('DECOM');
      const pdec = pt.date('DEC');
      const pls = pt.str('LS');
      const prec = pt.str('REC');
      for (let k = pg.start[c]!; k < pg.start[c + 1]!; k++) {
        const r = pg.rows[k]!;
        let dup = false;
        for (let j = a; j < b; j++) if (decom[g.rows[j]!] === pdecom[r]) dup = true;
        // Last year's copy of an episode carried into this year: this year's row has the facts.
        if (!dup) visit(pdecom[r]!, pdec[r]!, pls[r]!, prec[r]!);
      }
    }
    this.adopted = ADOPTED.has(latestRec);
  }
}

export const rules: RuleDef[] = [
  {
    // Care leaver information for a child who died in care (REC E2) this year or last.
    code: '1000',
    needs: ['prev'],
    run(ctx) {
      const died = new Uint8Array(nChildren(ctx));
      const mark = (t: ReturnType<RuleContext['t']>): void => {
        const rec = t.str('REC');
        for (let r = 0; r < t.n; r++) if (rec[r] === 'E2') died[t.child[r]!] = 1;
      };
      mark(ctx.t('Episodes'));
      if (ctx.prev) mark(ctx.prev.t('Episodes'));
      eachLeaver(ctx, (c) => died[c] === 1);
    },
  },
  {
    // Care leaver information for a young person who is not a relevant or former relevant child: less
    // than 13 weeks looked after since 14 with some of it after 16, or adopted at the end (children
    // 20 or over at 31 March, with no date of birth, or with no episodes in either year are not judged).
    code: '1001',
    needs: ['prev'],
    run(ctx) {
      const care = new CareSince();
      const hdob = ctx.t('Header').date('DOB');
      eachLeaver(ctx, (c) => {
        const h = ctx.headerRow(c);
        const dob = h >= 0 ? hdob[h]! : NO_DATE;
        if (dob === NO_DATE || ageOn(dob, ctx.end) >= 20) return false;
        care.load(ctx, c, dob);
        if (care.episodes === 0) return false;
        return care.adopted || care.since14 < 91 || care.since16 < 1;
      });
    },
  },
  {
    // Care leaver information for a child with no episodes this year or last.
    code: '1002',
    needs: ['prev'],
    run(ctx) {
      const g = ctx.byChild('Episodes');
      const pg = ctx.prev?.byChild('Episodes');
      const o = ctx.t('OC3');
      each(ctx, 'OC3', (r) => {
        const c = o.child[r]!;
        return rowsOf(g, c) === 0 && (!pg || rowsOf(pg, c) === 0);
      });
    },
  },
  {
    // DATE_PLACED before the start of the child's first period of care (first RNE S episode).
    code: '1003',
    run(ctx) {
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = t.date('DECOM');
      const rne = t.str('RNE');
      const p = ctx.t('PlacedAdoption');
      const gp = ctx.byChild('PlacedAdoption');
      const placed = p.date('DATE_PLACED');
      for (let c = 0; c < nChildren(ctx); c++) {
        const pe = gp.start[c + 1]!;
        if (gp.start[c] === pe) continue;
        let s = -1;
        for (let k = g.start[c]!; k < g.start[c + 1]!; k++) {
          const r = g.rows[k]!;
          if (rne[r] === 'S' && decom[r] !== NO_DATE) {
            s = r;
            break;
          }
        }
        if (s < 0) continue;
        for (let k = gp.start[c]!; k < pe; k++) {
          const pr = gp.rows[k]!;
          if (placed[pr] !== NO_DATE && placed[pr]! < decom[s]!) {
            ctx.fail('PlacedAdoption', pr);
            ctx.fail('Episodes', s);
          }
        }
      }
    },
  },
  {
    // MIS_START is required: blank or not a date.
    code: '1004',
    run(ctx) {
      const start = ctx.t('Missing').date('MIS_START');
      each(ctx, 'Missing', (r) => start[r] === NO_DATE);
    },
  },
  {
    code: '1005',
    run(ctx) {
      const t = ctx.t('Missing');
      each(ctx, 'Missing', (r) => t.badDate('MIS_END', r));
    },
  },
  {
    code: '1006',
    run(ctx) {
      const m = ctx.t('Missing').str('MISSING');
      const ok = ctx.codes('Missing.MISSING');
      each(ctx, 'Missing', (r) => !ok.has(m[r]!));
    },
  },
  // 1007: still looked after on the 17th/18th birthday in the year (an open episode counts).
  birthdayRule('1007', (ctx, g, c, bday) => {
    const t = ctx.t('Episodes');
    const decom = t.date('DECOM');
    const dec = t.date('DEC');
    const decStr = t.str('DEC');
    for (let k = g.start[c]!; k < g.start[c + 1]!; k++) {
      const r = g.rows[k]!;
      if (decom[r] === NO_DATE || decom[r]! > bday) continue;
      if (decStr[r] === '' || (dec[r] !== NO_DATE && dec[r]! > bday)) return true;
    }
    return false;
  }),
  {
    // URN other than XXXXXXX that is not on Ofsted's lists.
    code: '1008',
    needs: ['ofsted'],
    run(ctx) {
      const urn = ctx.t('Episodes').str('URN');
      const known = ctx.ofsted;
      if (!known) return;
      each(ctx, 'Episodes', (r) => urn[r] !== '' && urn[r] !== NO_URN && !known.has(urn[r]!));
    },
  },
  {
    code: '1009',
    run(ctx) {
      const v = ctx.t('Episodes').str('REASON_PLACE_CHANGE');
      const ok = ctx.codes('Episodes.REASON_PLACE_CHANGE');
      each(ctx, 'Episodes', (r) => v[r] !== '' && !ok.has(v[r]!));
    },
  },
  {
    // Care leaver information, no episodes this year, though last year's latest episode was open.
    code: '1010',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const g = ctx.byChild('Episodes');
      const pt = prev.t('Episodes');
      const pg = prev.byChild('Episodes');
      const pdecom = pt.date('DECOM');
      const pdec = pt.str('DEC');
      eachLeaver(ctx, (c) => {
        if (rowsOf(g, c) > 0) return false;
        const p = lastEpisode(pg, pdecom, c);
        return p >= 0 && pdec[p] === '';
      });
    },
  },
  {
    // Care leaver information although the latest episode ended with care transferred (REC E3).
    code: '1011',
    run(ctx) {
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = t.date('DECOM');
      const rec = t.str('REC');
      eachLeaver(ctx, (c) => {
        const r = lastEpisode(g, decom, c);
        return r >= 0 && rec[r] === 'E3';
      });
    },
  },
  {
    // A child with no episodes this year (a care leaver) has rows in the looked-after tables.
    code: '1012',
    run(ctx) {
      if (!ctx.has('Episodes')) return;
      const g = ctx.byChild('Episodes');
      for (const name of OTHER_TABLES) {
        const t = ctx.t(name);
        each(ctx, name, (r) => rowsOf(g, t.child[r]!) === 0);
      }
    },
  },
  {
    // UASC row and care leaver information for a child with no episode open during the year.
    code: '1014',
    run(ctx) {
      const t = ctx.t('Episodes');
      const decom = t.date('DECOM');
      const dec = t.date('DEC');
      const decStr = t.str('DEC');
      const inYear = new Uint8Array(nChildren(ctx));
      for (let r = 0; r < t.n; r++) {
        const dc = decom[r]!;
        if (dc === NO_DATE || dc > ctx.end) continue;
        if (decStr[r] === '' || (dec[r] !== NO_DATE && dec[r]! >= ctx.start))
          inYear[t.child[r]!] = 1;
      }
      const gu = ctx.byChild('UASC');
      eachLeaver(ctx, (c) => {
        if (inYear[c] === 1 || rowsOf(gu, c) === 0) return false;
        for (let k = gu.start[c]!; k < gu.start[c + 1]!; k++) ctx.fail('UASC', gu.rows[k]!);
        return true;
      });
    },
  },
  {
    // Own provision (PR1) outside fostering and adoption placements, but placed outside the LA.
    code: '1015',
    needs: ['postcodes', 'la'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      const t = ctx.t('Episodes');
      const place = t.str('PLACE');
      const prov = t.str('PLACE_PROVIDER');
      const ls = t.str('LS');
      each(
        ctx,
        'Episodes',
        (r) =>
          prov[r] === 'PR1' &&
          place[r] !== '' &&
          ls[r] !== '' &&
          !OWN_FOSTER_OR_ADOPTION.has(place[r]!) &&
          !SHORT_BREAK.has(ls[r]!) &&
          geo.plLocation[r] === 'OUT',
      );
    },
  },
  // 1016: ceased to be looked after (DEC with REC other than X1) after the 17th/18th birthday in the year.
  birthdayRule('1016', (ctx, g, c, bday) => {
    const t = ctx.t('Episodes');
    const dec = t.date('DEC');
    const rec = t.str('REC');
    for (let k = g.start[c]!; k < g.start[c + 1]!; k++) {
      const r = g.rows[k]!;
      if (dec[r] !== NO_DATE && dec[r]! > bday && rec[r] !== 'X1') return true;
    }
    return false;
  }),
  {
    // Accommodation with former foster carers (Z1/Z2) for a young person whose 17th birthday is in the year.
    code: '3001',
    run(ctx) {
      const o = ctx.t('OC3');
      const accom = o.str('ACCOM');
      const dob = o.date('DOB');
      each(ctx, 'OC3', (r) => {
        if (!FORMER_FOSTER_CARER.has(accom[r]!)) return false;
        const d = dobOf(ctx, o.child[r]!, dob[r]!);
        if (d === NO_DATE) return false;
        const b17 = addYears(d, 17);
        return b17 >= ctx.start && b17 <= ctx.end;
      });
    },
  },
];
