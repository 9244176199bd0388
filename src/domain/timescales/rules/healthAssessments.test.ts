import { describe, expect, it } from 'vitest';
import { dueItems } from '../engine.ts';
import type { ChildTimescaleInput, HealthAssessment } from '../inputs.ts';
import { child } from '../testInput.ts';

const health = (input: ChildTimescaleInput, today: string) =>
  dueItems(input, today)
    .filter((i) => i.rule.endsWith('health-assessment'))
    .map((i) => [i.rule, i.due, i.status, i.doneOn ?? null]);

const ha = (kind: HealthAssessment['kind'], date: string): HealthAssessment => ({ kind, date });

describe('initial health assessment', () => {
  it.each([
    ['none yet', [], '2025-03-20', ['2025-03-31', 'due', null]],
    ['none, a day late', [], '2025-04-01', ['2025-03-31', 'overdue', null]],
    [
      'done in time',
      [ha('initial', '2025-03-20')],
      '2025-03-21',
      ['2025-03-31', 'done', '2025-03-20'],
    ],
    [
      'one in the 3 months before care counts',
      [ha('initial', '2024-12-10')],
      '2025-04-01',
      ['2025-03-31', 'done', '2024-12-10'],
    ],
    [
      'one more than 3 months before does not',
      [ha('initial', '2024-11-20')],
      '2025-04-01',
      ['2025-03-31', 'overdue', null],
    ],
  ] as const)('%s', (_why, has, today, expected) => {
    const input = child({ healthAssessments: [...has] });
    expect(health(input, today)[0]).toEqual(['initial-health-assessment', ...expected]);
  });
});

describe('review health assessments', () => {
  it.each([
    ['aged 9: yearly', '2015-06-15', [ha('initial', '2025-03-20')], '2026-03-20'],
    ['aged 3: 6-monthly', '2022-01-10', [ha('initial', '2025-03-20')], '2025-09-20'],
    [
      '4 years 8 months: still 6-monthly (age at the last assessment)',
      '2020-07-20',
      [ha('initial', '2025-03-20')],
      '2025-09-20',
    ],
    [
      'turned 5 since: yearly',
      '2020-07-20',
      [ha('initial', '2025-03-20'), ha('review', '2025-09-15')],
      '2026-09-15',
    ],
    [
      'leap day assessment, yearly, clamps to 28 February',
      '2015-06-15',
      [ha('initial', '2024-02-29')],
      '2025-02-28',
    ],
  ] as const)('%s', (_why, dob, has, due) => {
    const input = child({
      dateOfBirth: dob,
      periods: [{ id: 1, start: '2024-02-20', end: null, endReason: null }],
      healthAssessments: [...has],
    });
    const rha = health(input, '2025-03-21').filter((r) => r[0] === 'review-health-assessment');
    expect(rha.at(-1)?.[1]).toBe(due);
  });

  it('a dental check does not count as a health assessment', () => {
    const input = child({ healthAssessments: [ha('dental', '2025-03-10')] });
    expect(health(input, '2025-04-01')).toEqual([
      ['initial-health-assessment', '2025-03-31', 'overdue', null],
    ]);
  });
});
