import { describe, expect, it } from 'vitest';
import { measureById } from './index.ts';
import { child, data } from './testData.ts';
import type { MeasurePlacement } from './types.ts';

const AT = '2025-03-31';

function placedNow(extra: Partial<MeasurePlacement>, type = 'U4') {
  return child('2012-01-01', [
    { start: '2024-01-01', placements: [[type, '2024-01-01', null, extra]] },
  ]);
}

describe('placed-over-20-miles', () => {
  it('counts more than 20 miles; exactly 20 is not; unknown distances are left out', () => {
    const children = [
      placedNow({ miles: 20 }),
      placedNow({ miles: 20.1 }),
      placedNow({ miles: 3 }),
      placedNow({ miles: null }),
    ];
    expect(measureById('placed-over-20-miles')?.compute(data(children), AT)).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
      breakdown: { 'not known': 1 },
    });
  });
});

describe('placed-outside-la', () => {
  it('counts placements outside the boundary among those known', () => {
    const children = [
      placedNow({ outsideAuthority: true }),
      placedNow({ outsideAuthority: false }),
      placedNow({ outsideAuthority: false }),
      placedNow({ outsideAuthority: false }),
      placedNow({ outsideAuthority: null }),
      placedNow({ outsideAuthority: null }),
    ];
    expect(measureById('placed-outside-la')?.compute(data(children), AT)).toEqual({
      value: 25,
      numerator: 1,
      denominator: 4,
      breakdown: { 'not known': 2 },
    });
  });
  it('no boundary loaded: null value, all not known', () => {
    expect(
      measureById('placed-outside-la')?.compute(data([placedNow({ outsideAuthority: null })]), AT),
    ).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'No one in the cohort',
      breakdown: { 'not known': 1 },
    });
  });
});

describe('family-friends', () => {
  it('counts connected-person placements (U1–U3) current on the date', () => {
    const children = [
      placedNow({}, 'U1'),
      placedNow({}, 'U3'),
      placedNow({}, 'U4'),
      placedNow({}, 'R1'),
      // moved from U2 to R1 on the date: the new placement is current
      child('2012-01-01', [
        {
          start: '2024-01-01',
          placements: [
            ['U2', '2024-01-01', AT],
            ['R1', AT],
          ],
        },
      ]),
    ];
    expect(measureById('family-friends')?.compute(data(children), AT)).toEqual({
      value: 40,
      numerator: 2,
      denominator: 5,
    });
  });
});
