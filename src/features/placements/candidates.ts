// Every option matching considers, read from the record as it stands on the date a placement is
// needed: in-house fostering households (approved places minus placements open that day), the hub
// beds of open Mockingbird constellations (two, minus sleepovers that night), children's homes
// (beds minus placements; in-house or external by the provider), 16+ supported accommodation
// services (places minus the placements linked to the service open that day: placedInService in
// src/features/homes/occupancy.ts), and independent fostering agencies (vacancies not known).
// Costs: the fostering_allowance schedule (allowance + fee for the household's skills level and the
// child's age; the connected-person rate when the level is null), home.weekly_cost, else the
// provider's weekly_fee; null is "not known", never 0.
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { Transaction } from 'kysely';
import { compactPostcode, type Centroid } from '../../domain/geo/distance.ts';
import { ageOn, addDays } from '../../domain/dates/index.ts';
import type { Candidate, ChildThere } from '../../domain/matching/match.ts';
import type { RiskFromChild } from '../../domain/matching/vocabulary.ts';
import { placedInService } from '../homes/occupancy.ts';
import { centroidsFor } from '../postcodes/centroids.ts';

type Q = Db | Transaction<Database>;

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

export interface CandidateSet {
  candidates: Candidate[];
  centroids: Map<string, Centroid>;
}

interface Allowance {
  age_from: number;
  age_to: number;
  skills_level: number | null;
  weekly_allowance: number;
  weekly_fee: number;
  valid_from: string;
}

/** The schedule's weekly allowance + fee for a level and age on `today` (latest valid_from wins). */
export function fosteringCost(
  schedule: readonly Allowance[],
  level: number | null,
  age: number,
  today: string,
): { cost: number | null; basis: string } {
  let best: Allowance | undefined;
  for (const a of schedule)
    if (
      a.valid_from <= today &&
      a.skills_level === level &&
      age >= a.age_from &&
      age <= a.age_to &&
      (!best || a.valid_from > best.valid_from)
    )
      best = a;
  const which = level === null ? 'connected-person rate' : `skills level ${String(level)}`;
  if (!best)
    return {
      cost: null,
      basis: `no allowance in the schedule for the ${which}, age ${String(age)}`,
    };
  return {
    cost: best.weekly_allowance + best.weekly_fee,
    basis: `allowance £${String(best.weekly_allowance)} + fee £${String(best.weekly_fee)}, ${which}, ages ${String(best.age_from)}–${String(best.age_to)}`,
  };
}

function district(postcode: string | null): string | null {
  const c = postcode ? compactPostcode(postcode) : null;
  return c ? c.slice(0, -3) : null;
}

