import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import { child } from '../testInput.ts';

const reviewsOf = (input: ReturnType<typeof child>, today: string) =>
  dueItems(input, today)
    .filter((i) => i.rule === 'lac-review')
    .map((i) => [i.item, i.due, i.status, i.doneOn ?? null]);

describe('looked-after reviews', () => {
  it.each([
    // [period start, today, first due, status, why]
    ['2025-03-03', '2025-03-10', '2025-03-31', 'upcoming', 'Monday start, no holidays'],
    ['2025-03-03', '2025-03-20', '2025-03-31', 'due', 'within 14 days'],
    ['2025-03-03', '2025-04-01', '2025-03-31', 'overdue', 'a day late'],
    ['2025-04-04', '2025-04-04', '2025-05-07', 'upcoming', 'over Easter and early May 2025'],
    ['2026-11-28', '2026-12-20', '2026-12-29', 'due', 'Saturday start over Christmas 2026'],
    ['2022-09-02', '2022-09-02', '2022-10-03', 'upcoming', 'over the 2022 state funeral'],
  ])('period from %s, on %s: first due %s (%s)', (start, today, due, status) => {
    const input = child({
      periods: [{ id: 1, start, end: null, endReason: null }],
      placements: [],
    });
    expect(reviewsOf(input, today)).toEqual([['period-1/1', due, status, null]]);
  });

  it('second within 3 months of the first (month end clamps), then every 6 months', () => {
    const input = child({
      periods: [{ id: 1, start: '2025-01-06', end: null, endReason: null }],
      reviews: [{ date: '2025-01-31' }, { date: '2025-04-30' }],
    });
    expect(reviewsOf(input, '2025-05-01')).toEqual([
      ['period-1/1', '2025-02-03', 'done', '2025-01-31'],
      ['period-1/2', '2025-04-30', 'done', '2025-04-30'],
      ['period-1/3', '2025-10-30', 'upcoming', null],
    ]);
    const first = dueItems(input, '2025-05-01').find((i) => i.rule === 'lac-review');
    expect(first?.basis).toBe('Period of care started 6 January 2025');
    expect(first?.what).toBe('First looked-after review');
    expect(first?.source).toBe(
      'Care Planning, Placement and Case Review (England) Regulations 2010, reg 33',
    );
  });

  it('a second review counted from a leap-day first review', () => {
    const input = child({
      periods: [{ id: 1, start: '2024-02-01', end: null, endReason: null }],
      reviews: [{ date: '2024-02-29' }],
    });
    expect(reviewsOf(input, '2024-03-01')[1]).toEqual([
      'period-1/2',
      '2024-05-29',
      'upcoming',
      null,
    ]);
  });

  it('a late review is done but marked late, and the next counts from when it was held', () => {
    const input = child({ reviews: [{ date: '2025-04-10' }] });
    const [first, second] = dueItems(input, '2025-04-11').filter((i) => i.rule === 'lac-review');
    expect(first).toMatchObject({ status: 'done', late: true, doneOn: '2025-04-10' });
    expect(second).toMatchObject({
      due: '2025-07-10',
      what: 'Second looked-after review',
      basis: 'First review held 10 April 2025',
    });
  });

  it('a new period of care restarts the cycle; the ended period leaves only what was done', () => {
    const input = child({
      periods: [
        { id: 1, start: '2025-03-03', end: '2025-06-30', endReason: 'E11' },
        { id: 2, start: '2025-09-01', end: null, endReason: null },
      ],
      reviews: [{ date: '2025-03-25' }],
    });
    expect(reviewsOf(input, '2025-09-02')).toEqual([
      ['period-1/1', '2025-03-31', 'done', '2025-03-25'],
      ['period-2/1', '2025-09-29', 'upcoming', null],
    ]);
  });

  it('no review falls due on or after the 18th birthday', () => {
    const input = child({
      dateOfBirth: '2007-08-01',
      periods: [{ id: 1, start: '2025-01-06', end: null, endReason: null }],
      reviews: [{ date: '2025-01-30' }, { date: '2025-04-20' }],
    });
    // Third would be due 20 October 2025, after the 18th birthday (1 August 2025).
    expect(reviewsOf(input, '2025-05-01').map((r) => r[0])).toEqual(['period-1/1', 'period-1/2']);
  });

  it.each([
    ['granted', 'Lack of IRO availability', 'Service manager', '2025-04-14', 'due', undefined],
    [
      'refused',
      'Asked for delay',
      'Service manager',
      '2025-03-31',
      'overdue',
      'Extension refused by Service manager on 2025-03-28',
    ],
    [
      'granted',
      '',
      'Service manager',
      '2025-03-31',
      'overdue',
      'Extension recorded without a reason or an authoriser, so not applied',
    ],
  ] as const)('an extension %s (reason %j)', (decision, reason, by, due, status, notApplied) => {
    const input = child({
      extensions: [
        {
          rule: 'lac-review',
          item: 'period-1/1',
          decision,
          newDue: '2025-04-14',
          reason,
          authorisedBy: by,
          date: '2025-03-28',
        },
      ],
    });
    const item = dueItems(input, '2025-04-01').find((i) => i.rule === 'lac-review');
    expect(item?.due).toBe(due);
    expect(item?.status).toBe(status);
    expect(item?.extensionNotApplied).toBe(notApplied);
    if (decision === 'granted' && reason)
      expect(item?.extension).toEqual({
        kind: 'extension',
        originalDue: '2025-03-31',
        reason,
        authorisedBy: by,
        date: '2025-03-28',
      });
  });

  it('an exemption marks the item done without a done date', () => {
    const input = child({
      extensions: [
        {
          rule: 'lac-review',
          item: 'period-1/1',
          decision: 'granted',
          newDue: null,
          reason: 'Child abroad',
          authorisedBy: 'Head of service',
          date: '2025-03-20',
        },
      ],
    });
    const item = dueItems(input, '2025-04-01').find((i) => i.rule === 'lac-review');
    expect(item).toMatchObject({
      status: 'done',
      due: '2025-03-31',
      extension: { kind: 'exemption' },
    });
    expect(item?.doneOn).toBeUndefined();
  });
});
