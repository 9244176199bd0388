import { describe, expect, it } from 'vitest';
import { ageOn, birthdayAt } from './age.ts';

describe('ageOn', () => {
  it.each([
    ['2021-06-15', '2026-06-14', 4, 'the day before the 5th birthday'],
    ['2021-06-15', '2026-06-15', 5, 'on the 5th birthday'],
    ['2008-11-22', '2026-11-22', 18, 'on the 18th birthday'],
    ['2008-11-22', '2026-11-21', 17, 'the day before'],
    ['2020-02-29', '2025-02-27', 4, 'leapling, day before 28 Feb in a common year'],
    ['2020-02-29', '2025-02-28', 5, 'leapling attains an age on 28 Feb in a common year'],
    ['2020-02-29', '2024-02-28', 3, 'leapling in a leap year waits for 29 Feb'],
    ['2020-02-29', '2024-02-29', 4, 'leapling on 29 Feb'],
    ['2026-01-01', '2026-01-01', 0, 'the day of birth'],
  ])('born %s, on %s is %i (%s)', (dob, date, age) => {
    expect(ageOn(dob, date)).toBe(age);
  });

  it('refuses a date before birth', () => {
    expect(() => ageOn('2020-01-01', '2019-12-31')).toThrow(RangeError);
  });

  it('gives the birthday at an age', () => {
    expect(birthdayAt('2008-02-29', 18)).toBe('2026-02-28');
    expect(birthdayAt('2008-02-29', 16)).toBe('2024-02-29');
  });
});
