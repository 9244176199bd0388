// Looked-after reviews: held on time, and the child's participation (903 REVIEW_CODE).
import { within, yearTo } from './cohort.ts';
import { percent } from './result.ts';
import type { Measure } from './types.ts';

const PARTICIPATED = new Set(['PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6']);

export const reviewsOnTime: Measure = {
  id: 'reviews-on-time',
  title: 'Reviews held on time',
  definition:
    'Of reviews held in the twelve months ending on the date that have a recorded due date, the ' +
    'percentage held on or before it (due dates follow reg 33: 20 working days after entry, then 3 ' +
    'months, then 6-monthly). Reviews with no due date recorded are left out.',
  source: 'Care Planning, Placement and Case Review Regulations 2010 reg 33; SSDA903 Reviews',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const w = yearTo(at);
    let n = 0;
    let d = 0;
    for (const c of data.children)
      for (const r of c.reviews) {
        if (!within(r.held, w) || r.due === null) continue;
        d++;
        if (r.held <= r.due) n++;
      }
    return percent(n, d);
  },
};

export const reviewParticipation: Measure = {
  id: 'review-participation',
  title: 'Children who participated in their review',
  definition:
    'Of reviews held in the twelve months ending on the date for children aged 4 or over (903 ' +
    'REVIEW_CODE PN1–PN7; PN0, a child under 4, and reviews with no code are left out), the ' +
    'percentage where the child took part: attended and spoke or conveyed views, or had them put ' +
    'by an advocate or another medium (PN1–PN6). PN7: did not attend and views not conveyed.',
  source: 'SSDA903 Reviews REVIEW_CODE (PN codes)',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const w = yearTo(at);
    let n = 0;
    let d = 0;
    for (const c of data.children)
      for (const r of c.reviews) {
        if (!within(r.held, w) || r.participation === null || r.participation === 'PN0') continue;
        if (!/^PN[1-7]$/.test(r.participation)) continue;
        d++;
        if (PARTICIPATED.has(r.participation)) n++;
      }
    return percent(n, d);
  },
};
