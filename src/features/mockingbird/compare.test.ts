import { describe, expect, it } from 'vitest';
import { compareGroups, fullNight } from './compare.ts';

describe('compareGroups', () => {
  it('splits unplanned endings and retention between constellation households and the rest', () => {
    const inside = new Set([1, 2]);
    const r = compareGroups(
      [
        { householdId: 1, endDate: '2026-03-01', reason: 'CARPL' },
        { householdId: 1, endDate: '2026-04-01', reason: 'CREQB' },
        { householdId: 3, endDate: '2026-04-01', reason: 'CHILD' },
        { householdId: 3, endDate: '2024-04-01', reason: 'CHILD' },
      ],
      [
        { householdId: 1, leftOn: null },
        { householdId: 2, leftOn: null },
        { householdId: 3, leftOn: '2026-06-01' },
        { householdId: 4, leftOn: null },
      ],
      (id) => inside.has(id),
      '2025-11-22',
      '2026-11-22',
    );
    expect(r.inside).toEqual({
      endings: 2,
      unplanned: 1,
      unplannedPercent: 50,
      households: 2,
      left: 0,
      retainedPercent: 100,
    });
    expect(r.outside).toEqual({
      endings: 1,
      unplanned: 1,
      unplannedPercent: 100,
      households: 2,
      left: 1,
      retainedPercent: 50,
    });
  });
});

describe('fullNight', () => {
  it('finds the first night both hub beds are taken', () => {
    const booked = [
      { startDate: '2026-11-01', nights: 3 },
      { startDate: '2026-11-03', nights: 2 },
    ];
    expect(fullNight(booked, '2026-11-04', 2)).toBeNull();
    expect(fullNight(booked, '2026-11-02', 3)).toBe('2026-11-03');
    expect(fullNight(booked, '2026-11-05', 1)).toBeNull();
  });
});
