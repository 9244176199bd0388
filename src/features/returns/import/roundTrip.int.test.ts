// Import and export together, on both engines: generated care histories written as one directory
// of 903 files per collection year, imported in one go, exported again for 2025/26 — the Episodes
// table comes back row for row. Re-importing changes nothing; a failing import changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../../test/support/db.ts';
import { deriveEpisodes, episodesForYear, type Episode } from '../../../domain/care/index.ts';
import { generateCareFacts, seededRandom } from '../../../domain/care/generate.ts';
import type { SourceFile } from '../../../domain/returns/ssda903/load.ts';
import { systemActor } from '../../../platform/access/actor.ts';
import { dmy } from '../export/build.ts';
import { tableCsv } from '../export/csv.ts';
import { exportReturn } from '../export/service.ts';
import { importReturns, totals, type ImportSource } from './service.ts';

const actor = systemActor('test');
const EPISODE_COLS =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';

function file(name: string, text: string): SourceFile {
  return {
    name,
    bytes: (async function* () {
      yield await Promise.resolve(Buffer.from(text, 'utf8'));
    })(),
  };
}

function episodeLine(e: Episode): string {
  return [
    e.CHILD,
    dmy(e.DECOM),
    e.RNE,
    e.LS,
    e.CIN,
    e.PLACE,
    e.PLACE_PROVIDER ?? '',
    dmy(e.DEC),
    e.REC ?? '',
    e.REASON_PLACE_CHANGE ?? '',
    e.HOME_POST ?? '',
    e.PL_POST ?? '',
    e.URN ?? '',
  ].join(',');
}

interface Generated {
  /** Children with at least one episode (some generated histories never enter care). */
  inCare: number;
  sources: () => ImportSource[];
  episodes2025: string;
  /** previous_permanence.csv of 2025/26: full, month-and-year and year-only dates, and none. */
  prevPerm2025: string;
}

const PREV_PERM_HEADER = 'CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM';
/** A previous permanence answer for the i-th child starting care: every DATE_PERM form. */
const PREV_PERM_ANSWERS = [
  'P1,380,14/06/2019',
  'P2,380,ZZ/05/2019',
  'P3,,ZZ/ZZ/2018',
  'Z1,,',
  'P4,WAL,ZZ/11/2020',
] as const;

/** 120 children's histories, one directory per collection year in which any of them was in care. */
function generate(): Generated {
  const random = seededRandom(903);
  const children = Array.from({ length: 120 }, (_, i) => {
    const id = `C${String(i + 1).padStart(4, '0')}`;
    const facts = generateCareFacts(random, id);
    return {
      id,
      dob: facts.dateOfBirth,
      episodes: deriveEpisodes(facts, { homePostcode: 'BD1 1HY' }),
    };
  });
  const first = Math.min(
    ...children.flatMap((c) => c.episodes.map((e) => Number(e.DECOM.slice(0, 4)) - 1)),
  );
  const years: string[] = [];
  for (let y = first; y <= 2025; y++)
    years.push(`${String(y)}/${String((y + 1) % 100).padStart(2, '0')}`);
  const texts = years
    .map((year) => {
      const inYear = children
        .map((c) => ({ c, eps: episodesForYear(c.episodes, year) }))
        .filter((x) => x.eps.length > 0);
      const starting = inYear.filter(({ eps }) =>
        eps.some((e) => e.RNE === 'S' && e.DECOM >= `${year.slice(0, 4)}-04-01`),
      );
      return {
        year,
        prevPerm: [
          PREV_PERM_HEADER,
          ...starting.map(
            ({ c }, i) =>
              `${c.id},${dmy(c.dob)},${PREV_PERM_ANSWERS[i % PREV_PERM_ANSWERS.length] ?? ''}`,
          ),
        ].join('\n'),
        header: [
          'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB',
          ...inYear.map(({ c }) => `${c.id},M,${dmy(c.dob)},WBRI,,,`),
        ].join('\n'),
        episodes: [EPISODE_COLS, ...inYear.flatMap(({ eps }) => eps.map(episodeLine))].join('\n'),
      };
    })
    .filter((t) => t.header.includes('\n'));
  return {
    inCare: children.filter((c) => c.episodes.length > 0).length,
    sources: () =>
      texts.map((t) => ({
        dir: t.year.replace('/', '-'),
        files: [
          file('header.csv', t.header),
          file('episodes.csv', t.episodes),
          file('previous_permanence.csv', t.prevPerm),
        ],
      })),
    episodes2025: `${texts.find((t) => t.year === '2025/26')?.episodes ?? ''}\n`,
    prevPerm2025: `${texts.find((t) => t.year === '2025/26')?.prevPerm ?? ''}\n`,
  };
}

async function counts(t: TestDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['child', 'period_of_care', 'legal_status', 'placement', 'review'] as const) {
    const r = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

let t: TestDb;
const data = generate();

beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.dispose();
});

