import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import type { ChildTimescaleInput, PlacementFlags } from '../inputs.ts';
import { child, placement, seen } from '../testInput.ts';

const visits = (input: ChildTimescaleInput, today: string) =>
  dueItems(input, today)
    .filter((i) => i.rule === 'sw-visit')
    .map((i) => [i.item, i.due, i.status, i.doneOn ?? null]);

const flags = (over: Partial<PlacementFlags>): PlacementFlags => ({
  placementId: 1,
  intendedToLastTo18: false,
  longTermFosterDesignated: null,
  visitAgreements: [],
  connectedPersonReg24: false,
  ...over,
});

describe('social worker visits', () => {
  it('within a week of the placement, then 6-weekly; a visit where the child was not seen does not count', () => {
    const input = child({
      visits: [{ date: '2025-03-05', seen: false, seenAlone: false }, seen('2025-03-07')],
    });
    expect(visits(input, '2025-03-08')).toEqual([
      ['placement-1/1', '2025-03-10', 'done', '2025-03-07'],
      ['placement-1/2', '2025-04-18', 'upcoming', null],
    ]);
    expect(dueItems(input, '2025-03-08').find((i) => i.item === 'placement-1/2')?.basis).toBe(
      'Child last seen 7 March 2025',
    );
  });

  it('a placement change mid-cycle restarts the visits', () => {
    const input = child({
      placements: [
        placement({ id: 1, start: '2025-03-03', end: '2025-05-01', reasonForChange: 'CARPL' }),
        placement({ id: 2, start: '2025-05-01' }),
      ],
      visits: [seen('2025-03-07'), seen('2025-04-15')],
    });
    expect(visits(input, '2025-05-02')).toEqual([
      ['placement-1/1', '2025-03-10', 'done', '2025-03-07'],
      ['placement-1/2', '2025-04-18', 'done', '2025-04-15'],
      ['placement-2/1', '2025-05-08', 'due', null],
    ]);
  });

  const yearOn = [seen('2024-01-15'), seen('2025-01-20')];
  it.each([
    ['not intended to last to 18: 6-weekly', flags({}), '2025-03-03'],
    [
      'intended to last to 18: 3-monthly after a year',
      flags({ intendedToLastTo18: true }),
      '2025-04-20',
    ],
    [
      'designated long-term, child agrees: 6-monthly after a year',
      flags({
        intendedToLastTo18: true,
        longTermFosterDesignated: '2024-06-01',
        visitAgreements: [{ agreed: '2024-06-01', withdrawn: null }],
      }),
      '2025-07-20',
    ],
    [
      'designated long-term, child does not agree: 3-monthly',
      flags({ intendedToLastTo18: true, longTermFosterDesignated: '2024-06-01' }),
      '2025-04-20',
    ],
  ])('after the first year, %s', (_why, f, due) => {
    const input = child({
      periods: [{ id: 1, start: '2024-01-10', end: null, endReason: null }],
      placements: [placement({ id: 1, start: '2024-01-10' })],
      placementFlags: [f],
      visits: yearOn,
    });
    expect(visits(input, '2025-01-21').at(-1)).toEqual(['placement-1/3', due, 'upcoming', null]);
  });

  // The child's agreement to 6-monthly visits (reg 28(3A)) at its edges. Placement from 10 Jan
  // 2024, intended to last to 18 and designated long-term on 1 Jun 2024; last seen 20 Jan 2025
  // (after the first year): 6-monthly gives 20 Jul 2025, 3-monthly 20 Apr 2025.
  const agreed = (a: string, w: string | null = null) => ({ agreed: a, withdrawn: w });
  it.each([
    ['agreed before the first year ended', [agreed('2024-09-01')], '2024-06-01', '2025-07-20'],
    [
      'agreed at the last visit, after the first year',
      [agreed('2025-01-20')],
      '2024-06-01',
      '2025-07-20',
    ],
    [
      'agreed the day after the last visit: not yet',
      [agreed('2025-01-21')],
      '2024-06-01',
      '2025-04-20',
    ],
    [
      'agreed, then withdrawn before the 6 months',
      [agreed('2024-09-01', '2025-03-01')],
      '2024-06-01',
      '2025-04-20',
    ],
    [
      'withdrawn on the 6-monthly date: it held',
      [agreed('2024-09-01', '2025-07-20')],
      '2024-06-01',
      '2025-07-20',
    ],
    [
      'agreed and withdrawn before the last visit',
      [agreed('2024-09-01', '2024-12-01')],
      '2024-06-01',
      '2025-04-20',
    ],
    [
      'withdrawn, then agreed again',
      [agreed('2024-09-01', '2024-10-01'), agreed('2024-12-01')],
      '2024-06-01',
      '2025-07-20',
    ],
    [
      'agreed, but the placement is not designated long-term',
      [agreed('2024-09-01')],
      null,
      '2025-04-20',
    ],
    [
      'agreed, but designated only after the last visit',
      [agreed('2024-09-01')],
      '2025-02-01',
      '2025-04-20',
    ],
  ])('child agreement to 6-monthly visits: %s', (_why, visitAgreements, designated, due) => {
    const input = child({
      periods: [{ id: 1, start: '2024-01-10', end: null, endReason: null }],
      placements: [placement({ id: 1, start: '2024-01-10' })],
      placementFlags: [
        flags({ intendedToLastTo18: true, longTermFosterDesignated: designated, visitAgreements }),
      ],
      visits: yearOn,
    });
    expect(visits(input, '2025-01-21').at(-1)?.[1]).toBe(due);
  });

  it('an agreement does not stretch visits in the placement’s first year', () => {
    const input = child({
      periods: [{ id: 1, start: '2024-01-10', end: null, endReason: null }],
      placements: [placement({ id: 1, start: '2024-01-10' })],
      placementFlags: [
        flags({
          intendedToLastTo18: true,
          longTermFosterDesignated: '2024-06-01',
          visitAgreements: [agreed('2024-06-01')],
        }),
      ],
      visits: [seen('2024-01-15'), seen('2024-11-01')],
    });
    expect(visits(input, '2024-11-02').at(-1)).toEqual([
      'placement-1/3',
      '2024-12-13',
      'upcoming',
      null,
    ]);
  });

  it('an agreement recorded for another placement does not count', () => {
    const input = child({
      periods: [{ id: 1, start: '2024-01-10', end: null, endReason: null }],
      placements: [placement({ id: 1, start: '2024-01-10' })],
      placementFlags: [
        flags({ intendedToLastTo18: true, longTermFosterDesignated: '2024-06-01' }),
        flags({ placementId: 2, visitAgreements: [agreed('2024-06-01')] }),
      ],
      visits: yearOn,
    });
    expect(visits(input, '2025-01-21').at(-1)?.[1]).toBe('2025-04-20');
  });

  it('3-monthly from 31 January clamps to 30 April', () => {
    const input = child({
      periods: [{ id: 1, start: '2025-01-31', end: null, endReason: null }],
      placements: [placement({ id: 1, start: '2025-01-31' })],
      placementFlags: [flags({ intendedToLastTo18: true })],
      visits: [seen('2025-02-03'), seen('2026-01-31')],
    });
    expect(visits(input, '2026-02-01').at(-1)?.[1]).toBe('2026-04-30');
  });

  it('connected person under reg 24: weekly until the first review, then 4-weekly', () => {
    const input = child({
      placementFlags: [flags({ connectedPersonReg24: true })],
      reviews: [{ date: '2025-03-28' }],
      visits: [seen('2025-03-05'), seen('2025-03-12')],
    });
    expect(visits(input, '2025-03-13').at(-1)).toEqual([
      'placement-1/3',
      '2025-03-19',
      'due',
      null,
    ]);
    const later = { ...input, visits: [...input.visits, seen('2025-03-30')] };
    expect(visits(later, '2025-03-31').at(-1)).toEqual([
      'placement-1/4',
      '2025-04-27',
      'upcoming',
      null,
    ]);
  });

  it('placed with parents under a care order: 6-weekly even after a year', () => {
    const input = child({
      periods: [{ id: 1, start: '2024-01-10', end: null, endReason: null }],
      placements: [placement({ id: 1, start: '2024-01-10', placeType: 'P1' })],
      placementFlags: [flags({ intendedToLastTo18: true })],
      visits: yearOn,
    });
    expect(visits(input, '2025-01-21').at(-1)?.[1]).toBe('2025-03-03');
  });

  it('no visit falls due once the child is 18', () => {
    const input = child({ dateOfBirth: '2007-04-01', visits: [seen('2025-03-05')] });
    expect(visits(input, '2025-03-06')).toEqual([
      ['placement-1/1', '2025-03-10', 'done', '2025-03-05'],
    ]);
  });

  it('an overdue first visit', () => {
    expect(visits(child(), '2025-03-11')).toEqual([
      ['placement-1/1', '2025-03-10', 'overdue', null],
    ]);
  });
});
