import { describe, expect, it } from 'vitest';
import { formatUkDateTime } from './dates.ts';

describe('formatUkDateTime', () => {
  it.each([
    ['2026-03-27T14:05:00Z', '27 March 2026 at 2:05pm'], // GMT
    ['2026-07-01T11:00:00Z', '1 July 2026 at 12pm'], // BST: UTC+1
    ['2026-12-31T23:30:00Z', '31 December 2026 at 11:30pm'],
    ['not a date', ''],
  ])('%s → %s', (input, expected) => {
    expect(formatUkDateTime(input)).toBe(expected);
  });
});
