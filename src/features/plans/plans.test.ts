import { describe, expect, it } from 'vitest';
import { parsePlanCsv, type ImportContext } from './csv.ts';
import { isOverdue, ragOn, type RagChange } from './rag.ts';
import { parseTimescale } from './timescale.ts';

describe('parseTimescale', () => {
  it.each([
    ['March 2022', '2022-03-31'],
    ['February 2024', '2024-02-29'],
    ['Sept 2022', '2022-09-30'],
    ['31/03/2022', '2022-03-31'],
    ['1/4/2022', '2022-04-01'],
    ['2022-06-30', '2022-06-30'],
    ['4 March 2021', '2021-03-04'],
  ])('%s is due %s', (text, due) => {
    expect(parseTimescale(text)).toEqual({ ok: true, due });
  });
  it('reads Ongoing as no due date', () => {
    expect(parseTimescale(' ongoing ')).toEqual({ ok: true, due: null });
  });
  it.each(['April 2022 May 2022 onwards', '31/02/2022', 'Spring 2022', '2022-13-01', ''])(
    'refuses %j',
    (text) => {
      expect(parseTimescale(text)).toEqual({ ok: false });
    },
  );
});

describe('RAG', () => {
  it('is overdue only past its due date and not complete', () => {
    expect(isOverdue({ dueDate: '2026-01-31', rag: 'green' }, '2026-02-01')).toBe(true);
    expect(isOverdue({ dueDate: '2026-01-31', rag: 'green' }, '2026-01-31')).toBe(false);
    expect(isOverdue({ dueDate: '2026-01-31', rag: 'complete' }, '2026-06-01')).toBe(false);
    expect(isOverdue({ dueDate: null, rag: 'red' }, '2026-06-01')).toBe(false);
  });
  it('reads the RAG on a date from the history, the later of two changes on one day winning', () => {
    const changes: RagChange[] = [
      { effectiveDate: '2026-01-10', from: null, to: 'amber', seq: 1 },
      { effectiveDate: '2026-03-01', from: 'amber', to: 'red', seq: 2 },
      { effectiveDate: '2026-03-01', from: 'red', to: 'green', seq: 3 },
    ];
    expect(ragOn(changes, '2026-01-09')).toBeNull();
    expect(ragOn(changes, '2026-02-28')).toBe('amber');
    expect(ragOn(changes, '2026-03-01')).toBe('green');
  });
});

const ctx: ImportContext = {
  users: [
    { id: 7, username: 'sm.demo', displayName: 'Simon Example' },
    { id: 8, username: 'a.one', displayName: 'Alex Same' },
    { id: 9, username: 'a.two', displayName: 'Alex Same' },
  ],
  measureIds: new Set(['cla-rate', 'placements-3plus']),
  today: '2026-11-22',
};
const csv = (text: string) => new TextEncoder().encode(text);

describe('parsePlanCsv', () => {
  it('reads the seed shape: RAG from the update, its date from the header, quoted multi-line cells', () => {
    const r = parsePlanCsv(
      'plan.csv',
      csv(
        '\uFEFFRecommendation,Actions,Timescale,Owner,Progress Update March 2023,Measures\n' +
          '"Review edge of care","Complete review\nof BPP",April 2022,sm.demo,"AMBER: Reviews done",cla-rate\n' +
          'Residential,Review statements of purpose,Ongoing,Simon Example,GREEN: Completed.,cla-rate; placements-3plus\n',
      ),
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          theme: 'Review edge of care',
          title: 'Complete review\nof BPP',
          ownerId: 7,
          due: '2022-04-30',
          rag: 'amber',
          update: { date: '2023-03-31', text: 'AMBER: Reviews done' },
          measureIds: ['cla-rate'],
        },
        {
          line: 4,
          theme: 'Residential',
          title: 'Review statements of purpose',
          ownerId: 7,
          due: null,
          rag: 'green',
          update: { date: '2023-03-31', text: 'GREEN: Completed.' },
          measureIds: ['cla-rate', 'placements-3plus'],
        },
      ],
    });
  });

  it('names every problem with file, line and field, and returns no rows', () => {
    const r = parsePlanCsv(
      'bad.csv',
      csv(
        'Actions,Timescale,Owner,RAG,Measures\n' +
          'One,March 2022,nobody,green,\n' +
          'Two,April 2022 May 2022 onwards,sm.demo,purple,\n' +
          'Three,Ongoing,Alex Same,red,not-a-measure\n' +
          ',Ongoing,sm.demo,red,\n',
      ),
      ctx,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['bad.csv', 2, 'Owner'],
      ['bad.csv', 3, 'Timescale'],
      ['bad.csv', 3, 'RAG'],
      ['bad.csv', 4, 'Owner'],
      ['bad.csv', 4, 'Measures'],
      ['bad.csv', 5, 'Actions'],
    ]);
    expect(r.problems[0]?.message).toBe('Owner “nobody” is not a known user of Hearth');
    expect(r.problems[2]?.message).toBe('RAG “purple” is not one of red, amber, green or complete');
    expect(r.problems[3]?.message).toContain('matches more than one user');
  });

  it('names each missing column', () => {
    const r = parsePlanCsv('cols.csv', csv('Recommendation,Actions\nx,y\n'), ctx);
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['Timescale', 'Owner', 'RAG']);
  });

  it('refuses an empty file, a header alone, a spreadsheet and binary data', () => {
    const msg = (name: string, bytes: Uint8Array) => {
      const r = parsePlanCsv(name, bytes, ctx);
      return r.ok ? 'ok' : r.problems.map((p) => p.message).join(' | ');
    };
    expect(msg('e.csv', new Uint8Array())).toBe(
      'e.csv is empty: it needs a header row and at least one action',
    );
    expect(msg('h.csv', csv('Actions,Timescale,Owner,RAG\n'))).toBe(
      'h.csv has a header row but no actions',
    );
    expect(msg('p.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toContain('not CSV');
    expect(msg('b.bin', new Uint8Array([0x41, 0, 0x42]))).toContain('not a CSV file');
    expect(
      msg('q.csv', csv('Actions,Timescale,Owner,RAG\n"unclosed,March 2022,sm.demo,red\n')),
    ).toContain('could not be read as CSV');
  });

  it('reads Windows-1252 as Excel saves it', () => {
    const bytes = new Uint8Array([
      ...csv('Actions,Timescale,Owner,RAG\nCarers\u0027 '),
      0x92,
      ...csv('s fund,Ongoing,sm.demo,green\n'),
    ]);
    const r = parsePlanCsv('w.csv', bytes, ctx);
    expect(r.ok && r.rows[0]?.title).toBe('Carers\u0027 \u2019s fund');
  });
});
