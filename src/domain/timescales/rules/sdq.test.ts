import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import type { ChildTimescaleInput } from '../inputs.ts';
import { child } from '../testInput.ts';

const sdq = (input: ChildTimescaleInput, today: string) =>
  dueItems(input, today)
    .filter((i) => i.rule === 'sdq')
    .map((i) => [i.due, i.status, i.doneOn ?? null, i.basis]);

describe('SDQ', () => {
  it('due once looked after for 12 months', () => {
    expect(sdq(child(), '2026-02-20')).toEqual([
      ['2026-03-03', 'due', null, 'Looked after for 12 months on 3 March 2026'],
    ]);
  });
  it('a child under 4 is first due on the 4th birthday', () => {
    expect(sdq(child({ dateOfBirth: '2022-06-15' }), '2026-02-20')).toEqual([
      [
        '2026-06-15',
        'upcoming',
        null,
        'Looked after 12 months or more; fourth birthday 15 June 2026',
      ],
    ]);
  });
  it('none falls due from the 17th birthday', () => {
    const input = child({ dateOfBirth: '2009-05-01', sdqs: [{ date: '2026-03-01' }] });
    expect(sdq(input, '2026-03-02')).toEqual([
      ['2026-03-03', 'done', '2026-03-01', 'Looked after for 12 months on 3 March 2026'],
    ]);
  });
  it('yearly after the last', () => {
    const input = child({ sdqs: [{ date: '2026-02-10' }] });
    expect(sdq(input, '2026-03-02')[1]?.slice(0, 2)).toEqual(['2027-02-10', 'upcoming']);
  });
  it('a period that ends before 12 months has no SDQ', () => {
    const input = child({
      periods: [{ id: 1, start: '2025-03-03', end: '2026-01-01', endReason: 'E11' }],
    });
    expect(sdq(input, '2026-03-02')).toEqual([]);
  });
});
