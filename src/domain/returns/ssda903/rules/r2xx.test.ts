import { describe, expect, it } from 'vitest';
import { NO_DATE, fromIso } from '../dates.ts';
import { check, type CheckOptions, type CsvTables } from '../testing.ts';
import type { Finding, Geo, OfstedPlace, TableName } from '../types.ts';

const at = (table: TableName, line: number, child: string): Finding => ({ table, line, child });
const H = (line: number, child: string) => at('Header', line, child);
const E = (line: number, child: string) => at('Episodes', line, child);
const U = (line: number, child: string) => at('UASC', line, child);

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

function geo(
  plLa: string[],
  plLocation: string[] = plLa.map(() => ''),
  dist: number[] = plLa.map(() => 1),
): Geo {
  return { plLa, plLocation, plDistance: Float64Array.from(dist) };
}

function ofsted(...places: Partial<OfstedPlace>[]): Map<string, OfstedPlace> {
  return new Map(
    places.map((p) => [
      p.urn ?? '',
      { urn: p.urn ?? '', placeCodes: [], providerCodes: [], regEnd: NO_DATE, postcode: '', ...p },
    ]),
  );
}

const prevHeader = (csv: string): CheckOptions => ({ prev: { Header: csv } });

table('202', [
  {
    name: 'same sex both years',
    tables: { Header: 'CHILD,SEX\nA,M' },
    opts: prevHeader('CHILD,SEX\nA,M'),
    want: [],
  },
  {
    name: 'different sex',
    tables: { Header: 'CHILD,SEX\nA,M\nB,F' },
    opts: prevHeader('CHILD,SEX\nB,M'),
    want: [H(3, 'B')],
  },
  {
    name: 'not in last year',
    tables: { Header: 'CHILD,SEX\nA,F' },
    opts: prevHeader('CHILD,SEX\nZ,M'),
    want: [],
  },
  {
    name: '2023/24 code 2 equals F',
    tables: { Header: 'CHILD,SEX\nA,F' },
    opts: prevHeader('CHILD,SEX\nA,2'),
    want: [],
  },
]);

table('203', [
  {
    name: 'same DOB',
    tables: { Header: 'CHILD,DOB\nA,01/02/2010' },
    opts: prevHeader('CHILD,DOB\nA,1/2/2010'),
    want: [],
  },
  {
    name: 'different DOB',
    tables: { Header: 'CHILD,DOB\nA,01/02/2010' },
    opts: prevHeader('CHILD,DOB\nA,02/02/2010'),
    want: [H(2, 'A')],
  },
  {
    name: 'blank now, given before',
    tables: { Header: 'CHILD,DOB\nA,' },
    opts: prevHeader('CHILD,DOB\nA,02/02/2010'),
    want: [H(2, 'A')],
  },
]);

table('204', [
  {
    name: 'same',
    tables: { Header: 'CHILD,ETHNIC\nA,WBRI' },
    opts: prevHeader('CHILD,ETHNIC\nA,wbri'),
    want: [],
  },
  {
    name: 'changed',
    tables: { Header: 'CHILD,ETHNIC\nA,WBRI' },
    opts: prevHeader('CHILD,ETHNIC\nA,WIRI'),
    want: [H(2, 'A')],
  },
]);

// 2025/26: collection year 01/04/2025–31/03/2026; last year 01/04/2024–31/03/2025.
table('205A', [
  {
    name: 'UASC last year, ceased in last year',
    tables: { Header: 'CHILD\nA' },
    opts: { prev: { Header: 'CHILD\nA', UASC: 'CHILD,DOB,DUC\nA,01/06/2006,01/06/2024' } },
    want: [],
  },
  {
    name: 'UASC last year, DUC outside last year',
    tables: { Header: 'CHILD\nA' },
    opts: { prev: { Header: 'CHILD\nA', UASC: 'CHILD,DOB,DUC\nA,01/06/2008,01/06/2026' } },
    want: [H(2, 'A')],
  },
]);

table('205B', [
  {
    name: 'UASC both years, DUC = 18th birthday both years',
    tables: { Header: 'CHILD\nA', UASC: 'CHILD,DOB,DUC\nA,01/06/2008,01/06/2026' },
    opts: { prev: { Header: 'CHILD\nA', UASC: 'CHILD,DOB,DUC\nA,01/06/2008,01/06/2026' } },
    want: [],
  },
  {
    name: 'last year DUC is not the 18th birthday',
    tables: { Header: 'CHILD\nA', UASC: 'CHILD,DOB,DUC\nA,01/06/2008,01/06/2026' },
    opts: { prev: { Header: 'CHILD\nA', UASC: 'CHILD,DOB,DUC\nA,01/06/2008,01/05/2026' } },
    want: [H(2, 'A'), U(2, 'A')],
  },
]);

