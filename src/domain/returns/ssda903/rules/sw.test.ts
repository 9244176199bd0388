import { describe, expect, it } from 'vitest';
import { check, type CheckOptions, type CsvTables } from '../testing.ts';
import type { Finding, TableName } from '../types.ts';

const f = (table: TableName, line: number, child = 'A1'): Finding => ({ table, line, child });
const sw = (line: number, child = 'A1'): Finding => f('SWEpisodes', line, child);

interface Case {
  name: string;
  code: string;
  tables: CsvTables;
  opts?: CheckOptions;
  want: Finding[];
}

const SW = 'CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON';
const Y23 = { year: '2023/24' } as const;
const Y24 = { year: '2024/25' } as const;

const cases: Case[] = [
  {
    name: '2023/24 looked after on 31 March without complete social worker details',
    code: 'SW01STG1',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,LS\nA1,01/01/2024,,C2\nB1,01/01/2024,,C2\nC1,01/01/2024,,C2\nD1,01/01/2024,,V4\nE1,01/01/2024,01/02/2024,C2',
      SWEpisodes: `${SW}\nA1,SW1,01/01/2024,,\nB1,SW1,01/01/2024,,MANAGE`,
    },
    opts: Y23,
    want: [f('Episodes', 2), f('Episodes', 4, 'C1')],
  },
  {
    name: 'no start date, or no ID before 1 April 2023',
    code: 'SW01aSTG1',
    tables: {
      SWEpisodes: `${SW}\nA1,,01/01/2024,,\nB1,SW1,,,\nC1,,01/01/2023,,\nD1,SW1,01/01/2023,,`,
    },
    opts: Y24,
    want: [sw(3, 'B1'), sw(4, 'C1')],
  },
  {
    name: 'no start date, or no ID or reason from 1 April 2023',
    code: 'SW01bSTG1',
    tables: {
      SWEpisodes: `${SW}\nA1,,01/01/2024,,OTHERS\nB1,SW1,,,OTHERS\nC1,SW1,01/01/2024,,\nD1,,01/01/2023,,\nE1,SW1,01/01/2024,,OTHERS`,
    },
    want: [sw(2), sw(3, 'B1'), sw(4, 'C1')],
  },
  {
    name: 'ID not beginning SW or XX',
    code: 'SW02STG1',
    tables: { SWEpisodes: `${SW}\nA1,AB12,,,\nB1,SW12,,,\nC1,XX,,,\nD1,,,,` },
    want: [sw(2)],
  },
  {
    name: '2023/24 ID, start or reason blank',
    code: 'SW03STG1',
    tables: {
      SWEpisodes: `${SW}\nA1,,01/01/2024,,OTHERS\nB1,SW1,,,OTHERS\nC1,SW1,01/01/2024,,\nD1,SW1,01/01/2024,,OTHERS`,
    },
    opts: Y23,
    want: [sw(2), sw(3, 'B1'), sw(4, 'C1')],
  },
  {
    name: 'SW_DECOM blank or invalid',
    code: 'SW04STG1',
    tables: { SWEpisodes: `${SW}\nA1,SW1,31/04/2025,,\nB1,SW1,01/04/2025,,\nC1,SW1,,,` },
    want: [sw(2), sw(4, 'C1')],
  },
  {
    name: 'SW_DEC invalid',
    code: 'SW05STG1',
    tables: { SWEpisodes: `${SW}\nA1,SW1,01/04/2025,2025-05-01,\nB1,SW1,01/04/2025,,` },
    want: [sw(2)],
  },
  {
    name: 'SW_DECOM after 31 March',
    code: 'SW06STG2',
    tables: { SWEpisodes: `${SW}\nA1,SW1,01/04/2026,,\nB1,SW1,31/03/2026,,\nC1,SW1,01/01/2020,,` },
    want: [sw(2)],
  },
  {
    name: '2023/24 SW_DEC outside the collection year',
    code: 'SW07STG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/01/2020,01/04/2024,\nB1,SW1,01/01/2020,31/03/2023,\nC1,SW1,01/01/2020,01/01/2024,\nD1,SW1,01/01/2020,,`,
    },
    opts: Y23,
    want: [sw(2), sw(3, 'B1')],
  },
  {
    name: '2025/26 SW_DEC before the two-year reporting period or after 31 March',
    code: 'SW07STG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/01/2020,01/04/2026,\nB1,SW1,01/01/2020,31/03/2024,\nC1,SW1,01/01/2020,01/04/2024,`,
    },
    want: [sw(2), sw(3, 'B1')],
  },
  {
    name: 'an open episode followed by a later one (files not sorted)',
    code: 'SW08STG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW2,07/06/2025,08/06/2025,\nA1,SW1,06/06/2025,,\nB1,SW1,06/06/2025,07/06/2025,\nB1,SW2,07/06/2025,,`,
    },
    want: [sw(3)],
  },
  {
    name: 'lasted less than a day',
    code: 'SW09STG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/06/2025,01/06/2025,\nB1,SW1,01/06/2025,02/06/2025,\nC1,SW1,,,`,
    },
    want: [sw(2)],
  },
  {
    name: '2023/24 next episode more than 7 days from the previous end',
    code: 'SW10STG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/01/2024,09/01/2024,\nA1,SW2,02/01/2024,03/01/2024,\nB1,SW1,01/01/2023,09/01/2024,\nB1,SW2,01/01/2024,,\nC1,SW1,10/01/2024,11/01/2024,\nC1,SW2,30/01/2024,,`,
    },
    opts: Y23,
    want: [sw(5, 'B1'), sw(7, 'C1')],
  },
  {
    name: '2025/26 FCONTA is exempt',
    code: 'SW10STG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/01/2025,09/01/2025,\nA1,SW2,30/01/2025,,FCONTA\nB1,SW1,01/01/2025,09/01/2025,\nB1,SW2,30/01/2025,,OTHERS`,
    },
    want: [sw(5, 'B1')],
  },
  {
    name: '2023/24 ended well before 31 March with no prompt successor',
    code: 'SW11aSTG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/04/2023,20/03/2024,\nA1,SW2,21/03/2024,,\nB1,SW1,01/04/2023,20/03/2024,\nB1,SW2,29/03/2024,,\nC1,SW1,01/04/2023,29/03/2024,\nD1,SW1,01/04/2023,01/03/2024,`,
    },
    opts: Y23,
    want: [sw(4, 'B1'), sw(7, 'D1')],
  },
  {
    name: 'the latest episode ended in the last 5 days before 31 March',
    code: 'SW11bSTG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/04/2025,29/03/2026,\nB1,SW1,01/04/2025,20/03/2026,\nB1,SW2,21/03/2026,,\nC1,SW1,01/04/2025,01/03/2026,`,
    },
    want: [sw(2)],
  },
  {
    name: '2025/26 looked after on 31 March, social worker episodes not back to 1 April',
    code: 'SW12STG2',
    tables: {
      Header:
        'CHILD,DOB\nA1,01/01/2010\nB1,01/01/2010\nC1,01/01/2010\nD1,01/06/2025\nE1,01/01/2010',
      Episodes:
        'CHILD,DECOM,DEC,LS\nA1,01/01/2025,,C2\nB1,01/01/2025,,C2\nC1,01/01/2025,,C2\nD1,01/06/2025,,C2\nE1,01/01/2025,01/02/2026,C2',
      SWEpisodes: `${SW}\nA1,SW2,01/05/2025,,\nA1,SW1,01/03/2025,01/05/2025,\nB1,SW1,02/04/2025,,\nD1,SW1,01/06/2025,,\nE1,SW1,01/02/2026,,`,
    },
    want: [f('Episodes', 4, 'C1'), sw(4, 'B1')],
  },
  {
    name: '2023/24 reason not on the list',
    code: 'SW13STG1',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/04/2023,,LAZY\nB1,SW1,01/04/2023,,SWDIED\nC1,SW1,01/04/2023,,`,
    },
    opts: Y23,
    want: [sw(2)],
  },
  {
    name: '2025/26 reason missing except on the first episode of the year',
    code: 'SW13STG1',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/04/2025,02/04/2025,OTHERS\nB1,SW1,01/04/2025,02/04/2025,OTHERS\nB1,SW2,03/04/2025,04/04/2025,\nC1,SW1,03/04/2023,04/04/2025,\nC1,SW2,05/04/2025,,\nD1,SW1,05/04/2023,31/03/2025,\nD1,SW2,05/04/2025,,\nE1,SW1,05/04/2025,,BAD`,
    },
    want: [sw(4, 'B1'), sw(6, 'C1'), sw(7, 'D1'), sw(9, 'E1')],
  },
  {
    name: '2023/24 end date blank on an episode that is not the latest',
    code: 'SW14STG2',
    tables: {
      SWEpisodes: `${SW}\nA1,SW1,01/01/2024,01/01/2024,\nA1,SW2,02/01/2024,,\nB1,SW1,01/01/2024,,\nB1,SW2,02/01/2024,,\nC1,SW1,01/01/2024,,`,
    },
    opts: Y23,
    want: [sw(4, 'B1')],
  },
  {
    name: '2025/26 looked after on 31 March, no social worker episode open then',
    code: 'SW17STG2',
    tables: {
      Episodes:
        'CHILD,DECOM,DEC,LS\nA1,01/01/2025,,C2\nB1,01/01/2025,,C2\nC1,01/01/2025,01/02/2026,C2\nD1,01/01/2025,,V3',
      SWEpisodes: `${SW}\nA1,SW1,01/01/2025,,\nA1,SW0,01/01/2024,01/01/2025,\nB1,SW1,01/01/2024,01/01/2025,\nB1,SW2,02/01/2025,01/01/2026,\nC1,SW1,01/01/2024,01/03/2026,\nD1,SW1,01/01/2024,01/03/2026,\nE1,SW1,01/01/2024,01/03/2026,`,
    },
    want: [sw(5, 'B1')],
  },
];

describe('903 social worker rules', () => {
  it.each(cases)('$code $name', ({ code, tables, opts, want }) => {
    expect(check(code, tables, opts)).toEqual(want);
  });
});
