import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../domain/measures/index.ts';
import { buildReport, type ReportAction } from './build.ts';
import { figure, present, WITHHELD } from './present.ts';

const measures = [
  { id: 'stab', title: 'Stability', unit: 'percent', polarity: 'higher is better' },
  { id: 'moves', title: 'Moves', unit: 'percent', polarity: 'lower is better' },
  { id: 'cla', title: 'In care', unit: 'count', polarity: 'neither' },
  { id: 'small', title: 'Small', unit: 'percent', polarity: 'higher is better' },
] as const;

const pct = (n: number, d: number): MeasureResult => ({
  value: Math.round((n / d) * 1000) / 10,
  numerator: n,
  denominator: d,
});

const action = (
  id: number,
  dueDate: string | null,
  changes: [string, string | null, string][],
): ReportAction => ({
  id,
  strategy: 'Plan',
  theme: '',
  title: `Action ${String(id)}`,
  owner: 'Owner',
  dueDate,
  changes: changes.map(([effectiveDate, from, to], i) => ({
    effectiveDate,
    from: from as never,
    to: to as never,
    seq: id * 10 + i,
  })),
});

const report = buildReport({
  kind: 'panel',
  from: '2026-07-01',
  to: '2026-09-30',
  authority: 'Test Council',
  measures,
  start: new Map([
    ['stab', pct(60, 100)],
    ['moves', pct(10, 100)],
    ['cla', { value: 100, numerator: 100, denominator: null }],
    ['small', pct(3, 10)],
  ]),
  end: new Map([
    ['stab', pct(70, 100)],
    ['moves', pct(12, 100)],
    ['cla', { value: 110, numerator: 110, denominator: null }],
    ['small', pct(6, 10)],
  ]),
  actions: [
    action(1, '2026-08-31', [
      ['2026-01-01', null, 'amber'],
      ['2026-08-15', 'amber', 'green'],
    ]),
    action(2, '2026-09-01', [
      ['2026-01-01', null, 'amber'],
      ['2026-10-05', 'amber', 'complete'],
    ]),
    action(3, null, [['2026-01-01', null, 'red']]),
    action(4, '2026-11-15', [['2026-02-01', null, 'amber']]),
    action(5, '2027-06-01', [['2026-02-01', null, 'green']]),
    action(6, '2026-12-31', [['2026-10-01', null, 'red']]),
    action(7, '2026-09-30', [
      ['2026-03-01', null, 'green'],
      ['2026-09-30', 'green', 'complete'],
    ]),
  ],
});

describe('buildReport', () => {
  it('lists actions turned green or completed in the period as progress', () => {
    expect(report.progress.actions.map((a) => [a.id, a.why])).toEqual([
      [1, 'Turned green on 15 August 2026'],
      [7, 'Completed on 30 September 2026'],
    ]);
  });
  it('lists red or overdue actions at the period end as concerns, with the RAG of that day', () => {
    // Action 2 was completed only after the period: overdue on 30 September.
    expect(report.concern.actions.map((a) => [a.id, a.rag, a.why])).toEqual([
      [1, 'green', 'Overdue: due 31 August 2026'],
      [2, 'amber', 'Overdue: due 1 September 2026'],
      [3, 'red', 'Red'],
    ]);
  });
  it('lists actions due in the next period of the same length, not complete, and not those created later', () => {
    expect(report.nextFrom).toBe('2026-10-01');
    expect(report.nextTo).toBe('2026-12-30');
    expect(report.next.map((a) => a.id)).toEqual([4]);
  });
  it('judges measures by polarity, never judges those without one, and withholds small numbers', () => {
    expect(report.progress.measures.map((m) => m.id)).toEqual(['stab']);
    expect(report.concern.measures.map((m) => m.id)).toEqual(['moves']);
    const byId = Object.fromEntries(report.scorecard.map((r) => [r.id, r]));
    expect(byId.cla?.direction).toBe('no better direction');
    expect(byId.small?.start.suppressed).toBe(true);
    expect(byId.small?.direction).toBe('not comparable');
    expect(byId.small?.change).toBeNull();
    expect(report.ragSummary).toEqual([
      { strategy: 'Plan', red: 1, amber: 2, green: 2, complete: 1, overdue: 2 },
    ]);
  });
  it('presents figures as text with units and the withheld note', () => {
    const p = present(report);
    expect(p.period).toBe('1 July 2026 to 30 September 2026');
    const stab = p.scorecard.find((r) => r.id === 'stab');
    expect([stab?.start, stab?.end, stab?.change, stab?.direction]).toEqual([
      '60%',
      '70%',
      '+10 points',
      'Improving',
    ]);
    expect(p.scorecard.find((r) => r.id === 'small')?.start).toBe(WITHHELD);
    expect(figure('£', { value: 1234.5, suppressed: false })).toBe('£1,234.5');
  });
});
