import { describe, expect, it } from 'vitest';
import { measureById } from './index.ts';
import { child, data } from './testData.ts';
import { childShares } from './drill.ts';
import { sliceAt } from './slice.ts';

const at = '2026-03-31';
const m = (id: string) => {
  const found = measureById(id);
  if (!found) throw new Error(id);
  return found;
};

const d = data([
  child('2015-01-01', [
    { start: '2025-01-01', placements: [['U4', '2025-01-01', null, { weeklyCost: 300 }]] },
  ]),
  child('2014-01-01', [
    { start: '2025-01-01', placements: [['U1', '2025-01-01', null, { weeklyCost: 150 }]] },
  ]),
  child('2012-01-01', [
    { start: '2024-06-01', placements: [['K2', '2024-06-01', null, { weeklyCost: 5000 }]] },
  ]),
  // No cost recorded: not known, never £0.
  child('2011-01-01', [{ start: '2024-06-01', placements: [['K2', '2024-06-01', null]] }]),
  // Left care before the date: not counted.
  child('2010-01-01', [
    {
      start: '2024-06-01',
      end: '2025-06-01',
      placements: [['U4', '2024-06-01', '2025-06-01', { weeklyCost: 999 }]],
    },
  ]),
]);

describe('cost measures', () => {
  it('weekly cost per child: mean of recorded costs, missing costs counted apart', () => {
    expect(m('cost-weekly').compute(d, at)).toEqual({
      value: 1817,
      numerator: 5450,
      denominator: 3,
      breakdown: { 'no cost recorded': 1 },
    });
  });

  it('by placement type', () => {
    expect(m('cost-weekly-residential').compute(d, at)).toMatchObject({
      value: 5000,
      denominator: 1,
      breakdown: { 'no cost recorded': 1 },
    });
    expect(m('cost-weekly-fostering').compute(d, at).value).toBe(300);
    expect(m('cost-weekly-fostering-family-friends').compute(d, at).value).toBe(150);
    expect(m('cost-weekly-independent-living').compute(d, at)).toMatchObject({
      value: null,
      reason: 'No one in the cohort',
    });
  });

  it('annual cost is the weekly cost × 365 ÷ 7', () => {
    expect(m('cost-annual-fostering').compute(d, at).value).toBe(Math.round((300 * 365) / 7));
  });

  it('counts children with no cost recorded', () => {
    expect(m('cost-not-recorded').compute(d, at).value).toBe(1);
  });
});

describe('the children behind a figure', () => {
  it('shares add up to the figure, and children outside the cohort have none', () => {
    const shares = childShares(m('cost-weekly'), d, at);
    expect(shares.map((s) => s.numerator)).toEqual([300, 150, 5000]);
    expect(shares.every((s) => s.denominator === 1)).toBe(true);
    const notRecorded = childShares(m('cost-not-recorded'), d, at);
    expect(notRecorded).toHaveLength(1);
    expect(notRecorded[0]?.denominator).toBeNull();
  });

  it('the child population is not shared out', () => {
    const shares = childShares(m('cla-rate'), d, at);
    expect(shares).toHaveLength(4);
    expect(shares.every((s) => s.numerator === 1 && s.denominator === null)).toBe(true);
  });
});

describe('sliceAt', () => {
  it('drops what starts after the date, so an earlier date sees the earlier record', () => {
    const early = sliceAt(d, '2024-12-31');
    expect(m('cla-at').compute(early, '2024-12-31').value).toBe(3);
    expect(early.children.every((c) => c.placements.every((p) => p.start <= '2024-12-31'))).toBe(
      true,
    );
  });

  it('keeps only the latest seen visit up to the date', () => {
    const c = child('2015-01-01', [{ start: '2025-01-01' }], {
      visits: [
        { date: '2025-02-01', seen: true },
        { date: '2025-03-01', seen: true },
        { date: '2025-03-10', seen: false },
        { date: '2026-01-01', seen: true },
      ],
    });
    expect(sliceAt(data([c]), '2025-12-31').children[0]?.visits).toEqual([
      { date: '2025-03-01', seen: true },
    ]);
  });
});
