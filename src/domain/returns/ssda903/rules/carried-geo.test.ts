// 452, 453, 503G, 503H, 503J: postcode-derived fields of the episode carried over from last year.
import { describe, expect, it } from 'vitest';
import { check } from '../testing.ts';
import type { Geo } from '../types.ts';

const geo = (plLa: string, plLocation: string, plDistance: number): Geo => ({
  plLa: [plLa],
  plLocation: [plLocation],
  plDistance: Float64Array.from([plDistance]),
});
// Last year's open episode and this year's first episode: same DECOM, RNE as given.
const NOW = (rne: string): string => `CHILD,DECOM,DEC,RNE\nA1,01/02/2025,,${rne}`;
const BEFORE = { Episodes: 'CHILD,DECOM,DEC,RNE\nA1,01/02/2025,,S' };
const FAIL = [{ table: 'Episodes', line: 2, child: 'A1' }];

describe('903 carried-over postcode fields', () => {
  it.each([
    // code, this year's geo, last year's geo, RNE this year, fails
    {
      code: '452',
      now: geo('E08000032', 'IN', 3),
      before: geo('E08000035', 'OUT', 3),
      rne: 'S',
      fails: true,
    },
    {
      code: '452',
      now: geo('E08000032', 'IN', 3),
      before: geo('E08000032', 'IN', 9),
      rne: 'S',
      fails: false,
    },
    {
      code: '452',
      now: geo('E08000032', 'IN', 3),
      before: geo('E08000035', 'OUT', 3),
      rne: 'P',
      fails: false,
    },
    {
      code: '452',
      now: geo('', '', NaN),
      before: geo('E08000035', 'OUT', 3),
      rne: 'S',
      fails: false,
    },
    { code: '453', now: geo('E1', '', 3.2), before: geo('E1', '', 3.4), rne: 'S', fails: true },
    { code: '453', now: geo('E1', '', 3.2), before: geo('E1', '', 3.2), rne: 'S', fails: false },
    { code: '453', now: geo('E1', '', 3.2), before: geo('E1', '', 3.4), rne: 'L', fails: false },
    { code: '453', now: geo('E1', '', NaN), before: geo('E1', '', 3.4), rne: 'S', fails: false },
    { code: '503G', now: geo('E1', '', 10), before: geo('E1', '', 12.5), rne: 'P', fails: true },
    { code: '503G', now: geo('E1', '', 10), before: geo('E1', '', 10), rne: 'P', fails: false },
    { code: '503H', now: geo('E2', '', 1), before: geo('E1', '', 1), rne: 'P', fails: true },
    { code: '503H', now: geo('E1', '', 1), before: geo('E1', '', 9), rne: 'P', fails: false },
    { code: '503J', now: geo('E2', 'OUT', 1), before: geo('E1', 'IN', 1), rne: 'T', fails: true },
    { code: '503J', now: geo('E2', 'IN', 1), before: geo('E1', 'IN', 1), rne: 'T', fails: false },
  ])('$code RNE $rne: fails $fails', ({ code, now, before, rne, fails }) => {
    const found = check(
      code,
      { Episodes: NOW(rne) },
      { prev: BEFORE, geo: now, prevGeo: before, la: 'E1' },
    );
    expect(found).toEqual(fails ? FAIL : []);
  });

  it('does not compare with a closed episode last year', () => {
    const found = check(
      '503H',
      { Episodes: NOW('S') },
      {
        prev: { Episodes: 'CHILD,DECOM,DEC,RNE\nA1,01/02/2025,20/03/2025,S' },
        geo: geo('E2', '', 1),
        prevGeo: geo('E1', '', 1),
      },
    );
    expect(found).toEqual([]);
  });

  it('503J without --la is skipped with the reason', () => {
    expect(() =>
      check(
        '503J',
        { Episodes: NOW('S') },
        { prev: BEFORE, geo: geo('E1', '', 1), prevGeo: geo('E1', '', 1) },
      ),
    ).toThrow(/needs the submitting local authority's ONS code \(--la/);
  });
});
