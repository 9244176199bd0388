import { describe, expect, it } from 'vitest';
import { check } from '../testing.ts';

describe('101 sex code', () => {
  it.each([
    { year: '2025/26', sex: 'M', fails: false },
    { year: '2025/26', sex: 'f', fails: false }, // codes are upper-cased on load
    { year: '2025/26', sex: '1', fails: true },
    { year: '2025/26', sex: '', fails: true },
    { year: '2023/24', sex: '1', fails: false },
    { year: '2023/24', sex: 'M', fails: true },
  ] as const)('$year SEX "$sex" fails: $fails', ({ year, sex, fails }) => {
    const found = check('101', { Header: `CHILD,SEX\nA1,${sex}` }, { year });
    expect(found).toEqual(fails ? [{ table: 'Header', line: 2, child: 'A1' }] : []);
  });
});
