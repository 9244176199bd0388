// Placement stability: DfE measures A (three or more placements in the year) and B (long-term).
import { TEMPORARY_PLACEMENTS } from '../care/index.ts';
import { addMonths, addYears, ageOn } from '../dates/index.ts';
import { cla, lookedAfterOn, placementOn, yearTo } from './cohort.ts';
import { percent } from './result.ts';
import type { Measure, MeasureChild, MeasurePlacement } from './types.ts';

const ADOPTIVE = new Set(['A3', 'A4', 'A5', 'A6']);

export const threePlusPlacements: Measure = {
  id: 'placements-3plus',
  title: 'Three or more placements in the year',
  definition:
    'Of children looked after on the date (entering on the date counts, leaving on it does not; ' +
    'short breaks V3/V4 excluded), the percentage with three or more placements during the twelve ' +
    'months ending on the date. Each placement record overlapping the window counts once, including ' +
    'the one current at its start; temporary placements (T0–T4: holidays, hospital, custody visits) ' +
    'do not count.',
  source: 'DfE placement stability measure A (SSDA903 Episodes; England about 10–11%)',
  unit: 'percent',
  polarity: 'lower is better',
  compute(data, at) {
    const w = yearTo(at);
    const cohort = cla(data.children, at);
    let n = 0;
    for (const c of cohort) {
      let k = 0;
      for (const p of c.placements)
        if (
          !TEMPORARY_PLACEMENTS.has(p.placeType) &&
          p.start <= w.end &&
          (p.end === null || p.end >= w.start)
        )
          k++;
      if (k >= 3) n++;
    }
    return percent(n, cohort.length);
  },
};

/** Start of the run of consecutive placements with the same known carer that ends with `p`. */
function sameCarerSince(c: MeasureChild, p: MeasurePlacement): string {
  let current = p;
  for (;;) {
    const ref = current.carerRef;
    if (!ref) return current.start;
    const before = c.placements.find(
      (q) => q !== current && q.end === current.start && q.carerRef === ref,
    );
    if (!before) return current.start;
    current = before;
  }
}

export const longTermStability: Measure = {
  id: 'long-term-stability',
  title: 'Long-term placement stability',
  definition:
    'Of children looked after on the date who are under 16 and have been looked after continuously ' +
    'for at least 2½ years (their current period of care started 30 months or more before the date), ' +
    'the percentage who have lived with the same carer(s) for at least 2 years: the current placement, ' +
    'and consecutive placements before it with the same recorded carer, started 2 years or more ' +
    'before the date; or who are placed for adoption (A3–A6) and that placement together with the ' +
    'one just before it have lasted 2 years. Short breaks (V3/V4) excluded.',
  source: 'DfE placement stability measure B (England 69% in 2025: 19,680 of 28,710)',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const twoYears = addYears(at, -2);
    const thirtyMonths = addMonths(at, -30);
    let d = 0;
    let n = 0;
    for (const c of cla(data.children, at)) {
      const period = lookedAfterOn(c, at);
      if (!period || period.start > thirtyMonths || ageOn(c.dateOfBirth, at) >= 16) continue;
      d++;
      const p = placementOn(c, at);
      if (!p) continue;
      let since = sameCarerSince(c, p);
      if (ADOPTIVE.has(p.placeType)) {
        const before = c.placements.find((q) => q !== p && q.end === p.start);
        if (before && before.start < since) since = before.start;
      }
      if (since <= twoYears) n++;
    }
    return percent(n, d);
  },
};
