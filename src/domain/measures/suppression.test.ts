import { describe, expect, it } from 'vitest';
import { count, percent, per10k } from './result.ts';
import { suppressSmall } from './suppression.ts';

describe('suppressSmall', () => {
  it.each([
    ['a count of 4', count(4), null, true],
    ['a count of 5', count(5), 5, false],
    ['a count of 0 (identifies no one)', count(0), 0, false],
    ['3 of 50 as a percentage', percent(3, 50), null, true],
    ['30 of 4 children in the cohort', percent(3, 4), null, true],
    ['45 of 50', percent(45, 50), 90, false],
    ['an empty cohort stays "no one in the cohort"', percent(0, 0), null, false],
    ['a rate from 1,450 children', per10k(1450, 130_000), 112, false],
  ])('%s', (_label, result, value, suppressed) => {
    const shown = suppressSmall(result);
    expect(shown.value).toBe(value);
    expect(shown.suppressed).toBe(suppressed);
    if (suppressed) {
      expect(shown.numerator).toBeNull();
      expect(shown.denominator).toBeNull();
      expect(shown.reason).toMatch(/Fewer than 5 children/);
    }
  });

  it('withholds small cells of a breakdown and keeps the rest', () => {
    const shown = suppressSmall(count(20, { E11: 3, E13: 17, E4A: 0 }));
    expect(shown.value).toBe(20);
    expect(shown.breakdown).toEqual({ E11: null, E13: 17, E4A: 0 });
  });
});
