// The one place an instant becomes a date: "today" as it is in England (Europe/London, so 23:30
// UTC on 30 June is already 1 July). Domain code never reads the clock; callers pass `new Date()`.
import { TZDate } from '@date-fns/tz';
import { formatIsoDate, type IsoDate } from './isoDate.ts';

export function todayInLondon(now: Date): IsoDate {
  const london = new TZDate(now.getTime(), 'Europe/London');
  return formatIsoDate({
    year: london.getFullYear(),
    month: london.getMonth() + 1,
    day: london.getDate(),
  });
}
