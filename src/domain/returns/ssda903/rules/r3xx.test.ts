import { describe, expect, it } from 'vitest';
import { check, type CheckOptions, type CsvTables } from '../testing.ts';
import type { Finding, Geo, TableName } from '../types.ts';

const at = (table: TableName, line: number, child: string): Finding => ({ table, line, child });
const H = (line: number, child: string) => at('Header', line, child);
const E = (line: number, child: string) => at('Episodes', line, child);
const O3 = (line: number, child: string) => at('OC3', line, child);
const A = (line: number, child: string) => at('AD1', line, child);

interface Case {
  name: string;
  tables: CsvTables;
  opts?: CheckOptions;
  want: Finding[];
}

function table(code: string, cases: readonly Case[]): void {
  describe(code, () => {
    it.each(cases)('$name', ({ tables, opts, want }) => {
      expect(check(code, tables, opts)).toEqual(want);
    });
  });
}

function geo(plLa: string[], dist: number[]): Geo {
  return { plLa, plLocation: plLa.map(() => ''), plDistance: Float64Array.from(dist) };
}

// Collection year 2025/26 unless stated: 01/04/2025 – 31/03/2026.
table('301', [
  {
    name: 'born after 31 March',
    tables: { Header: 'CHILD,DOB\nA,01/04/2026\nB,31/03/2026' },
    want: [H(2, 'A')],
  },
]);

table('302', [
  {
    name: 'first episode before birth',
    tables: {
      Header: 'CHILD,DOB\nA,10/01/2025\nB,10/01/2025',
      Episodes: 'CHILD,DECOM\nA,01/06/2025\nA,09/01/2025\nB,10/01/2025',
    },
    want: [H(2, 'A'), E(3, 'A')],
  },
]);

table('303', [
  {
    name: 'DUC given but Header UASC 0',
    tables: { Header: 'CHILD,UASC\nA,0\nB,1', UASC: 'CHILD,DUC\nA,01/01/2026\nB,01/01/2026' },
    want: [H(2, 'A'), at('UASC', 2, 'A')],
  },
]);

table('304', [
  {
    name: 'DUC after 18th birthday',
    tables: {
      UASC: 'CHILD,DOB,DUC\nA,01/06/2007,02/06/2025\nB,01/06/2007,01/06/2025\nC,01/06/2007,',
    },
    want: [at('UASC', 2, 'A')],
  },
]);

table('331', [
  {
    name: 'matched after placed for adoption',
    tables: {
      AD1: 'CHILD,DATE_MATCH\nA,02/06/2025\nB,01/06/2025',
      Episodes: 'CHILD,DECOM,REC\nA,01/06/2025,E11\nB,01/06/2025,E12',
    },
    want: [E(2, 'A'), A(2, 'A')],
  },
]);

table('333', [
  {
    name: 'should-be-placed after matching',
    tables: { AD1: 'CHILD,DATE_INT,DATE_MATCH\nA,02/06/2025,01/06/2025\nB,01/06/2025,01/06/2025' },
    want: [A(2, 'A')],
  },
]);

table('334', [
  {
    name: 'decision before latest period of care began',
    tables: {
      AD1: 'CHILD,DATE_INT\nA,01/05/2025\nB,01/07/2025',
      Episodes: 'CHILD,DECOM,RNE\nA,01/01/2020,S\nA,01/06/2025,S\nB,01/06/2025,S',
    },
    want: [E(3, 'A'), A(2, 'A')],
  },
]);

table('335', [
  {
    name: 'foster value contradicts last placement',
    tables: {
      AD1: 'CHILD,FOSTER_CARE\nA,0\nB,1\nC,1',
      Episodes: 'CHILD,PLACE,REC\nA,A5,E11\nB,A4,E12\nC,A3,E11',
    },
    want: [E(2, 'A'), E(3, 'B'), A(2, 'A'), A(3, 'B')],
  },
]);

