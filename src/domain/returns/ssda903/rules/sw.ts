/* eslint-disable @typescript-eslint/no-non-null-assertion -- hot loops index typed arrays and columns within bounds */
// Social worker episode rules SW..STG1/STG2. Each rule follows CONTRACT.md. Social worker episodes
// are taken per child in SW_DECOM order (swByChild); "latest" means the latest SW_DECOM.
import { addYears, dayOf, NO_DATE } from '../dates.ts';
import type { RuleContext, RuleDef, Year } from '../types.ts';
import { each, lookedAfterAtEnd, nChildren, swByChild } from './helpers-67xx.ts';

const Y2023: readonly Year[] = ['2023/24'];
const FROM_2024: readonly Year[] = ['2024/25', '2025/26', '2026/27'];
/** Social worker episodes were first collected from 1 April 2023 (SW01a/SW01b). */
const SW_FROM = dayOf(2023, 4, 1);

/** Start of the social worker reporting period: the collection year in 2023/24, two years from 2024/25. */
function reportingStart(ctx: RuleContext): number {
  return ctx.year === '2023/24' ? ctx.start : addYears(ctx.start, -1);
}

/** Calls visit(r, next) for consecutive social worker episodes of each child (next = -1 for the latest). */
function eachSw(ctx: RuleContext, visit: (r: number, next: number) => void): void {
  const g = swByChild(ctx);
  for (let c = 0; c < nChildren(ctx); c++) {
    const b = g.start[c + 1]!;
    for (let k = g.start[c]!; k < b; k++) visit(g.rows[k]!, k + 1 < b ? g.rows[k + 1]! : -1);
  }
}

/** SW10: a new episode must start within 7 days either side of the previous one's end. */
function continuity(years: readonly Year[], exempt?: string): RuleDef {
  return {
    code: 'SW10STG2',
    years,
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      const decom = t.date('SW_DECOM');
      const dec = t.date('SW_DEC');
      const reason = t.str('SW_REASON');
      eachSw(ctx, (r, next) => {
        if (next < 0 || dec[r] === NO_DATE || decom[next] === NO_DATE) return;
        if (exempt !== undefined && reason[next] === exempt) return;
        const gap = decom[next]! - dec[r]!;
        if (gap < -7 || gap > 7) ctx.fail('SWEpisodes', next);
      });
    },
  };
}

/** SW12: a child looked after on 31 March has social worker episodes back to the start of the year. */
function fullYear(years: readonly Year[]): RuleDef {
  return {
    code: 'SW12STG2',
    years,
    run(ctx) {
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = t.date('DECOM');
      const decStr = t.str('DEC');
      const ls = t.str('LS');
      const sw = swByChild(ctx);
      const swDecom = ctx.t('SWEpisodes').date('SW_DECOM');
      const h = ctx.t('Header');
      const dob = h.date('DOB');
      for (let c = 0; c < nChildren(ctx); c++) {
        const open = lookedAfterAtEnd(g, decom, decStr, ls, c);
        if (open < 0) continue;
        const a = sw.start[c]!;
        const b = sw.start[c + 1]!;
        let first = -1;
        for (let k = a; k < b && first < 0; k++)
          if (swDecom[sw.rows[k]!] !== NO_DATE) first = sw.rows[k]!;
        if (first < 0) {
          ctx.fail('Episodes', open, ['DEC']);
          continue;
        }
        const hr = ctx.headerRow(c);
        const born = hr >= 0 ? dob[hr]! : NO_DATE;
        const from = born !== NO_DATE && born > ctx.start ? born : ctx.start;
        if (swDecom[first]! > from) ctx.fail('SWEpisodes', first);
      }
    },
  };
}

