import { describe, expect, it } from 'vitest';
import { reg45Status, reportDue } from './reg45.ts';

const review = (periodEnd: string, completedOn: string, sentToOfstedOn: string | null = null) => ({
  periodEnd,
  completedOn,
  sentToOfstedOn,
});

describe('reg45Status: the next review', () => {
  it('is due 6 months after the last period reviewed, and overdue only the day after', () => {
    const reviews = [review('2026-03-31', '2026-04-10', '2026-04-20')];
    expect(reg45Status(reviews, null, '2026-09-30')).toEqual({
      lastPeriodEnd: '2026-03-31',
      reviewDue: '2026-09-30',
      reviewOverdue: false,
      reportsOverdue: 0,
    });
    expect(reg45Status(reviews, null, '2026-10-01').reviewOverdue).toBe(true);
  });

  it('counts from the latest period, whatever order the reviews come in', () => {
    const reviews = [
      review('2026-06-30', '2026-07-05', '2026-07-06'),
      review('2025-12-31', '2026-01-05', '2026-01-06'),
    ];
    expect(reg45Status(reviews, null, '2026-12-31')).toMatchObject({
      lastPeriodEnd: '2026-06-30',
      reviewDue: '2026-12-30',
      reviewOverdue: true,
    });
  });

  it('clamps to the end of a shorter month (31 August + 6 months = 28 February)', () => {
    const s = reg45Status([review('2026-08-31', '2026-09-01', '2026-09-02')], null, '2027-02-28');
    expect(s).toMatchObject({ reviewDue: '2027-02-28', reviewOverdue: false });
    expect(
      reg45Status([review('2026-08-31', '2026-09-01')], null, '2027-03-01').reviewOverdue,
    ).toBe(true);
  });

  it('with no review, counts 6 months from the home’s first record', () => {
    expect(reg45Status([], '2026-01-15', '2026-07-15')).toMatchObject({
      lastPeriodEnd: null,
      reviewDue: '2026-07-15',
      reviewOverdue: false,
    });
    expect(reg45Status([], '2026-01-15', '2026-07-16').reviewOverdue).toBe(true);
  });

  it('with no review and no record, says nothing is due', () => {
    expect(reg45Status([], null, '2026-07-16')).toEqual({
      lastPeriodEnd: null,
      reviewDue: null,
      reviewOverdue: false,
      reportsOverdue: 0,
    });
  });
});

describe('reportDue: the report to Ofsted', () => {
  it('is due 28 days after completion and overdue the day after when not sent', () => {
    expect(reportDue(review('2026-03-31', '2026-04-10'), '2026-05-08')).toEqual({
      due: '2026-05-08',
      status: 'due',
    });
    expect(reportDue(review('2026-03-31', '2026-04-10'), '2026-05-09')).toEqual({
      due: '2026-05-08',
      status: 'overdue',
    });
  });

  it('is sent on time up to the 28th day, and late after it', () => {
    expect(reportDue(review('2026-03-31', '2026-04-10', '2026-05-08'), '2026-12-01').status).toBe(
      'sent',
    );
    expect(reportDue(review('2026-03-31', '2026-04-10', '2026-05-09'), '2026-12-01').status).toBe(
      'sent_late',
    );
  });

  it('counts overdue reports across a home’s reviews, crossing the year end', () => {
    const reviews = [
      review('2026-12-15', '2026-12-20'),
      review('2026-06-30', '2026-07-01'),
      review('2025-12-31', '2026-01-02', '2026-01-03'),
    ];
    const s = reg45Status(reviews, null, '2027-01-17');
    expect(s.reportsOverdue).toBe(1);
    expect(reg45Status(reviews, null, '2027-01-18').reportsOverdue).toBe(2);
  });
});
