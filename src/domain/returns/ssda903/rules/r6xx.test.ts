import { describe, expect, it } from 'vitest';
import { check, type CheckOptions, type CsvTables } from '../testing.ts';
import type { Finding, TableName } from '../types.ts';

const f = (table: TableName, line: number, child = 'A1'): Finding => ({ table, line, child });

interface Case {
  name: string;
  code: string;
  tables: CsvTables;
  opts?: CheckOptions;
  want: Finding[];
}

const AD1 = 'CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR';
const FULL_AD1 = '01/01/2025,01/02/2025,0,1,M1,L0';
const PP = 'CHILD,PREV_PERM,LA_PERM,DATE_PERM';

const cases: Case[] = [
  {
    name: '601 adopted in year with a blank AD1 field, or no AD1 row',
    code: '601',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,REC\nA1,01/01/2025,01/06/2025,E11\nB1,01/01/2025,01/06/2025,E12\nC1,01/01/2025,01/06/2025,E12\nD1,01/01/2024,01/03/2025,E11',
      AD1: `${AD1}\nA1,,01/02/2025,0,1,M1,L0\nB1,${FULL_AD1}\nD1,,,,,,`,
    },
    want: [f('Episodes', 2), f('Episodes', 4, 'C1'), f('AD1', 2)],
  },
  {
    name: '602 AD1 details but no adoption in the year',
    code: '602',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,REC\nA1,01/01/2025,01/06/2025,E11\nB1,01/01/2025,01/06/2025,E3\nC1,01/01/2024,01/03/2025,E11',
      AD1: `${AD1}\nA1,${FULL_AD1}\nB1,${FULL_AD1}\nC1,,01/02/2025,,,,\nD1,,,,,,`,
    },
    want: [f('AD1', 3, 'B1'), f('AD1', 4, 'C1')],
  },
  {
    name: '607 2025/26 a girl left care without MOTHER (not X1, not short break)',
    code: '607',
    tables: {
      Header: 'CHILD,SEX,MOTHER\nA1,F,\nB1,M,\nC1,F,0\nD1,F,\nE1,F,',
      Episodes:
        'CHILD,DECOM,DEC,REC,LS\nA1,01/01/2025,01/06/2025,E4A,C2\nB1,01/01/2025,01/06/2025,E4A,C2\nC1,01/01/2025,01/06/2025,E4A,C2\nD1,01/01/2025,01/06/2025,X1,C2\nE1,01/01/2025,01/06/2025,E4A,V3',
    },
    want: [f('Header', 2), f('Episodes', 2)],
  },
  {
    name: '607 2023/24 uses SEX 2 for female',
    code: '607',
    tables: {
      Header: 'CHILD,SEX,MOTHER\nA1,2,\nB1,F,',
      Episodes:
        'CHILD,DECOM,DEC,REC,LS\nA1,01/01/2023,01/06/2023,E4A,C2\nB1,01/01/2023,01/06/2023,E4A,C2',
    },
    opts: { year: '2023/24' },
    want: [f('Header', 2), f('Episodes', 2)],
  },
  {
    name: '611 mother without MC_DOB',
    code: '611',
    tables: { Header: 'CHILD,MOTHER,MC_DOB\nA1,1,\nB1,1,01/01/2024\nC1,0,' },
    want: [f('Header', 2)],
  },
  {
    name: '612 2025/26 MC_DOB for a girl who is not a mother',
    code: '612',
    tables: {
      Header:
        'CHILD,SEX,MOTHER,MC_DOB\nA1,F,0,01/01/2024\nB1,F,,01/01/2024\nC1,F,1,01/01/2024\nD1,M,0,01/01/2024\nE1,F,0,',
    },
    want: [f('Header', 2), f('Header', 3, 'B1')],
  },
  {
    name: '612 2023/24 SEX 2',
    code: '612',
    tables: { Header: 'CHILD,SEX,MOTHER,MC_DOB\nA1,2,0,01/01/2023\nB1,F,0,01/01/2023' },
    opts: { year: '2023/24' },
    want: [f('Header', 2)],
  },
  {
    name: '620 mother under 11 at 1 April',
    code: '620',
    tables: {
      Header: 'CHILD,MOTHER,DOB\nA1,1,02/04/2014\nB1,1,01/04/2014\nC1,0,01/01/2020\nD1,1,',
    },
    want: [f('Header', 2)],
  },
  {
    name: '621 first child born on or before the mother',
    code: '621',
    tables: {
      Header:
        'CHILD,DOB,MC_DOB\nA1,01/01/2010,01/01/2009\nB1,01/01/2010,01/01/2010\nC1,01/01/2010,01/01/2025\nD1,01/01/2010,',
    },
    want: [f('Header', 2), f('Header', 3, 'B1')],
  },
  {
    name: "624 MC_DOB differs from last year's",
    code: '624',
    tables: {
      Header: 'CHILD,MC_DOB\nA1,02/01/2024\nB1,01/01/2024\nC1,\nD1,01/01/2024\nE1,01/01/2024',
    },
    opts: {
      prev: { Header: 'CHILD,MC_DOB\nA1,01/01/2024\nB1,1/1/2024\nC1,01/01/2024\nD1,' },
    },
    want: [f('Header', 2), f('Header', 4, 'C1')],
  },
  {
    name: '625 MC_DOB after 31 March or after the last DEC',
    code: '625',
    tables: {
      Header: 'CHILD,MC_DOB\nA1,01/04/2026\nB1,01/06/2025\nC1,01/06/2025\nD1,01/06/2025',
      Episodes:
        'CHILD,DECOM,DEC\nB1,01/01/2025,01/05/2025\nC1,01/01/2025,01/05/2025\nC1,01/05/2025,\nD1,01/01/2025,01/07/2025',
    },
    want: [f('Header', 2), f('Header', 3, 'B1'), f('Episodes', 2, 'B1')],
  },
  {
    name: "626 mother with a child born before the year, not a mother in last year's return",
    code: '626',
    tables: {
      Header:
        'CHILD,MOTHER,MC_DOB\nA1,1,01/01/2025\nB1,1,01/05/2025\nC1,1,01/01/2025\nD1,1,01/01/2025',
    },
    opts: { prev: { Header: 'CHILD,MOTHER\nA1,0\nB1,0\nC1,1' } },
    want: [f('Header', 2)],
  },
  {
    name: '628 MOTHER for a care leaver with no episodes',
    code: '628',
    tables: {
      Header: 'CHILD,MOTHER\nA1,0\nB1,1\nC1,1\nD1,',
      Episodes: 'CHILD,DECOM\nB1,01/01/2025',
      OC3: 'CHILD,IN_TOUCH,ACTIV,ACCOM\nA1,YES,F2,Z1\nB1,YES,F2,Z1\nC1,,,\nD1,YES,F2,Z1',
    },
    want: [f('Header', 2)],
  },
  {
    name: '630 new period of care without complete previous permanence',
    code: '630',
    tables: {
      Episodes:
        'CHILD,DECOM,RNE\nA1,01/05/2025,S\nB1,01/05/2025,S\nC1,01/05/2025,S\nD1,01/05/2025,S\nE1,01/05/2025,P\nF1,01/03/2025,S\nG1,01/05/2025,S',
      PrevPerm: `${PP}\nB1,Z1,,\nC1,P1,800,\nD1,,,\nG1,P1,800,01/01/2020`,
    },
    want: [f('Episodes', 2), f('Episodes', 4, 'C1'), f('Episodes', 5, 'D1')],
  },
  {
    name: '631 invalid PREV_PERM',
    code: '631',
    tables: { PrevPerm: `${PP}\nA1,P9,,\nB1,P4,,\nC1,,,` },
    want: [f('PrevPerm', 2)],
  },
  {
    name: '632 DATE_PERM invalid or not before the first episode (ZZ allowed)',
    code: '632',
    tables: {
      PrevPerm: `${PP}\nA1,P1,800,xx/10/2011\nB1,P1,800,17/06/2025\nC1,P1,800,ZZ/05/2025\nD1,P1,800,ZZ/ZZ/ZZZZ\nE1,P1,800,ZZ/06/2025\nF1,P1,800,01/13/2000\nG1,P1,800,ZZ/ZZ/ZZ`,
      Episodes:
        'CHILD,DECOM\nA1,20/10/2025\nB1,17/06/2025\nC1,01/07/2025\nD1,01/07/2025\nE1,20/06/2025\nF1,01/07/2025',
    },
    want: [
      f('Episodes', 2),
      f('Episodes', 3, 'B1'),
      f('Episodes', 6, 'E1'),
      f('Episodes', 7, 'F1'),
      f('PrevPerm', 2),
      f('PrevPerm', 3, 'B1'),
      f('PrevPerm', 6, 'E1'),
      f('PrevPerm', 7, 'F1'),
      f('PrevPerm', 8, 'G1'),
    ],
  },
  {
    name: '633 LA_PERM not a valid LA code',
    code: '633',
    tables: { PrevPerm: `${PP}\nA1,P1,458,\nB1,P1,SCO,\nC1,P1,204,\nD1,Z1,,` },
    want: [f('PrevPerm', 2)],
  },
  {
    name: '634 previous permanence but care began before 1 April 2016',
    code: '634',
    tables: {
      PrevPerm: `${PP}\nA1,P1,800,\nB1,Z1,,\nC1,,,`,
      Episodes: 'CHILD,DECOM\nA1,01/01/2010\nA1,31/03/2016\nB1,01/04/2016\nC1,01/01/2010',
    },
    want: [f('Episodes', 3), f('PrevPerm', 2)],
  },
  {
    name: '635 Z1 with a date or LA code',
    code: '635',
    tables: { PrevPerm: `${PP}\nA1,Z1,800,\nB1,Z1,,01/01/2020\nC1,Z1,,\nD1,P1,800,01/01/2020` },
    want: [f('PrevPerm', 2), f('PrevPerm', 3, 'B1')],
  },
];

describe('903 rules 6xx', () => {
  it.each(cases)('$code $name', ({ code, tables, opts, want }) => {
    expect(check(code, tables, opts)).toEqual(want);
  });
});
