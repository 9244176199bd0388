// Rules 101–199, 197a and 197B. Each rule follows CONTRACT.md.
/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds (noUncheckedIndexedAccess) */
import { addYears, ageOn, NO_DATE } from '../dates.ts';
import type { CodeListName } from '../spec.ts';
import type { RuleContext, RuleDef, TableName, Year } from '../types.ts';

/** A code not in the year's list; blank fails only where the item is mandatory. */
function codeRule(
  code: string,
  table: TableName,
  col: string,
  list: CodeListName,
  blankFails: boolean,
): RuleDef {
  return {
    code,
    run(ctx) {
      const t = ctx.t(table);
      const v = t.str(col);
      const ok = ctx.codes(list);
      for (let r = 0; r < t.n; r++) {
        const s = v[r]!;
        if (s === '' ? blankFails : !ok.has(s)) ctx.fail(table, r);
      }
    },
  };
}

/** A date that is not a valid DD/MM/YYYY date; blank fails only where the date is mandatory. */
function dateRule(code: string, table: TableName, col: string, blankFails: boolean): RuleDef {
  return {
    code,
    run(ctx) {
      const t = ctx.t(table);
      const v = t.str(col);
      const d = t.date(col);
      for (let r = 0; r < t.n; r++)
        if (d[r] === NO_DATE && (blankFails || v[r] !== '')) ctx.fail(table, r);
    },
  };
}

/** Values other than 0 and 1 (blank allowed). */
function flagRule(code: string, table: TableName, cols: readonly string[]): RuleDef {
  return {
    code,
    run(ctx) {
      const t = ctx.t(table);
      for (const col of cols) {
        const v = t.str(col);
        for (let r = 0; r < t.n; r++) {
          const s = v[r]!;
          if (s !== '' && s !== '0' && s !== '1') ctx.fail(table, r);
        }
      }
    },
  };
}

const OC2_ITEMS = [
  'CONVICTED',
  'HEALTH_CHECK',
  'IMMUNISATIONS',
  'TEETH_CHECK',
  'HEALTH_ASSESSMENT',
  'SUBSTANCE_MISUSE',
  'INTERVENTION_RECEIVED',
  'INTERVENTION_OFFERED',
] as const;
const OC2_CORE = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;
const AD1_ITEMS = [
  'DATE_INT',
  'DATE_MATCH',
  'FOSTER_CARE',
  'NB_ADOPTR',
  'SEX_ADOPTR',
  'LS_ADOPTR',
] as const;
const OC3_ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'] as const;

/** Per row: how many of `cols` are filled. */
function filledCount(ctx: RuleContext, table: TableName, cols: readonly string[]): Uint8Array {
  const t = ctx.t(table);
  const out = new Uint8Array(t.n);
  for (const col of cols) {
    const v = t.str(col);
    for (let r = 0; r < t.n; r++) if (v[r] !== '') out[r]!++;
  }
  return out;
}

/** Per child: 1 when some row of `table` has any of `cols` filled. */
function childHasAny(ctx: RuleContext, table: TableName, cols: readonly string[]): Uint8Array {
  const out = new Uint8Array(ctx.children.length);
  const t = ctx.t(table);
  const filled = filledCount(ctx, table, cols);
  for (let r = 0; r < t.n; r++) if (filled[r]! > 0) out[t.child[r]!] = 1;
  return out;
}

/** OC2 rows whose DOB-based ages at the start and end of the year pass `test`. */
function oc2ByAge(
  ctx: RuleContext,
  test: (ageStart: number, ageEnd: number, dob: number, r: number) => boolean,
): void {
  const t = ctx.t('OC2');
  const dob = t.date('DOB');
  for (let r = 0; r < t.n; r++) {
    const d = dob[r]!;
    if (d === NO_DATE) continue;
    if (test(ageOn(d, ctx.start), ageOn(d, ctx.end), d, r)) ctx.fail('OC2', r);
  }
}

