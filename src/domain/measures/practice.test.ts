// Reviews, visits and health measures.
import { describe, expect, it } from 'vitest';
import { measureById } from './index.ts';
import { child, data } from './testData.ts';
import type { MeasureChild, MeasureResult } from './types.ts';

const AT = '2025-03-31';

function run(id: string, children: MeasureChild[]): MeasureResult | undefined {
  return measureById(id)?.compute(data(children), AT);
}

describe('reviews', () => {
  const c = child('2012-01-01', [{ start: '2023-01-01' }], {
    reviews: [
      { due: '2024-06-01', held: '2024-06-01', participation: 'PN1' }, // on the due date
      { due: '2024-12-01', held: '2024-12-02', participation: 'PN7' }, // a day late
      { due: null, held: '2025-01-10', participation: 'PN0' }, // no due date; under 4
      { due: '2024-03-30', held: '2024-03-30', participation: 'PN2' }, // before the window
      { due: '2025-03-31', held: null, participation: null }, // not held
      { due: '2025-03-01', held: '2025-02-20', participation: null }, // early, no code
    ],
  });
  it('reviews-on-time: held on or before the due date, among reviews held in the year with one', () => {
    expect(run('reviews-on-time', [c])).toEqual({ value: 66.7, numerator: 2, denominator: 3 });
  });
  it('review-participation: PN1–PN6 of PN1–PN7', () => {
    expect(run('review-participation', [c])).toEqual({ value: 50, numerator: 1, denominator: 2 });
  });
});

describe('visits-on-time', () => {
  const placed = (start: string, visits: MeasureChild['visits'], to18 = false, since = start) =>
    child(
      '2012-01-01',
      [{ start: since, placements: [['U4', start, null, { intendedTo18: to18 }]] }],
      { visits },
    );
  it.each([
    ['placement started 7 days before, no visit yet', placed('2025-03-24', []), true],
    ['placement started 8 days before, no visit', placed('2025-03-23', []), false],
    ['seen 42 days before', placed('2024-10-01', [{ date: '2025-02-17', seen: true }]), true],
    ['seen 43 days before', placed('2024-10-01', [{ date: '2025-02-16', seen: true }]), false],
    ['visited but not seen', placed('2024-10-01', [{ date: '2025-03-20', seen: false }]), false],
    [
      'seen before this placement only',
      placed('2025-03-01', [{ date: '2025-02-27', seen: true }]),
      false,
    ],
    [
      'intended to 18, in care over a year, seen 91 days before',
      placed('2024-01-01', [{ date: '2024-12-30', seen: true }], true),
      true,
    ],
    [
      'intended to 18, in care over a year, seen 92 days before',
      placed('2024-01-01', [{ date: '2024-12-29', seen: true }], true),
      false,
    ],
    [
      'intended to 18 but in care under a year, seen 80 days before',
      placed('2024-06-01', [{ date: '2025-01-10', seen: true }], true),
      false,
    ],
  ])('%s', (_n, c, ok) => {
    expect(run('visits-on-time', [c])).toEqual(
      ok
        ? { value: 100, numerator: 1, denominator: 1 }
        : { value: 0, numerator: 0, denominator: 1 },
    );
  });
});

describe('initial-health-on-time', () => {
  it('20 working days after entry, entrants whose assessment fell due by the date', () => {
    const children = [
      // Mon 3 March 2025 + 20 working days = Mon 31 March: due on the date, done on it
      child('2015-01-01', [{ start: '2025-03-03' }], { health: [{ kind: 'initial', date: AT }] }),
      // Tue 4 March: due 1 April, after the date: not in the cohort
      child('2015-01-01', [{ start: '2025-03-04' }]),
      // late
      child('2015-01-01', [{ start: '2024-05-01' }], {
        health: [{ kind: 'initial', date: '2024-07-01' }],
      }),
      // a review assessment does not count as the initial one
      child('2015-01-01', [{ start: '2024-05-01' }], {
        health: [{ kind: 'review', date: '2024-05-10' }],
      }),
      // entered before the year
      child('2015-01-01', [{ start: '2024-03-01' }]),
    ];
    expect(run('initial-health-on-time', children)).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
    });
  });
});

describe('OC2 health measures', () => {
  const inCareYear = (dob: string, more: Partial<MeasureChild>, start = '2024-03-31') =>
    child(dob, [{ start }], more);
  it('health-assessments-up-to-date: twelve months, six for under-5s; 12 months in care', () => {
    const children = [
      inCareYear('2012-01-01', { health: [{ kind: 'review', date: '2024-04-01' }] }), // yes
      inCareYear('2012-01-01', { health: [{ kind: 'review', date: '2024-03-31' }] }), // no
      inCareYear('2012-01-01', { health: [{ kind: 'dental', date: '2024-12-01' }] }), // dental only: no
      inCareYear('2021-01-01', { health: [{ kind: 'review', date: '2024-09-30' }] }), // under 5, 6 months: yes
      inCareYear('2021-01-01', { health: [{ kind: 'review', date: '2024-09-29' }] }), // under 5: no
      inCareYear('2012-01-01', { health: [{ kind: 'review', date: '2024-12-01' }] }, '2024-04-01'), // not 12 months
    ];
    expect(run('health-assessments-up-to-date', children)).toEqual({
      value: 40,
      numerator: 2,
      denominator: 5,
    });
  });
  it('dental-checks: a dental check in the year', () => {
    const children = [
      inCareYear('2012-01-01', { health: [{ kind: 'dental', date: '2024-04-01' }] }),
      inCareYear('2012-01-01', { health: [{ kind: 'dental', date: '2024-03-31' }] }),
      inCareYear('2012-01-01', { health: [{ kind: 'review', date: '2024-12-01' }] }),
      inCareYear('2012-01-01', {}, '2024-04-01'),
    ];
    expect(run('dental-checks', children)).toEqual({ value: 33.3, numerator: 1, denominator: 3 });
  });
  const sdqChildren = [
    inCareYear('2012-01-01', { sdqs: [{ date: '2024-05-01', score: 10 }] }),
    inCareYear('2012-01-01', {
      sdqs: [
        { date: '2024-05-01', score: 30 },
        { date: '2025-01-01', score: 15 }, // the latest counts
      ],
    }),
    inCareYear('2012-01-01', { sdqs: [{ date: '2024-05-01', score: null }] }), // reason, no score
    inCareYear('2008-03-31', { sdqs: [{ date: '2024-05-01', score: 20 }] }), // 17 on the date
    inCareYear('2021-03-31', { sdqs: [{ date: '2025-03-01', score: 20 }] }), // 4 on the date
    inCareYear('2021-04-01', { sdqs: [{ date: '2025-03-01', score: 20 }] }), // 3
  ];
  it('sdq-completed: ages 4–16 with a score in the year', () => {
    expect(run('sdq-completed', sdqChildren)).toEqual({ value: 75, numerator: 3, denominator: 4 });
  });
  it('sdq-average: mean of latest scores', () => {
    expect(run('sdq-average', sdqChildren)).toEqual({ value: 15, numerator: 45, denominator: 3 });
  });
});
