import { describe, expect, it } from 'vitest';
import { deriveEpisodes } from './episodes.ts';
import type { CareFacts, Episode } from './facts.ts';
import { factsFromEpisodes } from './factsFromEpisodes.ts';
import { generateCareFacts, seededRandom } from './generate.ts';
import { rows } from './testFacts.ts';

describe('factsFromEpisodes', () => {
  it('rebuilds periods, merged legal status periods and placements from a historic return', () => {
    const episodes = rows('C9', 'BD7 1AY', [
      ['2022-04-04', 'S', 'C1', 'N1', 'U4', 'PR1', '2023-02-01', 'X1', null, 'BD5 0AA', 'SC900001'],
      [
        '2023-02-01',
        'L',
        'C2',
        'N1',
        'U4',
        'PR1',
        '2023-07-20',
        'X1',
        'CARPL',
        'BD5 0AA',
        'SC900001',
      ],
      [
        '2023-07-20',
        'P',
        'C2',
        'N1',
        'U5',
        'PR4',
        '2024-01-10',
        'X1',
        'PLACE',
        'HX1 2PQ',
        'SC900777',
      ],
      [
        '2024-01-10',
        'T',
        'C2',
        'N1',
        'U4',
        'PR4',
        '2024-03-01',
        'E4A',
        null,
        'HX1 2PQ',
        'SC900777',
      ],
      ['2025-05-05', 'S', 'V2', 'N2', 'R1', 'PR4', null, null, null, 'LS12 3AB', 'SC555555'],
    ]);
    expect(factsFromEpisodes(episodes)).toEqual({
      periods: [
        { id: 1, start: '2022-04-04', end: '2024-03-01', endReason: 'E4A' },
        { id: 2, start: '2025-05-05', end: null, endReason: null },
      ],
      legalStatuses: [
        { id: 1, periodOfCareId: 1, status: 'C1', start: '2022-04-04', end: '2023-02-01' },
        { id: 2, periodOfCareId: 1, status: 'C2', start: '2023-02-01', end: '2024-03-01' },
        { id: 3, periodOfCareId: 2, status: 'V2', start: '2025-05-05', end: null },
      ],
      placements: [
        {
          id: 1,
          periodOfCareId: 1,
          placeType: 'U4',
          provider: 'PR1',
          postcode: 'BD5 0AA',
          urn: 'SC900001',
          start: '2022-04-04',
          end: '2023-07-20',
          reasonForChange: 'CARPL',
          categoryOfNeed: 'N1',
          carerRef: 'episodes:1',
        },
        {
          id: 2,
          periodOfCareId: 1,
          placeType: 'U5',
          provider: 'PR4',
          postcode: 'HX1 2PQ',
          urn: 'SC900777',
          start: '2023-07-20',
          end: '2024-01-10',
          reasonForChange: 'PLACE',
          categoryOfNeed: 'N1',
          carerRef: 'episodes:2',
        },
        {
          id: 3,
          periodOfCareId: 1,
          placeType: 'U4',
          provider: 'PR4',
          postcode: 'HX1 2PQ',
          urn: 'SC900777',
          start: '2024-01-10',
          end: '2024-03-01',
          reasonForChange: null,
          categoryOfNeed: 'N1',
          carerRef: 'episodes:2',
        },
        {
          id: 4,
          periodOfCareId: 2,
          placeType: 'R1',
          provider: 'PR4',
          postcode: 'LS12 3AB',
          urn: 'SC555555',
          start: '2025-05-05',
          end: null,
          reasonForChange: null,
          categoryOfNeed: 'N2',
          carerRef: 'episodes:3',
        },
      ],
    });
  });

  it('starts a new period where an episode does not continue the one before, even without RNE S', () => {
    const episodes = rows('C9', null, [
      [
        '2024-01-01',
        'S',
        'V2',
        'N1',
        'U4',
        'PR1',
        '2024-02-01',
        'E4A',
        null,
        'BD5 0AA',
        'SC900001',
      ],
      ['2024-03-01', 'L', 'C1', 'N1', 'U4', 'PR1', null, null, null, 'BD5 0AA', 'SC900001'],
    ]);
    expect(factsFromEpisodes(episodes).periods.map((p) => [p.start, p.end, p.endReason])).toEqual([
      ['2024-01-01', '2024-02-01', 'E4A'],
      ['2024-03-01', null, null],
    ]);
  });

  it('keeps a change of category of need that came with a legal change', () => {
    const episodes = rows('C9', null, [
      ['2024-01-01', 'S', 'V2', 'N4', 'U4', 'PR1', '2024-02-01', 'X1', null, 'BD5 0AA', 'SC900001'],
      ['2024-02-01', 'L', 'C1', 'N1', 'U4', 'PR1', null, null, null, 'BD5 0AA', 'SC900001'],
    ]);
    const rebuilt = factsFromEpisodes(episodes);
    expect(deriveEpisodes({ childId: 'C9', dateOfBirth: '2015-01-01', ...rebuilt })).toEqual(
      episodes,
    );
  });
});

describe('round trip: deriveEpisodes(factsFromEpisodes(deriveEpisodes(f))) = deriveEpisodes(f)', () => {
  const random = seededRandom(20251122);
  const children: CareFacts[] = Array.from({ length: 3000 }, (_, i) =>
    generateCareFacts(random, `R${i}`),
  );

  it('holds for 3,000 generated children', () => {
    const failures: string[] = [];
    for (const f of children) {
      const once = deriveEpisodes(f, { homePostcode: 'BD7 1AY' });
      const again = deriveEpisodes(
        { ...f, ...factsFromEpisodes(once) },
        { homePostcode: 'BD7 1AY' },
      );
      if (JSON.stringify(again) !== JSON.stringify(once)) failures.push(f.childId);
    }
    expect(failures).toEqual([]);
  });

  it('the generated children exercise every RNE code, X1, end reasons, open periods and reasons for change', () => {
    const all: Episode[] = children.flatMap((f) => deriveEpisodes(f));
    const rne = new Set(all.map((e) => e.RNE));
    expect([...rne].sort()).toEqual(['B', 'L', 'P', 'S', 'T', 'U']);
    expect(all.some((e) => e.REC === 'X1' && e.REASON_PLACE_CHANGE !== null)).toBe(true);
    expect(all.some((e) => e.REC === 'E17')).toBe(true);
    expect(all.some((e) => e.DEC === null)).toBe(true);
    expect(all.some((e) => e.LS === 'V3')).toBe(true);
    expect(all.some((e) => e.DEC === e.DECOM)).toBe(true);
  });
});
