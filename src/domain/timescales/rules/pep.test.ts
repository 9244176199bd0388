import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import { child } from '../testInput.ts';

describe('personal education plan', () => {
  const input = child({
    peps: [
      { kind: 'started', date: '2025-03-10' },
      { kind: 'reviewed', date: '2025-06-01' },
    ],
  });
  it('started within 10 working days of entry, then reviewed each term (default English terms)', () => {
    expect(
      dueItems(input, '2025-10-01')
        .filter((i) => i.rule.startsWith('pep'))
        .map((i) => [i.what, i.due, i.status]),
    ).toEqual([
      ['Personal education plan started', '2025-03-17', 'done'],
      ['Personal education plan review, Summer term 2024/25', '2025-07-22', 'done'],
      ['Personal education plan review, Autumn term 2025/26', '2025-12-20', 'upcoming'],
    ]);
  });
  it('uses the term dates it is given', () => {
    const terms = [{ name: 'Term 5', start: '2025-04-22', end: '2025-05-23' }];
    expect(
      dueItems({ ...input, peps: input.peps.slice(0, 1) }, '2025-06-02', { terms })
        .filter((i) => i.rule === 'pep-review')
        .map((i) => [i.what, i.due, i.status]),
    ).toEqual([['Personal education plan review, Term 5', '2025-05-23', 'overdue']]);
  });
  it('a child who turns 3 in care needs a PEP from then', () => {
    const toddler = child({ dateOfBirth: '2023-01-04' });
    const start = dueItems(toddler, '2026-01-05').find((i) => i.rule === 'pep-start');
    expect(start).toMatchObject({
      due: '2026-01-16',
      status: 'due',
      basis: 'Third birthday while looked after 4 January 2026',
    });
  });
});
