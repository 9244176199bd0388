// A small hand-built record exported for 2025/26: the exact CSV lines of each table.
import { describe, expect, it } from 'vitest';
import { buildReturn } from './build.ts';
import { tableCsv } from './csv.ts';
import type { ExportRecord } from './record.ts';

const record: ExportRecord = {
  children: [
    {
      id: 1,
      localId: 'A1',
      sex: 'F',
      dateOfBirth: '2012-06-15',
      ethnicity: 'WBRI',
      upn: 'A123456789012',
      uasc: false,
      uascEnd: null,
      homePostcode: 'bd1 1hy',
    },
    {
      id: 2,
      localId: 'B2',
      sex: 'M',
      dateOfBirth: '2006-05-10',
      ethnicity: 'ABAN',
      upn: null,
      uasc: false,
      uascEnd: null,
      homePostcode: null,
    },
  ],
  periods: [{ id: 10, childId: 1, start: '2024-01-10', end: null, endReason: null }],
  legalStatuses: [
    { id: 1, childId: 1, periodId: 10, status: 'V2', start: '2024-01-10', end: '2025-06-01' },
    { id: 2, childId: 1, periodId: 10, status: 'C2', start: '2025-06-01', end: null },
  ],
  placements: [
    {
      id: 1,
      childId: 1,
      periodId: 10,
      placeType: 'U4',
      provider: 'PR1',
      postcode: 'BD5 0AA',
      urn: 'SC900001',
      start: '2024-01-10',
      end: '2025-09-01',
      reasonForChange: 'CARPL',
      categoryOfNeed: 'N1',
      carerRef: 'household:1',
    },
    {
      id: 2,
      childId: 1,
      periodId: 10,
      placeType: 'K2',
      provider: 'PR4',
      postcode: 'LS1 1AA',
      urn: 'SC900002',
      start: '2025-09-01',
      end: null,
      reasonForChange: null,
      categoryOfNeed: 'N1',
      carerRef: 'home:2',
    },
  ],
  reviews: [
    { childId: 1, held: '2025-03-01', participation: 'PN1' },
    { childId: 1, held: '2025-08-20', participation: 'PN2' },
  ],
  missing: [{ childId: 1, kind: 'M', start: '2025-10-02', end: '2025-10-03' }],
  sdq: [{ childId: 1, date: '2026-02-01', score: 14, reason: null }],
  convictions: [],
  health: [
    { childId: 1, kind: 'review', date: '2025-07-01' },
    { childId: 1, kind: 'dental', date: '2025-11-01' },
  ],
  immunisations: [{ childId: 1, asAt: '2026-03-31', upToDate: true }],
  substance: [],
  adoptions: [],
  prevPerm: [],
  contacts: [
    { childId: 2, date: '2025-05-10', inTouch: 'YES', activity: 'F2', accommodation: 'U1' },
  ],
  allocations: [
    { childId: 1, swId: 'SW100', start: '2024-01-10', end: '2025-05-31', endReason: 'LEFTRL' },
    { childId: 1, swId: 'SW200', start: '2025-06-01', end: null, endReason: null },
  ],
  motherhood: [],
};

const csv = (table: string): string[] => {
  const t = buildReturn(record, '2025/26').tables.find((x) => x.table === table);
  if (!t) throw new Error(`no ${table}`);
  return tableCsv(t).trimEnd().split('\n');
};

describe('export of a hand-built record for 2025/26', () => {
  it.each([
    [
      'Header',
      [
        'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
        'A1,F,15/06/2012,WBRI,A123456789012,0,',
        'B2,M,10/05/2006,ABAN,,,',
      ],
    ],
    [
      'Episodes',
      [
        'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
        'A1,10/01/2024,S,V2,N1,U4,PR1,01/06/2025,X1,,BD1 1HY,BD5 0AA,SC900001',
        'A1,01/06/2025,L,C2,N1,U4,PR1,01/09/2025,X1,CARPL,BD1 1HY,BD5 0AA,SC900001',
        'A1,01/09/2025,P,C2,N1,K2,PR4,,,,BD1 1HY,LS1 1AA,SC900002',
      ],
    ],
    ['Reviews', ['CHILD,DOB,REVIEW,REVIEW_CODE', 'A1,15/06/2012,20/08/2025,PN2']],
    ['Missing', ['CHILD,DOB,MISSING,MIS_START,MIS_END', 'A1,15/06/2012,M,02/10/2025,03/10/2025']],
    [
      'OC2',
      [
        'CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED',
        'A1,15/06/2012,14,,0,,1,1,1,0,,',
      ],
    ],
    ['OC3', ['CHILD,DOB,IN_TOUCH,ACTIV,ACCOM', 'B2,10/05/2006,YES,F2,U1']],
    [
      'SWEpisodes',
      [
        'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON',
        // SW_REASON: why the episode began (first contact, then the reason the previous worker left).
        'A1,15/06/2012,SW100,10/01/2024,31/05/2025,FCONTA',
        'A1,15/06/2012,SW200,01/06/2025,,LEFTRL',
      ],
    ],
    ['AD1', ['CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR']],
    ['UASC', ['CHILD,SEX,DOB,DUC']],
  ])('%s', (table, lines) => {
    expect(csv(table)).toEqual(lines);
  });

  it('links each child to its record', () => {
    expect([...buildReturn(record, '2025/26').childIds]).toEqual([
      ['A1', 1],
      ['B2', 2],
    ]);
  });
});
