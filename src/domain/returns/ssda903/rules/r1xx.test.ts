import { describe, expect, it } from 'vitest';
import { check, type CsvTables } from '../testing.ts';
import type { TableName, Year } from '../types.ts';

interface Case {
  code: string;
  name: string;
  tables: CsvTables;
  year?: Year;
  /** [table, line, child] of each expected finding. */
  fails: [TableName, number, string][];
}

// Episodes that make child C1 looked after continuously for 12 months at 31 March 2026 (OC2 cohort)
// and child C2 new to care during the year.
const EPS = `CHILD,DECOM,RNE,LS,DEC,REC
C1,01/01/2024,S,C2,,
C2,01/06/2025,S,C2,,`;

const cases: Case[] = [
  { code: '101', name: 'M valid in 2025/26', tables: { Header: 'CHILD,SEX\nA,M' }, fails: [] },
  {
    code: '101',
    name: '1 invalid in 2025/26',
    tables: { Header: 'CHILD,SEX\nA,1' },
    fails: [['Header', 2, 'A']],
  },
  {
    code: '101',
    name: '1 valid in 2023/24',
    year: '2023/24',
    tables: { Header: 'CHILD,SEX\nA,1' },
    fails: [],
  },
  {
    code: '101',
    name: 'M invalid in 2023/24',
    year: '2023/24',
    tables: { Header: 'CHILD,SEX\nA,M' },
    fails: [['Header', 2, 'A']],
  },
  { code: '101', name: 'lower case accepted', tables: { Header: 'CHILD,SEX\nA,f' }, fails: [] },
  {
    code: '102',
    name: 'valid, invalid, blank DOB',
    tables: { Header: 'CHILD,DOB\nA,29/02/2012\nB,29/02/2013\nC,' },
    fails: [
      ['Header', 3, 'B'],
      ['Header', 4, 'C'],
    ],
  },
  {
    code: '103',
    name: 'ethnicity',
    tables: { Header: 'CHILD,ETHNIC\nA,WBRI\nB,XXXX\nC,' },
    fails: [
      ['Header', 3, 'B'],
      ['Header', 4, 'C'],
    ],
  },
  {
    code: '104',
    name: 'DUC',
    tables: { UASC: 'CHILD,DUC\nA,01/02/2025\nB,2025-02-01\nC,' },
    fails: [['UASC', 3, 'B']],
  },
  {
    code: '105',
    name: 'no UASC column in CSV: nothing to check',
    tables: { Header: 'CHILD,SEX\nA,M' },
    fails: [],
  },
  {
    code: '105',
    name: 'XML UASC flag',
    tables: { Header: 'CHILD,UASC\nA,1\nB,2' },
    fails: [['Header', 3, 'B']],
  },
  {
    code: '112',
    name: 'DATE_INT',
    tables: { AD1: 'CHILD,DATE_INT\nA,31/04/2025\nB,30/04/2025' },
    fails: [['AD1', 2, 'A']],
  },
  {
    code: '113',
    name: 'DATE_MATCH',
    tables: { AD1: 'CHILD,DATE_MATCH\nA,1/5/2025\nB,x' },
    fails: [['AD1', 3, 'B']],
  },
  {
    code: '114',
    name: 'FOSTER_CARE',
    tables: { AD1: 'CHILD,FOSTER_CARE\nA,0\nB,2\nC,' },
    fails: [['AD1', 3, 'B']],
  },
  {
    code: '115',
    name: 'DATE_PLACED',
    tables: { PlacedAdoption: 'CHILD,DATE_PLACED\nA,01/13/2025' },
    fails: [['PlacedAdoption', 2, 'A']],
  },
  {
    code: '116',
    name: 'DATE_PLACED_CEASED',
    tables: { PlacedAdoption: 'CHILD,DATE_PLACED_CEASED\nA,\nB,00/01/2025' },
    fails: [['PlacedAdoption', 3, 'B']],
  },
  {
    code: '117',
    name: 'after 31 March, or after leaving care',
    tables: {
      PlacedAdoption:
        'CHILD,DATE_PLACED,DATE_PLACED_CEASED\nA,01/04/2026,\nB,01/10/2025,\nC,01/10/2025,',
      Episodes:
        'CHILD,DECOM,DEC,REC\nB,01/01/2025,01/09/2025,E11\nC,01/01/2025,01/09/2025,X1\nC,01/09/2025,,',
    },
    fails: [
      ['PlacedAdoption', 2, 'A'],
      ['PlacedAdoption', 3, 'B'],
    ],
  },
  {
    code: '118',
    name: 'before the year or before care began',
    tables: {
      PlacedAdoption: 'CHILD,DATE_PLACED_CEASED\nA,31/03/2025\nB,01/05/2025\nC,01/08/2025',
      Episodes: 'CHILD,DECOM,LS\nB,01/06/2025,C2\nC,01/06/2025,C2',
    },
    fails: [
      ['PlacedAdoption', 2, 'A'],
      ['PlacedAdoption', 3, 'B'],
    ],
  },
  {
    code: '119',
    name: 'date and reason together',
    tables: {
      PlacedAdoption:
        'CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nA,01/05/2025,\nB,,RD1\nC,01/05/2025,RD1\nD,,',
    },
    fails: [
      ['PlacedAdoption', 2, 'A'],
      ['PlacedAdoption', 3, 'B'],
    ],
  },
  {
    code: '120',
    name: 'reason code',
    tables: { PlacedAdoption: 'CHILD,REASON_PLACED_CEASED\nA,RD1\nB,RD9' },
    fails: [['PlacedAdoption', 3, 'B']],
  },
  {
    code: '131',
    name: 'IN_TOUCH',
    tables: { OC3: 'CHILD,IN_TOUCH\nA,YES\nB,MAYBE' },
    fails: [['OC3', 3, 'B']],
  },
  {
    code: '132',
    name: 'ACTIV',
    tables: { OC3: 'CHILD,ACTIV\nA,F2\nB,Q1' },
    fails: [['OC3', 3, 'B']],
  },
  {
    code: '133',
    name: 'ACCOM',
    tables: { OC3: 'CHILD,ACCOM\nA,B1\nB,Q' },
    fails: [['OC3', 3, 'B']],
  },
  {
    code: '134',
    name: 'care leaver with adoption data',
    tables: {
      OC3: 'CHILD,IN_TOUCH\nA,YES\nB,YES',
      AD1: 'CHILD,DATE_INT\nA,01/05/2025\nC,01/05/2025',
    },
    fails: [
      ['OC3', 2, 'A'],
      ['AD1', 2, 'A'],
    ],
  },
  {
    code: '141',
    name: 'DECOM',
    tables: { Episodes: 'CHILD,DECOM\nA,01/05/2025\nB,\nC,1/5/25' },
    fails: [
      ['Episodes', 3, 'B'],
      ['Episodes', 4, 'C'],
    ],
  },
  {
    code: '142',
    name: 'earlier episode left open (file not sorted)',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,REC\nA,01/08/2025,,\nA,01/05/2025,,\nB,01/05/2025,01/08/2025,X1\nB,01/08/2025,,',
    },
    fails: [['Episodes', 3, 'A']],
  },
  {
    code: '143',
    name: 'RNE',
    tables: { Episodes: 'CHILD,RNE\nA,S\nB,Z\nC,' },
    fails: [
      ['Episodes', 3, 'B'],
      ['Episodes', 4, 'C'],
    ],
  },
  {
    code: '144',
    name: 'LS',
    tables: { Episodes: 'CHILD,LS\nA,C2\nB,C9' },
    fails: [['Episodes', 3, 'B']],
  },
  {
    code: '145',
    name: 'CIN',
    tables: { Episodes: 'CHILD,CIN\nA,N1\nB,N9' },
    fails: [['Episodes', 3, 'B']],
  },
  {
    code: '146',
    name: 'PLACE',
    tables: { Episodes: 'CHILD,PLACE\nA,U1\nB,U9' },
    fails: [['Episodes', 3, 'B']],
  },
  {
    code: '146',
    name: 'K3 valid in 2024/25 (unlike the reference)',
    year: '2024/25',
    tables: { Episodes: 'CHILD,PLACE\nA,K3' },
    fails: [],
  },
  {
    code: '147',
    name: 'DEC',
    tables: { Episodes: 'CHILD,DEC\nA,\nB,32/01/2026' },
    fails: [['Episodes', 3, 'B']],
  },
  {
    code: '148',
    name: 'DEC and REC together',
    tables: { Episodes: 'CHILD,DEC,REC\nA,01/05/2025,\nB,,E11\nC,01/05/2025,E11\nD,,' },
    fails: [
      ['Episodes', 2, 'A'],
      ['Episodes', 3, 'B'],
    ],
  },
  {
    code: '149',
    name: 'REC',
    tables: { Episodes: 'CHILD,REC\nA,E11\nB,E99\nC,' },
    fails: [['Episodes', 3, 'B']],
  },
  {
    code: '151',
    name: 'adoption items all or none',
    tables: {
      AD1: 'CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\nA,01/05/2025,01/06/2025,0,1,M1,L0\nB,01/05/2025,,,,,\nC,,,,,,',
    },
    fails: [['AD1', 3, 'B']],
  },
  {
    code: '153',
    name: 'OC3 all or none',
    tables: { OC3: 'CHILD,IN_TOUCH,ACTIV,ACCOM\nA,YES,F2,B\nB,YES,,\nC,,,' },
    fails: [['OC3', 3, 'B']],
  },
  {
    code: '157',
    name: 'SDQ1 for a 10-year-old in the cohort',
    tables: { Episodes: EPS, OC2: 'CHILD,DOB,SDQ_REASON\nC1,01/01/2015,SDQ1\nC2,01/01/2015,SDQ1' },
    fails: [['OC2', 2, 'C1']],
  },
  {
    code: '158',
    name: 'received and offered',
    tables: { OC2: 'CHILD,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\nA,1,1\nB,1,\nC,0,1' },
    fails: [['OC2', 2, 'A']],
  },
  {
    code: '159',
    name: 'not received, offered blank',
    tables: {
      OC2: 'CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\nA,1,0,\nB,1,0,1\nC,0,0,',
    },
    fails: [['OC2', 2, 'A']],
  },
  {
    code: '165',
    name: 'mother status',
    tables: { Header: 'CHILD,SEX,MOTHER\nA,F,1\nB,F,2\nC,M,1\nD,M,' },
    fails: [
      ['Header', 3, 'B'],
      ['Header', 4, 'C'],
    ],
  },
  {
    code: '166',
    name: 'review date',
    tables: { Reviews: 'CHILD,REVIEW\nA,01/05/2025\nB,\nC,1 May 2025' },
    fails: [
      ['Reviews', 3, 'B'],
      ['Reviews', 4, 'C'],
    ],
  },
  {
    code: '167',
    name: 'participation',
    tables: { Reviews: 'CHILD,REVIEW_CODE\nA,PN1\nB,PN9\nC,' },
    fails: [
      ['Reviews', 3, 'B'],
      ['Reviews', 4, 'C'],
    ],
  },
  {
    code: '168',
    name: 'UPN forms',
    tables: {
      Header:
        'CHILD,UPN\nA,A123456789012\nB,A12345678901B\nC,UN3\nD,I123456789012\nE,UN6\nF,\nG,A12345678901',
    },
    fails: [
      ['Header', 5, 'D'],
      ['Header', 6, 'E'],
      ['Header', 7, 'F'],
      ['Header', 8, 'G'],
    ],
  },
  {
    code: '171',
    name: 'MC_DOB',
    tables: { Header: 'CHILD,MC_DOB\nA,\nB,01/02/2025\nC,2/30/2025' },
    fails: [['Header', 4, 'C']],
  },
  {
    code: '174',
    name: 'male with child 2025/26',
    tables: { Header: 'CHILD,SEX,MC_DOB\nA,M,01/02/2025\nB,F,01/02/2025' },
    fails: [['Header', 2, 'A']],
  },
  {
    code: '174',
    name: 'male with child 2023/24',
    year: '2023/24',
    tables: { Header: 'CHILD,SEX,MC_DOB\nA,1,01/02/2025\nB,2,01/02/2025' },
    fails: [['Header', 2, 'A']],
  },
  {
    code: '175',
    name: 'NB_ADOPTR',
    tables: { AD1: 'CHILD,NB_ADOPTR\nA,1\nB,3' },
    fails: [['AD1', 3, 'B']],
  },
  {
    code: '176',
    name: 'SEX_ADOPTR',
    tables: { AD1: 'CHILD,SEX_ADOPTR\nA,M1\nB,X' },
    fails: [['AD1', 3, 'B']],
  },
  {
    code: '177',
    name: 'LS_ADOPTR',
    tables: { AD1: 'CHILD,LS_ADOPTR\nA,L0\nB,L9' },
    fails: [['AD1', 3, 'B']],
  },
  {
    code: '178',
    name: 'PLACE_PROVIDER',
    tables: { Episodes: 'CHILD,PLACE_PROVIDER\nA,PR1\nB,PR9\nC,' },
    fails: [['Episodes', 3, 'B']],
  },
  {
    code: '180',
    name: 'SDQ score 0–40',
    tables: { OC2: 'CHILD,SDQ_SCORE\nA,0\nB,40\nC,41\nD,X\nE,' },
    fails: [
      ['OC2', 4, 'C'],
      ['OC2', 5, 'D'],
    ],
  },
  {
    code: '181',
    name: 'OC2 items 0/1',
    tables: { OC2: 'CHILD,CONVICTED,HEALTH_CHECK\nA,0,1\nB,2,\nC,,Y' },
    fails: [
      ['OC2', 3, 'B'],
      ['OC2', 4, 'C'],
    ],
  },
  {
    code: '182',
    name: 'core items completed or all blank',
    tables: {
      OC2: 'CHILD,CONVICTED,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\nA,0,1,1,1,0\nB,0,1,,1,0\nC,,,,,',
    },
    fails: [['OC2', 3, 'B']],
  },
  {
    code: '184',
    name: 'decision before birth',
    tables: {
      Header: 'CHILD,DOB\nA,01/06/2025\nB,01/06/2020',
      PlacedAdoption: 'CHILD,DATE_PLACED\nA,01/05/2025\nB,01/05/2025',
    },
    fails: [['PlacedAdoption', 2, 'A']],
  },
  {
    code: '185',
    name: 'SDQ score outside the cohort',
    tables: { Episodes: EPS, OC2: 'CHILD,SDQ_SCORE\nC1,10\nC2,10' },
    fails: [['OC2', 3, 'C2']],
  },
  {
    code: '186',
    name: 'cohort child of SDQ age without score or reason',
    tables: {
      Episodes: EPS,
      OC2: 'CHILD,DOB,SDQ_SCORE,SDQ_REASON\nC1,01/01/2015,,\nC2,01/01/2015,,',
    },
    fails: [['OC2', 2, 'C1']],
  },
  {
    code: '187',
    name: 'cohort child with adoption or care-leaver data',
    tables: {
      Episodes: EPS,
      AD1: 'CHILD,DATE_INT\nC1,01/05/2025\nC2,01/05/2025',
      OC3: 'CHILD,IN_TOUCH\nC1,YES',
    },
    fails: [
      ['OC3', 2, 'C1'],
      ['AD1', 2, 'C1'],
    ],
  },
  {
    code: '188',
    name: 'under 4 at end',
    tables: {
      OC2: 'CHILD,DOB,SDQ_SCORE,SDQ_REASON\nA,01/06/2022,5,\nB,01/06/2020,5,\nC,01/06/2023,,',
    },
    fails: [['OC2', 2, 'A']],
  },
  {
    code: '189',
    name: '17 at start',
    tables: { OC2: 'CHILD,DOB,SDQ_SCORE,SDQ_REASON\nA,01/03/2008,,SDQ1\nB,01/06/2008,5,' },
    fails: [['OC2', 2, 'A']],
  },
  {
    code: '190',
    name: 'OC2 items outside the cohort',
    tables: { Episodes: EPS, OC2: 'CHILD,CONVICTED\nC1,0\nC2,0' },
    fails: [['OC2', 3, 'C2']],
  },
  {
    code: '191',
    name: 'cohort child with blank core items',
    tables: {
      Episodes: EPS,
      OC2: 'CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\nC1,1,1,,0\nC2,,,,',
    },
    fails: [['OC2', 2, 'C1']],
  },
  {
    code: '192',
    name: 'misuse without received',
    tables: { OC2: 'CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED\nA,1,\nB,1,0' },
    fails: [['OC2', 2, 'A']],
  },
  {
    code: '193',
    name: 'no misuse but intervention items',
    tables: {
      OC2: 'CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\nA,0,1,\nB,,,0\nC,1,1,\nD,0,,',
    },
    fails: [
      ['OC2', 2, 'A'],
      ['OC2', 3, 'B'],
    ],
  },
  {
    code: '196',
    name: 'SDQ reason code',
    tables: { OC2: 'CHILD,SDQ_REASON\nA,SDQ2\nB,SDQ9' },
    fails: [['OC2', 3, 'B']],
  },
  {
    code: '197a',
    name: 'score and reason',
    tables: { OC2: 'CHILD,SDQ_SCORE,SDQ_REASON\nA,5,SDQ1\nB,5,' },
    fails: [['OC2', 2, 'A']],
  },
  {
    code: '197B',
    name: 'turns 4 in the year without score or reason',
    tables: {
      Episodes: EPS,
      OC2: 'CHILD,DOB,SDQ_SCORE,SDQ_REASON\nC1,01/06/2021,,\nC2,01/06/2021,,',
    },
    fails: [['OC2', 2, 'C1']],
  },
  {
    code: '198',
    name: 'reason outside the cohort',
    tables: { Episodes: EPS, OC2: 'CHILD,SDQ_REASON\nC1,SDQ1\nC2,SDQ1' },
    fails: [['OC2', 3, 'C2']],
  },
  {
    code: '199',
    name: 'episode after adoption',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,REC\nA,01/01/2025,01/05/2025,E11\nA,01/09/2025,,\nB,01/01/2025,01/05/2025,E4A\nB,01/09/2025,,',
    },
    fails: [['Episodes', 3, 'A']],
  },
];

describe('rules 1xx', () => {
  it.each(cases)('$code $name', ({ code, tables, year, fails }) => {
    const found = check(code, tables, year ? { year } : {});
    expect(found).toEqual(fails.map(([table, line, child]) => ({ table, line, child })));
  });

  it('199 also finds an adoption in last year’s return', () => {
    const found = check(
      '199',
      { Episodes: 'CHILD,DECOM,DEC,REC\nA,01/09/2025,,' },
      { prev: { Episodes: 'CHILD,DECOM,DEC,REC\nA,01/01/2024,01/05/2024,E12' } },
    );
    expect(found).toEqual([{ table: 'Episodes', line: 2, child: 'A' }]);
  });

  it('rules needing postcodes are skipped without them', () => {
    expect(() => check('169', { Episodes: 'CHILD,PL_POST\nA,BD1 1HY' })).toThrow(
      'needs a postcode lookup (--postcodes)',
    );
  });
});
