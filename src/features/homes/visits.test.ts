import { describe, expect, it } from 'vitest';
import { monthEnd, qualityVisitDue, reg44Months } from './visits.ts';

describe('reg44Months', () => {
  it('flags an ended month with no visit as missed and the current month as due', () => {
    const months = reg44Months(['2026-09-03', '2026-09-20', '2026-11-02'], '2026-11-22', 4);
    expect(months).toEqual([
      { month: '2026-11', visits: 1, status: 'visited' },
      { month: '2026-10', visits: 0, status: 'missed' },
      { month: '2026-09', visits: 2, status: 'visited' },
      { month: '2026-08', visits: 0, status: 'missed' },
    ]);
  });

  it('says the current month is due, not missed, before a visit', () => {
    expect(reg44Months([], '2026-11-22', 1)).toEqual([
      { month: '2026-11', visits: 0, status: 'due' },
    ]);
  });

  it('leaves out months before the home opened', () => {
    expect(reg44Months([], '2026-03-10', 12, '2026-02-14').map((m) => m.month)).toEqual([
      '2026-03',
      '2026-02',
    ]);
  });

  it('crosses the year end', () => {
    expect(reg44Months([], '2026-01-05', 2).map((m) => m.month)).toEqual(['2026-01', '2025-12']);
  });
});

describe('quality visits', () => {
  it('is due three months after the last visit and overdue the day after', () => {
    expect(qualityVisitDue('2026-08-22', '2026-11-22')).toEqual({
      lastVisit: '2026-08-22',
      due: '2026-11-22',
      overdue: false,
    });
    expect(qualityVisitDue('2026-08-21', '2026-11-22').overdue).toBe(true);
  });

  it('is overdue when there has never been one', () => {
    expect(qualityVisitDue(null, '2026-11-22')).toEqual({
      lastVisit: null,
      due: '2026-11-22',
      overdue: true,
    });
  });

  it('knows the last day of a month', () => {
    expect(monthEnd('2028-02')).toBe('2028-02-29');
  });
});
