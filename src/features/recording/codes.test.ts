import { describe, expect, it } from 'vitest';
import { codeList } from '../../domain/returns/ssda903/spec.ts';
import { codeLabel, collectionYearOf } from './codes.ts';

describe('collectionYearOf', () => {
  it.each([
    ['2025-03-31', '2024/25'],
    ['2025-04-01', '2025/26'],
    ['2026-12-31', '2026/27'],
    ['2019-06-01', '2023/24'], // before the spec's first year: its first year
    ['2031-06-01', '2026/27'], // after its last: its last year
  ])('%s is in %s', (date, year) => {
    expect(collectionYearOf(date)).toBe(year);
  });
});

describe('code lists offered', () => {
  it('refuses placement codes retired by 2026/27 and labels every current code', () => {
    const place = codeList('Episodes.PLACE', '2026/27');
    expect(place.has('P2')).toBe(false);
    expect(place.has('Z1')).toBe(false);
    expect(codeList('Episodes.PLACE', '2023/24').has('P2')).toBe(true);
    for (const c of place) expect(codeLabel('Episodes.PLACE', c)).not.toBe(c);
    expect(codeLabel('OC3.ACCOM', 'U2')).toBe('Independent living (not suitable)');
    expect(codeLabel('SWEpisodes.SW_REASON', 'MANAGE')).toBe('Management decision');
    expect(codeLabel('Episodes.LS', 'Q9')).toBe('Q9');
  });
});
