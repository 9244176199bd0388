// Pure rules for visits to homes and supported accommodation (no SQL, no clock: pass `today`).
// - Regulation 44 (Children's Homes (England) Regulations 2015): an independent person visits each
//   children's home at least once a month. A calendar month that has ended with no visit is missed;
//   the current month is "due by" its last day.
// - Supported accommodation: no regulation sets how often a council visits; Hearth uses every
//   QUALITY_VISIT_MONTHS months (a local choice, documented in docs/homes-and-sufficiency.md).
import { addMonths, compareDates, daysInMonth, type IsoDate } from '../../domain/dates/index.ts';

export const QUALITY_VISIT_MONTHS = 3;

export interface MonthStatus {
  /** 'YYYY-MM' */
  month: string;
  visits: number;
  /** 'visited', 'missed' (the month ended with no visit) or 'due' (the current month, not yet). */
  status: 'visited' | 'missed' | 'due';
}

function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/**
 * The last `months` calendar months up to and including today's, newest first, with the number of
 * visits in each. Months before `openedOn` (when given) are left out.
 */
export function reg44Months(
  visitDates: readonly IsoDate[],
  today: IsoDate,
  months = 12,
  openedOn?: IsoDate,
): MonthStatus[] {
  const counts = new Map<string, number>();
  for (const d of visitDates) counts.set(monthOf(d), (counts.get(monthOf(d)) ?? 0) + 1);
  const out: MonthStatus[] = [];
  const first = `${today.slice(0, 7)}-01`;
  for (let i = 0; i < months; i++) {
    const start = addMonths(first, -i);
    const month = monthOf(start);
    if (openedOn && compareDates(month, monthOf(openedOn)) < 0) break;
    const visits = counts.get(month) ?? 0;
    out.push({ month, visits, status: visits > 0 ? 'visited' : i === 0 ? 'due' : 'missed' });
  }
  return out;
}

/** The last day of a 'YYYY-MM' month. */
export function monthEnd(month: string): IsoDate {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(daysInMonth(y ?? 2000, m ?? 1)).padStart(2, '0')}`;
}

export interface QualityDue {
  lastVisit: IsoDate | null;
  /** When the next visit is due: QUALITY_VISIT_MONTHS after the last, or now if never visited. */
  due: IsoDate;
  overdue: boolean;
}

export function qualityVisitDue(lastVisit: IsoDate | null, today: IsoDate): QualityDue {
  const due = lastVisit ? addMonths(lastVisit, QUALITY_VISIT_MONTHS) : today;
  return { lastVisit, due, overdue: lastVisit === null || compareDates(due, today) < 0 };
}
