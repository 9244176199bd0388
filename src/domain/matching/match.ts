// Explainable placement matching: every candidate option is either excluded, with each reason in
// words, or scored as the sum of factors, each with its points, its maximum and a sentence saying
// why. Pure: the candidates (with their free places, costs and centroids) and the request are given;
// nothing is read from a clock or a database. Points are whole numbers so a page and the API agree.
import { milesBetween, type Centroid } from '../geo/distance.ts';
import {
  placeTypes,
  requiredSkillsLevel,
  risksFromChild as riskFromWords,
  type NeedCode,
  type PlaceTypeSought,
  type RiskFromChild,
  type RiskToChild,
} from './vocabulary.ts';

export interface MatchRequest {
  /** The child's age on the date the placement is needed. */
  childAge: number;
  emergency: boolean;
  placeTypes: readonly PlaceTypeSought[];
  /** Children to be placed together, this child included (1 when no siblings). */
  childrenTogether: number;
  needs: readonly NeedCode[];
  risksToChild: readonly RiskToChild[];
  risksFromChild: readonly RiskFromChild[];
  /** Languages the child speaks besides English (lower case); empty when none. */
  languages: readonly string[];
  /** The child's religion or culture to be kept (lower case), or null. */
  religion: string | null;
  /** Centroid of the child's home postcode, null when not known. */
  home: Centroid | null;
  /** Centroid of the school to keep; null when there is no school to keep (or it is not known). */
  school: Centroid | null;
  /** Places to be near (family, place of worship): their centroids. */
  near: readonly Centroid[];
  /** Postcode districts to avoid (outward codes, upper case: 'BD3'). */
  avoidDistricts: readonly string[];
}

export type CandidateKind =
  | 'in_house_fostering'
  | 'mockingbird_hub'
  | 'in_house_home'
  | 'external_home'
  | 'supported_accommodation'
  | 'ifa';

export const candidateKinds: Record<CandidateKind, string> = {
  in_house_fostering: 'In-house fostering household',
  mockingbird_hub: 'Mockingbird hub bed',
  in_house_home: 'In-house children’s home',
  external_home: 'External children’s home',
  supported_accommodation: 'Supported accommodation (16+)',
  ifa: 'Independent fostering agency',
};

export interface ChildThere {
  age: number;
  risksFromChild: readonly RiskFromChild[];
}

export interface Candidate {
  /** Stable key: 'household:12', 'hub:3', 'home:5', 'supported:4', 'provider:7'. */
  key: string;
  kind: CandidateKind;
  name: string;
  offers: PlaceTypeSought;
  /** For households: approved (or under Regulation 24 temporary approval). Homes, services: open. */
  approved: boolean;
  /** Free places on the date needed; null when not known (an agency's vacancies). */
  freePlaces: number | null;
  /** How free places were worked out, in words ("2 approved places, 1 child placed"). */
  capacityNote: string;
  ageMin: number | null;
  ageMax: number | null;
  skillsLevel: number | null;
  postcodeDistrict: string | null;
  centroid: Centroid | null;
  /** Languages spoken (lower case); null when not recorded. */
  languages: readonly string[] | null;
  religions: readonly string[] | null;
  childrenThere: readonly ChildThere[];
  /** Whole pounds a week; null when not known. */
  weeklyCost: number | null;
  /** Where the cost comes from, in words. */
  costBasis: string;
}

export interface Factor {
  id: FactorId;
  label: string;
  points: number;
  max: number;
  explanation: string;
}

export type FactorId =
  | 'distance_home'
  | 'distance_school'
  | 'near'
  | 'capacity_age'
  | 'skills'
  | 'siblings'
  | 'language'
  | 'religion'
  | 'compatibility'
  | 'cost';

export interface Match {
  candidate: Candidate;
  score: number;
  max: number;
  factors: Factor[];
}

export interface Exclusion {
  candidate: Candidate;
  reasons: string[];
}

export interface MatchResult {
  requiredLevel: number;
  ranked: Match[];
  excluded: Exclusion[];
}

