import { describe, expect, it } from 'vitest';
import { check, type CheckOptions, type CsvTables } from '../testing.ts';
import type { Finding, Geo, Year } from '../types.ts';

const ep = (line: number, child = 'A1'): Finding => ({ table: 'Episodes', line, child });
const geo = (plLa: string[], plLocation: string[], plDistance: number[]): Geo => ({
  plLa,
  plLocation,
  plDistance: Float64Array.from(plDistance),
});

interface Case {
  name: string;
  code: string;
  tables: CsvTables;
  opts?: CheckOptions;
  want: Finding[];
}

const EPI = 'CHILD,DECOM,DEC,RNE,LS,REC,PLACE,PL_POST,URN,PLACE_PROVIDER';

const cases: Case[] = [
  // 406
  {
    name: 'UASC child with a distance',
    code: '406',
    tables: { Episodes: 'CHILD,DECOM\nA1,01/05/2025\nB1,01/05/2025', UASC: 'CHILD\nA1' },
    opts: { geo: geo(['E1', 'E1'], ['', ''], [4.2, 3]) },
    want: [ep(2)],
  },
  {
    name: 'formerly UASC (last year) with a distance; blank distance passes',
    code: '406',
    tables: { Episodes: 'CHILD,DECOM\nA1,01/05/2025\nB1,01/05/2025' },
    opts: { geo: geo(['', ''], ['', ''], [4.2, NaN]), prev: { UASC: 'CHILD\nA1\nB1' } },
    want: [ep(2)],
  },
  // 407
  {
    name: 'SGO on the 18th birthday fails, day before passes',
    code: '407',
    tables: {
      Header: 'CHILD,DOB\nA1,10/06/2007\nB1,10/06/2007',
      Episodes: 'CHILD,DEC,REC\nA1,10/06/2025,E45\nB1,09/06/2025,E48\nB1,10/06/2025,E11',
    },
    want: [{ table: 'Header', line: 2, child: 'A1' }, ep(2)],
  },
  // 408
  {
    name: 'A5/A6 without E1',
    code: '408',
    tables: { Episodes: 'CHILD,PLACE,LS\nA1,A5,C2\nA1,A6,E1\nA1,A4,C2\nA1,A6,' },
    want: [ep(2), ep(5)],
  },
  // 411
  {
    name: 'IN but placed in another LA',
    code: '411',
    tables: { Episodes: 'CHILD,DECOM\nA1,01/05/2025\nA1,02/05/2025\nA1,03/05/2025' },
    opts: {
      la: 'E08000032',
      geo: geo(['E08000032', 'E09000001', 'E09000001'], ['IN', 'IN', 'OUT'], [1, 1, 1]),
    },
    want: [ep(3)],
  },
  // 420
  {
    name: 'V3/V4 with LA of placement',
    code: '420',
    tables: { Episodes: 'CHILD,LS\nA1,V3\nA1,V4\nA1,C2' },
    opts: { geo: geo(['E1', '', 'E1'], ['', '', ''], [1, NaN, 1]) },
    want: [ep(2)],
  },
  // 426
  {
    name: 'V3 and V4 for one child',
    code: '426',
    tables: {
      Episodes:
        'CHILD,DECOM,LS\nA1,01/05/2025,V3\nA1,01/06/2025,V4\nA1,01/07/2025,C2\nB1,01/05/2025,V3',
    },
    want: [ep(2), ep(3)],
  },
  // 431
  {
    name: 'RNE S on the day the previous episode ended',
    code: '431',
    tables: {
      Episodes: `${EPI}\nA1,01/05/2025,10/05/2025,S,C2,E3,U1,,,\nA1,10/05/2025,,S,C2,,U1,,,\nB1,01/05/2025,10/05/2025,S,C2,E3,U1,,,\nB1,11/05/2025,,S,C2,,U1,,,`,
    },
    want: [ep(3)],
  },
  // 432
  {
    name: 'previous ended care but RNE not S',
    code: '432',
    tables: {
      Episodes: `${EPI}\nA1,01/05/2025,10/05/2025,S,C2,E3,U1,,,\nA1,20/05/2025,,P,C2,,U1,,,\nB1,01/05/2025,10/05/2025,S,C2,X1,U1,,,\nB1,10/05/2025,,P,C2,,U2,,,`,
    },
    want: [ep(3)],
  },
  // 433
  {
    name: 'continuation not starting on the previous DEC',
    code: '433',
    tables: {
      Episodes: `${EPI}\nA1,01/05/2025,10/05/2025,S,C2,X1,U1,,,\nA1,11/05/2025,,P,C2,,U2,,,\nB1,01/05/2025,10/05/2025,S,C2,X1,U1,,,\nB1,10/05/2025,,P,C2,,U2,,,`,
    },
    want: [ep(3)],
  },
  // 434
  {
    name: 'RNE L: LS unchanged or placement changed',
    code: '434',
    tables: {
      Episodes: `${EPI}\nA1,01/05/2025,02/05/2025,S,C1,X1,U1,LS1,,PR1\nA1,02/05/2025,03/05/2025,L,C1,X1,U1,LS1,,PR1\nA1,03/05/2025,04/05/2025,L,C2,X1,U1,LS2,,PR1\nA1,04/05/2025,,L,E1,,U1,LS2,,PR1`,
    },
    want: [ep(3), ep(4)],
  },
  // 435
  {
    name: 'RNE P: LS changed or placement unchanged',
    code: '435',
    tables: {
      Episodes: `${EPI}\nA1,01/05/2025,02/05/2025,S,C1,X1,U1,LS1,,PR1\nA1,02/05/2025,03/05/2025,P,C1,X1,U1,LS1,,PR1\nA1,03/05/2025,04/05/2025,P,C2,X1,U2,LS1,,PR1\nA1,04/05/2025,,P,C2,,U2,LS1,,PR2`,
    },
    want: [ep(3), ep(4)],
  },
  // 436
  {
    name: 'RNE U or B: both must change',
    code: '436',
    tables: {
      Episodes: `${EPI}\nA1,01/05/2025,02/05/2025,S,C1,X1,U1,LS1,,PR1\nA1,02/05/2025,03/05/2025,U,C1,X1,U2,LS1,,PR1\nA1,03/05/2025,04/05/2025,B,C2,X1,U2,LS1,,PR1\nA1,04/05/2025,,U,E1,,U3,LS1,,PR1`,
    },
    want: [ep(3), ep(4)],
  },
  {
    name: 'RNE T (placement only, same carers) is not checked by 436',
    code: '436',
    tables: {
      Episodes: `${EPI}\nA1,01/05/2025,02/05/2025,S,C1,X1,U1,LS1,,PR1\nA1,02/05/2025,03/05/2025,T,C1,X1,U2,LS1,,PR1\nA1,03/05/2025,,T,C1,,U3,LS1,,PR1`,
    },
    want: [],
  },
  // 437
  {
    name: 'E2 / E15 followed by another episode',
    code: '437',
    tables: { Episodes: 'CHILD,DECOM,REC\nA1,01/05/2025,E15\nA1,01/06/2025,\nB1,01/05/2025,E2' },
    want: [ep(2)],
  },
  // 440 / 441
  {
    name: 'PN0 at 4 or over',
    code: '440',
    tables: {
      Reviews:
        'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,10/06/2021,10/06/2025,PN0\nA1,10/06/2021,09/06/2025,PN0\nA1,10/06/2021,10/06/2025,PN1',
    },
    want: [{ table: 'Reviews', line: 2, child: 'A1' }],
  },
  {
    name: 'PN1–PN7 under 4',
    code: '441',
    tables: {
      Reviews:
        'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,10/06/2021,09/06/2025,PN3\nA1,10/06/2021,10/06/2025,PN3\nA1,10/06/2021,09/06/2025,PN0',
    },
    want: [{ table: 'Reviews', line: 2, child: 'A1' }],
  },
  // 442
  {
    name: 'UPN missing unless only short breaks',
    code: '442',
    tables: {
      Header: 'CHILD,UPN\nA1,\nB1,\nC1,A123456789012',
      Episodes: 'CHILD,LS\nA1,C2\nB1,V3\nC1,C2',
    },
    want: [{ table: 'Header', line: 2, child: 'A1' }],
  },
  // 444
  {
    name: 'duplicate UPN (UN codes allowed)',
    code: '444',
    tables: { Header: 'CHILD,UPN\nA1,A123456789012\nB1,A123456789012\nC1,UN1\nD1,UN1\nE1,' },
    want: [
      { table: 'Header', line: 2, child: 'A1' },
      { table: 'Header', line: 3, child: 'B1' },
    ],
  },
  // 445, 446, 451
  {
    name: 'D1 after 2005',
    code: '445',
    tables: { Episodes: 'CHILD,DECOM,LS\nA1,01/01/2006,D1\nA1,31/12/2005,D1\nA1,01/01/2006,E1' },
    opts: { year: '2023/24' },
    want: [ep(2)],
  },
  {
    name: 'E1 before 30/12/2005',
    code: '446',
    tables: { Episodes: 'CHILD,DECOM,LS\nA1,29/12/2005,E1\nA1,30/12/2005,E1\nA1,29/12/2005,D1' },
    want: [ep(2)],
  },
  {
    name: 'still freed for adoption',
    code: '451',
    tables: { Episodes: 'CHILD,DEC,REC,LS\nA1,,,D1\nA1,01/05/2023,E11,D1\nA1,,,E1' },
    opts: { year: '2023/24' },
    want: [ep(2)],
  },
  // 454
  {
    name: 'over 350 miles (999.9 = unknown)',
    code: '454',
    tables: { Episodes: 'CHILD,DECOM\nA1,01/05/2025\nA1,02/05/2025\nA1,03/05/2025\nA1,04/05/2025' },
    opts: { geo: geo(['', '', '', ''], ['', '', '', ''], [350, 350.1, 999.9, NaN]) },
    want: [ep(3)],
  },
  // 460
  {
    name: 'E17 before 18',
    code: '460',
    tables: {
      Header: 'CHILD,DOB\nA1,10/06/2007',
      Episodes: 'CHILD,DEC,REC\nA1,09/06/2025,E17\nA1,10/06/2025,E17',
    },
    want: [ep(2)],
  },
];

describe('rules 4xx', () => {
  it.each(cases)('$code $name', ({ code, tables, opts, want }) => {
    expect(check(code, tables, opts)).toEqual(want);
  });

  it.each([
    ['444', '2024/25'],
    ['454', '2024/25'],
    ['445', '2024/25'],
    ['451', '2025/26'],
  ] as [string, Year][])('%s is not in force in %s', (code, year) => {
    expect(() => check(code, { Header: 'CHILD\nA1', Episodes: 'CHILD\nA1' }, { year })).toThrow(
      /not in force/,
    );
  });

  it('postcode rules are skipped without a postcode lookup', () => {
    expect(() => check('420', { Episodes: 'CHILD,LS\nA1,V3' })).toThrow(/skipped.*postcode/);
  });
});
