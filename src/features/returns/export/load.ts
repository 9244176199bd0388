// Reads the part of the care record a year's 903 return needs, with the shared loader of care rows
// (src/features/carefacts; one set-based query per table, no per-child queries): children with a
// period of care overlapping the year or a care leaver contact in it, all of their care history and
// the year's events.
import { expressionBuilder } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { Database } from '../../../db/schema.ts';
import { collectionYearBounds } from '../../../domain/care/index.ts';
import { loadCareRows } from '../../carefacts/load.ts';
import type { ExportRecord } from './record.ts';

type Trx = Pick<Db, 'selectFrom' | 'getExecutor'>;

export async function loadExportRecord(db: Trx, year: string): Promise<ExportRecord> {
  const { start, end } = collectionYearBounds(year);
  // Children in the return: looked after at some point in the year, or a care leaver contacted in it.
  const eb = expressionBuilder<Database, 'child'>();
  const scope = eb.or([
    eb.exists(
      eb
        .selectFrom('period_of_care as p')
        .select('p.id')
        .whereRef('p.child_id', '=', 'child.id')
        .where('p.start_date', '<=', end)
        .where((w) => w.or([w('p.end_date', 'is', null), w('p.end_date', '>=', start)])),
    ),
    eb.exists(
      eb
        .selectFrom('care_leaver_contact as k')
        .select('k.id')
        .whereRef('k.child_id', '=', 'child.id')
        .where('k.contact_date', '>=', start)
        .where('k.contact_date', '<=', end),
    ),
  ]);
  const inYear = [{ from: start, to: end }];
  const { children, rows } = await loadCareRows(db, scope, {
    periods: [],
    legalStatuses: [],
    placements: [],
    reviews: inYear,
    // Loaded when they overlap the year; the return keeps those starting in it.
    missing: inYear,
    sdqs: [],
    convictions: inYear,
    health: inYear,
    immunisations: [{ to: end }],
    substanceMisuse: inYear,
    adoptions: [],
    previousPermanence: [],
    leaverContacts: inYear,
    socialWorkers: [],
    ownChildren: [],
  });
  // The record's rows, child by child (child.id order), each with its child's id.
  const flat = <R, T>(m: Map<number, R[]>, make: (row: R, childId: number) => T | null): T[] => {
    const out: T[] = [];
    for (const c of children)
      for (const r of m.get(c.id) ?? []) {
        const x = make(r, c.id);
        if (x !== null) out.push(x);
      }
    return out;
  };

  return {
    children: children.map((c) => ({
      id: c.id,
      localId: c.local_id,
      sex: c.sex,
      dateOfBirth: c.date_of_birth,
      ethnicity: c.ethnicity,
      upn: c.upn,
      uasc: c.uasc,
      uascEnd: c.uasc_end,
      homePostcode: c.home_postcode,
    })),
    periods: flat(rows.periods, ([id, start, end, endReason], childId) => ({
      id,
      childId,
      start,
      end,
      endReason,
    })),
    legalStatuses: flat(rows.legalStatuses, ([id, periodId, status, start, end], childId) => ({
      id,
      childId,
      periodId,
      status,
      start,
      end,
    })),
    placements: flat(rows.placements, (p, childId) => ({
      id: p[0],
      childId,
      periodId: p[1],
      placeType: p[2],
      provider: p[3],
      postcode: p[4],
      urn: p[5],
      start: p[6],
      end: p[7],
      reasonForChange: p[8],
      categoryOfNeed: p[9],
      carerRef: p[10],
    })),
    reviews: flat(rows.reviews, ([, held, participation], childId) =>
      held === null ? null : { childId, held, participation },
    ),
    missing: flat(rows.missing, ([, kind, mStart, mEnd], childId) =>
      mStart < start ? null : { childId, kind, start: mStart, end: mEnd },
    ),
    sdq: flat(rows.sdqs, ([date, score, reason], childId) => ({ childId, date, score, reason })),
    convictions: flat(rows.convictions, ([date], childId) => ({ childId, date })),
    health: flat(rows.health, ([kind, date], childId) => ({ childId, kind, date })),
    immunisations: flat(rows.immunisations, ([asAt, upToDate], childId) => ({
      childId,
      asAt,
      upToDate,
    })),
    substance: flat(rows.substanceMisuse, ([date, offered, received], childId) => ({
      childId,
      date,
      offered,
      received,
    })),
    adoptions: flat(rows.adoptions, (a, childId) => ({
      childId,
      decision: a[0],
      matched: a[2],
      reversed: a[5],
      reversedReason: a[6],
      byFosterCarer: a[7],
      adopterCount: a[8],
      adopterSexes: a[9],
      adopterLegalStatus: a[10],
    })),
    prevPerm: flat(rows.previousPermanence, ([prevPerm, date, datePartial, laCode], childId) => ({
      childId,
      prevPerm,
      date,
      datePartial,
      laCode,
    })),
    contacts: flat(rows.leaverContacts, ([date, inTouch, activity, accommodation], childId) => ({
      childId,
      date,
      inTouch,
      activity,
      accommodation,
    })),
    allocations: flat(rows.socialWorkers, ([, swId, aStart, aEnd, endReason], childId) => ({
      childId,
      swId,
      start: aStart,
      end: aEnd,
      endReason,
    })),
    motherhood: flat(rows.ownChildren, ([childDob], childId) => ({ childId, childDob })),
  };
}

/** The carer key deriveEpisodes compares (RNE P vs T): the household or home, else a stored key. */
export function carerRef(p: {
  fostering_household_id: number | null;
  home_id: number | null;
  carer_ref: string | null;
}): string | null {
  if (p.fostering_household_id !== null) return `household:${String(p.fostering_household_id)}`;
  if (p.home_id !== null) return `home:${String(p.home_id)}`;
  return p.carer_ref;
}
