// Pure rules for Regulation 45 quality-of-care reviews (no SQL, no clock: pass `today`).
// The Children's Homes (England) Regulations 2015, regulation 45: the registered person reviews
// the quality of care at least once every 6 months, writes a report, and sends it to Ofsted (HMCI)
// within 28 days of completing the review.
// - The next review is due 6 calendar months after the end of the period the last one covered (or,
//   with no review recorded, 6 months after the home's first record in Hearth, standing in for the
//   day it opened); it is overdue the day after.
// - A report is due 28 days after the review was completed; unsent after that it is overdue, and
//   sent after that it was sent late.
import { addDays, addMonths, type IsoDate } from '../../domain/dates/index.ts';

export const REG45_REVIEW_MONTHS = 6;
export const REG45_REPORT_DAYS = 28;

export interface Reg45Dates {
  periodEnd: IsoDate;
  completedOn: IsoDate;
  sentToOfstedOn: IsoDate | null;
}

export type ReportStatus = 'sent' | 'sent_late' | 'due' | 'overdue';

export interface ReportDue {
  /** The last day to send the report: 28 days after completion. */
  due: IsoDate;
  status: ReportStatus;
}

export function reportDue(review: Reg45Dates, today: IsoDate): ReportDue {
  const due = addDays(review.completedOn, REG45_REPORT_DAYS);
  if (review.sentToOfstedOn !== null)
    return { due, status: review.sentToOfstedOn > due ? 'sent_late' : 'sent' };
  return { due, status: today > due ? 'overdue' : 'due' };
}

export interface Reg45Status {
  /** The end of the latest period reviewed, or null when none is recorded. */
  lastPeriodEnd: IsoDate | null;
  /** When the next review is due; null when there is neither a review nor any record to count from. */
  reviewDue: IsoDate | null;
  reviewOverdue: boolean;
  /** Reviews whose report is overdue to Ofsted (not sent, more than 28 days after completion). */
  reportsOverdue: number;
}

/**
 * A home's Regulation 45 position on `today` from its reviews and its first record (the earliest
 * placement or Regulation 44 visit; null when it has none).
 */
export function reg45Status(
  reviews: readonly Reg45Dates[],
  firstRecord: IsoDate | null,
  today: IsoDate,
): Reg45Status {
  const lastPeriodEnd = reviews.reduce<IsoDate | null>(
    (a, r) => (a === null || r.periodEnd > a ? r.periodEnd : a),
    null,
  );
  const from = lastPeriodEnd ?? firstRecord;
  const reviewDue = from === null ? null : addMonths(from, REG45_REVIEW_MONTHS);
  return {
    lastPeriodEnd,
    reviewDue,
    reviewOverdue: reviewDue !== null && today > reviewDue,
    reportsOverdue: reviews.filter((r) => reportDue(r, today).status === 'overdue').length,
  };
}