table('205C', [
  {
    name: 'never UASC (Header UASC=0 both years) but a DUC',
    tables: { Header: 'CHILD,UASC\nA,0', UASC: 'CHILD,DOB,DUC\nA,01/06/2008,01/06/2026' },
    opts: { prev: { Header: 'CHILD,UASC\nA,0' } },
    want: [H(2, 'A'), U(2, 'A')],
  },
  {
    name: 'never UASC and no DUC',
    tables: { Header: 'CHILD,UASC\nA,0' },
    opts: { prev: { Header: 'CHILD,UASC\nA,0' } },
    want: [],
  },
]);

table('205D', [
  {
    name: 'UASC now, not last year',
    tables: {
      Header: 'CHILD\nA\nB',
      UASC: 'CHILD,DOB,DUC\nA,01/06/2008,01/06/2026\nB,01/06/2008,01/06/2026',
    },
    opts: { prev: { Header: 'CHILD\nA\nB', UASC: 'CHILD,DOB,DUC\nB,01/06/2008,01/06/2026' } },
    want: [H(2, 'A')],
  },
]);

table('207', [
  {
    name: 'mother last year, not now, looked after',
    tables: { Header: 'CHILD,MOTHER\nA,0\nB,1', Episodes: 'CHILD\nA\nB' },
    opts: prevHeader('CHILD,MOTHER\nA,1\nB,1'),
    want: [H(2, 'A')],
  },
  {
    name: 'no episodes this year',
    tables: { Header: 'CHILD,MOTHER\nA,0', Episodes: 'CHILD\nZ' },
    opts: prevHeader('CHILD,MOTHER\nA,1'),
    want: [],
  },
]);

table('208', [
  {
    name: 'UN1 → UN3 allowed',
    tables: { Header: 'CHILD,UPN\nA,UN3' },
    opts: prevHeader('CHILD,UPN\nA,UN1'),
    want: [],
  },
  {
    name: 'unknown → known allowed',
    tables: { Header: 'CHILD,UPN\nA,H801200001001' },
    opts: prevHeader('CHILD,UPN\nA,UN4'),
    want: [],
  },
  {
    name: 'known → other known',
    tables: { Header: 'CHILD,UPN\nA,H801200001001' },
    opts: prevHeader('CHILD,UPN\nA,X888888888888'),
    want: [H(2, 'A')],
  },
  {
    name: 'UN4 → UN3',
    tables: { Header: 'CHILD,UPN\nA,UN3' },
    opts: prevHeader('CHILD,UPN\nA,UN4'),
    want: [H(2, 'A')],
  },
  {
    name: 'blank → UN1',
    tables: { Header: 'CHILD,UPN\nA,UN1' },
    opts: prevHeader('CHILD,UPN\nA,'),
    want: [H(2, 'A')],
  },
]);

table('209', [
  // 2025/26 reference date 31/08/2024: school age if born on or before 31/08/2020.
  {
    name: 'UN1 and 4 by 31/08/2024',
    tables: { Header: 'CHILD,UPN,DOB\nA,UN1,31/08/2020' },
    want: [H(2, 'A')],
  },
  { name: 'UN1, too young', tables: { Header: 'CHILD,UPN,DOB\nA,UN1,01/09/2020' }, want: [] },
  { name: 'UN2 school age', tables: { Header: 'CHILD,UPN,DOB\nA,UN2,01/01/2010' }, want: [] },
]);

table('210', [
  {
    name: 'UN4 and an episode from 24 March',
    tables: {
      Header: 'CHILD,UPN\nA,UN4\nB,UN4',
      Episodes: 'CHILD,DECOM\nA,01/01/2026\nA,24/03/2026\nB,23/03/2026',
    },
    want: [H(2, 'A'), E(3, 'A')],
  },
]);

table('213', [
  {
    name: 'T1 with provider',
    tables: { Episodes: 'CHILD,PLACE,PLACE_PROVIDER\nA,T1,PR1\nB,U1,PR1\nC,T2,' },
    want: [E(2, 'A')],
  },
  {
    name: 'Z11 with provider in 2025/26',
    tables: { Episodes: 'CHILD,PLACE,PLACE_PROVIDER\nA,Z11,PR1' },
    want: [E(2, 'A')],
  },
  {
    name: 'Z11 not exempt in 2024/25',
    tables: { Episodes: 'CHILD,PLACE,PLACE_PROVIDER\nA,Z11,PR1' },
    opts: { year: '2024/25' },
    want: [],
  },
]);