const miles = (m: number): string => `${m < 10 ? m.toFixed(1) : String(Math.round(m))} miles`;
/** '£5,000' (by hand: Intl formatting is slow in a loop over thousands of options). */
const pounds = (n: number): string =>
  `£${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** Points falling linearly from `max` at `best` or better to 0 at `worst` or beyond. */
export function slide(value: number, best: number, worst: number, max: number): number {
  if (value <= best) return max;
  if (value >= worst) return 0;
  return Math.round((max * (worst - value)) / (worst - best));
}

function district(postcodeDistrict: string | null): string | null {
  return postcodeDistrict === null ? null : postcodeDistrict.toUpperCase();
}

/** Every reason the candidate cannot be offered for this request (empty: it can). */
export function exclusions(req: MatchRequest, c: Candidate): string[] {
  const out: string[] = [];
  if (!req.placeTypes.includes(c.offers))
    out.push(`${placeTypes[c.offers]} is not a type of place sought`);
  if (!c.approved)
    out.push(
      c.kind === 'in_house_fostering' || c.kind === 'mockingbird_hub'
        ? 'The household is not approved to foster'
        : c.kind === 'supported_accommodation'
          ? 'The service is closed'
          : 'The home is closed',
    );
  if (c.freePlaces !== null && c.freePlaces <= 0) out.push(`No free place: ${c.capacityNote}`);
  else if (c.freePlaces !== null && c.freePlaces < req.childrenTogether)
    out.push(
      `Cannot take the ${String(req.childrenTogether)} children to be placed together: ${c.capacityNote}`,
    );
  if (c.offers === 'supported') {
    // The law, not the service, sets the age range: a looked-after young person of 16 or 17.
    if (req.childAge < 16)
      out.push(
        `Supported accommodation is only for young people aged 16 or 17; the child will be ${String(req.childAge)}`,
      );
    else if (req.childAge >= 18)
      out.push(
        `Supported accommodation is a placement for looked-after young people aged 16 or 17; the young person will be ${String(req.childAge)}`,
      );
  } else if (
    c.ageMin !== null &&
    c.ageMax !== null &&
    (req.childAge < c.ageMin || req.childAge > c.ageMax)
  )
    out.push(
      `Outside the age range: approved for ${String(c.ageMin)} to ${String(c.ageMax)}, the child will be ${String(req.childAge)}`,
    );
  const d = district(c.postcodeDistrict);
  if (d !== null && req.avoidDistricts.includes(d)) out.push(`In an area to avoid (${d})`);
  if (c.kind === 'mockingbird_hub' && !req.emergency)
    out.push(
      'Mockingbird hub beds are kept for sleepovers and emergencies; this request is planned',
    );
  if (req.needs.includes('sole_placement') && c.childrenThere.length > 0)
    out.push(
      `The child needs to be the only child placed; ${String(c.childrenThere.length)} already live there`,
    );
  return out;
}

function distanceFactor(
  id: 'distance_home' | 'distance_school',
  label: string,
  from: Centroid | null,
  c: Candidate,
  max: number,
  best: number,
  worst: number,
  what: string,
): Factor {
  if (from === null || c.centroid === null)
    return {
      id,
      label,
      points: 0,
      max,
      explanation: `Distance from ${what} not known (${from === null ? `no postcode for ${what}` : 'no postcode for the place'})`,
    };
  const m = milesBetween(from, c.centroid);
  return {
    id,
    label,
    points: slide(m, best, worst, max),
    max,
    explanation: `${miles(m)} from ${what} (full points within ${String(best)} miles, none beyond ${String(worst)})`,
  };
}

function compatibility(req: MatchRequest, c: Candidate): Factor {
  const concerns: string[] = [];
  let points = 0;
  const youngest = c.childrenThere.reduce((m, k) => Math.min(m, k.age), Infinity);
  const harms = req.risksFromChild.filter((r) => r !== 'harm_to_animals');
  if (harms.length > 0 && youngest < 10) {
    points -= 20;
    concerns.push(
      `the child presents a risk (${harms.map((r) => riskFromWords[r].toLowerCase()).join(', ')}) and a child aged ${String(youngest)} already lives there`,
    );
  }
  const exploited = req.risksToChild.some((r) => r === 'cse' || r === 'cce');
  const exploiter = c.childrenThere.some((k) =>
    k.risksFromChild.includes('criminal_exploitation_of_others'),
  );
  if (exploited && exploiter) {
    points -= 20;
    concerns.push(
      'the child is at risk of exploitation and a child already there may draw others into it',
    );
  }
  const risky = c.childrenThere.filter((k) =>
    k.risksFromChild.some((r) => r !== 'harm_to_animals'),
  );
  if (req.childAge < 10 && risky.length > 0) {
    points -= 20;
    concerns.push(
      `the child is ${String(req.childAge)} and ${String(risky.length)} child${risky.length === 1 ? '' : 'ren'} already there present a risk to others`,
    );
  }
  const explanation =
    concerns.length > 0
      ? `Concern: ${concerns.join('; ')}`
      : c.childrenThere.length === 0
        ? 'No other children live there'
        : `No known concern with the ${String(c.childrenThere.length)} child${c.childrenThere.length === 1 ? '' : 'ren'} already there`;
  return { id: 'compatibility', label: 'Children already there', points, max: 0, explanation };
}

function sharedFactor(
  id: 'language' | 'religion',
  label: string,
  wanted: readonly string[],
  offered: readonly string[] | null,
  max: number,
): Factor {
  if (wanted.length === 0)
    return { id, label, points: 0, max: 0, explanation: `No ${label.toLowerCase()} need recorded` };
  if (offered === null)
    return { id, label, points: 0, max, explanation: `Not recorded for the place` };
  const shared = wanted.filter((w) => offered.includes(w));
  return shared.length > 0
    ? { id, label, points: max, max, explanation: `Shares ${shared.join(', ')}` }
    : { id, label, points: 0, max, explanation: `Does not share ${wanted.join(', ')}` };
}

/** The factors of a candidate that is not excluded, in a fixed order. */
export function factors(req: MatchRequest, c: Candidate, requiredLevel: number): Factor[] {
  const out: Factor[] = [];
  out.push(distanceFactor('distance_home', 'Distance from home', req.home, c, 25, 5, 50, 'home'));
  out.push(
    req.school === null
      ? {
          id: 'distance_school',
          label: 'Distance from school',
          points: 0,
          max: 0,
          explanation: 'No school to keep',
        }
      : distanceFactor(
          'distance_school',
          'Distance from school',
          req.school,
          c,
          15,
          10,
          30,
          'school',
        ),
  );
  if (req.near.length === 0)
    out.push({
      id: 'near',
      label: 'Places to be near',
      points: 0,
      max: 0,
      explanation: 'None given',
    });
  else if (c.centroid === null)
    out.push({
      id: 'near',
      label: 'Places to be near',
      points: 0,
      max: 5,
      explanation: 'Not known (no postcode for the place)',
    });
  else {
    const centroid = c.centroid;
    const nearest = req.near.reduce((m, p) => Math.min(m, milesBetween(p, centroid)), Infinity);
    out.push({
      id: 'near',
      label: 'Places to be near',
      points: slide(nearest, 5, 25, 5),
      max: 5,
      explanation: `Nearest is ${miles(nearest)} away`,
    });
  }
  const ageKnown = c.ageMin !== null && c.ageMax !== null;
  const capKnown = c.freePlaces !== null;
  out.push({
    id: 'capacity_age',
    label: 'Capacity and age range',
    points: (ageKnown ? 5 : 0) + (capKnown ? 5 : 0),
    max: 10,
    explanation: `${capKnown ? `Free place: ${c.capacityNote}` : `Vacancy not known: ${c.capacityNote}`}; ${ageKnown ? `age range ${String(c.ageMin)} to ${String(c.ageMax)} fits` : 'age range not recorded'}`,
  });
  let skills: Factor;
  if (c.skillsLevel === null)
    skills =
      c.offers === 'residential'
        ? {
            id: 'skills',
            label: 'Skills against needs',
            points: requiredLevel >= 3 ? 15 : 10,
            max: 15,
            explanation: `A staffed home (needs call for level ${String(requiredLevel)})`,
          }
        : {
            id: 'skills',
            label: 'Skills against needs',
            points: 0,
            max: 15,
            explanation: `Skills level not known (needs call for level ${String(requiredLevel)})`,
          };
  else {
    const gap = requiredLevel - c.skillsLevel;
    skills = {
      id: 'skills',
      label: 'Skills against needs',
      points: gap <= 0 ? 15 : gap === 1 ? 5 : 0,
      max: 15,
      explanation: `Level ${String(c.skillsLevel)}; needs call for level ${String(requiredLevel)}${gap > 0 ? ` (${String(gap)} below)` : ''}`,
    };
  }
  out.push(skills);
  out.push(
    req.childrenTogether <= 1
      ? {
          id: 'siblings',
          label: 'Siblings together',
          points: 0,
          max: 0,
          explanation: 'No siblings to place together',
        }
      : c.freePlaces === null
        ? {
            id: 'siblings',
            label: 'Siblings together',
            points: 5,
            max: 10,
            explanation: `May take all ${String(req.childrenTogether)} together (vacancies not known)`,
          }
        : {
            id: 'siblings',
            label: 'Siblings together',
            points: 10,
            max: 10,
            explanation: `Can take all ${String(req.childrenTogether)} together`,
          },
  );
  out.push(sharedFactor('language', 'Language', req.languages, c.languages, 5));
  out.push(
    sharedFactor(
      'religion',
      'Religion and culture',
      req.religion === null ? [] : [req.religion],
      c.religions,
      5,
    ),
  );
  out.push(compatibility(req, c));
  out.push(
    c.weeklyCost === null
      ? {
          id: 'cost',
          label: 'Weekly cost',
          points: 0,
          max: 15,
          explanation: `Not known (${c.costBasis})`,
        }
      : {
          id: 'cost',
          label: 'Weekly cost',
          points: slide(c.weeklyCost, 600, 6000, 15),
          max: 15,
          explanation: `${pounds(c.weeklyCost)} a week (${c.costBasis}); full points at £600 or less, none at £6,000 or more`,
        },
  );
  return out;
}

/** Ranks every candidate (best first, ties by key) and lists the excluded with their reasons. */
export function matchCandidates(req: MatchRequest, candidates: readonly Candidate[]): MatchResult {
  const requiredLevel = requiredSkillsLevel(req.needs, req.risksToChild, req.risksFromChild);
  const ranked: Match[] = [];
  const excluded: Exclusion[] = [];
  for (const c of candidates) {
    const reasons = exclusions(req, c);
    if (reasons.length > 0) {
      excluded.push({ candidate: c, reasons });
      continue;
    }
    const fs = factors(req, c, requiredLevel);
    let score = 0;
    let max = 0;
    for (const f of fs) {
      score += f.points;
      max += f.max;
    }
    ranked.push({ candidate: c, score, max, factors: fs });
  }
  ranked.sort((a, b) => b.score - a.score || (a.candidate.key < b.candidate.key ? -1 : 1));
  excluded.sort((a, b) => (a.candidate.key < b.candidate.key ? -1 : 1));
  return { requiredLevel, ranked, excluded };
}