table('336', [
  {
    name: 'A3/A5 not after foster placement',
    tables: {
      Episodes:
        'CHILD,DECOM,PLACE\nA,01/05/2025,T1\nA,01/06/2025,A3\nB,01/05/2025,U1\nB,01/06/2025,A5\nC,01/06/2025,A5',
    },
    want: [E(3, 'A')],
  },
]);

table('344', [
  {
    name: 'died or home with activity/accommodation',
    tables: { OC3: 'CHILD,IN_TOUCH,ACTIV,ACCOM\nA,DIED,F1,\nB,RHOM,0,0\nC,RHOM,,\nD,YES,F1,B1' },
    want: [O3(2, 'A')],
  },
]);

table('345', [
  {
    name: 'in touch but zero',
    tables: { OC3: 'CHILD,IN_TOUCH,ACTIV,ACCOM\nA,YES,0,B1\nB,YES,F1,B1\nC,NO,0,0' },
    want: [O3(2, 'A')],
  },
]);

table('347', [
  {
    name: 'foyer under 18 at 1 April',
    tables: { OC3: 'CHILD,DOB,ACCOM\nA,02/04/2007,T1\nB,01/04/2007,T2\nC,02/04/2007,U1' },
    want: [O3(2, 'A')],
  },
]);

table('348', [
  {
    name: 'died last year, not this year',
    tables: { OC3: 'CHILD,IN_TOUCH\nA,YES\nB,DIED\nC,YES' },
    opts: { prev: { OC3: 'CHILD,IN_TOUCH\nA,DIED\nB,DIED\nC,YES' } },
    want: [O3(2, 'A')],
  },
]);

table('351', [
  {
    name: 'over 25 at 1 April',
    tables: { Header: 'CHILD,DOB\nA,31/03/2000\nB,01/04/2000' },
    want: [H(2, 'A')],
  },
]);

table('352', [
  {
    name: 'started care aged 18',
    tables: {
      Header: 'CHILD,DOB\nA,01/06/2007\nB,02/06/2007',
      Episodes: 'CHILD,DECOM,RNE\nA,01/06/2025,S\nB,01/06/2025,S\nA,01/07/2025,P',
    },
    want: [E(2, 'A')],
  },
]);

table('353', [
  {
    name: 'before 14/10/1991',
    tables: { Episodes: 'CHILD,DECOM\nA,13/10/1991\nB,14/10/1991' },
    want: [E(2, 'A')],
  },
]);
table('354', [
  {
    name: 'starts after year end',
    tables: { Episodes: 'CHILD,DECOM\nA,01/04/2026\nB,31/03/2026' },
    want: [E(2, 'A')],
  },
]);
table('385', [
  {
    name: 'ends after year end',
    tables: { Episodes: 'CHILD,DEC\nA,01/04/2026\nB,31/03/2026\nC,' },
    want: [E(2, 'A')],
  },
]);
table('355', [
  {
    name: 'same-day episode',
    tables: { Episodes: 'CHILD,DECOM,DEC\nA,01/06/2025,01/06/2025\nB,01/06/2025,02/06/2025\nC,,' },
    want: [E(2, 'A')],
  },
]);
table('356', [
  {
    name: 'ends before start',
    tables: { Episodes: 'CHILD,DECOM,DEC\nA,02/06/2025,01/06/2025\nB,01/06/2025,01/06/2025' },
    want: [E(2, 'A')],
  },
]);

table('357', [
  {
    name: 'first episode this year not S',
    tables: {
      Episodes: 'CHILD,DECOM,RNE\nA,01/06/2025,P\nB,01/06/2025,S\nB,01/07/2025,P\nC,01/06/2024,P',
    },
    want: [E(2, 'A')],
  },
]);

table('358', [
  {
    name: 'J legal status under 10',
    tables: {
      Header: 'CHILD,DOB\nA,02/06/2015\nB,01/06/2015',
      Episodes: 'CHILD,DECOM,LS\nA,01/06/2025,J1\nB,01/06/2025,J2',
    },
    want: [H(2, 'A'), E(2, 'A')],
  },
]);

