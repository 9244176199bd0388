// Loads everything the measures (src/domain/measures) need for the whole authority as of `at`, in a
// fixed number of set-based queries (14, whatever the number of children), each table grouped by
// child in SQL as a JSON array per child; loadMeasureFacts does the same once for several dates (trends). Facts dated after `at` are not loaded (a period, placement or allocation starting after
// it, a review held after it ...); facts that end after `at` are loaded as they are, and the
// measures read them as open on `at`.
//
// Placement location: outsideAuthority comes from the authority's postcodes (table local_postcode,
// loaded by `hearth local-postcodes`): null when the placement has no postcode or no boundary is
// loaded. Distance in miles comes from the `miles` function the caller passes (the CLI uses the
// bundled ONS postcode extract for the demo area); without one, every distance is "not known".
import type { Db } from '../../db/connect.ts';
import type { IsoDate, LegalStatusPeriod, PeriodOfCare } from '../../domain/care/index.ts';
import { addDays, addMonths } from '../../domain/dates/index.ts';
import { loadCareRows } from '../carefacts/load.ts';
import {
  yearTo,
  type AdoptionFact,
  type AllocationFact,
  type HealthFact,
  type LeaverContact,
  type MeasureChild,
  type MeasureData,
  type MeasurePlacement,
  type MissingFact,
  type ReviewFact,
  type SdqFact,
  type VisitFact,
} from '../../domain/measures/index.ts';

/** The setting that holds the authority's population aged 0–17 (ONS mid-year estimate). */
export const POPULATION_SETTING = 'measures.child_population';

export interface LoadMeasureOptions {
  /** Straight-line miles between two postcodes, or null when either is not known. */
  miles?: (from: string, to: string) => number | null;
  /** Overrides the population setting (e.g. `hearth measures --population`). */
  childPopulation?: number | null;
}

const NONE: never[] = [];

/** Parses the population setting: a whole number ≥ 0, else null. */
export function parsePopulation(text: string | undefined | null): number | null {
  if (text == null || !/^\s*\d+\s*$/.test(text)) return null;
  return Number(text);
}

/** Everything the measures need on `at`, in 14 set-based queries. */
export async function loadMeasureData(
  db: Db,
  at: IsoDate,
  options: LoadMeasureOptions = {},
): Promise<MeasureData> {
  // For one date the queries already read exactly what sliceAt would keep (visits: the measure
  // takes the latest seen one itself), so no second pass is needed.
  return loadMeasureFacts(db, [at], options);
}

/**
 * The facts for working out the measures on each of `dates` (at least one), loaded once: cut them
 * for one date with sliceAt (src/domain/measures/slice.ts). Used for trends.
 */
