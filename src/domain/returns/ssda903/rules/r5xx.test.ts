import { describe, expect, it } from 'vitest';
import { check, type CheckOptions, type CsvTables } from '../testing.ts';
import type { Finding, TableName } from '../types.ts';

const f = (table: TableName, line: number, child = 'A1'): Finding => ({ table, line, child });
const ep = (line: number, child = 'A1'): Finding => f('Episodes', line, child);

interface Case {
  name: string;
  code: string;
  tables: CsvTables;
  opts?: CheckOptions;
  want: Finding[];
}

const EPI = 'CHILD,DECOM,DEC,RNE,LS,CIN,REC,PLACE,PLACE_PROVIDER,URN';
// Last year's open episode for A1 and B1, and a closed one for C1.
const LAST = {
  Episodes: `${EPI}\nA1,01/02/2025,,S,C2,N1,,U1,PR1,XXXXXXX\nB1,01/02/2025,,S,C2,N1,,H5,PR1,XXXXXXX\nC1,01/02/2025,01/03/2025,S,C2,N1,E3,U1,PR1,XXXXXXX`,
};
const PA = 'CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED';
const MIS = 'CHILD,MISSING,MIS_START,MIS_END';

const cases: Case[] = [
  {
    name: 'episode starts before the previous ends',
    code: '501',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC\nA1,01/05/2025,10/05/2025\nA1,09/05/2025,\nB1,01/05/2025,10/05/2025\nB1,10/05/2025,',
    },
    want: [ep(3)],
  },
  {
    name: "first episode does not start when last year's open one did",
    code: '502',
    tables: { Episodes: 'CHILD,DECOM\nA1,02/02/2025\nB1,01/02/2025\nC1,01/05/2025' },
    opts: { prev: LAST },
    want: [ep(2)],
  },
  ...(
    [
      ['503A', 'RNE', 'S', 'P'],
      ['503B', 'LS', 'C2', 'C1'],
      ['503C', 'CIN', 'N1', 'N2'],
      ['503E', 'PLACE_PROVIDER', 'PR1', 'PR2'],
      ['503F', 'URN', 'XXXXXXX', '1234567'],
    ] as const
  ).map(([code, col, same, other]): Case => ({
    name: `${col} differs from last year's open episode`,
    code,
    // A1 differs (fails), B1 matches, C1's last episode had ended.
    tables: {
      Episodes: `CHILD,DECOM,${col}\nA1,01/02/2025,${other}\nB1,01/02/2025,${same}\nC1,01/05/2025,${other}`,
    },
    opts: { prev: LAST },
    want: [ep(2)],
  })),
  {
    name: '503D 2024/25 allows H5 → K3 only',
    code: '503D',
    tables: { Episodes: 'CHILD,DECOM,PLACE\nA1,01/02/2025,U2\nB1,01/02/2025,K3\nC1,01/05/2025,U2' },
    opts: { prev: LAST, year: '2024/25' },
    want: [ep(2)],
  },
  {
    name: '503D 2025/26 allows Z1 → Z11–Z14 and H5 → K3',
    code: '503D',
    tables: { Episodes: 'CHILD,DECOM,PLACE\nA1,01/02/2025,Z12\nB1,01/02/2025,K3' },
    opts: { prev: { Episodes: 'CHILD,DECOM,DEC,PLACE\nA1,01/02/2025,,Z1\nB1,01/02/2025,,H5' } },
    want: [],
  },
  {
    name: '503D 2023/24 has no exception',
    code: '503D',
    tables: { Episodes: 'CHILD,DECOM,PLACE\nB1,01/02/2023,K3' },
    opts: { prev: { Episodes: 'CHILD,DECOM,DEC,PLACE\nB1,01/02/2023,,H5' }, year: '2023/24' },
    want: [ep(2, 'B1')],
  },
  {
    name: 'CIN changes within a period of care',
    code: '504',
    tables: {
      Episodes: `${EPI}\nA1,01/05/2025,02/05/2025,S,C2,N1,X1,U1,PR1,\nA1,02/05/2025,03/05/2025,P,C2,N2,E3,U2,PR1,\nA1,04/05/2025,,S,C2,N3,,U2,PR1,`,
    },
    want: [ep(3)],
  },
  {
    name: 'two adopters must be a couple',
    code: '511',
    tables: { AD1: 'CHILD,NB_ADOPTR,SEX_ADOPTR\nA1,2,M1\nA1,2,MF\nA1,1,M1' },
    want: [f('AD1', 2)],
  },
  ...(
    [
      ['514', 'L0', 'MM', 'F1'],
      ['517', 'L3', 'MM', 'MF'],
      ['518', 'L4', 'MF', 'FF'],
      ['519', 'L2', 'M1', 'MM'],
      ['520', 'L11', 'FF', 'MF'],
      ['524', 'L12', 'MF', 'MM'],
    ] as const
  ).map(([code, ls, bad, good]): Case => ({
    name: `${ls} with ${bad} fails, with ${good} passes`,
    code,
    tables: { AD1: `CHILD,LS_ADOPTR,SEX_ADOPTR\nA1,${ls},${bad}\nA1,${ls},${good}\nA1,XX,${bad}` },
    want: [f('AD1', 2)],
  })),
  {
    name: 'SGO to former carers not from foster care',
    code: '516',
    tables: { Episodes: 'CHILD,REC,PLACE\nA1,E45,R1\nA1,E46,U3\nA1,E3,R1' },
    want: [ep(2)],
  },
  {
    name: 'placed for adoption before the best-interests decision',
    code: '521',
    tables: {
      Episodes: 'CHILD,DECOM,PLACE\nA1,01/05/2025,A3\nB1,01/05/2025,A4',
      AD1: 'CHILD,DATE_INT\nA1,02/05/2025\nB1,01/05/2025',
    },
    want: [ep(2), f('AD1', 2)],
  },
  {
    name: 'decision after it ceased',
    code: '522',
    tables: { PlacedAdoption: `${PA}\nA1,02/05/2025,01/05/2025,RD1\nA1,01/05/2025,01/05/2025,RD1` },
    want: [f('PlacedAdoption', 2)],
  },
  {
    name: 'latest DATE_PLACED differs from DATE_INT',
    code: '523',
    tables: {
      PlacedAdoption: `${PA}\nA1,01/01/2025,01/02/2025,RD1\nA1,01/05/2025,,\nB1,01/05/2025,,`,
      AD1: 'CHILD,DATE_INT\nA1,02/05/2025\nB1,01/05/2025',
    },
    want: [f('AD1', 2), f('PlacedAdoption', 3)],
  },
  {
    name: 'reversed decision but AD1 details given',
    code: '525',
    tables: {
      PlacedAdoption: `${PA}\nA1,01/01/2025,01/02/2025,RD1\nB1,01/01/2025,01/02/2025,RD1`,
      AD1: 'CHILD,DATE_INT,LS_ADOPTR\nA1,,L0\nB1,,',
    },
    want: [f('AD1', 2), f('PlacedAdoption', 2)],
  },
  {
    name: '526 2025/26: Z11 exempt, Z1 is not',
    code: '526',
    tables: { Episodes: 'CHILD,PLACE,PLACE_PROVIDER\nA1,Z11,\nA1,Z1,\nA1,U1,\nA1,T0,\nA1,U1,PR1' },
    want: [ep(3), ep(4)],
  },
  {
    name: '526 2024/25: Z1 exempt',
    code: '526',
    tables: { Episodes: 'CHILD,PLACE,PLACE_PROVIDER\nA1,Z1,\nA1,U1,' },
    opts: { year: '2024/25' },
    want: [ep(3)],
  },
  ...(
    [
      ['527', 'PR1', 'R2', 'U1'],
      ['528', 'PR2', 'R5', 'R1'],
      ['529', 'PR3', 'U4', 'R1'],
      ['530', 'PR4', 'P1', 'U1'],
      ['531', 'PR5', 'P1', 'R1'],
      ['550', 'PR0', 'U1', 'P1'],
    ] as const
  ).map(([code, pr, bad, good]): Case => ({
    name: `${pr} with ${bad} fails, with ${good} passes`,
    code,
    tables: {
      Episodes: `CHILD,PLACE,PLACE_PROVIDER\nA1,${bad},${pr}\nA1,${good},${pr}\nA1,${bad},PRX`,
    },
    want: [ep(2)],
  })),
  {
    name: 'conviction for a child under 10 at 31 March',
    code: '542',
    tables: { OC2: 'CHILD,DOB,CONVICTED\nA1,01/04/2016,0\nA1,31/03/2016,0\nA1,01/04/2016,' },
    want: [f('OC2', 2)],
  },
  {
    name: 'conviction missing for 10+ looked after all year',
    code: '543',
    tables: {
      OC2: 'CHILD,DOB,CONVICTED\nA1,31/03/2016,\nB1,31/03/2016,\nC1,01/04/2016,\nD1,31/03/2016,0',
      Episodes:
        'CHILD,DECOM,DEC,RNE,LS,REC\nA1,01/01/2024,,S,C2,\nB1,01/06/2025,,S,C2,\nC1,01/01/2024,,S,C2,\nD1,01/01/2024,,S,C2,',
    },
    want: [f('OC2', 2)],
  },
  {
    name: 'conviction completed but health fields not',
    code: '544',
    tables: {
      OC2: 'CHILD,CONVICTED,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\nA1,0,1,1,,0\nA1,1,1,1,1,0\nA1,,,,,',
    },
    want: [f('OC2', 2)],
  },
  {
    name: 'health check missing for under 5 looked after all year',
    code: '545',
    tables: {
      OC2: 'CHILD,DOB,HEALTH_CHECK\nA1,01/04/2021,\nB1,31/03/2021,\nC1,01/04/2021,1',
      Episodes: 'CHILD,DECOM,RNE,LS\nA1,01/01/2024,S,C2\nB1,01/01/2024,S,C2\nC1,01/01/2024,S,C2',
    },
    want: [f('OC2', 2)],
  },
  {
    name: 'health check for 5 or over',
    code: '546',
    tables: { OC2: 'CHILD,DOB,HEALTH_CHECK\nA1,31/03/2021,1\nA1,01/04/2021,1\nA1,31/03/2021,' },
    want: [f('OC2', 2)],
  },
  {
    name: 'health check completed but health fields not',
    code: '547',
    tables: {
      OC2: 'CHILD,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\nA1,1,,1,1,0\nA1,0,1,1,1,0',
    },
    want: [f('OC2', 2)],
  },
  {
    name: 'placed for adoption without a decision date',
    code: '551',
    tables: {
      Episodes: 'CHILD,PLACE\nA1,A3\nB1,A4\nC1,U1',
      PlacedAdoption: `${PA}\nB1,01/01/2025,,`,
    },
    want: [ep(2)],
  },
  {
    name: 'placed for adoption before any decision',
    code: '552',
    tables: {
      Episodes: 'CHILD,DECOM,PLACE\nA1,01/05/2025,A3\nB1,01/05/2025,A4',
      PlacedAdoption: `${PA}\nA1,02/05/2025,,\nB1,01/05/2025,,`,
    },
    want: [ep(2), f('PlacedAdoption', 2)],
  },
  {
    name: 'placement order without a decision; open order with a ceased decision',
    code: '553',
    tables: {
      Episodes: 'CHILD,LS,DEC\nA1,E1,\nB1,E1,\nC1,E1,01/06/2025',
      PlacedAdoption: `${PA}\nB1,01/01/2025,01/02/2025,RD1\nC1,01/01/2025,01/02/2025,RD1`,
    },
    want: [ep(2), f('PlacedAdoption', 2, 'B1')],
  },
  {
    name: 'decision after the first placement order episode',
    code: '554',
    tables: {
      Episodes: 'CHILD,DECOM,LS\nA1,01/05/2025,E1\nA1,01/06/2025,E1\nB1,01/05/2025,E1',
      PlacedAdoption: `${PA}\nA1,02/05/2025,,\nB1,30/04/2025,,`,
    },
    want: [ep(2), f('PlacedAdoption', 2)],
  },
  {
    name: '555 (2023/24): freeing order without a decision',
    code: '555',
    tables: { Episodes: 'CHILD,LS,DEC\nA1,D1,\nB1,D1,', PlacedAdoption: `${PA}\nB1,01/01/2005,,` },
    opts: { year: '2023/24' },
    want: [ep(2)],
  },
  {
    name: '556 (2023/24): decision after the freeing order',
    code: '556',
    tables: {
      Episodes: 'CHILD,DECOM,LS\nA1,01/05/2004,D1',
      PlacedAdoption: `${PA}\nA1,02/05/2004,,`,
    },
    opts: { year: '2023/24' },
    want: [ep(2), f('PlacedAdoption', 2)],
  },
  {
    name: '557: left care not adopted, decision not ceased',
    code: '557',
    tables: {
      Episodes: 'CHILD,PLACE,LS,REC\nA1,A3,C2,E3\nB1,U1,E1,E4A\nC1,A4,E1,E11\nD1,A5,E1,E3',
      PlacedAdoption: `${PA}\nA1,01/01/2025,,\nD1,01/01/2025,01/05/2025,RD1`,
    },
    want: [ep(2), ep(3, 'B1'), f('PlacedAdoption', 2)],
  },
  {
    name: '557 (2023/24): D1 counts too',
    code: '557',
    tables: { Episodes: 'CHILD,PLACE,LS,REC\nA1,U1,D1,E3' },
    opts: { year: '2023/24' },
    want: [ep(2)],
  },
  {
    name: 'adopted but the latest decision ceased',
    code: '558',
    tables: {
      Episodes: 'CHILD,REC\nA1,E11\nB1,E12',
      PlacedAdoption: `${PA}\nA1,01/01/2025,01/02/2025,RD1\nB1,01/01/2024,01/02/2024,RD1\nB1,01/03/2025,,`,
    },
    want: [ep(2), f('PlacedAdoption', 2)],
  },
  {
    name: 'decision before this year missing from last year',
    code: '559',
    tables: { PlacedAdoption: `${PA}\nA1,01/03/2025,,\nB1,01/03/2025,,\nC1,01/04/2025,,` },
    opts: { prev: { PlacedAdoption: `${PA}\nB1,01/03/2025,,` } },
    want: [f('PlacedAdoption', 2)],
  },
  {
    name: "last year's open decision reported with another date",
    code: '560',
    tables: { PlacedAdoption: `${PA}\nA1,02/03/2025,,\nB1,01/03/2025,,` },
    opts: { prev: { PlacedAdoption: `${PA}\nA1,01/03/2025,,\nB1,01/03/2025,,` } },
    want: [f('PlacedAdoption', 2)],
  },
  {
    name: 'same date as a decision that ceased last year',
    code: '561',
    tables: { PlacedAdoption: `${PA}\nA1,01/03/2024,,\nB1,01/03/2025,,` },
    opts: {
      prev: { PlacedAdoption: `${PA}\nA1,01/03/2024,01/04/2024,RD1\nB1,01/03/2024,01/04/2024,RD1` },
    },
    want: [f('PlacedAdoption', 2)],
  },
  {
    name: "episode from before the year not matching last year's latest",
    code: '562',
    tables: { Episodes: 'CHILD,DECOM\nA1,01/02/2025\nB1,02/02/2025\nC1,01/05/2025\nD1,01/03/2025' },
    opts: { prev: LAST },
    want: [ep(3, 'B1'), ep(5, 'D1')],
  },
  {
    name: 'ceased decision without a decision date',
    code: '563',
    tables: { PlacedAdoption: `${PA}\nA1,,01/02/2025,\nA1,,,RD1\nA1,01/01/2025,01/02/2025,RD1` },
    want: [f('PlacedAdoption', 2), f('PlacedAdoption', 3)],
  },
  {
    name: 'missing without start',
    code: '564',
    tables: { Missing: `${MIS}\nA1,M,,\nA1,M,01/05/2025,` },
    want: [f('Missing', 2)],
  },
  {
    name: 'start without missing',
    code: '565',
    tables: { Missing: `${MIS}\nA1,,01/05/2025,\nA1,A,01/05/2025,` },
    want: [f('Missing', 2)],
  },
  {
    name: 'end without missing',
    code: '566',
    tables: { Missing: `${MIS}\nA1,,01/05/2025,02/05/2025\nA1,A,01/05/2025,02/05/2025` },
    want: [f('Missing', 2)],
  },
  {
    name: 'end before start',
    code: '567',
    tables: { Missing: `${MIS}\nA1,M,02/05/2025,01/05/2025\nA1,M,02/05/2025,02/05/2025` },
    want: [f('Missing', 2)],
  },
  {
    name: 'start after the year',
    code: '570',
    tables: { Missing: `${MIS}\nA1,M,01/04/2026,\nA1,M,31/03/2026,` },
    want: [f('Missing', 2)],
  },
  {
    name: 'end outside the year',
    code: '571',
    tables: {
      Missing: `${MIS}\nA1,M,01/03/2025,31/03/2025\nA1,M,01/03/2026,01/04/2026\nA1,M,01/03/2025,01/04/2025`,
    },
    want: [f('Missing', 2), f('Missing', 3)],
  },
  {
    name: 'overlapping or open missing periods',
    code: '574',
    tables: {
      Missing: `${MIS}\nA1,M,01/05/2025,\nA1,M,03/05/2025,04/05/2025\nB1,M,01/05/2025,10/05/2025\nB1,M,09/05/2025,11/05/2025\nC1,M,01/05/2025,02/05/2025\nC1,M,02/05/2025,03/05/2025`,
    },
    want: [f('Missing', 3), f('Missing', 5, 'B1')],
  },
  {
    name: 'open missing period in an ended episode',
    code: '575',
    tables: {
      Episodes: 'CHILD,DECOM,DEC\nA1,01/05/2025,10/05/2025\nB1,01/05/2025,',
      Missing: `${MIS}\nA1,M,05/05/2025,\nA1,M,05/05/2025,06/05/2025\nB1,M,05/05/2025,`,
    },
    want: [f('Missing', 2)],
  },
  {
    name: "last year's open missing period is not this year's first",
    code: '576',
    tables: { Missing: `${MIS}\nA1,M,02/03/2025,\nB1,M,01/03/2025,03/04/2025` },
    opts: { prev: { Missing: `${MIS}\nA1,M,01/03/2025,\nB1,M,01/03/2025,` } },
    want: [f('Missing', 2)],
  },
  {
    name: 'open missing period after care ended',
    code: '577',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC\nA1,01/05/2025,10/05/2025\nA1,10/05/2025,20/05/2025\nB1,01/05/2025,10/05/2025\nB1,10/05/2025,',
      Missing: `${MIS}\nA1,M,05/05/2025,\nB1,M,05/05/2025,\nA1,M,05/05/2025,06/05/2025`,
    },
    want: [f('Missing', 2)],
  },
  {
    name: 'missing after care ended',
    code: '578',
    tables: {
      Episodes: 'CHILD,DECOM,DEC\nA1,01/05/2025,10/05/2025\nA1,01/07/2025,',
      Missing: `${MIS}\nA1,M,11/05/2025,12/05/2025\nA1,M,10/05/2025,11/05/2025\nA1,M,30/04/2025,30/04/2025\nA1,M,02/07/2025,`,
    },
    want: [f('Missing', 2)],
  },
  {
    name: 'missing before care began',
    code: '581',
    tables: {
      Episodes: 'CHILD,DECOM,DEC\nA1,01/05/2025,10/05/2025',
      Missing: `${MIS}\nA1,M,30/04/2025,30/04/2025\nA1,M,01/05/2025,02/05/2025\nA1,M,11/05/2025,`,
    },
    want: [f('Missing', 2)],
  },
  {
    name: 'missing to the 18th birthday when care ended, REC not E8',
    code: '580',
    tables: {
      Episodes: 'CHILD,DEC,REC\nA1,10/06/2025,E3\nB1,10/06/2025,E8',
      Missing:
        'CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,10/06/2007,M,01/06/2025,10/06/2025\nB1,10/06/2007,M,01/06/2025,10/06/2025',
    },
    want: [ep(2)],
  },
  {
    name: 'adopted on the matching date',
    code: '582',
    tables: {
      Episodes: 'CHILD,DEC,REC\nA1,10/06/2025,E11\nB1,10/06/2025,E12',
      AD1: 'CHILD,DATE_MATCH\nA1,10/06/2025\nB1,01/06/2025',
    },
    want: [ep(2), f('AD1', 2)],
  },
  {
    name: 'earlier decision not revoked',
    code: '583',
    tables: {
      PlacedAdoption: `${PA}\nA1,01/01/2025,,\nA1,01/03/2025,,\nB1,01/01/2025,01/02/2025,RD1\nB1,01/03/2025,,`,
    },
    want: [f('PlacedAdoption', 2)],
  },
  {
    name: 'new decision dated before the one that ceased last year',
    code: '584',
    tables: { PlacedAdoption: `${PA}\nA1,01/02/2024,,\nB1,01/06/2025,,` },
    opts: {
      prev: { PlacedAdoption: `${PA}\nA1,01/03/2024,01/04/2024,RD1\nB1,01/03/2024,01/04/2024,RD1` },
    },
    want: [f('PlacedAdoption', 2)],
  },
  {
    name: 'overlapping decisions',
    code: '579',
    tables: {
      PlacedAdoption: `${PA}\nA1,01/01/2025,,\nA1,01/03/2025,,\nB1,01/01/2025,01/02/2025,RD1\nB1,01/03/2025,,`,
    },
    want: [f('PlacedAdoption', 3)],
  },
  {
    name: 'missing before birth',
    code: '586',
    tables: {
      Missing:
        'CHILD,DOB,MISSING,MIS_START\nA1,10/06/2015,M,09/06/2015\nA1,10/06/2015,M,10/06/2015',
    },
    want: [f('Missing', 2)],
  },
];

describe('rules 5xx', () => {
  it.each(cases)('$code $name', ({ code, tables, opts, want }) => {
    expect(check(code, tables, opts)).toEqual(want);
  });

  it('previous-year rules are skipped without --prev', () => {
    expect(() => check('502', { Episodes: 'CHILD,DECOM\nA1,01/05/2025' })).toThrow(
      /skipped.*previous/,
    );
  });

  it.each(['555', '556'])('%s is only in force in 2023/24', (code) => {
    expect(() => check(code, { Episodes: 'CHILD\nA1' })).toThrow(/not in force/);
  });
});
