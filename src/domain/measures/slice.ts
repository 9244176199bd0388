// Measures on many dates from one load: the facts are loaded once for the widest window
// (src/features/measures/load.ts, loadMeasureFacts), then cut down to what the loader would have
// read for each date. The cut mirrors the loader's filters exactly, so a measure on a date gives the
// same figure whether its facts were loaded for that date alone or for a range.
import type { IsoDate } from '../care/index.ts';
import { addMonths } from '../dates/index.ts';
import { yearTo } from './cohort.ts';
import type { MeasureChild, MeasureData, VisitFact } from './types.ts';

function latestSeen(visits: readonly VisitFact[], at: IsoDate): VisitFact[] {
  let best: VisitFact | undefined;
  for (const v of visits) if (v.seen && v.date <= at && (!best || v.date > best.date)) best = v;
  return best ? [best] : [];
}

/** The facts as the loader reads them for `at`: nothing dated after it, events from its window. */
export function sliceAt(data: MeasureData, at: IsoDate): MeasureData {
  const from = yearTo(at).start;
  const contactsFrom = addMonths(from, -3);
  const children: MeasureChild[] = [];
  for (const c of data.children) {
    if (c.dateOfBirth > at) continue;
    children.push({
      id: c.id,
      dateOfBirth: c.dateOfBirth,
      periods: c.periods.filter((p) => p.start <= at),
      legalStatuses: c.legalStatuses.filter((l) => l.start <= at),
      placements: c.placements.filter((p) => p.start <= at),
      reviews: c.reviews.filter((r) => r.held !== null && r.held >= from && r.held <= at),
      visits: latestSeen(c.visits, at),
      health: c.health.filter((h) => h.date >= from && h.date <= at),
      sdqs: c.sdqs.filter((s) => s.date !== null && s.date >= from && s.date <= at),
      missing: c.missing.filter((m) => m.start <= at && (m.end === null || m.end >= from)),
      leaverContacts: c.leaverContacts.filter((x) => x.date >= contactsFrom && x.date <= at),
      adoptions: c.adoptions.filter((a) => a.decision <= at),
      socialWorkers: c.socialWorkers.filter((a) => a.start <= at),
    });
  }
  return { children, childPopulation: data.childPopulation };
}