/** Candidates for a child of `childAge` needed on `dateNeeded`, plus the centroids of `extraPostcodes`. */
export async function loadCandidates(
  db: Q,
  dateNeeded: string,
  childAge: number,
  today: string,
  extraPostcodes: readonly (string | null)[],
): Promise<CandidateSet> {
  const [households, homes, agencies, placed, hubs, sleepovers, schedule, profiles, supported] =
    await Promise.all([
      db
        .selectFrom('fostering_household')
        .select([
          'id',
          'name',
          'status',
          'approved_places',
          'age_min',
          'age_max',
          'skills_level',
          'postcode',
        ])
        .where('approval_type', '=', 'mainstream')
        .where('status', 'in', ['approved', 'reg24', 'on_hold'])
        .orderBy('id')
        .execute(),
      db
        .selectFrom('home')
        .innerJoin('provider', 'provider.id', 'home.provider_id')
        .select([
          'home.id',
          'home.name',
          'home.beds',
          'home.postcode',
          'home.closed_on',
          'home.weekly_cost',
          'provider.kind',
          'provider.name as provider_name',
          'provider.weekly_fee',
        ])
        .orderBy('home.id')
        .execute(),
      db
        .selectFrom('provider')
        .select(['id', 'name', 'postcode', 'weekly_fee'])
        .where('kind', '=', 'ifa')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('placement')
        .innerJoin('child', 'child.id', 'placement.child_id')
        .select([
          'placement.child_id',
          'placement.fostering_household_id',
          'placement.home_id',
          'placement.supported_accommodation_id',
          'child.date_of_birth',
        ])
        .where('placement.start_date', '<=', dateNeeded)
        .where((eb) =>
          eb.or([eb('placement.end_date', 'is', null), eb('placement.end_date', '>', dateNeeded)]),
        )
        .where((eb) =>
          eb.or([
            eb('placement.fostering_household_id', 'is not', null),
            eb('placement.home_id', 'is not', null),
            eb('placement.supported_accommodation_id', 'is not', null),
          ]),
        )
        .execute(),
      db
        .selectFrom('mockingbird_constellation')
        .select(['id', 'name', 'hub_household_id'])
        .where('opened_on', '<=', dateNeeded)
        .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', dateNeeded)]))
        .orderBy('id')
        .execute(),
      db
        .selectFrom('mockingbird_sleepover')
        .select(['constellation_id', 'start_date', 'nights'])
        .where('start_date', '<=', dateNeeded)
        .where('start_date', '>', addDays(dateNeeded, -60))
        .execute(),
      db
        .selectFrom('fostering_allowance')
        .select([
          'age_from',
          'age_to',
          'skills_level',
          'weekly_allowance',
          'weekly_fee',
          'valid_from',
        ])
        .execute(),
      db.selectFrom('match_profile').select(['option_key', 'languages', 'religions']).execute(),
      db
        .selectFrom('supported_accommodation as sa')
        .innerJoin('provider', 'provider.id', 'sa.provider_id')
        .select([
          'sa.id',
          'sa.name',
          'sa.postcode',
          'sa.places',
          'sa.closed_on',
          'provider.name as provider_name',
          'provider.weekly_fee',
        ])
        .select(placedInService('sa', dateNeeded).as('placed'))
        .orderBy('sa.id')
        .execute(),
    ]);

  // Risks from the children already placed, from their latest placement request.
  const placedIds = [...new Set(placed.map((p) => p.child_id))];
  const risks = new Map<number, RiskFromChild[]>();
  if (placedIds.length > 0) {
    const rows = await db
      .selectFrom('placement_request')
      .select(['child_id', 'risks_from_child'])
      .where('child_id', 'in', placedIds)
      .orderBy('id')
      .execute();
    for (const r of rows) risks.set(r.child_id, r.risks_from_child as RiskFromChild[]);
  }
  const byHousehold = new Map<number, ChildThere[]>();
  const byHome = new Map<number, ChildThere[]>();
  const byService = new Map<number, ChildThere[]>();
  for (const p of placed) {
    const there: ChildThere = {
      age: p.date_of_birth <= dateNeeded ? ageOn(p.date_of_birth, dateNeeded) : 0,
      risksFromChild: risks.get(p.child_id) ?? [],
    };
    const [map, id] =
      p.fostering_household_id !== null
        ? [byHousehold, p.fostering_household_id]
        : p.home_id !== null
          ? [byHome, p.home_id]
          : [byService, p.supported_accommodation_id ?? 0];
    const list = map.get(id);
    if (list) list.push(there);
    else map.set(id, [there]);
  }
  const profile = new Map(profiles.map((p) => [p.option_key, p]));
  const langs = (key: string) => profile.get(key)?.languages ?? null;
  const religions = (key: string) => profile.get(key)?.religions ?? null;

  const centroids = await centroidsFor(db, [
    ...households.map((h) => h.postcode),
    ...homes.map((h) => h.postcode),
    ...agencies.map((a) => a.postcode),
    ...supported.map((s) => s.postcode),
    ...extraPostcodes,
  ]);
  const centroidOf = (postcode: string | null): Centroid | null => {
    const c = postcode ? compactPostcode(postcode) : null;
    return c ? (centroids.get(c) ?? null) : null;
  };

  const candidates: Candidate[] = [];
  const householdById = new Map(households.map((h) => [h.id, h]));
  for (const h of households) {
    const there = byHousehold.get(h.id) ?? [];
    const cost = fosteringCost(schedule, h.skills_level, childAge, today);
    const key = `household:${String(h.id)}`;
    candidates.push({
      key,
      kind: 'in_house_fostering',
      name: h.name,
      offers: 'foster',
      approved: h.status === 'approved' || h.status === 'reg24',
      freePlaces: Math.max(0, h.approved_places - there.length),
      capacityNote: `${plural(h.approved_places, 'approved place', 'approved places')}, ${plural(there.length, 'child', 'children')} placed`,
      ageMin: h.age_min,
      ageMax: h.age_max,
      skillsLevel: h.skills_level,
      postcodeDistrict: district(h.postcode),
      centroid: centroidOf(h.postcode),
      languages: langs(key),
      religions: religions(key),
      childrenThere: there,
      weeklyCost: cost.cost,
      costBasis: cost.basis,
    });
  }
  for (const c of hubs) {
    const h = householdById.get(c.hub_household_id);
    if (!h) continue;
    const used = sleepovers.filter(
      (s) => s.constellation_id === c.id && addDays(s.start_date, s.nights) > dateNeeded,
    ).length;
    const cost = fosteringCost(schedule, h.skills_level, childAge, today);
    const key = `household:${String(h.id)}`;
    candidates.push({
      key: `hub:${String(c.id)}`,
      kind: 'mockingbird_hub',
      name: `${c.name} hub (${h.name})`,
      offers: 'foster',
      approved: h.status === 'approved',
      freePlaces: Math.max(0, 2 - used),
      capacityNote: `2 hub beds, ${plural(used, 'sleepover', 'sleepovers')} that night`,
      ageMin: h.age_min,
      ageMax: h.age_max,
      skillsLevel: h.skills_level,
      postcodeDistrict: district(h.postcode),
      centroid: centroidOf(h.postcode),
      languages: langs(key),
      religions: religions(key),
      childrenThere: byHousehold.get(h.id) ?? [],
      weeklyCost: cost.cost,
      costBasis: `the hub household’s ${cost.basis}`,
    });
  }
  for (const h of homes) {
    const there = byHome.get(h.id) ?? [];
    const key = `home:${String(h.id)}`;
    candidates.push({
      key,
      kind: h.kind === 'in_house' ? 'in_house_home' : 'external_home',
      name: h.kind === 'in_house' ? h.name : `${h.name} (${h.provider_name})`,
      offers: 'residential',
      approved: h.closed_on === null || h.closed_on > dateNeeded,
      freePlaces: Math.max(0, h.beds - there.length),
      capacityNote: `${plural(h.beds, 'bed', 'beds')}, ${plural(there.length, 'child', 'children')} placed`,
      ageMin: null,
      ageMax: null,
      skillsLevel: null,
      postcodeDistrict: district(h.postcode),
      centroid: centroidOf(h.postcode),
      languages: langs(key),
      religions: religions(key),
      childrenThere: there,
      weeklyCost: h.weekly_cost ?? h.weekly_fee,
      costBasis:
        h.weekly_cost !== null
          ? 'the home’s usual weekly price'
          : h.weekly_fee !== null
            ? 'the provider’s usual weekly fee'
            : 'no price recorded for the home or its provider',
    });
  }
  for (const s of supported) {
    const key = `supported:${String(s.id)}`;
    candidates.push({
      key,
      kind: 'supported_accommodation',
      name: `${s.name} (${s.provider_name})`,
      offers: 'supported',
      approved: s.closed_on === null || s.closed_on > dateNeeded,
      freePlaces: Math.max(0, s.places - s.placed),
      capacityNote: `${plural(s.places, 'place', 'places')}, ${plural(s.placed, 'young person', 'young people')} placed there`,
      ageMin: null,
      ageMax: null,
      skillsLevel: null,
      postcodeDistrict: district(s.postcode),
      centroid: centroidOf(s.postcode),
      languages: langs(key),
      religions: religions(key),
      // The young people living there now (placements linked to the service), with their risks.
      childrenThere: byService.get(s.id) ?? [],
      weeklyCost: s.weekly_fee,
      costBasis:
        s.weekly_fee !== null
          ? 'the provider’s usual weekly fee'
          : 'no fee recorded for the provider',
    });
  }
  for (const a of agencies) {
    const key = `provider:${String(a.id)}`;
    candidates.push({
      key,
      kind: 'ifa',
      name: a.name,
      offers: 'foster',
      approved: true,
      freePlaces: null,
      capacityNote: 'the agency’s vacancies are not recorded; ask the agency',
      ageMin: null,
      ageMax: null,
      skillsLevel: null,
      postcodeDistrict: district(a.postcode),
      centroid: centroidOf(a.postcode),
      languages: langs(key),
      religions: religions(key),
      childrenThere: [],
      weeklyCost: a.weekly_fee,
      costBasis:
        a.weekly_fee !== null ? 'the agency’s usual weekly fee' : 'no fee recorded for the agency',
    });
  }
  return { candidates, centroids };
}