export async function loadMeasureFacts(
  db: Db,
  dates: readonly IsoDate[],
  options: LoadMeasureOptions = {},
): Promise<MeasureData> {
  const sorted = [...dates].sort();
  const first = sorted[0];
  const at = sorted.at(-1);
  if (first === undefined || at === undefined) throw new Error('loadMeasureFacts: no dates');
  // Dated events are loaded only as far back as a measure reads them: the twelve months to the
  // earliest date (care leaver contacts from 3 months before that window, for birthdays early in
  // it). Visits: only seen visits in the 92 days up to each date, since the visits measure only
  // counts a last visit no more than 91 days old.
  const from = yearTo(first).start;
  const contactsFrom = addMonths(from, -3);
  // Each table comes back as one JSON array per child (src/features/carefacts), mapped straight
  // into the objects MeasureChild wants.
  const hasBoundary =
    (await db.selectFrom('local_postcode').select('postcode').limit(1).executeTakeFirst()) !==
    undefined;
  const upTo = [{ to: at }];
  const inYear = [{ from, to: at }];
  const [{ children, rows }, population] = await Promise.all([
    loadCareRows(db, 'all', {
      periods: upTo,
      legalStatuses: upTo,
      placements: upTo,
      reviews: inYear,
      visits: sorted.map((d) => ({ from: addDays(d, -92), to: d })),
      health: inYear,
      sdqs: inYear,
      missing: inYear,
      leaverContacts: [{ from: contactsFrom, to: at }],
      adoptions: upTo,
      socialWorkers: upTo,
    }),
    db
      .selectFrom('setting')
      .select('value')
      .where('key', '=', POPULATION_SETTING)
      .executeTakeFirst(),
  ]);
  const miles = options.miles;
  const out: MeasureChild[] = [];
  for (const c of children) {
    if (c.date_of_birth > at) continue;
    const id = c.id;
    const home = c.home_postcode;
    const placements = (rows.placements.get(id) ?? NONE).map((f): MeasurePlacement => ({
      id: f[0],
      periodOfCareId: f[1],
      placeType: f[2],
      provider: f[3],
      postcode: f[4],
      urn: f[5],
      start: f[6],
      end: f[7],
      reasonForChange: f[8],
      categoryOfNeed: f[9],
      carerRef: f[10],
      miles: miles && home && f[4] ? miles(home, f[4]) : null,
      outsideAuthority: hasBoundary ? f[11] : null,
      intendedTo18: f[12],
      weeklyCost: f[15],
    }));
    out.push({
      id: c.local_id,
      dateOfBirth: c.date_of_birth,
      periods: (rows.periods.get(id) ?? NONE).map((f): PeriodOfCare => ({
        id: f[0],
        start: f[1],
        end: f[2],
        endReason: f[3],
      })),
      legalStatuses: (rows.legalStatuses.get(id) ?? NONE).map((f): LegalStatusPeriod => ({
        id: f[0],
        periodOfCareId: f[1],
        status: f[2],
        start: f[3],
        end: f[4],
      })),
      placements,
      reviews: (rows.reviews.get(id) ?? NONE).map((f): ReviewFact => ({
        due: f[0],
        held: f[1],
        participation: f[2],
      })),
      // Only seen visits: the measure takes the latest seen one.
      visits: (rows.visits.get(id) ?? NONE).flatMap((f): VisitFact[] =>
        f[1] ? [{ date: f[0], seen: true }] : [],
      ),
      health: (rows.health.get(id) ?? NONE).map((f): HealthFact => ({ kind: f[0], date: f[1] })),
      sdqs: (rows.sdqs.get(id) ?? NONE).map((f): SdqFact => ({ date: f[0], score: f[1] })),
      missing: (rows.missing.get(id) ?? NONE).map((f): MissingFact => ({
        kind: f[1],
        start: f[2],
        end: f[3],
        interviewOffered: f[4],
      })),
      leaverContacts: (rows.leaverContacts.get(id) ?? NONE).map((f): LeaverContact => ({
        date: f[0],
        inTouch: f[1],
        activity: f[2],
        accommodation: f[3],
      })),
      adoptions: (rows.adoptions.get(id) ?? NONE).map((f): AdoptionFact => ({
        decision: f[0],
        placementOrder: f[1],
        matched: f[2],
        placed: f[3],
        orderGranted: f[4],
        reversed: f[5],
        byFosterCarer: f[7],
      })),
      socialWorkers: (rows.socialWorkers.get(id) ?? NONE).map((f): AllocationFact => ({
        workerId: f[0],
        start: f[2],
        end: f[3],
      })),
    });
  }
  return {
    children: out,
    childPopulation:
      options.childPopulation !== undefined
        ? options.childPopulation
        : parsePopulation(population?.value),
  };
}

/** The earliest start of a period of care in the record, or null when there is none. */
export async function earliestCare(db: Db): Promise<IsoDate | null> {
  const r = await db
    .selectFrom('period_of_care')
    .select((eb) => eb.fn.min('start_date').as('first'))
    .executeTakeFirst();
  return r?.first ?? null;
}