table('359', [
  {
    name: '18+ still looked after, not V2/K2',
    tables: {
      Header: 'CHILD,DOB\nA,01/01/2008\nB,01/01/2008\nC,01/06/2008',
      Episodes: 'CHILD,DEC,LS,PLACE\nA,,C2,U1\nB,,V2,K2\nC,,C2,U1',
    },
    want: [E(2, 'A')],
  },
]);

table('361', [
  {
    name: 'police protection over 72 hours, across following episodes',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,LS\nA,01/06/2025,03/06/2025,L1\nA,03/06/2025,05/06/2025,L1\nB,01/06/2025,04/06/2025,L1\nC,30/03/2026,,L1',
    },
    want: [E(2, 'A'), E(3, 'A')],
  },
]);
table('362', [
  {
    name: 'EPO over 21 days',
    tables: {
      Episodes: 'CHILD,DECOM,DEC,LS\nA,01/06/2025,23/06/2025,L2\nB,01/06/2025,22/06/2025,L2',
    },
    want: [E(2, 'A')],
  },
]);
table('363', [
  {
    name: 'CAO over 7 days (open to 31 March)',
    tables: { Episodes: 'CHILD,DECOM,DEC,LS\nA,20/03/2026,,L3\nB,01/06/2025,08/06/2025,L3' },
    want: [E(2, 'A')],
  },
]);
table('364', [
  {
    name: 'PACE over 21 days',
    tables: {
      Episodes: 'CHILD,DECOM,DEC,LS\nA,01/06/2025,23/06/2025,J2\nB,01/06/2025,10/06/2025,J2',
    },
    want: [E(2, 'A')],
  },
]);
table('365', [
  {
    name: 'respite over 17 days',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,LS\nA,01/06/2025,19/06/2025,V3\nB,01/06/2025,18/06/2025,V3\nC,01/03/2026,,V3',
    },
    want: [E(2, 'A'), E(4, 'C')],
  },
]);
table('366', [
  {
    name: 'respite not new period',
    tables: { Episodes: 'CHILD,LS,RNE\nA,V3,P\nB,V3,S\nC,V4,P' },
    want: [E(2, 'A')],
  },
]);

table('367', [
  {
    name: 'over 75 days respite in the year',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,LS\nA,01/01/2025,01/05/2025,V3\nA,01/06/2025,21/07/2025,V3\nA,01/08/2025,02/08/2025,C2\nB,01/06/2025,15/08/2025,V3',
    },
    want: [E(2, 'A'), E(3, 'A')],
  },
]);

const ages = (place: string, ok: string, young: string): CsvTables => ({
  Header: `CHILD,DOB\nA,${young}\nB,${ok}`,
  Episodes: `CHILD,DECOM,PLACE\nA,01/06/2025,${place}\nB,01/06/2025,${place}`,
});
table('370', [
  {
    name: 'P2 under 16',
    tables: ages('P2', '01/06/2009', '02/06/2009'),
    opts: { year: '2023/24' },
    want: [E(2, 'A')],
  },
]);
table('371', [
  { name: 'K3 under 16', tables: ages('K3', '01/06/2009', '02/06/2009'), want: [E(2, 'A')] },
  {
    name: '2023/24 H5 under 16',
    tables: ages('H5', '01/06/2009', '02/06/2009'),
    opts: { year: '2023/24' },
    want: [E(2, 'A')],
  },
]);
table('372', [
  { name: 'R5 under 10', tables: ages('R5', '01/06/2015', '02/06/2015'), want: [E(2, 'A')] },
]);
table('373', [
  { name: 'S1 under 4', tables: ages('S1', '01/06/2021', '02/06/2021'), want: [E(2, 'A')] },
]);
table('374', [
  { name: 'P3 under 14', tables: ages('P3', '01/06/2011', '02/06/2011'), want: [E(2, 'A')] },
]);

