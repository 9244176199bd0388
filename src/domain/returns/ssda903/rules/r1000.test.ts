import { describe, expect, it } from 'vitest';
import { NO_DATE } from '../dates.ts';
import { check, type CheckOptions, type CsvTables } from '../testing.ts';
import type { Finding, OfstedPlace, TableName } from '../types.ts';

const f = (table: TableName, line: number, child = 'A1'): Finding => ({ table, line, child });
const oc3 = (line: number, child = 'A1'): Finding => f('OC3', line, child);

interface Case {
  name: string;
  code: string;
  tables: CsvTables;
  opts?: CheckOptions;
  want: Finding[];
}

const OC3 = 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM';
const LEAVER = 'YES,F2,Z1';
const place = (urn: string): OfstedPlace => ({
  urn,
  placeCodes: ['K2'],
  providerCodes: ['PR2'],
  regEnd: NO_DATE,
  postcode: 'LS11AA',
});

const cases: Case[] = [
  {
    name: 'died in care this year or last',
    code: '1000',
    tables: {
      Episodes: 'CHILD,DECOM,DEC,REC\nA1,01/01/2025,01/05/2025,E2\nC1,01/01/2025,01/05/2025,E3',
      OC3: `${OC3}\nA1,01/01/2008,${LEAVER}\nB1,01/01/2008,${LEAVER}\nC1,01/01/2008,${LEAVER}\nD1,01/01/2008,,,`,
    },
    opts: {
      prev: {
        Episodes: 'CHILD,DECOM,DEC,REC\nB1,01/01/2024,01/05/2024,E2\nD1,01/01/2024,01/05/2024,E2',
      },
    },
    want: [oc3(2), oc3(3, 'B1')],
  },
  {
    name: 'not a relevant child: under 13 weeks since 14, none after 16, short breaks, adopted',
    code: '1001',
    tables: {
      // DOB 01/01/2008: 14th birthday 01/01/2022, 16th 01/01/2024.
      Header:
        'CHILD,DOB\nA1,01/01/2008\nB1,01/01/2008\nC1,01/01/2008\nD1,01/01/2008\nE1,01/01/2008\nF1,01/01/2004\nG1,01/01/2008',
      Episodes:
        'CHILD,DECOM,DEC,LS,REC\n' +
        // A1: 01/10/2023–01/05/2024 (213 days after 14, 121 after 16): relevant.
        'A1,01/04/2024,01/05/2024,C2,E4A\n' +
        // B1: 50 days only.
        'B1,01/04/2024,21/05/2024,C2,E4A\n' +
        // C1 (last year only): long care but ended before the 16th birthday. D1: short breaks only.
        'D1,01/04/2024,01/05/2024,V3,E4A\n' +
        // E1: enough days but adopted at the end.
        'E1,01/04/2024,01/05/2024,C2,E11\n' +
        // G1: open episode runs to 31 March: relevant.
        'G1,01/04/2024,,C2,',
      OC3: `${OC3}\nA1,,${LEAVER}\nB1,,${LEAVER}\nC1,,${LEAVER}\nD1,,${LEAVER}\nE1,,${LEAVER}\nF1,,${LEAVER}\nG1,,${LEAVER}\nH1,,${LEAVER}`,
    },
    opts: {
      year: '2024/25',
      prev: {
        Episodes:
          'CHILD,DECOM,DEC,LS,REC\nA1,01/10/2023,01/04/2024,C2,X1\nA1,01/04/2024,,C2,\nC1,01/01/2022,01/12/2023,C2,E4A\nD1,01/01/2023,01/02/2024,V3,E4A\nE1,01/10/2023,01/04/2024,C2,X1',
      },
    },
    want: [oc3(3, 'B1'), oc3(4, 'C1'), oc3(5, 'D1'), oc3(6, 'E1')],
  },
  {
    name: 'care leaver with no episodes this year or last',
    code: '1002',
    tables: {
      Episodes: 'CHILD,DECOM\nA1,01/05/2025',
      OC3: `${OC3}\nA1,,${LEAVER}\nB1,,${LEAVER}\nC1,,${LEAVER}`,
    },
    opts: { prev: { Episodes: 'CHILD,DECOM\nB1,01/05/2024' } },
    want: [oc3(4, 'C1')],
  },
  {
    name: 'decision to place for adoption before the period of care began',
    code: '1003',
    tables: {
      Episodes:
        'CHILD,DECOM,RNE\nA1,01/03/2025,S\nB1,01/03/2025,S\nC1,01/02/2025,P\nC1,01/03/2025,S\nD1,01/03/2025,P',
      PlacedAdoption:
        'CHILD,DATE_PLACED\nA1,28/02/2025\nB1,01/03/2025\nC1,15/02/2025\nD1,01/01/2025',
    },
    want: [
      f('Episodes', 2),
      f('Episodes', 5, 'C1'),
      f('PlacedAdoption', 2),
      f('PlacedAdoption', 4, 'C1'),
    ],
  },
  {
    name: 'MIS_START blank or invalid',
    code: '1004',
    tables: { Missing: 'CHILD,MIS_START\nA1,01/05/2025\nB1,\nC1,31/02/2025' },
    want: [f('Missing', 3, 'B1'), f('Missing', 4, 'C1')],
  },
  {
    name: 'MIS_END invalid (blank allowed)',
    code: '1005',
    tables: { Missing: 'CHILD,MIS_END\nA1,01/05/2025\nB1,\nC1,2025-05-01' },
    want: [f('Missing', 4, 'C1')],
  },
  {
    name: 'missing type not M or A',
    code: '1006',
    tables: { Missing: 'CHILD,MISSING\nA1,M\nB1,a\nC1,X\nD1,' },
    want: [f('Missing', 4, 'C1'), f('Missing', 5, 'D1')],
  },
  {
    name: 'still looked after on the 17th or 18th birthday in the year',
    code: '1007',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC\nA1,01/01/2025,01/09/2025\nB1,01/01/2025,01/05/2025\nC1,01/01/2025,\nD1,01/01/2025,\nE1,01/01/2025,01/06/2025',
      // Birthdays: A1 17 on 01/06/2025; B1 17 on 01/06/2025 (left before); C1 18 on 01/06/2025 (open);
      // D1 20 (out of age); E1 left on the birthday.
      OC3: `${OC3}\nA1,01/06/2008,${LEAVER}\nB1,01/06/2008,${LEAVER}\nC1,01/06/2007,${LEAVER}\nD1,01/06/2005,${LEAVER}\nE1,01/06/2008,${LEAVER}`,
    },
    want: [oc3(2), oc3(4, 'C1')],
  },
  {
    name: "URN not on Ofsted's lists",
    code: '1008',
    tables: { Episodes: 'CHILD,URN\nA1,SC999999\nB1,XXXXXXX\nC1,\nD1,1234567\nE1,XXXXXX' },
    opts: { ofsted: new Map([['SC999999', place('SC999999')]]) },
    want: [f('Episodes', 5, 'D1'), f('Episodes', 6, 'E1')],
  },
  {
    name: 'invalid reason for placement change',
    code: '1009',
    tables: { Episodes: 'CHILD,REASON_PLACE_CHANGE\nA1,CARPL\nB1,\nC1,NA\nD1,other' },
    want: [f('Episodes', 4, 'C1')],
  },
  {
    name: "no episodes this year though last year's latest episode was open",
    code: '1010',
    tables: {
      Episodes: 'CHILD,DECOM\nA1,01/05/2025',
      OC3: `${OC3}\nA1,,${LEAVER}\nB1,,${LEAVER}\nC1,,${LEAVER}\nD1,,,,`,
    },
    opts: {
      prev: {
        Episodes:
          'CHILD,DECOM,DEC\nA1,11/11/2024,\nB1,01/01/2024,\nB1,11/11/2024,14/03/2025\nC1,01/01/2024,01/05/2024\nC1,11/11/2024,\nD1,11/11/2024,',
      },
    },
    want: [oc3(4, 'C1')],
  },
  {
    name: 'final episode ended with care transferred (E3)',
    code: '1011',
    tables: {
      Episodes:
        'CHILD,DECOM,REC\nA1,01/06/2025,E11\nA1,06/06/2025,E3\nB1,01/06/2025,E3\nB1,07/06/2025,X1\nC1,01/06/2025,E3',
      OC3: `${OC3}\nA1,,${LEAVER}\nB1,,${LEAVER}\nC1,,,,`,
    },
    want: [oc3(2)],
  },
  {
    name: 'other tables for a child with no episodes this year',
    code: '1012',
    tables: {
      Episodes: 'CHILD,DECOM\nA1,01/05/2025',
      Reviews: 'CHILD,REVIEW\nA1,01/06/2025\nB1,01/06/2025',
      Missing: 'CHILD,MISSING\nC1,M',
      OC2: 'CHILD,CONVICTED\nA1,0',
    },
    want: [f('Reviews', 3, 'B1'), f('Missing', 2, 'C1')],
  },
  {
    name: 'UASC information for a care leaver',
    code: '1014',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC\nA1,01/01/2024,01/01/2025\nB1,01/01/2024,11/05/2025\nC1,01/01/2025,\nD1,01/01/2024,01/01/2025',
      UASC: 'CHILD,DUC\nA1,05/06/2020\nB1,05/06/2020\nC1,05/06/2020\nE1,05/06/2020',
      OC3: `${OC3}\nA1,,${LEAVER}\nB1,,${LEAVER}\nC1,,${LEAVER}\nD1,,${LEAVER}\nE1,,${LEAVER}`,
    },
    want: [f('UASC', 2), f('UASC', 5, 'E1'), oc3(2), oc3(6, 'E1')],
  },
  {
    name: 'own provision placed outside the LA',
    code: '1015',
    tables: {
      Episodes:
        'CHILD,PLACE,LS,PLACE_PROVIDER\nA1,K2,C2,PR1\nB1,K2,C2,PR1\nC1,U2,C2,PR1\nD1,K2,V3,PR1\nE1,K2,C2,PR2\nF1,K2,C2,PR1',
    },
    opts: {
      la: '380',
      geo: {
        plLa: ['E08000032', 'E08000035', 'E08000035', 'E08000035', 'E08000035', ''],
        plLocation: ['IN', 'OUT', 'OUT', 'OUT', 'OUT', ''],
        plDistance: new Float64Array(6),
      },
    },
    want: [f('Episodes', 3, 'B1')],
  },
  {
    name: 'ceased to be looked after after the 17th/18th birthday',
    code: '1016',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,REC\nA1,01/01/2025,01/09/2025,E4A\nB1,01/01/2025,01/05/2025,E4A\nC1,01/01/2025,01/09/2025,X1\nD1,01/01/2025,01/09/2025,E4A\nE1,01/01/2025,01/06/2025,E4A',
      OC3: `${OC3}\nA1,01/06/2008,${LEAVER}\nB1,01/06/2008,${LEAVER}\nC1,01/06/2008,${LEAVER}\nD1,01/06/2005,${LEAVER}\nE1,01/06/2007,${LEAVER}`,
    },
    want: [oc3(2)],
  },
  {
    name: 'former foster carer accommodation around the 17th birthday',
    code: '3001',
    tables: {
      Header: 'CHILD,DOB\nA1,16/03/2009\nB1,23/09/2008\nC1,31/12/2006',
      OC3: 'CHILD,DOB,ACCOM\nA1,16/03/2009,Z1\nB1,23/09/2008,Z2\nA1,16/03/2009,T1\nC1,31/12/2006,Z1\nD1,01/05/2008,Z1',
    },
    want: [oc3(2), oc3(3, 'B1'), oc3(6, 'D1')],
  },
];

describe('903 rules 1000–1016, 3001', () => {
  it.each(cases)('$code $name', ({ code, tables, opts, want }) => {
    expect(check(code, tables, opts)).toEqual(want);
  });

  it('1015 without --la is skipped with the reason, not passed', () => {
    expect(() =>
      check(
        '1015',
        { Episodes: 'CHILD,PLACE,LS,PLACE_PROVIDER\nA1,K2,C2,PR1' },
        { geo: { plLa: [''], plLocation: [''], plDistance: new Float64Array(1) } },
      ),
    ).toThrow(/--la/);
  });
});