const BEFORE_2024: readonly Year[] = ['2023/24'];
const FROM_2024: readonly Year[] = ['2024/25', '2025/26', '2026/27'];

export const rules: RuleDef[] = [
  codeRule('101', 'Header', 'SEX', 'Header.SEX', true),
  dateRule('102', 'Header', 'DOB', true),
  codeRule('103', 'Header', 'ETHNIC', 'Header.ETHNIC', true),
  dateRule('104', 'UASC', 'DUC', false),
  {
    // Header UASC exists only in the XML form (CSV returns give a UASC file instead).
    code: '105',
    run(ctx) {
      const t = ctx.t('Header');
      if (!t.has('UASC')) return;
      const v = t.str('UASC');
      const ok = ctx.codes('Header.UASC');
      for (let r = 0; r < t.n; r++) if (!ok.has(v[r]!)) ctx.fail('Header', r);
    },
  },
  dateRule('112', 'AD1', 'DATE_INT', false),
  dateRule('113', 'AD1', 'DATE_MATCH', false),
  codeRule('114', 'AD1', 'FOSTER_CARE', 'AD1.FOSTER_CARE', false),
  dateRule('115', 'PlacedAdoption', 'DATE_PLACED', false),
  dateRule('116', 'PlacedAdoption', 'DATE_PLACED_CEASED', false),
  {
    // A decision date after 31 March, or after the child left care (latest episode ended, REC not X1).
    code: '117',
    run(ctx) {
      const p = ctx.t('PlacedAdoption');
      const placed = p.date('DATE_PLACED');
      const ceased = p.date('DATE_PLACED_CEASED');
      const e = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const dec = e.date('DEC');
      const rec = e.str('REC');
      for (let r = 0; r < p.n; r++) {
        const c = p.child[r]!;
        let left = NO_DATE;
        const a = g.start[c]!;
        const b = g.start[c + 1]!;
        if (b > a) {
          const last = g.rows[b - 1]!;
          if (dec[last] !== NO_DATE && rec[last] !== 'X1' && rec[last] !== '') left = dec[last]!;
        }
        for (const d of [placed[r]!, ceased[r]!])
          if (d !== NO_DATE && (d > ctx.end || (left !== NO_DATE && d > left))) {
            ctx.fail('PlacedAdoption', r);
            break;
          }
      }
    },
  },
  {
    // DATE_PLACED_CEASED before 1 April, or before the child's first episode (short breaks aside).
    code: '118',
    run(ctx) {
      const p = ctx.t('PlacedAdoption');
      const ceased = p.date('DATE_PLACED_CEASED');
      const e = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = e.date('DECOM');
      const ls = e.str('LS');
      for (let r = 0; r < p.n; r++) {
        const d = ceased[r]!;
        if (d === NO_DATE) continue;
        const c = p.child[r]!;
        let first = NO_DATE;
        for (let k = g.start[c]!; k < g.start[c + 1]!; k++) {
          const row = g.rows[k]!;
          if (decom[row] !== NO_DATE && ls[row] !== 'V3' && ls[row] !== 'V4') {
            first = decom[row]!;
            break;
          }
        }
        if (d < ctx.start || (first !== NO_DATE && d < first)) ctx.fail('PlacedAdoption', r);
      }
    },
  },
  {
    code: '119',
    run(ctx) {
      const t = ctx.t('PlacedAdoption');
      const date = t.str('DATE_PLACED_CEASED');
      const reason = t.str('REASON_PLACED_CEASED');
      for (let r = 0; r < t.n; r++)
        if ((date[r] === '') !== (reason[r] === '')) ctx.fail('PlacedAdoption', r);
    },
  },
  codeRule(
    '120',
    'PlacedAdoption',
    'REASON_PLACED_CEASED',
    'PlacedAdoption.REASON_PLACED_CEASED',
    false,
  ),
  codeRule('131', 'OC3', 'IN_TOUCH', 'OC3.IN_TOUCH', false),
  codeRule('132', 'OC3', 'ACTIV', 'OC3.ACTIV', false),
  codeRule('133', 'OC3', 'ACCOM', 'OC3.ACCOM', false),
  {
    // A care leaver (OC3 completed) with adoption data: both rows are reported.
    code: '134',
    run(ctx) {
      const oc3 = childHasAny(ctx, 'OC3', OC3_ITEMS);
      const ad1 = childHasAny(ctx, 'AD1', AD1_ITEMS);
      for (const [table, cols] of [
        ['OC3', OC3_ITEMS],
        ['AD1', AD1_ITEMS],
      ] as const) {
        const t = ctx.t(table);
        const filled = filledCount(ctx, table, cols);
        for (let r = 0; r < t.n; r++) {
          const c = t.child[r]!;
          if (filled[r]! > 0 && oc3[c] === 1 && ad1[c] === 1) ctx.fail(table, r);
        }
      }
    },
  },
  dateRule('141', 'Episodes', 'DECOM', true),
  {
    // Every episode but a child's latest must have ended (DEC and REC).
    code: '142',
    run(ctx) {
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const dec = t.str('DEC');
      const rec = t.str('REC');
      const decom = t.date('DECOM');
      for (let c = 0; c < ctx.children.length; c++) {
        const b = g.start[c + 1]!;
        for (let k = g.start[c]!; k < b - 1; k++) {
          const r = g.rows[k]!;
          if (decom[r] === NO_DATE) continue;
          if (dec[r] === '' || rec[r] === '') ctx.fail('Episodes', r);
        }
      }
    },
  },
  codeRule('143', 'Episodes', 'RNE', 'Episodes.RNE', true),
  codeRule('144', 'Episodes', 'LS', 'Episodes.LS', true),
  codeRule('145', 'Episodes', 'CIN', 'Episodes.CIN', true),
  codeRule('146', 'Episodes', 'PLACE', 'Episodes.PLACE', true),
  dateRule('147', 'Episodes', 'DEC', false),
  {
    code: '148',
    run(ctx) {
      const t = ctx.t('Episodes');
      const dec = t.str('DEC');
      const rec = t.str('REC');
      for (let r = 0; r < t.n; r++)
        if ((dec[r] === '') !== (rec[r] === '')) ctx.fail('Episodes', r);
    },
  },
  codeRule('149', 'Episodes', 'REC', 'Episodes.REC', false),
  {
    code: '151',
    run(ctx) {
      const filled = filledCount(ctx, 'AD1', AD1_ITEMS);
      for (let r = 0; r < filled.length; r++) {
        const f = filled[r]!;
        if (f > 0 && f < AD1_ITEMS.length) ctx.fail('AD1', r);
      }
    },
  },
  {
    code: '153',
    run(ctx) {
      const filled = filledCount(ctx, 'OC3', OC3_ITEMS);
      for (let r = 0; r < filled.length; r++) {
        const f = filled[r]!;
        if (f > 0 && f < OC3_ITEMS.length) ctx.fail('OC3', r);
      }
    },
  },
  {
    // SDQ1 (no score because of age) given for a child of SDQ age (4 or over at the start, 16 or
    // under at the end), in the OC2 cohort.
    code: '157',
    run(ctx) {
      const t = ctx.t('OC2');
      const reason = t.str('SDQ_REASON');
      oc2ByAge(
        ctx,
        (ageStart, ageEnd, _d, r) =>
          reason[r] === 'SDQ1' && ageStart >= 4 && ageEnd <= 16 && ctx.cla12(t.child[r]!),
      );
    },
  },
  {
    code: '158',
    run(ctx) {
      const t = ctx.t('OC2');
      const rec = t.str('INTERVENTION_RECEIVED');
      const off = t.str('INTERVENTION_OFFERED');
      for (let r = 0; r < t.n; r++) if (rec[r] === '1' && off[r] !== '') ctx.fail('OC2', r);
    },
  },
  {
    code: '159',
    run(ctx) {
      const t = ctx.t('OC2');
      const sm = t.str('SUBSTANCE_MISUSE');
      const rec = t.str('INTERVENTION_RECEIVED');
      const off = t.str('INTERVENTION_OFFERED');
      for (let r = 0; r < t.n; r++)
        if (sm[r] === '1' && rec[r] === '0' && off[r] === '') ctx.fail('OC2', r);
    },
  },
  {
    // Both postcodes given but no distance can be found (a postcode is not in the lookup), or the
    // distance is beyond 999.9 miles. Short breaks (V3/V4) are not reported.
    code: '164',
    needs: ['postcodes'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      const t = ctx.t('Episodes');
      const home = t.str('HOME_POST');
      const pl = t.str('PL_POST');
      const ls = t.str('LS');
      for (let r = 0; r < t.n; r++) {
        if (home[r] === '' || pl[r] === '' || ls[r] === 'V3' || ls[r] === 'V4') continue;
        const d = geo.plDistance[r]!;
        if (Number.isNaN(d) || d < 0 || d > 999.9) ctx.fail('Episodes', r);
      }
    },
  },
  {
    // MOTHER must be 0 or 1 when given, and 1 only for a child whose sex is female.
    code: '165',
    run(ctx) {
      const t = ctx.t('Header');
      const mother = t.str('MOTHER');
      const sex = t.str('SEX');
      const male = ctx.year === '2023/24' ? '1' : 'M';
      for (let r = 0; r < t.n; r++) {
        const m = mother[r]!;
        if ((m !== '' && m !== '0' && m !== '1') || (m === '1' && sex[r] === male))
          ctx.fail('Header', r);
      }
    },
  },
  dateRule('166', 'Reviews', 'REVIEW', true),
  codeRule('167', 'Reviews', 'REVIEW_CODE', 'Reviews.REVIEW_CODE', true),
  {
    code: '168',
    run(ctx) {
      const t = ctx.t('Header');
      const upn = t.str('UPN');
      const re = /^(?:[A-HJ-NP-RT-Z]\d{11}[0-9A-Z]|UN[1-5])$/;
      for (let r = 0; r < t.n; r++) if (!re.test(upn[r]!)) ctx.fail('Header', r);
    },
  },
  {
    // A placement postcode whose local authority cannot be found (short breaks aside).
    code: '169',
    needs: ['postcodes'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo) return;
      const t = ctx.t('Episodes');
      const pl = t.str('PL_POST');
      const ls = t.str('LS');
      for (let r = 0; r < t.n; r++)
        if (pl[r] !== '' && ls[r] !== 'V3' && ls[r] !== 'V4' && geo.plLa[r] === '')
          ctx.fail('Episodes', r);
    },
  },
  dateRule('171', 'Header', 'MC_DOB', false),
  {
    code: '174',
    years: BEFORE_2024,
    run: (ctx) => {
      maleWithChild(ctx, '1');
    },
  },
  {
    code: '174',
    years: FROM_2024,
    run: (ctx) => {
      maleWithChild(ctx, 'M');
    },
  },
  codeRule('175', 'AD1', 'NB_ADOPTR', 'AD1.NB_ADOPTR', false),
  codeRule('176', 'AD1', 'SEX_ADOPTR', 'AD1.SEX_ADOPTR', false),
  codeRule('177', 'AD1', 'LS_ADOPTR', 'AD1.LS_ADOPTR', false),
  codeRule('178', 'Episodes', 'PLACE_PROVIDER', 'Episodes.PLACE_PROVIDER', false),
  {
    code: '179',
    needs: ['postcodes', 'la'],
    run(ctx) {
      const geo = ctx.geo;
      if (!geo || ctx.la === undefined) return;
      const t = ctx.t('Episodes');
      const pl = t.str('PL_POST');
      const ls = t.str('LS');
      for (let r = 0; r < t.n; r++) {
        const loc = geo.plLocation[r];
        if (pl[r] !== '' && ls[r] !== 'V3' && ls[r] !== 'V4' && loc !== 'IN' && loc !== 'OUT')
          ctx.fail('Episodes', r);
      }
    },
  },
  {
    code: '180',
    run(ctx) {
      const t = ctx.t('OC2');
      const v = t.str('SDQ_SCORE');
      for (let r = 0; r < t.n; r++) {
        const s = v[r]!;
        if (s === '') continue;
        const n = /^\d{1,2}$/.test(s) ? Number(s) : -1;
        if (n < 0 || n > 40) ctx.fail('OC2', r);
      }
    },
  },
  flagRule('181', 'OC2', OC2_ITEMS),
  {
    code: '182',
    run(ctx) {
      const any = filledCount(ctx, 'OC2', OC2_ITEMS);
      const core = filledCount(ctx, 'OC2', OC2_CORE);
      for (let r = 0; r < any.length; r++)
        if (any[r]! > 0 && core[r]! < OC2_CORE.length) ctx.fail('OC2', r);
    },
  },
  {
    code: '184',
    run(ctx) {
      const p = ctx.t('PlacedAdoption');
      const placed = p.date('DATE_PLACED');
      const h = ctx.t('Header');
      const hdob = h.date('DOB');
      const pdob = p.date('DOB');
      for (let r = 0; r < p.n; r++) {
        const d = placed[r]!;
        if (d === NO_DATE) continue;
        const hr = ctx.headerRow(p.child[r]!);
        const dob = hr >= 0 && hdob[hr] !== NO_DATE ? hdob[hr]! : pdob[r]!;
        if (dob !== NO_DATE && d < dob) ctx.fail('PlacedAdoption', r);
      }
    },
  },
  {
    code: '185',
    run(ctx) {
      const t = ctx.t('OC2');
      const v = t.str('SDQ_SCORE');
      for (let r = 0; r < t.n; r++) if (v[r] !== '' && !ctx.cla12(t.child[r]!)) ctx.fail('OC2', r);
    },
  },
  {
    code: '186',
    run(ctx) {
      const t = ctx.t('OC2');
      const score = t.str('SDQ_SCORE');
      const reason = t.str('SDQ_REASON');
      oc2ByAge(
        ctx,
        (ageStart, ageEnd, _d, r) =>
          ageStart >= 4 &&
          ageEnd < 17 &&
          score[r] === '' &&
          reason[r] === '' &&
          ctx.cla12(t.child[r]!),
      );
    },
  },
  {
    // An OC2-cohort child with adoption or care-leaver data: those rows are reported.
    code: '187',
    run(ctx) {
      for (const [table, cols] of [
        ['AD1', AD1_ITEMS],
        ['OC3', OC3_ITEMS],
      ] as const) {
        const t = ctx.t(table);
        const filled = filledCount(ctx, table, cols);
        for (let r = 0; r < t.n; r++)
          if (filled[r]! > 0 && ctx.cla12(t.child[r]!)) ctx.fail(table, r);
      }
    },
  },
  {
    code: '188',
    run(ctx) {
      const t = ctx.t('OC2');
      const score = t.str('SDQ_SCORE');
      const reason = t.str('SDQ_REASON');
      oc2ByAge(ctx, (_s, ageEnd, _d, r) => ageEnd < 4 && (score[r] !== '' || reason[r] !== ''));
    },
  },
  {
    code: '189',
    run(ctx) {
      const t = ctx.t('OC2');
      const score = t.str('SDQ_SCORE');
      const reason = t.str('SDQ_REASON');
      oc2ByAge(
        ctx,
        (ageStart, _e, _d, r) => ageStart >= 17 && (score[r] !== '' || reason[r] !== ''),
      );
    },
  },
  {
    code: '190',
    run(ctx) {
      const t = ctx.t('OC2');
      const filled = filledCount(ctx, 'OC2', OC2_ITEMS);
      for (let r = 0; r < t.n; r++)
        if (filled[r]! > 0 && !ctx.cla12(t.child[r]!)) ctx.fail('OC2', r);
    },
  },
  {
    code: '191',
    run(ctx) {
      const t = ctx.t('OC2');
      const core = filledCount(ctx, 'OC2', OC2_CORE);
      for (let r = 0; r < t.n; r++)
        if (core[r]! < OC2_CORE.length && ctx.cla12(t.child[r]!)) ctx.fail('OC2', r);
    },
  },
  {
    code: '192',
    run(ctx) {
      const t = ctx.t('OC2');
      const sm = t.str('SUBSTANCE_MISUSE');
      const rec = t.str('INTERVENTION_RECEIVED');
      for (let r = 0; r < t.n; r++) if (sm[r] === '1' && rec[r] === '') ctx.fail('OC2', r);
    },
  },
  {
    code: '193',
    run(ctx) {
      const t = ctx.t('OC2');
      const sm = t.str('SUBSTANCE_MISUSE');
      const rec = t.str('INTERVENTION_RECEIVED');
      const off = t.str('INTERVENTION_OFFERED');
      for (let r = 0; r < t.n; r++)
        if (sm[r] !== '1' && (rec[r] !== '' || off[r] !== '')) ctx.fail('OC2', r);
    },
  },
  codeRule('196', 'OC2', 'SDQ_REASON', 'OC2.SDQ_REASON', false),
  {
    code: '197a',
    run(ctx) {
      const t = ctx.t('OC2');
      const score = t.str('SDQ_SCORE');
      const reason = t.str('SDQ_REASON');
      for (let r = 0; r < t.n; r++) if (score[r] !== '' && reason[r] !== '') ctx.fail('OC2', r);
    },
  },
  {
    // The 4th or 17th birthday falls in the year: an OC2-cohort child needs a score or a reason.
    code: '197B',
    run(ctx) {
      const t = ctx.t('OC2');
      const score = t.str('SDQ_SCORE');
      const reason = t.str('SDQ_REASON');
      oc2ByAge(ctx, (_s, _e, dob, r) => {
        const b4 = addYears(dob, 4);
        const b17 = addYears(dob, 17);
        const turns = (b4 >= ctx.start && b4 <= ctx.end) || (b17 >= ctx.start && b17 <= ctx.end);
        return turns && score[r] === '' && reason[r] === '' && ctx.cla12(t.child[r]!);
      });
    },
  },
  {
    code: '198',
    run(ctx) {
      const t = ctx.t('OC2');
      const reason = t.str('SDQ_REASON');
      for (let r = 0; r < t.n; r++)
        if (reason[r] !== '' && !ctx.cla12(t.child[r]!)) ctx.fail('OC2', r);
    },
  },
  {
    // A child who left care by adoption (REC E11/E12) this year or last year has a later episode.
    code: '199',
    run(ctx) {
      const adoptedOn = new Int32Array(ctx.children.length).fill(NO_DATE);
      const note = (data: typeof ctx.prev): void => {
        if (!data) return;
        const t = data.t('Episodes');
        const rec = t.str('REC');
        const dec = t.date('DEC');
        for (let r = 0; r < t.n; r++) {
          const rc = rec[r];
          if ((rc === 'E11' || rc === 'E12') && dec[r] !== NO_DATE) {
            const c = t.child[r]!;
            if (adoptedOn[c] === NO_DATE || dec[r]! < adoptedOn[c]!) adoptedOn[c] = dec[r]!;
          }
        }
      };
      note(ctx.prev);
      note(ctx);
      const t = ctx.t('Episodes');
      const decom = t.date('DECOM');
      for (let r = 0; r < t.n; r++) {
        const a = adoptedOn[t.child[r]!]!;
        if (a !== NO_DATE && decom[r] !== NO_DATE && decom[r]! >= a) ctx.fail('Episodes', r);
      }
    },
  },
];

function maleWithChild(ctx: RuleContext, male: string): void {
  const t = ctx.t('Header');
  const sex = t.str('SEX');
  const mc = t.str('MC_DOB');
  for (let r = 0; r < t.n; r++) if (sex[r] === male && mc[r] !== '') ctx.fail('Header', r);
}