const stay = (place: string, long: string, ok: string): CsvTables => ({
  Episodes: `CHILD,DECOM,DEC,PLACE\nA,01/06/2025,${long},${place}\nB,01/06/2025,${ok},${place}`,
});
table('375', [
  { name: 'T1 over 6 weeks', tables: stay('T1', '14/07/2025', '13/07/2025'), want: [E(2, 'A')] },
]);
table('376', [
  { name: 'T3 over 3 weeks', tables: stay('T3', '23/06/2025', '22/06/2025'), want: [E(2, 'A')] },
]);
table('379', [
  { name: 'T4 over 7 days', tables: stay('T4', '09/06/2025', '08/06/2025'), want: [E(2, 'A')] },
]);

table('377', [
  {
    name: 'three holiday placements in 12 months',
    tables: {
      Episodes:
        'CHILD,DECOM,PLACE\nA,01/05/2025,T3\nA,01/06/2025,U1\nA,01/07/2025,T3\nA,01/09/2025,T3\nB,01/05/2025,T3\nB,01/07/2025,T3',
    },
    want: [E(2, 'A'), E(4, 'A'), E(5, 'A')],
  },
]);

table('378', [
  {
    name: 'with parents under V2',
    tables: { Episodes: 'CHILD,PLACE,LS\nA,P1,V2\nB,P1,C2' },
    want: [E(2, 'A')],
  },
]);
table('380', [
  {
    name: 'starts with temporary placement',
    tables: { Episodes: 'CHILD,PLACE,RNE\nA,T1,S\nB,T1,P\nC,T2,B' },
    want: [E(2, 'A')],
  },
]);
table('381', [
  {
    name: 'ends with temporary placement',
    tables: { Episodes: 'CHILD,PLACE,REC\nA,T1,E8\nB,T1,X1\nC,T1,' },
    want: [E(2, 'A')],
  },
]);
table('382', [
  {
    name: 'respite in temporary placement',
    tables: { Episodes: 'CHILD,PLACE,LS\nA,T1,V3\nB,T1,C2' },
    want: [E(2, 'A')],
  },
]);
table('384', [
  {
    name: 'respite in long-term foster',
    tables: { Episodes: 'CHILD,PLACE,LS\nA,U4,V4\nB,U2,V4' },
    want: [E(2, 'A')],
  },
]);
table('390', [
  {
    name: 'adopted not from A3-A6',
    tables: { Episodes: 'CHILD,PLACE,REC\nA,U1,E11\nB,A4,E12' },
    want: [E(2, 'A')],
  },
]);

const tempEps =
  'CHILD,DECOM,PLACE,RNE,PL_POST\nA,01/05/2025,U1,S,M1 1AA\nA,01/06/2025,T3,P,\nA,10/06/2025,U2,P,M1 1AA\nB,01/05/2025,U1,S,M1 1AA\nB,01/06/2025,T3,P,\nB,10/06/2025,U1,P,M1 1AA';
table('383', [
  {
    name: '2025/26 reports the returning episode',
    tables: { Episodes: tempEps },
    want: [E(4, 'A')],
  },
  {
    name: '2024/25 reports the temporary episode',
    tables: { Episodes: tempEps },
    opts: { year: '2024/25' },
    want: [E(3, 'A')],
  },
]);

const endAge = (rec: string, ok: string, bad: string): CsvTables => ({
  Header: `CHILD,DOB\nA,${bad}\nB,${ok}`,
  Episodes: `CHILD,DEC,REC\nA,01/06/2025,${rec}\nB,01/06/2025,${rec}`,
});
table('386', [
  { name: 'adopted at 18', tables: endAge('E11', '02/06/2007', '01/06/2007'), want: [E(2, 'A')] },
]);
table('387', [
  {
    name: 'independent living under 14',
    tables: endAge('E6', '01/06/2011', '02/06/2011'),
    want: [E(2, 'A')],
  },
]);
table('389', [
  {
    name: 'adult social care under 16',
    tables: endAge('E7', '01/06/2009', '02/06/2009'),
    want: [E(2, 'A')],
  },
]);