table('214', [
  {
    name: 'short breaks with postcode or URN',
    tables: { Episodes: 'CHILD,LS,PL_POST,URN\nA,V3,M2 3RT,\nB,V4,,SC1\nC,V3,,\nD,C2,M2 3RT,SC1' },
    want: [E(2, 'A'), E(3, 'B')],
  },
]);

table('215', [
  {
    name: 'care leaver info with OC2 items',
    tables: {
      OC3: 'CHILD,IN_TOUCH\nA,YES\nB,YES\nC,',
      OC2: 'CHILD,CONVICTED,TEETH_CHECK\nA,1,\nB,,\nC,1,1',
    },
    want: [at('OC2', 2, 'A'), at('OC3', 2, 'A')],
  },
]);

table('217', [
  {
    name: 'A3/A5 from April 2015 need RNE S, T or U',
    tables: {
      Episodes:
        'CHILD,PLACE,DECOM,RNE\nA,A3,01/04/2015,S\nB,A5,02/04/2015,P\nC,A5,31/03/2015,P\nD,U1,01/01/2020,P',
    },
    want: [E(3, 'B')],
  },
]);

table('217t', [
  {
    name: 'P2 after 28/10/2023 or open',
    tables: {
      Episodes: 'CHILD,PLACE,DEC\nA,P2,01/11/2023\nB,P2,28/10/2023\nC,P2,\nD,P1,01/11/2023',
    },
    opts: { year: '2023/24' },
    want: [E(2, 'A'), E(4, 'C')],
  },
]);

const eps218 =
  'CHILD,PLACE,DEC,URN\nA,U1,,\nB,U1,01/06/2025,SC1\nC,U1,01/03/2025,\nD,R1,,\nE,U1,,\nF,H5,,';
table('218', [
  {
    name: '2025/26',
    tables: { Episodes: eps218 },
    opts: { geo: geo(['E1', 'E1', 'E1', 'E1', 'WAL', 'E1']) },
    want: [E(2, 'A'), E(7, 'F')],
  },
  {
    name: '2023/24 H5 exempt',
    tables: { Episodes: eps218 },
    opts: { year: '2023/24', geo: geo(['E1', 'E1', 'E1', 'E1', 'W06', 'E1']) },
    want: [E(2, 'A'), E(4, 'C')],
  },
]);

table('219', [
  {
    name: 'URN does not match placement type',
    tables: { Episodes: 'CHILD,PLACE,URN\nA,K2,SC1\nB,R1,SC1\nC,K2,XXXXXXX\nD,K2,SC9' },
    opts: { ofsted: ofsted({ urn: 'SC1', placeCodes: ['K2'] }) },
    want: [E(3, 'B'), E(5, 'D')],
  },
]);

table('221', [
  {
    name: 'placement postcode differs from provider postcode',
    tables: {
      Episodes:
        'CHILD,LS,PLACE,PL_POST,URN\nA,C2,K2,M1 1AA,SC1\nB,C2,K2,M1 1AB,SC1\nC,V3,K2,M1 1AB,SC1\nD,C2,H5,M1 1AB,SC1',
    },
    opts: { ofsted: ofsted({ urn: 'SC1', postcode: 'M11AA' }) },
    want: [E(3, 'B')],
  },
  {
    name: '2023/24 includes H5',
    tables: { Episodes: 'CHILD,LS,PLACE,PL_POST,URN\nD,C2,H5,M1 1AB,SC1' },
    opts: { year: '2023/24', ofsted: ofsted({ urn: 'SC1', postcode: 'M11AA' }) },
    want: [E(2, 'D')],
  },
]);

table('222', [
  {
    name: 'URN on R1',
    tables: { Episodes: 'CHILD,PLACE,URN\nA,R1,SC1\nB,K2,SC1\nC,T1,XXXXXXX\nD,Z11,SC1' },
    want: [E(2, 'A'), E(5, 'D')],
  },
  {
    name: '2023/24 P2 listed',
    tables: { Episodes: 'CHILD,PLACE,URN\nA,P2,SC1' },
    opts: { year: '2023/24' },
    want: [E(2, 'A')],
  },
  {
    name: '2024/25 P2 not listed',
    tables: { Episodes: 'CHILD,PLACE,URN\nA,P2,SC1' },
    opts: { year: '2024/25' },
    want: [],
  },
]);

table('224', [
  {
    name: 'provider code not registered for URN',
    tables: { Episodes: 'CHILD,PLACE_PROVIDER,URN\nA,PR1,SC1\nB,PR2,SC1\nC,PR2,XXXXXXX' },
    opts: { ofsted: ofsted({ urn: 'SC1', providerCodes: ['PR1', 'PR3'] }) },
    want: [E(3, 'B')],
  },
]);

