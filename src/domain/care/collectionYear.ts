// A 903 collection year ('2025/26') runs 1 April 2025 to 31 March 2026. A year's return holds every
// episode open at any point in the year. It describes the child as at 31 March, so an episode that
// ended after the year closed is returned open: DEC, REC and REASON_PLACE_CHANGE blank (rules 354
// and 385: DEC on or before the end of the collection year; rule 233: no reason for placement
// change on an episode that has not ceased).
import type { Episode, IsoDate } from './facts.ts';

const YEAR = /^(\d{4})\/(\d{2})$/;

/** First and last day of a collection year written '2025/26'; throws RangeError for anything else. */
export function collectionYearBounds(year: string): { start: IsoDate; end: IsoDate } {
  const m = YEAR.exec(year);
  const first = Number(m?.[1]);
  if (!m || Number(m[2]) !== (first + 1) % 100) {
    throw new RangeError(`Not a collection year in the form 2025/26: "${year}"`);
  }
  return { start: `${m[1] ?? ''}-04-01`, end: `${String(first + 1)}-03-31` };
}

/** The episodes of a return for `year`, as the return shows them at 31 March. */
export function episodesForYear(episodes: readonly Episode[], year: string): Episode[] {
  const { start, end } = collectionYearBounds(year);
  const out: Episode[] = [];
  for (const e of episodes) {
    if (e.DECOM > end || (e.DEC !== null && e.DEC < start)) continue;
    out.push(
      e.DEC !== null && e.DEC > end ? { ...e, DEC: null, REC: null, REASON_PLACE_CHANGE: null } : e,
    );
  }
  return out;
}
