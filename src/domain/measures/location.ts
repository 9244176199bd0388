// Where children live: distance from home, outside the authority, with family or friends.
import { cla, placementOn } from './cohort.ts';
import { percent } from './result.ts';
import type { Measure } from './types.ts';

const CONNECTED = new Set(['U1', 'U2', 'U3']);
const COHORT =
  'children looked after on the date (entering on the date counts, leaving on it does not; short ' +
  'breaks V3/V4 excluded)';

export const over20Miles: Measure = {
  id: 'placed-over-20-miles',
  title: 'Placed more than 20 miles from home',
  definition:
    `Of ${COHORT} whose distance is known, the percentage whose current placement is more than 20 ` +
    "miles in a straight line from their home postcode (OS grid, as the 903's PL_DISTANCE). Children " +
    "with no home or placement postcode, or one not found in the postcode list, are 'not known' " +
    '(shown in the breakdown) and left out of the denominator.',
  source: 'DfE Children looked after in England: placement distance (England 18% in 2015)',
  unit: 'percent',
  polarity: 'lower is better',
  compute(data, at) {
    let n = 0;
    let d = 0;
    let unknown = 0;
    for (const c of cla(data.children, at)) {
      const miles = placementOn(c, at)?.miles ?? null;
      if (miles === null) {
        unknown++;
        continue;
      }
      d++;
      if (miles > 20) n++;
    }
    return percent(n, d, { 'not known': unknown });
  },
};

export const outsideAuthority: Measure = {
  id: 'placed-outside-la',
  title: 'Placed outside the authority',
  definition:
    `Of ${COHORT} whose placement location is known, the percentage whose current placement postcode ` +
    "is outside the authority's boundary (the authority's postcodes, loaded by 'hearth " +
    "local-postcodes'). Placements with no postcode, or any placement when no boundary is loaded, " +
    "are 'not known' (in the breakdown) and left out of the denominator.",
  source: 'DfE Children looked after in England: placed outside LA boundary (England 41% in 2018)',
  unit: 'percent',
  polarity: 'lower is better',
  compute(data, at) {
    let n = 0;
    let d = 0;
    let unknown = 0;
    for (const c of cla(data.children, at)) {
      const out = placementOn(c, at)?.outsideAuthority ?? null;
      if (out === null) {
        unknown++;
        continue;
      }
      d++;
      if (out) n++;
    }
    return percent(n, d, { 'not known': unknown });
  },
};

export const familyAndFriends: Measure = {
  id: 'family-friends',
  title: 'Living with family or friends',
  definition:
    `Of ${COHORT}, the percentage whose current placement is with a connected person: foster ` +
    'placement with relative or friend (903 PLACE U1, U2 or U3).',
  source: 'SSDA903 Episodes PLACE U1–U3 (connected person foster placements)',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const cohort = cla(data.children, at);
    let n = 0;
    for (const c of cohort) {
      const p = placementOn(c, at);
      if (p && CONNECTED.has(p.placeType)) n++;
    }
    return percent(n, cohort.length);
  },
};
