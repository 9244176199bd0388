// Social worker visits on time (reg 28), as a snapshot on the date.
import { addYears, daysBetween } from '../dates/index.ts';
import { cla, lookedAfterOn, placementOn } from './cohort.ts';
import { percent } from './result.ts';
import type { Measure } from './types.ts';

export const visitsOnTime: Measure = {
  id: 'visits-on-time',
  title: 'Social worker visits up to date',
  definition:
    'Of children looked after on the date (short breaks V3/V4 excluded), the percentage whose visits ' +
    'are not overdue on the date: the current placement started no more than 7 days before, or the ' +
    'child was seen (visit with "seen") since it started and the last such visit was no more than 42 ' +
    'days (6 weeks) before the date, or 91 days (3 months) when the placement is intended to last ' +
    'until 18 and the child has been looked after for a year or more. A simpler reading of reg 28 ' +
    "than the timescales engine's (which also handles Reg 24 and placements with parents).",
  source: 'Care Planning, Placement and Case Review Regulations 2010 reg 28',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const cohort = cla(data.children, at);
    let n = 0;
    for (const c of cohort) {
      const p = placementOn(c, at);
      if (!p || daysBetween(p.start, at) <= 7) {
        n++;
        continue;
      }
      let last: string | null = null;
      for (const v of c.visits)
        if (v.seen && v.date >= p.start && v.date <= at && (last === null || v.date > last))
          last = v.date;
      if (last === null) continue;
      const period = lookedAfterOn(c, at);
      const settled = p.intendedTo18 && period !== undefined && period.start <= addYears(at, -1);
      if (daysBetween(last, at) <= (settled ? 91 : 42)) n++;
    }
    return percent(n, cohort.length);
  },
};
