import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import type { RuleId } from '../sources.ts';
import { child } from '../testInput.ts';

const of = (rule: RuleId, input: ReturnType<typeof child>, today: string) =>
  dueItems(input, today)
    .filter((i) => i.rule === rule)
    .map((i) => [i.item, i.due, i.status, i.doneOn ?? null]);

describe('return home interview within 72 hours', () => {
  it.each([
    ['not offered, overdue', null, '2026-11-24', 'overdue'],
    ['not offered, due', null, '2026-11-22', 'due'],
    ['offered', '2026-11-21', '2026-11-24', 'done'],
  ])('%s', (_why, offered, today, status) => {
    const input = child({
      missingEpisodes: [
        { id: 4, start: '2026-11-18', returned: '2026-11-20', interviewOffered: offered },
      ],
    });
    expect(of('return-home-interview', input, today)).toEqual([
      ['missing-4', '2026-11-23', status, offered],
    ]);
  });
  it('still missing: nothing yet', () => {
    const input = child({
      missingEpisodes: [{ id: 4, start: '2026-11-18', returned: null, interviewOffered: null }],
    });
    expect(of('return-home-interview', input, '2026-11-24')).toEqual([]);
  });
});

describe('care proceedings: 26 weeks from issue', () => {
  it.each([
    ['running', null, [], '2026-07-06', 'upcoming'],
    ['concluded', '2026-06-30', [], '2026-07-06', 'done'],
    [
      'extended by the court',
      null,
      [
        {
          rule: 'care-proceedings' as const,
          item: 'proceedings-2',
          decision: 'granted' as const,
          newDue: '2026-08-31',
          reason: 'Expert assessment',
          authorisedBy: 'HHJ Smith',
          date: '2026-06-01',
        },
      ],
      '2026-08-31',
      'upcoming',
    ],
  ])('%s', (_why, concluded, extensions, due, status) => {
    const input = child({
      careProceedings: [{ id: 2, issued: '2026-01-05', concluded }],
      extensions,
    });
    expect(of('care-proceedings', input, '2026-06-02')).toEqual([
      ['proceedings-2', due, status, concluded],
    ]);
  });
});

describe('care leavers', () => {
  const input = child({
    dateOfBirth: '2007-06-15',
    periods: [{ id: 1, start: '2020-01-06', end: '2025-06-15', endReason: 'E4A' }],
    placements: [],
    careLeaver: {
      since: '2025-06-15',
      pathwayPlanReviews: [],
      personalAdviserContacts: [{ date: '2025-06-20' }, { date: '2025-08-25' }],
    },
  });
  it('pathway plan 6-monthly', () => {
    expect(of('pathway-plan-review', input, '2025-09-01')).toEqual([
      ['pathway-plan/1', '2025-12-15', 'upcoming', null],
    ]);
  });
  it('personal adviser contact 2-monthly, from the last contact', () => {
    expect(of('pa-contact', input, '2025-09-01')).toEqual([
      ['personal-adviser/1', '2025-08-15', 'done', '2025-06-20'],
      ['personal-adviser/2', '2025-08-20', 'done', '2025-08-25'],
      ['personal-adviser/3', '2025-10-25', 'upcoming', null],
    ]);
  });
  it('birthday contacts 18 to 21 (17 was before support began)', () => {
    expect(of('care-leaver-birthday-contact', input, '2025-09-01')).toEqual([
      ['age-18', '2025-07-15', 'done', '2025-06-20'],
      ['age-19', '2026-07-15', 'upcoming', null],
      ['age-20', '2027-07-15', 'upcoming', null],
      ['age-21', '2028-07-15', 'upcoming', null],
    ]);
  });
  it('no child duties after the period of care ended at 18', () => {
    expect(
      dueItems(input, '2025-09-01').some((i) => i.rule === 'lac-review' && i.status !== 'done'),
    ).toBe(false);
  });
});