table('388', [
  {
    name: 'X1 without continuation, or non-X1 with one',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,REC\nA,01/05/2025,01/06/2025,X1\nA,02/06/2025,,\nB,01/05/2025,01/06/2025,E8\nB,01/06/2025,,\nC,01/05/2025,01/06/2025,X1\nD,01/05/2025,01/06/2025,X1\nD,01/06/2025,,',
    },
    want: [E(2, 'A'), E(4, 'B'), E(6, 'C')],
  },
]);

table('391', [
  {
    name: 'care leaver data for under-17 at year end',
    tables: { OC3: 'CHILD,DOB,IN_TOUCH\nA,01/04/2009,YES\nB,31/03/2009,YES\nC,01/04/2009,' },
    want: [O3(2, 'A')],
  },
]);

table('392a', [
  {
    name: 'no distance unless short breaks or UASC',
    tables: { Episodes: 'CHILD,LS\nA,C2\nB,C2\nC,V3\nD,C2', UASC: 'CHILD,DUC\nD,' },
    opts: { geo: geo(['', 'E1', '', ''], [NaN, 2, NaN, NaN]) },
    want: [E(2, 'A')],
  },
]);

table('392b', [
  {
    name: 'no postcodes',
    tables: { Episodes: 'CHILD,LS,HOME_POST,PL_POST\nA,C2,,M1 1AA\nB,C2,M1 1AA,M1 1AB\nC,V4,,' },
    want: [E(2, 'A')],
  },
  {
    name: 'UASC last year is exempt',
    tables: { Episodes: 'CHILD,LS,HOME_POST,PL_POST\nA,C2,,M1 1AA' },
    opts: { prev: { UASC: 'CHILD,DUC\nA,' } },
    want: [],
  },
]);

table('392c', [
  {
    name: 'postcode not found',
    tables: {
      Episodes: 'CHILD,HOME_POST,PL_POST\nA,M1 1AA,ZZ9 9ZZ\nB,ZZ9 9ZZ,M1 1AA\nC,M1 1AA,M1 1AB',
    },
    opts: { geo: geo(['', 'E1', 'E1'], [NaN, NaN, 1]) },
    want: [E(2, 'A'), E(3, 'B')],
  },
]);

table('392d', [
  {
    name: 'same postcodes unless P1',
    tables: {
      Episodes:
        'CHILD,HOME_POST,PL_POST,PLACE\nA,M1 1AA,M11AA,U1\nB,M1 1AA,M1 1AA,P1\nC,M1 1AA,M1 1AB,U1',
    },
    want: [E(2, 'A')],
  },
]);

table('393', [
  {
    name: 'girl looked after without mother field',
    tables: {
      Header: 'CHILD,SEX,MOTHER\nA,F,\nB,F,0\nC,M,\nD,F,',
      Episodes: 'CHILD,LS\nA,C2\nB,C2\nC,C2\nD,V3',
    },
    want: [H(2, 'A')],
  },
  {
    name: '2023/24 codes girls as 2',
    tables: { Header: 'CHILD,SEX,MOTHER\nA,2,\nB,F,', Episodes: 'CHILD,LS\nA,C2\nB,C2' },
    opts: { year: '2023/24' },
    want: [H(2, 'A')],
  },
]);

table('398', [
  {
    name: 'short breaks with postcodes',
    tables: { Episodes: 'CHILD,LS,HOME_POST,PL_POST\nA,V3,M1 1AA,\nB,C2,M1 1AA,M1 1AB' },
    want: [E(2, 'A')],
  },
]);

table('399', [
  {
    name: 'short breaks only, with mother or reviews',
    tables: {
      Episodes: 'CHILD,LS\nA,V3\nA,V4\nB,V3\nB,C2\nC,V3',
      Header: 'CHILD,MOTHER\nA,\nB,1\nC,',
      Reviews: 'CHILD,REVIEW,REVIEW_CODE\nA,01/06/2025,PN1\nC,,',
    },
    want: [H(2, 'A'), E(2, 'A'), E(3, 'A'), at('Reviews', 2, 'A')],
  },
]);
