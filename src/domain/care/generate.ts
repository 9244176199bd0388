// Seeded random care histories that are valid by checkFacts(): for the round-trip property test
// and the episode benchmark. Shapes are plausible, not calibrated (the demo authority is elsewhere):
// 1–3 periods of care, ending at home, at 18 or still open; changes of legal status, of placement
// (new carers, the same carers, temporary placements), records that change nothing, a change of
// category of need, short breaks under V3, a period that ends the day it starts, and a placement
// change on the day care ends.
import { birthdayAt, fromDayNumber, toDayNumber } from '../dates/index.ts';
import type { CareFacts, LegalStatusPeriod, PeriodOfCare, PlacementPeriod } from './facts.ts';

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Place {
  placeType: string;
  provider: string | null;
  postcode: string | null;
  urn: string | null;
  carerRef: string;
}

const STATUSES = ['V2', 'C1', 'C2', 'E1', 'J2', 'L1'];
const NEEDS = ['N1', 'N1', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'];
const REASONS = [
  'CARPL',
  'CLOSE',
  'ALLEG',
  'STAND',
  'APPRR',
  'CREQB',
  'CREQO',
  'CHILD',
  'LAREQ',
  'PLACE',
  'OTHER',
];
const LEFT_HOME = ['E4A', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E48', 'E11', 'E3', 'E8'];
const LEFT_AT_18 = ['E17', 'E5', 'E6', 'E8'];
const POOL: Place[] = [
  {
    placeType: 'U4',
    provider: 'PR1',
    postcode: 'BD5 0AA',
    urn: 'SC900001',
    carerRef: 'household:1',
  },
  {
    placeType: 'U4',
    provider: 'PR1',
    postcode: 'BD5 0AA',
    urn: 'SC900001',
    carerRef: 'household:2',
  },
  {
    placeType: 'U1',
    provider: 'PR1',
    postcode: 'BD9 6TX',
    urn: 'SC900001',
    carerRef: 'household:3',
  },
  {
    placeType: 'U6',
    provider: 'PR4',
    postcode: 'HX1 2PQ',
    urn: 'SC900777',
    carerRef: 'household:4',
  },
  { placeType: 'R1', provider: 'PR4', postcode: 'LS12 3AB', urn: 'SC555555', carerRef: 'home:1' },
  { placeType: 'K2', provider: 'PR1', postcode: 'BD2 4RR', urn: 'SC333333', carerRef: 'home:2' },
  { placeType: 'P1', provider: 'PR0', postcode: 'BD7 1AY', urn: 'XXXXXXX', carerRef: 'parent:1' },
  { placeType: 'H5', provider: 'PR5', postcode: 'WF1 1AA', urn: 'XXXXXXX', carerRef: 'home:3' },
];
const COLLECTION_END = toDayNumber('2026-03-31');

export function generateCareFacts(random: () => number, childId: string): CareFacts {
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const dob = toDayNumber('2006-01-01') + int(17 * 365);
  const dateOfBirth = fromDayNumber(dob);
  const eighteen = toDayNumber(birthdayAt(dateOfBirth, 18));
  const limit = Math.min(COLLECTION_END, eighteen);
  const periods: PeriodOfCare[] = [];
  const legalStatuses: LegalStatusPeriod[] = [];
  const placements: PlacementPeriod[] = [];
  let nextId = 1;

  let cursor = dob + int(15 * 365);
  const wanted = random() < 0.7 ? 1 : random() < 0.75 ? 2 : 3;
  for (let p = 0; p < wanted && cursor < limit; p++) {
    const start = cursor;
    const shortBreak = random() < 0.05;
    let end: number | null;
    if (shortBreak) end = Math.min(start + 1 + int(3), limit);
    else if (random() < 0.03) end = start;
    else {
      end = start + 30 + int(1500);
      if (end >= limit) end = limit === eighteen ? eighteen : null; // care ends at 18 at the latest
    }
    const period: PeriodOfCare = {
      id: nextId++,
      start: fromDayNumber(start),
      end: end === null ? null : fromDayNumber(end),
      endReason:
        end === null
          ? null
          : shortBreak
            ? 'E4A'
            : end === eighteen
              ? pick(LEFT_AT_18)
              : pick(LEFT_HOME),
    };
    periods.push(period);

    // Change dates strictly inside the period.
    const horizon = end ?? COLLECTION_END;
    const changes = new Set<number>();
    if (!shortBreak && horizon - start >= 2) {
      while (random() < 0.66 && changes.size < 8) changes.add(start + 1 + int(horizon - start - 1));
    }
    const ls: { status: string; start: number }[] = [
      { status: shortBreak ? 'V3' : pick(STATUSES), start },
    ];
    let place: Place = pick(POOL);
    let need = pick(NEEDS);
    const pl: { place: Place; need: string; start: number }[] = [{ place, need, start }];
    for (const d of [...changes].sort((a, b) => a - b)) {
      const r = random();
      const legalChange = r < 0.35 || r >= 0.8;
      const placementChange = r >= 0.35;
      const status = (ls[ls.length - 1] as { status: string }).status;
      if (legalChange) {
        let next = pick(STATUSES);
        while (next === status) next = pick(STATUSES);
        ls.push({ status: next, start: d });
      } else if (random() < 0.05) ls.push({ status, start: d }); // a record that changes nothing
      if (placementChange) {
        const s = random();
        if (s < 0.15)
          place = { ...place, placeType: place.placeType === 'U4' ? 'U5' : 'U4', urn: 'SC900002' };
        else if (s < 0.23) place = { ...pick(POOL), placeType: 'T1', carerRef: `temporary:${d}` };
        else {
          let next = pick(POOL);
          while (next.carerRef === place.carerRef) next = pick(POOL);
          place = next;
        }
        pl.push({ place, need, start: d });
      } else if (random() < 0.1) {
        need = pick(NEEDS);
        pl.push({ place, need, start: d }); // category of need changes with the legal status
      } else if (random() < 0.05) pl.push({ place, need, start: d });
    }
    if (!shortBreak && end !== null && end > start && random() < 0.03)
      pl.push({ place: pick(POOL), need, start: end });

    ls.forEach((row, i) => {
      const until = ls[i + 1]?.start ?? end;
      legalStatuses.push({
        id: nextId++,
        periodOfCareId: period.id,
        status: row.status,
        start: fromDayNumber(row.start),
        end: until === null ? null : fromDayNumber(until),
      });
    });
    pl.forEach((row, i) => {
      const following = pl[i + 1];
      const until = following?.start ?? end;
      placements.push({
        id: nextId++,
        periodOfCareId: period.id,
        ...row.place,
        start: fromDayNumber(row.start),
        end: until === null ? null : fromDayNumber(until),
        reasonForChange: following ? pick(REASONS) : null,
        categoryOfNeed: row.need,
      });
    });
    if (end === null) break;
    cursor = end + 1 + int(700);
  }
  return { childId, dateOfBirth, periods, legalStatuses, placements };
}
