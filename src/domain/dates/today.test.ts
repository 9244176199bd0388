import { describe, expect, it } from 'vitest';
import { todayInLondon } from './today.ts';

describe('todayInLondon', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01', 'British Summer Time: 00:30 on 1 July'],
    ['2026-06-30T22:59:59Z', '2026-06-30', 'BST, still 30 June'],
    ['2026-12-31T23:30:00Z', '2026-12-31', 'GMT: 23:30 on 31 December'],
    ['2026-03-29T00:30:00Z', '2026-03-29', 'the night the clocks go forward'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the night the clocks go back (still BST)'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(todayInLondon(new Date(instant))).toBe(expected);
  });
});