table('225', [
  {
    name: 'X1 into a placement change without reason',
    tables: {
      Episodes:
        'CHILD,DECOM,RNE,REC,PLACE,REASON_PLACE_CHANGE\nA,01/06/2025,S,X1,U1,\nA,05/06/2025,P,,U2,\nB,01/06/2025,S,X1,U1,CARPL\nB,05/06/2025,P,,U2,\nC,01/06/2025,S,X1,U1,\nC,05/06/2025,L,,U1,',
    },
    want: [E(2, 'A')],
  },
]);

table('226', [
  {
    name: 'temporary placement with a reason, or after one',
    tables: {
      Episodes:
        'CHILD,DECOM,PLACE,REASON_PLACE_CHANGE\nA,01/06/2025,U1,CARPL\nA,05/06/2025,T1,\nB,01/06/2025,U1,\nB,05/06/2025,T1,\nC,01/06/2025,T3,CARPL',
    },
    want: [E(3, 'A'), E(6, 'C')],
  },
]);

table('227', [
  {
    name: 'episode starts on or after registration ended',
    tables: { Episodes: 'CHILD,DECOM,URN\nA,25/12/2025,SC1\nB,24/12/2025,SC1\nC,01/01/2026,SC2' },
    opts: { ofsted: ofsted({ urn: 'SC1', regEnd: fromIso('2025-12-25') }, { urn: 'SC2' }) },
    want: [E(2, 'A')],
  },
]);

table('228', [
  {
    name: 'episode ends after registration ended, or open past it',
    tables: { Episodes: 'CHILD,DEC,URN\nA,26/12/2025,SC1\nB,25/12/2025,SC1\nC,,SC1' },
    opts: { ofsted: ofsted({ urn: 'SC1', regEnd: fromIso('2025-12-25') }) },
    want: [E(2, 'A'), E(4, 'C')],
  },
]);

table('229', [
  {
    name: 'PR1 out of area, PR2 in area',
    tables: {
      Episodes:
        'CHILD,PLACE,PLACE_PROVIDER,URN\nA,K2,PR1,SC1\nB,K2,PR2,SC1\nC,K2,PR1,SC1\nD,R1,PR1,SC1',
    },
    opts: {
      la: 'E1',
      ofsted: ofsted({ urn: 'SC1' }),
      geo: geo(['E1', 'E1', 'E2', 'E1'], ['OUT', 'IN', 'IN', 'OUT']),
    },
    want: [E(2, 'A'), E(3, 'B')],
  },
  {
    name: '2024/25 no placement exemption',
    tables: { Episodes: 'CHILD,PLACE,PLACE_PROVIDER,URN\nD,R1,PR1,SC1' },
    opts: { year: '2024/25', la: 'E1', ofsted: ofsted({ urn: 'SC1' }), geo: geo(['E1'], ['OUT']) },
    want: [E(2, 'D')],
  },
]);

table('230', [
  {
    name: 'English H5 from 29/10/2023 needs URN',
    tables: {
      Episodes:
        'CHILD,PLACE,DEC,URN\nA,H5,29/10/2023,\nB,H5,28/10/2023,\nC,H5,,XXXXXXX\nD,H5,,\nE,H5,,SC1',
    },
    opts: { year: '2023/24', geo: geo(['E1', 'E1', 'E1', 'S12', 'E1']) },
    want: [E(2, 'A'), E(4, 'C')],
  },
]);

table('231', [
  {
    name: 'UASC under 11 at 31/03/2026',
    tables: {
      Header: 'CHILD,DOB\nA,01/04/2015\nB,31/03/2015\nC,01/04/2015',
      UASC: 'CHILD,DUC\nA,\nB,',
    },
    want: [H(2, 'A')],
  },
]);

table('232', [
  { name: 'sex unknown', tables: { Header: 'CHILD,SEX\nA,U\nB,M' }, want: [H(2, 'A')] },
]);

table('233', [
  {
    name: 'reason on an open episode',
    tables: { Episodes: 'CHILD,DEC,REASON_PLACE_CHANGE\nA,,CARPL\nB,01/01/2026,CARPL\nC,,' },
    want: [E(2, 'A')],
  },
]);

table('234', [
  {
    name: 'custody move before 10th birthday',
    tables: {
      Header: 'CHILD,DOB\nA,01/01/2016\nB,01/01/2015',
      Episodes:
        'CHILD,DECOM,DEC,REASON_PLACE_CHANGE\nA,01/06/2025,01/10/2025,CUSTOD\nA,01/10/2025,,\nB,01/06/2025,01/10/2025,CUSTOD\nB,01/10/2025,,',
    },
    want: [E(2, 'A')],
  },
]);
