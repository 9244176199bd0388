// The record's summary: who is my social worker and how do I reach them, where do I live, what is
// my legal status, when is my next review. Pure: from the loaded record and today.
import { meaning } from './codes.ts';
import type { ChildRecord } from './recordService.ts';

export interface ChildSummary {
  name: string;
  localId: string;
  dateOfBirth: string;
  socialWorker: {
    name: string;
    email: string | null;
    phone: string | null;
    team: string | null;
  } | null;
  iro: string | null;
  personalAdviser: string | null;
  home: {
    placeType: string;
    placeTypeMeaning: string;
    carer: string | null;
    postcodeDistrict: string | null;
    since: string;
  } | null;
  legalStatus: { code: string; meaning: string; since: string } | null;
  inCare: boolean;
  nextReview: { due: string; status: string } | null;
}

/** 'BD1 1HY' or 'BD11HY' → 'BD1'. */
export function postcodeDistrict(postcode: string | null): string | null {
  if (!postcode) return null;
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? compact.slice(0, -3) : compact;
}

const current = (start: string, end: string | null, today: string) =>
  start <= today && (end === null || end >= today);

export function summarise(record: ChildRecord): ChildSummary {
  const { child, facts, today } = record;
  const open = (role: string) =>
    facts.allocations.find((a) => a.role === role && current(a.start_date, a.end_date, today));
  const sw = open('social_worker');
  const placement = facts.placements.findLast((p) => current(p.start_date, p.end_date, today));
  const legal = facts.legal.findLast((l) => current(l.start_date, l.end_date, today));
  const period = facts.periods.findLast((p) => current(p.start_date, p.end_date, today));
  const review = record.due.find((d) => d.rule === 'lac-review' && d.status !== 'done');
  return {
    name: `${child.preferred_name ?? child.first_name} ${child.last_name}`,
    localId: child.local_id,
    dateOfBirth: child.date_of_birth,
    socialWorker: sw
      ? { name: sw.display_name, email: sw.email, phone: sw.phone, team: sw.team_name }
      : null,
    iro: open('iro')?.display_name ?? null,
    personalAdviser: open('personal_adviser')?.display_name ?? null,
    home: placement
      ? {
          placeType: placement.place_type,
          placeTypeMeaning: meaning('PLACE', placement.place_type) ?? '',
          carer: placement.household_name ?? placement.home_name ?? placement.provider_name,
          postcodeDistrict: postcodeDistrict(placement.postcode),
          since: placement.start_date,
        }
      : null,
    legalStatus: legal
      ? { code: legal.status, meaning: meaning('LS', legal.status) ?? '', since: legal.start_date }
      : null,
    inCare: period !== undefined,
    nextReview: review ? { due: review.due, status: review.status } : null,
  };
}
