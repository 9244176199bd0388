// Missing, care leavers, permanence and workforce measures.
import { describe, expect, it } from 'vitest';
import { measureById } from './index.ts';
import { child, data } from './testData.ts';
import type { MeasureChild, MeasureResult } from './types.ts';

const AT = '2025-03-31';

function run(id: string, children: MeasureChild[]): MeasureResult | undefined {
  return measureById(id)?.compute(data(children), AT);
}

describe('missing', () => {
  const children = [
    child('2009-01-01', [{ start: '2023-01-01' }], {
      missing: [
        { kind: 'M', start: '2024-05-01', end: '2024-05-02', interviewOffered: '2024-05-05' }, // day 3
        { kind: 'M', start: '2024-06-01', end: '2024-06-02', interviewOffered: '2024-06-06' }, // day 4
        { kind: 'A', start: '2024-07-01', end: '2024-07-01', interviewOffered: null }, // away
        { kind: 'M', start: '2024-03-30', end: '2024-04-01', interviewOffered: '2024-04-01' }, // started before, returned in
      ],
    }),
    child('2009-01-01', [{ start: '2023-01-01', end: '2024-04-01' }], {
      missing: [{ kind: 'M', start: AT, end: null, interviewOffered: null }], // still missing
    }),
    child('2009-01-01', [{ start: '2023-01-01' }]),
    child('2009-01-01', [{ start: '2023-01-01', end: '2024-03-31' }]), // left before the year
  ];
  it('missing-children: of those looked after during the year', () => {
    expect(run('missing-children', children)).toEqual({
      value: 66.7,
      numerator: 2,
      denominator: 3,
    });
  });
  it('missing-incidents: M incidents starting in the year', () => {
    expect(run('missing-incidents', children)).toEqual({
      value: 3,
      numerator: 3,
      denominator: null,
    });
  });
  it('missing-incidents-per-child', () => {
    expect(run('missing-incidents-per-child', children)).toEqual({
      value: 1.5,
      numerator: 3,
      denominator: 2,
    });
  });
  it('missing-return-interviews-72h: offered within 3 days of returning', () => {
    expect(run('missing-return-interviews-72h', children)).toEqual({
      value: 66.7,
      numerator: 2,
      denominator: 3,
    });
  });
});

describe('care leavers (OC3)', () => {
  const contact = (
    date: string,
    inTouch: string,
    activity: string | null,
    accommodation: string | null,
  ) => ({
    date,
    inTouch,
    activity,
    accommodation,
  });
  const leftAt18 = (dob: string, eighteen: string, contacts: MeasureChild['leaverContacts']) =>
    child(dob, [{ start: '2021-01-01', end: eighteen, endReason: 'E5' }], {
      leaverContacts: contacts,
    });
  const seventeenEighteen = [
    // turned 18 in the window, left on the birthday; in touch, EET, suitable
    leftAt18('2007-01-15', '2025-01-15', [contact('2025-01-20', 'YES', 'F1', 'B1')]),
    // turned 18 on the date; contact 3 months before (the window's first day)
    leftAt18('2007-03-31', AT, [contact('2024-12-31', 'YES', 'G4', 'S2')]),
    // no contact near the birthday (4 months before): denominator only
    leftAt18('2006-09-01', '2024-09-01', [contact('2024-05-01', 'YES', 'F1', 'B1')]),
    // died: left out
    leftAt18('2006-10-01', '2024-10-01', [contact('2024-10-01', 'DIED', null, null)]),
    // 18th birthday after the date
    leftAt18('2007-04-01', '2025-04-01', []),
    // still looked after at 17: not a care leaver
    child('2007-06-01', [{ start: '2020-01-01' }]),
    // left at 15: not former relevant
    child('2007-06-01', [{ start: '2020-01-01', end: '2022-12-01' }], {
      leaverContacts: [contact('2024-06-01', 'YES', 'F1', 'B1')],
    }),
    // in care from 16 for 12 weeks only: not former relevant
    child('2007-06-01', [{ start: '2023-07-01', end: '2023-09-23' }], {
      leaverContacts: [contact('2024-06-01', 'YES', 'F1', 'B1')],
    }),
  ];
  it.each([
    ['leavers-17-18-in-touch', { value: 66.7, numerator: 2, denominator: 3 }],
    ['leavers-17-18-eet', { value: 33.3, numerator: 1, denominator: 3 }],
    ['leavers-17-18-suitable-accommodation', { value: 33.3, numerator: 1, denominator: 3 }],
    [
      'leavers-19-21-in-touch',
      { value: null, numerator: 0, denominator: 0, reason: 'No one in the cohort' },
    ],
  ])('%s', (id, expected) => {
    expect(run(id, seventeenEighteen)).toEqual(expected);
  });
  it('19–21: a 20th birthday in the year, with contact just after it', () => {
    const c = leftAt18('2005-02-01', '2023-02-01', [
      contact('2025-02-28', 'YES', 'P4', 'T1'),
      contact('2025-01-01', 'NO', null, null), // further from the birthday
    ]);
    expect(run('leavers-19-21-eet', [c])).toEqual({ value: 100, numerator: 1, denominator: 1 });
    expect(run('leavers-17-18-eet', [c])).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'No one in the cohort',
    });
  });
});

