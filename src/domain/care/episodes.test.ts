import { describe, expect, it } from 'vitest';
import { deriveEpisodes } from './episodes.ts';
import type { CareFacts } from './facts.ts';
import { facts, legal, period, placed, type Row, rows } from './testFacts.ts';

const HOME = 'BD7 1AY';

// In-house foster carers, an independent fostering agency, children's homes (fictional URNs).
const smiths = {
  type: 'U4',
  provider: 'PR1',
  postcode: 'BD5 0AA',
  urn: 'SC900001',
  carer: 'household:1',
};
const patels = {
  type: 'U4',
  provider: 'PR1',
  postcode: 'bd9 6tx',
  urn: 'SC900001',
  carer: 'household:2',
};
const ifa = {
  type: 'U6',
  provider: 'PR4',
  postcode: 'HX1 2PQ',
  urn: 'SC900777',
  carer: 'household:3',
};
const home = {
  type: 'R1',
  provider: 'PR4',
  postcode: 'LS12 3AB',
  urn: 'SC555555',
  carer: 'home:1',
};

interface Case {
  name: string;
  facts: CareFacts;
  want: Row[];
}

const cases: Case[] = [
  {
    name: 'legal status changes only: section 20, then an interim care order, then a full care order',
    facts: facts(
      '2016-02-11',
      [period(1, '2024-04-03')],
      [
        legal(1, 'V2', '2024-04-03', '2024-06-10'),
        legal(1, 'C1', '2024-06-10', '2025-01-20'),
        legal(1, 'C2', '2025-01-20'),
      ],
      [placed(1, '2024-04-03', null, { ...smiths, cin: 'N1' })],
    ),
    want: [
      ['2024-04-03', 'S', 'V2', 'N1', 'U4', 'PR1', '2024-06-10', 'X1', null, 'BD5 0AA', 'SC900001'],
      ['2024-06-10', 'L', 'C1', 'N1', 'U4', 'PR1', '2025-01-20', 'X1', null, 'BD5 0AA', 'SC900001'],
      ['2025-01-20', 'L', 'C2', 'N1', 'U4', 'PR1', null, null, null, 'BD5 0AA', 'SC900001'],
    ],
  },
  {
    name: 'placement changes only: one foster family to another, then to a private children’s home',
    facts: facts(
      '2011-09-30',
      [period(1, '2023-11-14')],
      [legal(1, 'C2', '2023-11-14')],
      [
        placed(1, '2023-11-14', '2024-05-02', { ...smiths, reason: 'CARPL', cin: 'N2' }),
        placed(1, '2024-05-02', '2025-02-17', { ...patels, reason: 'CREQB', cin: 'N2' }),
        placed(1, '2025-02-17', null, { ...home, cin: 'N2' }),
      ],
    ),
    want: [
      [
        '2023-11-14',
        'S',
        'C2',
        'N2',
        'U4',
        'PR1',
        '2024-05-02',
        'X1',
        'CARPL',
        'BD5 0AA',
        'SC900001',
      ],
      [
        '2024-05-02',
        'P',
        'C2',
        'N2',
        'U4',
        'PR1',
        '2025-02-17',
        'X1',
        'CREQB',
        'BD9 6TX',
        'SC900001',
      ],
      ['2025-02-17', 'P', 'C2', 'N2', 'R1', 'PR4', null, null, null, 'LS12 3AB', 'SC555555'],
    ],
  },
  {
    name: 'legal status and placement change on the same day to new carers (B)',
    facts: facts(
      '2012-03-05',
      [period(1, '2024-07-19')],
      [legal(1, 'V2', '2024-07-19', '2024-09-02'), legal(1, 'C1', '2024-09-02')],
      [
        placed(1, '2024-07-19', '2024-09-02', { ...smiths, reason: 'CARPL' }),
        placed(1, '2024-09-02', null, home),
      ],
    ),
    want: [
      [
        '2024-07-19',
        'S',
        'V2',
        'N1',
        'U4',
        'PR1',
        '2024-09-02',
        'X1',
        'CARPL',
        'BD5 0AA',
        'SC900001',
      ],
      ['2024-09-02', 'B', 'C1', 'N1', 'R1', 'PR4', null, null, null, 'LS12 3AB', 'SC555555'],
    ],
  },
  {
    name: 'foster carers become adopters: placement order and placement for adoption on one day with the same carers (U)',
    facts: facts(
      '2022-08-08',
      [period(1, '2023-01-09')],
      [legal(1, 'C2', '2023-01-09', '2024-10-01'), legal(1, 'E1', '2024-10-01')],
      [
        placed(1, '2023-01-09', '2024-10-01', { ...smiths, reason: 'PLACE', cin: 'N1' }),
        placed(1, '2024-10-01', null, { ...smiths, type: 'A5', urn: 'SC900002', cin: 'N1' }),
      ],
    ),
    want: [
      [
        '2023-01-09',
        'S',
        'C2',
        'N1',
        'U4',
        'PR1',
        '2024-10-01',
        'X1',
        'PLACE',
        'BD5 0AA',
        'SC900001',
      ],
      ['2024-10-01', 'U', 'E1', 'N1', 'A5', 'PR1', null, null, null, 'BD5 0AA', 'SC900002'],
    ],
  },
  {
    name: 'change of provider at the same placement type with the same carers (T): an agency carer transfers in-house',
    facts: facts(
      '2014-12-01',
      [period(1, '2022-06-01')],
      [legal(1, 'C2', '2022-06-01')],
      [
        placed(1, '2022-06-01', '2024-11-11', { ...ifa, type: 'U4', reason: 'PLACE' }),
        placed(1, '2024-11-11', null, { ...ifa, type: 'U4', provider: 'PR1', urn: 'SC900001' }),
      ],
    ),
    want: [
      [
        '2022-06-01',
        'S',
        'C2',
        'N1',
        'U4',
        'PR4',
        '2024-11-11',
        'X1',
        'PLACE',
        'HX1 2PQ',
        'SC900777',
      ],
      ['2024-11-11', 'T', 'C2', 'N1', 'U4', 'PR1', null, null, null, 'HX1 2PQ', 'SC900001'],
    ],
  },
  {
    name: 'same placement type and provider, another home (different postcode and URN) is a change of placement (P)',
    facts: facts(
      '2009-04-20',
      [period(1, '2024-01-05')],
      [legal(1, 'C2', '2024-01-05')],
      [
        placed(1, '2024-01-05', '2024-08-30', { ...home, reason: 'CLOSE' }),
        placed(1, '2024-08-30', null, {
          ...home,
          postcode: 'LS9 8AA',
          urn: 'SC555999',
          carer: 'home:2',
        }),
      ],
    ),
    want: [
      [
        '2024-01-05',
        'S',
        'C2',
        'N1',
        'R1',
        'PR4',
        '2024-08-30',
        'X1',
        'CLOSE',
        'LS12 3AB',
        'SC555555',
      ],
      ['2024-08-30', 'P', 'C2', 'N1', 'R1', 'PR4', null, null, null, 'LS9 8AA', 'SC555999'],
    ],
  },
  {
    name: 'a new record with nothing changed (same status, same placement) is not a new episode',
    facts: facts(
      '2015-01-01',
      [period(1, '2024-02-01', '2025-02-01', 'E4A')],
      [legal(1, 'C1', '2024-02-01', '2024-06-01'), legal(1, 'C1', '2024-06-01', '2025-02-01')],
      [
        placed(1, '2024-02-01', '2024-09-01', smiths),
        placed(1, '2024-09-01', '2025-02-01', { ...smiths, postcode: 'BD50AA' }),
      ],
    ),
    want: [
      [
        '2024-02-01',
        'S',
        'C1',
        'N1',
        'U4',
        'PR1',
        '2025-02-01',
        'E4A',
        null,
        'BD5 0AA',
        'SC900001',
      ],
    ],
  },
  {
    name: 'temporary placement while the foster carers are on holiday: no reason for change around it (rules 225, 226)',
    facts: facts(
      '2013-05-05',
      [period(1, '2024-03-01')],
      [legal(1, 'C2', '2024-03-01')],
      [
        placed(1, '2024-03-01', '2024-08-01', { ...smiths, reason: 'OTHER' }),
        placed(1, '2024-08-01', '2024-08-15', { ...patels, type: 'T1', reason: 'OTHER' }),
        placed(1, '2024-08-15', null, smiths),
      ],
    ),
    want: [
      ['2024-03-01', 'S', 'C2', 'N1', 'U4', 'PR1', '2024-08-01', 'X1', null, 'BD5 0AA', 'SC900001'],
      ['2024-08-01', 'P', 'C2', 'N1', 'T1', 'PR1', '2024-08-15', 'X1', null, 'BD9 6TX', 'SC900001'],
      ['2024-08-15', 'P', 'C2', 'N1', 'U4', 'PR1', null, null, null, 'BD5 0AA', 'SC900001'],
    ],
  },
  {
    name: 'short breaks under V3: each break is its own period of care with one episode (rule 366)',
    facts: facts(
      '2012-10-10',
      [period(1, '2025-05-02', '2025-05-04', 'E4A'), period(2, '2025-06-13', '2025-06-15', 'E4A')],
      [legal(1, 'V3', '2025-05-02', '2025-05-04'), legal(2, 'V3', '2025-06-13', '2025-06-15')],
      [
        placed(1, '2025-05-02', '2025-05-04', {
          type: 'R1',
          provider: 'PR1',
          postcode: 'BD2 4RR',
          urn: 'SC333333',
          cin: 'N5',
        }),
        placed(2, '2025-06-13', '2025-06-15', {
          type: 'R1',
          provider: 'PR1',
          postcode: 'BD2 4RR',
          urn: 'SC333333',
          cin: 'N5',
        }),
      ],
    ),
    want: [
      [
        '2025-05-02',
        'S',
        'V3',
        'N5',
        'R1',
        'PR1',
        '2025-05-04',
        'E4A',
        null,
        'BD2 4RR',
        'SC333333',
      ],
      [
        '2025-06-13',
        'S',
        'V3',
        'N5',
        'R1',
        'PR1',
        '2025-06-15',
        'E4A',
        null,
        'BD2 4RR',
        'SC333333',
      ],
    ],
  },
  {
    name: 'short breaks under a V4 agreement: one open period and episode for the agreement',
    facts: facts(
      '2011-01-20',
      [period(1, '2025-04-07')],
      [legal(1, 'V4', '2025-04-07')],
      [
        placed(1, '2025-04-07', null, {
          type: 'U6',
          provider: 'PR1',
          postcode: 'BD10 8QQ',
          urn: 'SC900001',
          cin: 'N5',
        }),
      ],
    ),
    want: [['2025-04-07', 'S', 'V4', 'N5', 'U6', 'PR1', null, null, null, 'BD10 8QQ', 'SC900001']],
  },
  {
    name: 'return home and re-entry: two periods of care, each starting with S',
    facts: facts(
      '2010-07-07',
      [period(2, '2024-02-03'), period(1, '2023-01-10', '2023-08-01', 'E4A')],
      [legal(1, 'V2', '2023-01-10', '2023-08-01'), legal(2, 'C1', '2024-02-03')],
      [
        placed(1, '2023-01-10', '2023-08-01', { ...smiths, cin: 'N4' }),
        placed(2, '2024-02-03', null, { ...patels, cin: 'N1' }),
      ],
    ),
    want: [
      [
        '2023-01-10',
        'S',
        'V2',
        'N4',
        'U4',
        'PR1',
        '2023-08-01',
        'E4A',
        null,
        'BD5 0AA',
        'SC900001',
      ],
      ['2024-02-03', 'S', 'C1', 'N1', 'U4', 'PR1', null, null, null, 'BD9 6TX', 'SC900001'],
    ],
  },
  {
    name: 'a young person reaching 18: care ends on the 18th birthday, staying put with the foster carers (E17)',
    facts: facts(
      '2007-06-15',
      [period(1, '2020-09-01', '2025-06-15', 'E17')],
      [legal(1, 'C2', '2020-09-01', '2025-06-15')],
      [
        placed(1, '2020-09-01', '2022-03-04', { ...home, reason: 'CARPL' }),
        placed(1, '2022-03-04', '2025-06-15', { ...patels }),
      ],
    ),
    want: [
      [
        '2020-09-01',
        'S',
        'C2',
        'N1',
        'R1',
        'PR4',
        '2022-03-04',
        'X1',
        'CARPL',
        'LS12 3AB',
        'SC555555',
      ],
      [
        '2022-03-04',
        'P',
        'C2',
        'N1',
        'U4',
        'PR1',
        '2025-06-15',
        'E17',
        null,
        'BD9 6TX',
        'SC900001',
      ],
    ],
  },
  {
    name: 'a period that ends the day it starts: one episode with DEC = DECOM',
    facts: facts(
      '2019-11-11',
      [period(1, '2025-07-07', '2025-07-07', 'E4B')],
      [legal(1, 'V2', '2025-07-07', '2025-07-07')],
      [placed(1, '2025-07-07', '2025-07-07', { ...smiths, cin: 'N3' })],
    ),
    want: [
      [
        '2025-07-07',
        'S',
        'V2',
        'N3',
        'U4',
        'PR1',
        '2025-07-07',
        'E4B',
        null,
        'BD5 0AA',
        'SC900001',
      ],
    ],
  },
  {
    name: 'a placement change on the day the period ends starts no episode; the last one ends care',
    facts: facts(
      '2012-02-02',
      [period(1, '2024-10-10', '2025-03-01', 'E13')],
      [legal(1, 'V2', '2024-10-10', '2025-03-01')],
      [
        placed(1, '2024-10-10', '2025-03-01', { ...smiths, reason: 'CARPL' }),
        placed(1, '2025-03-01', '2025-03-01', patels),
      ],
    ),
    want: [
      [
        '2024-10-10',
        'S',
        'V2',
        'N1',
        'U4',
        'PR1',
        '2025-03-01',
        'E13',
        null,
        'BD5 0AA',
        'SC900001',
      ],
    ],
  },
  {
    name: 'a legal change and a placement change on different days, then adoption ends care',
    facts: facts(
      '2021-03-03',
      [period(1, '2022-04-04', '2025-09-30', 'E11')],
      [
        legal(1, 'C1', '2022-04-04', '2023-02-01'),
        legal(1, 'C2', '2023-02-01', '2023-06-06'),
        legal(1, 'E1', '2023-06-06', '2025-09-30'),
      ],
      [
        placed(1, '2022-04-04', '2023-07-20', { ...smiths, reason: 'CARPL' }),
        placed(1, '2023-07-20', '2025-09-30', {
          type: 'A4',
          provider: 'PR2',
          postcode: 'WF1 1AA',
          urn: 'SC777777',
          carer: 'household:9',
        }),
      ],
    ),
    want: [
      ['2022-04-04', 'S', 'C1', 'N1', 'U4', 'PR1', '2023-02-01', 'X1', null, 'BD5 0AA', 'SC900001'],
      ['2023-02-01', 'L', 'C2', 'N1', 'U4', 'PR1', '2023-06-06', 'X1', null, 'BD5 0AA', 'SC900001'],
      [
        '2023-06-06',
        'L',
        'E1',
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
        'E1',
        'N1',
        'A4',
        'PR2',
        '2025-09-30',
        'E11',
        null,
        'WF1 1AA',
        'SC777777',
      ],
    ],
  },
];

describe('deriveEpisodes', () => {
  it.each(cases)('$name', ({ facts: f, want }) => {
    expect(deriveEpisodes(f, { homePostcode: 'bd71ay' })).toEqual(rows('C1', HOME, want));
  });

  it('leaves HOME_POST blank when no home postcode is given', () => {
    const first = cases[0];
    if (!first) throw new Error('no cases');
    expect(deriveEpisodes(first.facts).map((e) => e.HOME_POST)).toEqual([null, null, null]);
  });

  it('reports a closed period with no end reason as REC blank, not X1', () => {
    const f = facts(
      '2015-01-01',
      [period(1, '2024-01-01', '2024-03-01')],
      [legal(1, 'V2', '2024-01-01', '2024-03-01')],
      [placed(1, '2024-01-01', '2024-03-01', smiths)],
    );
    expect(deriveEpisodes(f).map((e) => [e.DEC, e.REC])).toEqual([['2024-03-01', null]]);
  });

  it('gives no episodes for a child with no periods of care', () => {
    expect(deriveEpisodes(facts('2015-01-01', [], [], []))).toEqual([]);
  });
});
