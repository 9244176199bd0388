import { describe, expect, it } from 'vitest';
import { measureById } from './index.ts';
import { child, data } from './testData.ts';

const AT = '2025-03-31';

describe('placements-3plus', () => {
  it('counts placements overlapping the year for children in care on the date, not temporary ones', () => {
    const children = [
      // three: one current at the window's start, two in it
      child('2012-01-01', [
        {
          start: '2023-01-01',
          placements: [
            ['U4', '2023-01-01', '2024-04-01'],
            ['U5', '2024-04-01', '2024-10-01'],
            ['R1', '2024-10-01'],
          ],
        },
      ]),
      // two plus a hospital stay (T1): not three
      child('2012-01-01', [
        {
          start: '2023-01-01',
          placements: [
            ['U4', '2023-01-01', '2024-06-01'],
            ['T1', '2024-06-01', '2024-06-10'],
            ['U4', '2024-06-10'],
          ],
        },
      ]),
      // the first ended the day before the window: two in the year
      child('2012-01-01', [
        {
          start: '2023-01-01',
          placements: [
            ['U4', '2023-01-01', '2024-03-31'],
            ['U5', '2024-03-31', '2024-10-01'],
            ['R1', '2024-10-01'],
          ],
        },
      ]),
      // three placements but left care on the date: not in the cohort
      child('2012-01-01', [
        {
          start: '2024-05-01',
          end: AT,
          placements: [
            ['U4', '2024-05-01', '2024-06-01'],
            ['U5', '2024-06-01', '2024-07-01'],
            ['R1', '2024-07-01', AT],
          ],
        },
      ]),
    ];
    expect(measureById('placements-3plus')?.compute(data(children), AT)).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
    });
  });
});

describe('long-term-stability', () => {
  const cases: [string, Parameters<typeof child>, 'num' | 'den' | 'out'][] = [
    [
      'in care 30 months, same placement 2 years to the day',
      [
        '2012-01-01',
        [
          {
            start: '2022-09-30',
            placements: [
              ['U4', '2022-09-30', '2023-03-31'],
              ['U5', '2023-03-31'],
            ],
          },
        ],
      ],
      'num',
    ],
    [
      'same placement one day short of 2 years',
      [
        '2012-01-01',
        [
          {
            start: '2022-09-30',
            placements: [
              ['U4', '2022-09-30', '2023-04-01'],
              ['U5', '2023-04-01'],
            ],
          },
        ],
      ],
      'den',
    ],
    ['in care one day short of 30 months', ['2012-01-01', [{ start: '2022-10-01' }]], 'out'],
    ['turns 16 on the date', ['2009-03-31', [{ start: '2020-01-01' }]], 'out'],
    ['15 on the date', ['2009-04-01', [{ start: '2020-01-01' }]], 'num'],
    [
      'two placements with the same carer',
      [
        '2012-01-01',
        [
          {
            start: '2021-01-01',
            placements: [
              ['U4', '2021-01-01', '2024-01-01', { carerRef: 'household:1' }],
              ['U6', '2024-01-01', null, { carerRef: 'household:1' }],
            ],
          },
        ],
      ],
      'num',
    ],
    [
      'placed for adoption, with the placement before lasting 2 years together',
      [
        '2020-01-01',
        [
          {
            start: '2021-01-01',
            placements: [
              ['U4', '2021-01-01', '2024-06-01'],
              ['A5', '2024-06-01'],
            ],
          },
        ],
      ],
      'num',
    ],
    ['short breaks', ['2012-01-01', [{ start: '2020-01-01', status: 'V4' }]], 'out'],
  ];
  it.each(cases)('%s', (_name, args, expected) => {
    const r = measureById('long-term-stability')?.compute(data([child(...args)]), AT);
    const want =
      expected === 'num'
        ? { value: 100, numerator: 1, denominator: 1 }
        : expected === 'den'
          ? { value: 0, numerator: 0, denominator: 1 }
          : { value: null, numerator: 0, denominator: 0, reason: 'No one in the cohort' };
    expect(r).toEqual(want);
  });
});
