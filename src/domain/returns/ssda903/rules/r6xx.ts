/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds */
// Rules 6xx (adoption details, motherhood, previous permanence). Each rule follows CONTRACT.md.
import { addYears, dayOf, NO_DATE } from '../dates.ts';
import type { RuleContext, RuleDef, Year } from '../types.ts';
import { firstEpisode, lastEpisode } from './helpers-45xx.ts';
import {
  ADOPTED,
  each,
  LA_PERM_CODES,
  nChildren,
  oc3Completed,
  partialDateLatest,
  rowsOf,
  SHORT_BREAK,
  UNKNOWN_YEAR,
} from './helpers-67xx.ts';

const AD1_FIELDS = [
  'DATE_INT',
  'DATE_MATCH',
  'FOSTER_CARE',
  'NB_ADOPTR',
  'SEX_ADOPTR',
  'LS_ADOPTR',
] as const;
const Y2023: readonly Year[] = ['2023/24'];
const FROM_2024: readonly Year[] = ['2024/25', '2025/26', '2026/27'];
/** Previous permanence is asked of children who started to be looked after from 1 April 2016. */
const PERMANENCE_FROM = dayOf(2016, 4, 1);

/** Per child: 1 when an episode ended in adoption (REC E11/E12) with DEC in the collection year. */
function adoptedInYear(ctx: RuleContext): Uint8Array {
  const out = new Uint8Array(nChildren(ctx));
  const t = ctx.t('Episodes');
  const dec = t.date('DEC');
  const rec = t.str('REC');
  for (let r = 0; r < t.n; r++) {
    const d = dec[r]!;
    if (d !== NO_DATE && d >= ctx.start && d <= ctx.end && ADOPTED.has(rec[r]!))
      out[t.child[r]!] = 1;
  }
  return out;
}

function anyBlank(cols: readonly (readonly string[])[], r: number): boolean {
  for (const col of cols) if (col[r] === '') return true;
  return false;
}

function allBlank(cols: readonly (readonly string[])[], r: number): boolean {
  for (const col of cols) if (col[r] !== '') return false;
  return true;
}

/** 607: a girl who ceased to be looked after in the year has no MOTHER value (`female` = SEX code). */
function motherMissing(years: readonly Year[], female: string): RuleDef {
  return {
    code: '607',
    years,
    run(ctx) {
      const t = ctx.t('Episodes');
      const h = ctx.t('Header');
      const dec = t.date('DEC');
      const rec = t.str('REC');
      const ls = t.str('LS');
      const sex = h.str('SEX');
      const mother = h.str('MOTHER');
      for (let r = 0; r < t.n; r++) {
        const d = dec[r]!;
        if (d === NO_DATE || d < ctx.start || d > ctx.end) continue;
        const rc = rec[r]!;
        if (rc === '' || rc === 'X1' || SHORT_BREAK.has(ls[r]!)) continue;
        const hr = ctx.headerRow(t.child[r]!);
        if (hr < 0 || sex[hr] !== female || mother[hr] !== '') continue;
        ctx.fail('Header', hr);
        ctx.fail('Episodes', r);
      }
    },
  };
}

/** 612: MC_DOB given for a girl whose MOTHER is 0 or blank (`female` = SEX code). */
function notMother(years: readonly Year[], female: string): RuleDef {
  return {
    code: '612',
    years,
    run(ctx) {
      const h = ctx.t('Header');
      const sex = h.str('SEX');
      const mother = h.str('MOTHER');
      const mcDob = h.str('MC_DOB');
      each(
        ctx,
        'Header',
        (r) => (mother[r] === '0' || mother[r] === '') && sex[r] === female && mcDob[r] !== '',
      );
    },
  };
}

