// The timescale of an action as councils write it in their action plans ("March 2022", "Ongoing",
// "31/03/2022", "2022-03-31") turned into a due date. A month alone means its last day. "Ongoing"
// means no due date. Anything else (e.g. "April 2022 May 2022 onwards") is refused, so a plan
// never holds a due date nobody wrote.
import { daysInMonth, formatIsoDate, isIsoDate, type IsoDate } from '../../domain/dates/index.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export type Timescale = { ok: true; due: IsoDate | null } | { ok: false };

function monthIndex(name: string): number {
  const n = name.toLowerCase();
  return MONTHS.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n)));
}

export function parseTimescale(text: string): Timescale {
  const t = text.trim().replace(/\s+/g, ' ');
  if (/^ongoing$/i.test(t)) return { ok: true, due: null };
  if (isIsoDate(t)) return { ok: true, due: t };
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (uk) {
    const iso = formatIsoDate({ year: Number(uk[3]), month: Number(uk[2]), day: Number(uk[1]) });
    return isIsoDate(iso) ? { ok: true, due: iso } : { ok: false };
  }
  const dayMonth = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(t);
  if (dayMonth) {
    const m = monthIndex(dayMonth[2] ?? '');
    if (m === -1) return { ok: false };
    const iso = formatIsoDate({
      year: Number(dayMonth[3]),
      month: m + 1,
      day: Number(dayMonth[1]),
    });
    return isIsoDate(iso) ? { ok: true, due: iso } : { ok: false };
  }
  const month = /^([A-Za-z]+) (\d{4})$/.exec(t);
  if (month) {
    const m = monthIndex(month[1] ?? '');
    if (m === -1) return { ok: false };
    const year = Number(month[2]);
    return { ok: true, due: formatIsoDate({ year, month: m + 1, day: daysInMonth(year, m + 1) }) };
  }
  return { ok: false };
}
