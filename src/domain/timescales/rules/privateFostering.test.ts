import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import { arrangement, seen } from '../testInput.ts';

const visits = (input: ReturnType<typeof arrangement>, today: string) =>
  dueItems(input, today).map((i) => [i.item, i.due, i.status, i.doneOn ?? null]);

describe('private fostering visits', () => {
  it('first within 7 working days of notification', () => {
    expect(visits(arrangement(), '2026-01-09')).toEqual([
      ['arrangement-PF1/1', '2026-01-19', 'due', null],
    ]);
  });
  it('over a bank holiday', () => {
    expect(visits(arrangement({ notified: '2026-12-22' }), '2026-12-22')[0]?.[1]).toBe(
      '2027-01-05',
    );
  });
  it('6-weekly in the first year', () => {
    const input = arrangement({ visits: [seen('2026-01-15'), seen('2026-02-20')] });
    expect(visits(input, '2026-02-21').at(-1)).toEqual([
      'arrangement-PF1/3',
      '2026-04-03',
      'upcoming',
      null,
    ]);
  });
  it('12-weekly after the first year', () => {
    const input = arrangement({ visits: [seen('2026-01-15'), seen('2027-01-10')] });
    expect(visits(input, '2027-01-11').at(-1)).toEqual([
      'arrangement-PF1/3',
      '2027-04-04',
      'upcoming',
      null,
    ]);
  });
  it.each([
    ['not disabled: stops at 16', false, 1],
    ['disabled: continues to 18', true, 2],
  ])('a child turning 16 between visits, %s', (_why, disabled, count) => {
    const input = arrangement({
      dateOfBirth: '2010-03-01',
      disabled,
      visits: [seen('2026-01-15')],
    });
    expect(visits(input, '2026-03-02')).toHaveLength(count);
  });
});
