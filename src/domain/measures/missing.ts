// Missing from care (903 MISSING = M): children, incidents and return interviews.
import { addDays } from '../dates/index.ts';
import { lookedAfterDuring, within, yearTo } from './cohort.ts';
import { average, count, percent } from './result.ts';
import type { Measure } from './types.ts';

const MISSING =
  "Only 'missing' incidents count (whereabouts unknown, 903 M); 'away from placement without " +
  "authorisation' (A, whereabouts known) does not.";

export const missingChildren: Measure = {
  id: 'missing-children',
  title: 'Children who went missing',
  definition:
    'Of children looked after at any time in the twelve months ending on the date (short-break-only ' +
    'periods left out), the percentage with at least one missing incident starting in those twelve ' +
    `months. ${MISSING}`,
  source:
    'DfE Children looked after in England: missing incidents (England 2022: 11% of CLA in year)',
  unit: 'percent',
  polarity: 'lower is better',
  compute(data, at) {
    const w = yearTo(at);
    let n = 0;
    let d = 0;
    for (const c of data.children) {
      if (!lookedAfterDuring(c, w)) continue;
      d++;
      if (c.missing.some((m) => m.kind === 'M' && within(m.start, w))) n++;
    }
    return percent(n, d);
  },
};

function incidents(
  data: Parameters<Measure['compute']>[0],
  at: string,
): { incidents: number; children: number } {
  const w = yearTo(at);
  let k = 0;
  let children = 0;
  for (const c of data.children) {
    let mine = 0;
    for (const m of c.missing) if (m.kind === 'M' && within(m.start, w)) mine++;
    if (mine > 0) children++;
    k += mine;
  }
  return { incidents: k, children };
}

export const missingIncidents: Measure = {
  id: 'missing-incidents',
  title: 'Missing incidents',
  definition: `Missing incidents starting in the twelve months ending on the date, for any child in the record. ${MISSING}`,
  source: 'DfE Children looked after in England: missing incidents (England 86,900 in 2025)',
  unit: 'count',
  polarity: 'lower is better',
  compute: (data, at) => count(incidents(data, at).incidents),
};

export const missingIncidentsPerChild: Measure = {
  id: 'missing-incidents-per-child',
  title: 'Missing incidents per missing child',
  definition: `Missing incidents starting in the twelve months ending on the date ÷ children with at least one, to one decimal place. ${MISSING}`,
  source: 'DfE Children looked after in England (England 6.8 in 2025)',
  unit: 'average',
  polarity: 'lower is better',
  compute(data, at) {
    const r = incidents(data, at);
    return average(r.incidents, r.children);
  },
};

export const returnInterviews: Measure = {
  id: 'missing-return-interviews-72h',
  title: 'Return interviews offered within 72 hours',
  definition:
    'Of missing incidents ending (the child returned) in the twelve months ending on the date, the ' +
    'percentage where a return home interview was offered on the day of return or within the three ' +
    'days after it (72 hours, counted in whole days because times are not recorded). ' +
    MISSING,
  source: 'DfE statutory guidance on children who run away or go missing from home or care (2014)',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const w = yearTo(at);
    let n = 0;
    let d = 0;
    for (const c of data.children)
      for (const m of c.missing) {
        if (m.kind !== 'M' || !within(m.end, w)) continue;
        d++;
        const o = m.interviewOffered;
        if (o !== null && o >= m.end && o <= addDays(m.end, 3)) n++;
      }
    return percent(n, d);
  },
};