describe('permanence', () => {
  const adopted = child(
    '2021-06-01',
    [
      {
        start: '2023-01-01',
        end: '2024-09-01',
        endReason: 'E11',
        placements: [
          ['U4', '2023-01-01', '2023-06-01'],
          ['U4', '2023-06-01', '2024-03-01'],
          ['A4', '2024-03-01', '2024-09-01'],
        ],
      },
    ],
    {
      adoptions: [
        {
          decision: '2023-05-01',
          placementOrder: '2023-10-01',
          matched: '2024-01-15',
          placed: '2024-03-01',
          orderGranted: '2024-09-01',
          reversed: null,
          byFosterCarer: true,
        },
      ],
    },
  );
  const children = [
    adopted,
    child('2015-01-01', [{ start: '2020-01-01', end: '2024-06-01', endReason: 'E12' }]), // no plan recorded
    child('2015-01-01', [{ start: '2020-01-01', end: '2024-06-01', endReason: 'E45' }]),
    child('2015-01-01', [{ start: '2020-01-01', end: '2024-06-01', endReason: 'E46' }]),
    child('2015-01-01', [{ start: '2020-01-01', end: '2024-03-31', endReason: 'E11' }]), // before
  ];
  it.each([
    ['adoptions', { value: 2, numerator: 2, denominator: null, breakdown: { E11: 1, E12: 1 } }],
    ['sgos', { value: 2, numerator: 2, denominator: null, breakdown: { E45: 1, E46: 1 } }],
    // 1 Jan 2023 → 1 Mar 2024 = 425 days
    ['adoption-a1', { value: 425, numerator: 425, denominator: 1 }],
    // 1 Oct 2023 → 15 Jan 2024 = 106 days
    ['adoption-a2', { value: 106, numerator: 106, denominator: 1 }],
    // by foster carer: the clock stops at the latest foster placement, 1 Jun 2023 = 151 days
    ['adoption-a10', { value: 151, numerator: 151, denominator: 1 }],
  ])('%s', (id, expected) => {
    expect(run(id, children)).toEqual(expected);
  });
});

describe('workforce', () => {
  const sw = (workerId: number, start: string, end: string | null = null) => ({
    workerId,
    start,
    end,
  });
  it('caseload-per-worker: children in care with a worker ÷ workers', () => {
    const children = [
      child('2012-01-01', [{ start: '2023-01-01' }], { socialWorkers: [sw(1, '2023-01-01')] }),
      child('2012-01-01', [{ start: '2023-01-01' }], { socialWorkers: [sw(1, '2023-01-01')] }),
      child('2012-01-01', [{ start: '2023-01-01' }], {
        socialWorkers: [sw(3, '2023-01-01', AT), sw(2, AT)], // changed on the date: worker 2
      }),
      child('2012-01-01', [{ start: '2023-01-01' }]), // awaiting allocation
      child('2012-01-01', [{ start: '2023-01-01', end: '2024-01-01' }], {
        socialWorkers: [sw(4, '2023-01-01')], // left care
      }),
    ];
    expect(run('caseload-per-worker', children)).toEqual({
      value: 1.5,
      numerator: 3,
      denominator: 2,
    });
  });
  it('sw-changes-2plus: two or more changes in the year', () => {
    const children = [
      child('2012-01-01', [{ start: '2023-01-01' }], {
        socialWorkers: [
          sw(1, '2024-01-01', '2024-06-01'),
          sw(2, '2024-06-01', '2024-12-01'),
          sw(3, '2024-12-01'),
        ],
      }),
      child('2012-01-01', [{ start: '2023-01-01' }], {
        socialWorkers: [
          sw(1, '2023-01-01', '2024-02-01'),
          sw(2, '2024-02-01', '2024-06-01'),
          sw(3, '2024-06-01'),
        ],
      }),
      child('2012-01-01', [{ start: '2024-05-01' }], {
        // the first allocation is not a change; nor is the same worker again
        socialWorkers: [
          sw(1, '2024-05-01', '2024-06-01'),
          sw(1, '2024-06-01', '2024-07-01'),
          sw(2, '2024-07-01'),
        ],
      }),
    ];
    expect(run('sw-changes-2plus', children)).toEqual({
      value: 33.3,
      numerator: 1,
      denominator: 3,
    });
  });
});