export const rules: RuleDef[] = [
  {
    // The child was adopted in the year and has an AD1 row with an adoption field blank (or no AD1 row).
    code: '601',
    run(ctx) {
      if (!ctx.has('AD1')) return;
      const t = ctx.t('Episodes');
      const a = ctx.t('AD1');
      const ga = ctx.byChild('AD1');
      const dec = t.date('DEC');
      const rec = t.str('REC');
      const cols = AD1_FIELDS.map((f) => a.str(f));
      for (let r = 0; r < t.n; r++) {
        const d = dec[r]!;
        if (d === NO_DATE || d < ctx.start || d > ctx.end || !ADOPTED.has(rec[r]!)) continue;
        const c = t.child[r]!;
        const end = ga.start[c + 1]!;
        if (ga.start[c] === end) {
          ctx.fail('Episodes', r);
          continue;
        }
        for (let k = ga.start[c]!; k < end; k++) {
          const ar = ga.rows[k]!;
          if (anyBlank(cols, ar)) {
            ctx.fail('AD1', ar);
            ctx.fail('Episodes', r);
          }
        }
      }
    },
  },
  {
    // AD1 details given for a child with no episode ending in adoption during the year.
    code: '602',
    run(ctx) {
      const adopted = adoptedInYear(ctx);
      const a = ctx.t('AD1');
      const cols = AD1_FIELDS.map((f) => a.str(f));
      each(ctx, 'AD1', (r) => adopted[a.child[r]!] === 0 && !allBlank(cols, r));
    },
  },
  motherMissing(Y2023, '2'),
  motherMissing(FROM_2024, 'F'),
  {
    code: '611',
    run(ctx) {
      const h = ctx.t('Header');
      const mother = h.str('MOTHER');
      const mcDob = h.str('MC_DOB');
      each(ctx, 'Header', (r) => mother[r] === '1' && mcDob[r] === '');
    },
  },
  notMother(Y2023, '2'),
  notMother(FROM_2024, 'F'),
  {
    // A mother under 11 at the start of the collection year.
    code: '620',
    run(ctx) {
      const h = ctx.t('Header');
      const mother = h.str('MOTHER');
      const dob = h.date('DOB');
      each(
        ctx,
        'Header',
        (r) => mother[r] === '1' && dob[r] !== NO_DATE && addYears(dob[r]!, 11) > ctx.start,
      );
    },
  },
  {
    // The first child was born on or before the mother's own date of birth.
    code: '621',
    run(ctx) {
      const h = ctx.t('Header');
      const dob = h.date('DOB');
      const mcDob = h.date('MC_DOB');
      each(
        ctx,
        'Header',
        (r) => dob[r] !== NO_DATE && mcDob[r] !== NO_DATE && mcDob[r]! <= dob[r]!,
      );
    },
  },
  {
    // MC_DOB differs from the one reported last year (a blank now against a date then also differs).
    code: '624',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const h = ctx.t('Header');
      const mc = h.str('MC_DOB');
      const mcDay = h.date('MC_DOB');
      const ph = prev.t('Header');
      const pmc = ph.str('MC_DOB');
      const pmcDay = ph.date('MC_DOB');
      each(ctx, 'Header', (r) => {
        const p = prev.headerRow(h.child[r]!);
        if (p < 0 || pmc[p] === '') return false;
        if (mcDay[r] !== NO_DATE && pmcDay[p] !== NO_DATE) return mcDay[r] !== pmcDay[p];
        return mc[r] !== pmc[p];
      });
    },
  },
  {
    // MC_DOB after 31 March, or after the DEC of the child's latest episode when that has ended.
    code: '625',
    run(ctx) {
      const h = ctx.t('Header');
      const mcDob = h.date('MC_DOB');
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = t.date('DECOM');
      const dec = t.date('DEC');
      for (let r = 0; r < h.n; r++) {
        const m = mcDob[r]!;
        if (m === NO_DATE) continue;
        const last = lastEpisode(g, decom, h.child[r]!);
        const lastDec = last >= 0 ? dec[last]! : NO_DATE;
        if (lastDec !== NO_DATE && m > lastDec) {
          ctx.fail('Header', r);
          ctx.fail('Episodes', last);
        } else if (m > ctx.end) ctx.fail('Header', r);
      }
    },
  },
  {
    // Mother now with a first child born before this year, though last year's return said not a mother.
    code: '626',
    needs: ['prev'],
    run(ctx) {
      const prev = ctx.prev;
      if (!prev) return;
      const h = ctx.t('Header');
      const mother = h.str('MOTHER');
      const mcDob = h.date('MC_DOB');
      const pmother = prev.t('Header').str('MOTHER');
      each(ctx, 'Header', (r) => {
        if (mother[r] !== '1' || mcDob[r] === NO_DATE || mcDob[r]! >= ctx.start) return false;
        const p = prev.headerRow(h.child[r]!);
        return p >= 0 && pmother[p] === '0';
      });
    },
  },
  {
    // MOTHER given for a care leaver (OC3 completed) who had no episode this year.
    code: '628',
    run(ctx) {
      if (!ctx.has('OC3')) return;
      const h = ctx.t('Header');
      const mother = h.str('MOTHER');
      const ge = ctx.byChild('Episodes');
      const o = ctx.t('OC3');
      const done = oc3Completed(o);
      const leaver = new Uint8Array(nChildren(ctx));
      for (let r = 0; r < o.n; r++) if (done[r] === 1) leaver[o.child[r]!] = 1;
      each(ctx, 'Header', (r) => {
        const c = h.child[r]!;
        return mother[r] !== '' && leaver[c] === 1 && rowsOf(ge, c) === 0;
      });
    },
  },
  {
    // A new period of care began this year (RNE S) but previous permanence is missing or incomplete.
    code: '630',
    run(ctx) {
      if (!ctx.has('PrevPerm')) return;
      const t = ctx.t('Episodes');
      const decom = t.date('DECOM');
      const rne = t.str('RNE');
      const p = ctx.t('PrevPerm');
      const gp = ctx.byChild('PrevPerm');
      const perm = p.str('PREV_PERM');
      const la = p.str('LA_PERM');
      const date = p.str('DATE_PERM');
      each(ctx, 'Episodes', (r) => {
        if (rne[r] !== 'S' || decom[r] === NO_DATE || decom[r]! < ctx.start) return false;
        const c = t.child[r]!;
        const end = gp.start[c + 1]!;
        if (gp.start[c] === end) return true;
        for (let k = gp.start[c]!; k < end; k++) {
          const pr = gp.rows[k]!;
          if (perm[pr] === '') return true;
          if (perm[pr] !== 'Z1' && (la[pr] === '' || date[pr] === '')) return true;
        }
        return false;
      });
    },
  },
  {
    code: '631',
    run(ctx) {
      const perm = ctx.t('PrevPerm').str('PREV_PERM');
      const ok = ctx.codes('PrevPerm.PREV_PERM');
      each(ctx, 'PrevPerm', (r) => perm[r] !== '' && !ok.has(perm[r]!));
    },
  },
  {
    // DATE_PERM not DD/MM/YYYY (ZZ for an unknown day or month, ZZZZ for an unknown year), or not
    // before the child's first episode this year.
    code: '632',
    run(ctx) {
      const p = ctx.t('PrevPerm');
      const date = p.str('DATE_PERM');
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = t.date('DECOM');
      for (let r = 0; r < p.n; r++) {
        const s = date[r]!;
        if (s === '') continue;
        const latest = partialDateLatest(s);
        const first = firstEpisode(g, decom, p.child[r]!);
        if (latest === NO_DATE) {
          ctx.fail('PrevPerm', r);
          if (first >= 0) ctx.fail('Episodes', first);
        } else if (latest !== UNKNOWN_YEAR && first >= 0 && latest >= decom[first]!) {
          ctx.fail('PrevPerm', r);
          ctx.fail('Episodes', first);
        }
      }
    },
  },
  {
    code: '633',
    run(ctx) {
      const la = ctx.t('PrevPerm').str('LA_PERM');
      each(ctx, 'PrevPerm', (r) => la[r] !== '' && !LA_PERM_CODES.has(la[r]!));
    },
  },
  {
    // Previous permanence given, but every episode of the child began before 1 April 2016.
    code: '634',
    run(ctx) {
      const p = ctx.t('PrevPerm');
      const cols = ['PREV_PERM', 'LA_PERM', 'DATE_PERM'].map((f) => p.str(f));
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = t.date('DECOM');
      for (let r = 0; r < p.n; r++) {
        if (allBlank(cols, r)) continue;
        const last = lastEpisode(g, decom, p.child[r]!);
        if (last >= 0 && decom[last]! < PERMANENCE_FROM) {
          ctx.fail('PrevPerm', r);
          ctx.fail('Episodes', last);
        }
      }
    },
  },
  {
    // PREV_PERM is Z1 (no previous permanence) yet LA_PERM or DATE_PERM is given.
    code: '635',
    run(ctx) {
      const p = ctx.t('PrevPerm');
      const perm = p.str('PREV_PERM');
      const la = p.str('LA_PERM');
      const date = p.str('DATE_PERM');
      each(ctx, 'PrevPerm', (r) => perm[r] === 'Z1' && (la[r] !== '' || date[r] !== ''));
    },
  },
];