export const rules: RuleDef[] = [
  {
    // Looked after on 31 March, but no social worker ID, start date and reason among the child's episodes.
    code: 'SW01STG1',
    years: Y2023,
    run(ctx) {
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = t.date('DECOM');
      const decStr = t.str('DEC');
      const ls = t.str('LS');
      const s = ctx.t('SWEpisodes');
      const gs = ctx.byChild('SWEpisodes');
      const id = s.str('SW_ID');
      const start = s.str('SW_DECOM');
      const reason = s.str('SW_REASON');
      for (let c = 0; c < nChildren(ctx); c++) {
        const open = lookedAfterAtEnd(g, decom, decStr, ls, c);
        if (open < 0) continue;
        let hasId = false;
        let hasStart = false;
        let hasReason = false;
        for (let k = gs.start[c]!; k < gs.start[c + 1]!; k++) {
          const r = gs.rows[k]!;
          if (id[r] !== '') hasId = true;
          if (start[r] !== '') hasStart = true;
          if (reason[r] !== '') hasReason = true;
        }
        if (!(hasId && hasStart && hasReason)) ctx.fail('Episodes', open);
      }
    },
  },
  {
    // No valid start date, or an episode begun before 1 April 2023 without a social worker ID.
    code: 'SW01aSTG1',
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      const decom = t.date('SW_DECOM');
      const id = t.str('SW_ID');
      each(ctx, 'SWEpisodes', (r) => decom[r] === NO_DATE || (decom[r]! < SW_FROM && id[r] === ''));
    },
  },
  {
    // No valid start date, or an episode begun from 1 April 2023 without an ID or a reason.
    code: 'SW01bSTG1',
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      const decom = t.date('SW_DECOM');
      const id = t.str('SW_ID');
      const reason = t.str('SW_REASON');
      each(
        ctx,
        'SWEpisodes',
        (r) => decom[r] === NO_DATE || (decom[r]! >= SW_FROM && (id[r] === '' || reason[r] === '')),
      );
    },
  },
  {
    code: 'SW02STG1',
    run(ctx) {
      const id = ctx.t('SWEpisodes').str('SW_ID');
      each(ctx, 'SWEpisodes', (r) => {
        const v = id[r]!;
        return v !== '' && !v.startsWith('SW') && !v.startsWith('XX');
      });
    },
  },
  {
    code: 'SW03STG1',
    years: Y2023,
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      const id = t.str('SW_ID');
      const decom = t.str('SW_DECOM');
      const reason = t.str('SW_REASON');
      each(ctx, 'SWEpisodes', (r) => id[r] === '' || decom[r] === '' || reason[r] === '');
    },
  },
  {
    // SW_DECOM is required: blank or not a date.
    code: 'SW04STG1',
    run(ctx) {
      const decom = ctx.t('SWEpisodes').date('SW_DECOM');
      each(ctx, 'SWEpisodes', (r) => decom[r] === NO_DATE);
    },
  },
  {
    // SW_DEC given but not a date (the DfE message repeats SW04's wording; the field is SW_DEC).
    code: 'SW05STG1',
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      each(ctx, 'SWEpisodes', (r) => t.badDate('SW_DEC', r));
    },
  },
  {
    code: 'SW06STG2',
    run(ctx) {
      const decom = ctx.t('SWEpisodes').date('SW_DECOM');
      each(ctx, 'SWEpisodes', (r) => decom[r] !== NO_DATE && decom[r]! > ctx.end);
    },
  },
  {
    // SW_DEC before the start of the social worker reporting period or after 31 March.
    code: 'SW07STG2',
    run(ctx) {
      const dec = ctx.t('SWEpisodes').date('SW_DEC');
      const from = reportingStart(ctx);
      each(ctx, 'SWEpisodes', (r) => dec[r] !== NO_DATE && (dec[r]! < from || dec[r]! > ctx.end));
    },
  },
  {
    // An open social worker episode (no SW_DEC) followed by a later one.
    code: 'SW08STG2',
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      const decom = t.date('SW_DECOM');
      const dec = t.str('SW_DEC');
      eachSw(ctx, (r, next) => {
        if (next >= 0 && dec[r] === '' && decom[r] !== NO_DATE) ctx.fail('SWEpisodes', r);
      });
    },
  },
  {
    code: 'SW09STG2',
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      const decom = t.date('SW_DECOM');
      const dec = t.date('SW_DEC');
      each(ctx, 'SWEpisodes', (r) => decom[r] !== NO_DATE && decom[r] === dec[r]);
    },
  },
  continuity(Y2023),
  continuity(FROM_2024, 'FCONTA'),
  {
    // 2023/24: an episode ended 5 or more days before 31 March and no next episode starts within 5 days of it.
    code: 'SW11aSTG2',
    years: Y2023,
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      const decom = t.date('SW_DECOM');
      const dec = t.date('SW_DEC');
      const limit = ctx.end - 5;
      eachSw(ctx, (r, next) => {
        const d = dec[r]!;
        if (d === NO_DATE || d > limit) return;
        const n = next < 0 ? NO_DATE : decom[next]!;
        if (n === NO_DATE || n < d - 5 || n > d + 5) ctx.fail('SWEpisodes', r);
      });
    },
  },
  {
    // The child's latest social worker episode ended in the last 5 days before 31 March (earlier ends
    // are SW11a's, with its 5-day window for the next start): no later episode follows it.
    code: 'SW11bSTG2',
    run(ctx) {
      const dec = ctx.t('SWEpisodes').date('SW_DEC');
      const limit = ctx.end - 5;
      eachSw(ctx, (r, next) => {
        const d = dec[r]!;
        if (next < 0 && d !== NO_DATE && d > limit && d <= ctx.end) ctx.fail('SWEpisodes', r);
      });
    },
  },
  fullYear(Y2023),
  fullYear(FROM_2024),
  {
    // 2023/24: a reason given that is not on the list (blank reasons are SW03's).
    code: 'SW13STG1',
    years: Y2023,
    run(ctx) {
      const reason = ctx.t('SWEpisodes').str('SW_REASON');
      const ok = ctx.codes('SWEpisodes.SW_REASON');
      each(ctx, 'SWEpisodes', (r) => reason[r] !== '' && !ok.has(reason[r]!));
    },
  },
  {
    // From 2024/25: not on the list, or blank — except on the child's first episode of the year (the
    // one open at 1 April, else the first starting in the year), which needs no reason for a change.
    code: 'SW13STG1',
    years: FROM_2024,
    run(ctx) {
      const t = ctx.t('SWEpisodes');
      const reason = t.str('SW_REASON');
      const decom = t.date('SW_DECOM');
      const dec = t.date('SW_DEC');
      const decStr = t.str('SW_DEC');
      const ok = ctx.codes('SWEpisodes.SW_REASON');
      const g = swByChild(ctx);
      for (let c = 0; c < nChildren(ctx); c++) {
        const b = g.start[c + 1]!;
        let first = -1;
        for (let k = g.start[c]!; k < b; k++) {
          const r = g.rows[k]!;
          const dc = decom[r]!;
          if (dc === NO_DATE) continue;
          const openAtStart =
            dc < ctx.start && (decStr[r] === '' || (dec[r] !== NO_DATE && dec[r]! >= ctx.start));
          if (openAtStart || (dc >= ctx.start && first < 0)) first = r;
          if (dc >= ctx.start) break;
        }
        for (let k = g.start[c]!; k < b; k++) {
          const r = g.rows[k]!;
          const v = reason[r]!;
          if (v === '' ? r !== first : !ok.has(v)) ctx.fail('SWEpisodes', r);
        }
      }
    },
  },
  {
    // 2023/24: SW_DEC blank on an episode that is not the child's latest.
    code: 'SW14STG2',
    years: Y2023,
    run(ctx) {
      const dec = ctx.t('SWEpisodes').str('SW_DEC');
      eachSw(ctx, (r, next) => {
        if (next >= 0 && dec[r] === '') ctx.fail('SWEpisodes', r);
      });
    },
  },
  {
    // From 2025/26: a child looked after on 31 March (latest episode open then, not a short break:
    // the population of SW01 and SW12) whose latest social worker episode has an end date. A child
    // who left care in the year may rightly have no social worker at 31 March (adopted, 18 with a
    // personal adviser, support after going home ended): docs/903-validator.md, "Rule scope".
    code: 'SW17STG2',
    run(ctx) {
      const t = ctx.t('Episodes');
      const g = ctx.byChild('Episodes');
      const decom = t.date('DECOM');
      const decStr = t.str('DEC');
      const ls = t.str('LS');
      const dec = ctx.t('SWEpisodes').str('SW_DEC');
      const sw = swByChild(ctx);
      for (let c = 0; c < nChildren(ctx); c++) {
        const b = sw.start[c + 1]!;
        if (sw.start[c] === b) continue;
        const latest = sw.rows[b - 1]!;
        if (dec[latest] === '' || lookedAfterAtEnd(g, decom, decStr, ls, c) < 0) continue;
        ctx.fail('SWEpisodes', latest);
      }
    },
  },
];
