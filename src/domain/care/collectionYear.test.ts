import { describe, expect, it } from 'vitest';
import { collectionYearBounds, episodesForYear } from './collectionYear.ts';
import { deriveEpisodes } from './episodes.ts';
import { facts, legal, period, placed, rows } from './testFacts.ts';

const carers = {
  type: 'U4',
  provider: 'PR1',
  postcode: 'BD5 0AA',
  urn: 'SC900001',
  carer: 'household:1',
};
const home = {
  type: 'R1',
  provider: 'PR4',
  postcode: 'LS12 3AB',
  urn: 'SC555555',
  carer: 'home:1',
};

// Episodes: 2023-05-01 S (ends 2025-03-31), 2025-03-31 L (ends 2025-04-01), 2025-04-01 P (ends
// 2026-04-20, after 2025/26 closes), 2026-04-20 P open.
const child = facts(
  '2012-01-01',
  [period(1, '2023-05-01')],
  [legal(1, 'V2', '2023-05-01', '2025-03-31'), legal(1, 'C2', '2025-03-31')],
  [
    placed(1, '2023-05-01', '2025-04-01', { ...carers, reason: 'CARPL' }),
    placed(1, '2025-04-01', '2026-04-20', { ...home, reason: 'CHILD' }),
    placed(1, '2026-04-20', null, { ...carers, carer: 'household:2' }),
  ],
);
const all = deriveEpisodes(child);

describe('collectionYearBounds', () => {
  it.each([
    ['2025/26', '2025-04-01', '2026-03-31'],
    ['2099/00', '2099-04-01', '2100-03-31'],
  ])('%s runs %s to %s', (year, start, end) => {
    expect(collectionYearBounds(year)).toEqual({ start, end });
  });

  it.each(['2025/27', '2025-26', '25/26', ''])('refuses "%s"', (year) => {
    expect(() => collectionYearBounds(year)).toThrow(RangeError);
  });
});

describe('episodesForYear', () => {
  it('2024/25 holds the episodes open at any point from 1 April 2024 to 31 March 2025, later endings blanked', () => {
    expect(episodesForYear(all, '2024/25')).toEqual(
      rows('C1', null, [
        [
          '2023-05-01',
          'S',
          'V2',
          'N1',
          'U4',
          'PR1',
          '2025-03-31',
          'X1',
          null,
          'BD5 0AA',
          'SC900001',
        ],
        ['2025-03-31', 'L', 'C2', 'N1', 'U4', 'PR1', null, null, null, 'BD5 0AA', 'SC900001'],
      ]),
    );
  });

  it('2025/26 starts with the episode that ended on 1 April and returns the one ending after 31 March as open', () => {
    expect(episodesForYear(all, '2025/26')).toEqual(
      rows('C1', null, [
        [
          '2025-03-31',
          'L',
          'C2',
          'N1',
          'U4',
          'PR1',
          '2025-04-01',
          'X1',
          'CARPL',
          'BD5 0AA',
          'SC900001',
        ],
        ['2025-04-01', 'P', 'C2', 'N1', 'R1', 'PR4', null, null, null, 'LS12 3AB', 'SC555555'],
      ]),
    );
  });

  it('2026/27 holds the rest, with their end dates and reasons as derived', () => {
    expect(
      episodesForYear(all, '2026/27').map((e) => [e.DECOM, e.DEC, e.REC, e.REASON_PLACE_CHANGE]),
    ).toEqual([
      ['2025-04-01', '2026-04-20', 'X1', 'CHILD'],
      ['2026-04-20', null, null, null],
    ]);
  });

  it('a year before care began holds nothing', () => {
    expect(episodesForYear(all, '2022/23')).toEqual([]);
  });

  it('does not change the episodes it was given', () => {
    episodesForYear(all, '2025/26');
    expect(all[2]?.DEC).toBe('2026-04-20');
  });
});
