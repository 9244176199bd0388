// Children starting and ceasing to be looked after in the twelve months to the date.
import { periodsDuring, shortBreaksOnly, within, yearTo } from './cohort.ts';
import { count, tally } from './result.ts';
import type { Measure } from './types.ts';

export const entrants: Measure = {
  id: 'entrants',
  title: 'Children who started to be looked after',
  definition:
    'Children with a period of care starting in the twelve months ending on the date (both days ' +
    'included), each child counted once; periods made only of short breaks (V3, V4) are left out. ' +
    "Broken down by the month of the child's first start in the window and by category of need " +
    '(N1–N8) of its first placement.',
  source: 'DfE Children looked after in England: children who started to be looked after',
  unit: 'count',
  polarity: 'neither',
  compute(data, at) {
    const w = yearTo(at);
    const breakdown: Record<string, number> = {};
    let n = 0;
    for (const c of data.children) {
      const first = c.periods
        .filter((p) => within(p.start, w) && !shortBreaksOnly(c, p))
        .sort((a, b) => (a.start < b.start ? -1 : 1))[0];
      if (!first) continue;
      n++;
      tally(breakdown, first.start.slice(0, 7));
      let cin: string | undefined;
      let from = '';
      for (const pl of c.placements)
        if (pl.periodOfCareId === first.id && (cin === undefined || pl.start < from)) {
          cin = pl.categoryOfNeed;
          from = pl.start;
        }
      tally(breakdown, cin ?? 'not known');
    }
    return count(n, breakdown);
  },
};

export const leavers: Measure = {
  id: 'leavers',
  title: 'Children who ceased to be looked after',
  definition:
    'Children with a period of care ending in the twelve months ending on the date (a child who ' +
    'left on the date counts), each child counted once at their last ending; periods made only of ' +
    'short breaks (V3, V4) are left out. Broken down by month and by 903 reason (REC: E11/E12 ' +
    'adopted, E45/E46 special guardianship, E4A returned home, E5/E6/E17 at 18 …).',
  source: 'DfE Children looked after in England: children who ceased to be looked after',
  unit: 'count',
  polarity: 'neither',
  compute(data, at) {
    const w = yearTo(at);
    const breakdown: Record<string, number> = {};
    let n = 0;
    for (const c of data.children) {
      const last = periodsDuring(c, w)
        .filter((p) => within(p.end, w))
        .at(-1);
      if (!last?.end) continue;
      n++;
      tally(breakdown, last.end.slice(0, 7));
      tally(breakdown, last.endReason ?? 'not known');
    }
    return count(n, breakdown);
  },
};