describe('903 import and export', () => {
  it('imports every year, and exporting 2025/26 gives back its Episodes row for row', async () => {
    const sources = data.sources();
    expect(sources.length).toBeGreaterThan(5);
    const result = await importReturns(t.db, actor, sources);
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    expect(data.inCare).toBeGreaterThan(60);
    expect(result.summary.child?.created).toBe(data.inCare);
    const ret = await exportReturn(t.db, actor, '2025/26');
    const episodes = ret.tables.find((x) => x.table === 'Episodes');
    expect(episodes && tableCsv(episodes)).toBe(data.episodes2025);
    expect(episodes?.rows.length).toBeGreaterThan(50);
  });

  it('keeps partly known previous permanence dates (ZZ/05/2019, ZZ/ZZ/2018) through import and export', async () => {
    const stored = await t.db
      .selectFrom('previous_permanence')
      .select(['prev_perm', 'order_date', 'order_date_partial'])
      .where('prev_perm', 'in', ['P1', 'P2', 'P3'])
      .execute();
    expect(stored).toContainEqual({
      prev_perm: 'P1',
      order_date: '2019-06-14',
      order_date_partial: null,
    });
    expect(stored).toContainEqual({
      prev_perm: 'P2',
      order_date: null,
      order_date_partial: 'ZZ/05/2019',
    });
    expect(stored).toContainEqual({
      prev_perm: 'P3',
      order_date: null,
      order_date_partial: 'ZZ/ZZ/2018',
    });
    const ret = await exportReturn(t.db, actor, '2025/26');
    const prevPerm = ret.tables.find((x) => x.table === 'PrevPerm');
    expect(prevPerm?.rows.length).toBeGreaterThanOrEqual(PREV_PERM_ANSWERS.length);
    expect(prevPerm && tableCsv(prevPerm)).toBe(data.prevPerm2025);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await counts(t);
    const result = await importReturns(t.db, actor, data.sources());
    if (!result.ok) throw new Error('import failed');
    const sum = totals(result.summary);
    expect(sum.created).toBe(0);
    expect(sum.updated).toBe(0);
    expect(result.summary.child?.unchanged).toBe(data.inCare);
    expect(await counts(t)).toEqual(before);
  });

  it.each([
    {
      name: 'a malformed date',
      files: [
        file('header.csv', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nX1,F,01/02/2012,WBRI,,,'),
        file('episodes.csv', `${EPISODE_COLS}\nX1,31/02/2025,S,C2,N1,U1,PR1,,,,,,`),
      ],
      problem: {
        file: 'bad/episodes.csv',
        line: 2,
        message: 'DECOM "31/02/2025" is not a date (DD/MM/YYYY)',
      },
    },
    {
      name: 'a duplicated row',
      files: [
        file(
          'header.csv',
          'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nX1,F,01/02/2012,WBRI,,,\nX1,F,01/02/2012,WBRI,,,',
        ),
      ],
      problem: { file: 'bad/header.csv', line: 3, message: 'duplicates line 2' },
    },
    {
      name: 'a missing column',
      files: [file('header.csv', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER\nX1,F,01/02/2012,WBRI,,')],
      problem: {
        file: 'bad/header.csv',
        line: 1,
        message:
          'Header table is missing column MC_DOB; rules reading it treat every value as blank',
      },
    },
    {
      name: 'an empty file',
      files: [file('header.csv', '')],
      problem: { file: 'bad/header.csv', message: 'is empty' },
    },
    {
      name: 'a file that is not CSV',
      files: [file('header.csv', '\u0000\u0001PK binary')],
      problem: {
        file: 'bad/header.csv',
        message: 'is not a CSV text file (it contains binary data)',
      },
    },
    {
      name: 'episodes of a child with no header row',
      files: [
        file('header.csv', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nX1,F,01/02/2012,WBRI,,,'),
        file('episodes.csv', `${EPISODE_COLS}\nX2,01/05/2030,S,C2,N1,U1,PR1,,,,,,`),
      ],
      problem: {
        file: 'bad/episodes.csv',
        line: 2,
        message: 'child X2 has no row in any header.csv given',
      },
    },
    {
      name: 'a previous permanence date that is neither a date nor ZZ/MM/YYYY',
      files: [
        file('header.csv', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nX1,F,01/02/2012,WBRI,,,'),
        file('previous_permanence.csv', `${PREV_PERM_HEADER}\nX1,01/02/2012,P1,380,2019-05`),
      ],
      problem: {
        file: 'bad/previous_permanence.csv',
        line: 2,
        message: 'DATE_PERM "2019-05" is not a date (DD/MM/YYYY, ZZ for an unknown day or month)',
      },
    },
  ])('refuses $name, naming file and line, and changes nothing', async ({ files, problem }) => {
    const before = await counts(t);
    const result = await importReturns(t.db, actor, [...data.sources(), { dir: 'bad', files }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(problem);
    expect(await counts(t)).toEqual(before);
  });
});
