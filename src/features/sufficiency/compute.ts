// The sufficiency view's figures, worked out from one row per child in care today (pure: no SQL,
// no clock). Each figure keeps the ids of the children behind it, so every figure drills down to
// its children (filtered by the viewer's scope in SQL when listed). Definitions:
// - age on the day, in the DfE's bands (under 1, 1–4, 5–9, 10–15, 16 and over);
// - need: the category of need (N1–N8) of the open period of care;
// - placement type: the 903 place type of the open placement, grouped;
// - in-house: place provider PR1 (own provision); external: PR2–PR5; not applicable: PR0 (with
//   parents) or none recorded. Weekly cost sums placement.weekly_cost; children whose cost is not
//   recorded are counted as "cost not known", never as £0;
// - outside the district: the placement postcode is not one of the authority's own postcodes
//   (table local_postcode); more than 20 miles: straight line between the centroids of the home
//   postcode and the placement postcode (the DfE measure); "not known" when a postcode is missing;
// - private homes far from home: a children's home (K1, K2, R1) run privately (PR4), more than 20
//   miles away;
// - fragile placements: three or more placements in the last 12 months (the DfE stability
//   measure's test), a missing episode starting in the last 90 days, or a disruption meeting in the
//   last 12 months.
import { ageOn } from '../../domain/dates/index.ts';

export interface SufficiencyChild {
  childId: number;
  dateOfBirth: string;
  categoryOfNeed: string | null;
  placeType: string | null;
  placeProvider: string | null;
  inHouseHome: boolean;
  inHouseFoster: boolean;
  weeklyCost: number | null;
  outsideDistrict: boolean | null;
  miles: number | null;
  placements12m: number;
  missing90d: boolean;
  disruption12m: boolean;
}

export interface Capacity {
  inHouseFosteringPlaces: number;
  mockingbirdHubBeds: number;
  inHouseHomeBeds: number;
  supportedPlaces: number;
  /** Young people placed now in open supported accommodation services (placements naming one). */
  supportedPlaced: number;
}

export interface Figure {
  key: string;
  label: string;
  count: number;
  childIds: number[];
  /** Sum of the known weekly costs (whole pounds), for cost figures. */
  weeklyCost?: number;
  /** How many of the children have no weekly cost recorded. */
  costNotKnown?: number;
}

export interface CapacityRow {
  key: string;
  label: string;
  capacity: number;
  /** Children placed in it now; null when not known. */
  used: number | null;
  childIds: number[];
}

export interface SufficiencyFigures {
  total: Figure;
  age: Figure[];
  need: Figure[];
  placementType: Figure[];
  capacity: CapacityRow[];
  provision: Figure[];
  location: Figure[];
  fragile: Figure[];
}

export const AGE_BANDS = [
  ['under1', 'Under 1', 0, 0],
  ['1to4', '1 to 4', 1, 4],
  ['5to9', '5 to 9', 5, 9],
  ['10to15', '10 to 15', 10, 15],
  ['16plus', '16 and over', 16, 200],
] as const;

export const NEEDS: Record<string, string> = {
  N1: 'Abuse or neglect',
  N2: 'Child’s disability',
  N3: 'Parental illness or disability',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
};

export const PLACEMENT_GROUPS = [
  ['foster', 'Foster care (U1–U6)', /^U[1-6]$/],
  ['homes', 'Children’s homes (K1, K2, R1)', /^(K1|K2|R1)$/],
  ['supported', 'Supported accommodation and independent living (K3, H5, P2)', /^(K3|H5|P2)$/],
  ['parents', 'Placed with parents (P1)', /^P1$/],
  ['adoption', 'Placed for adoption (A3–A6)', /^A[3-6]$/],
  ['other', 'Other placements', /./],
] as const;

export const FAR_MILES = 20;

function figure(key: string, label: string, ids: number[]): Figure {
  return { key, label, count: ids.length, childIds: ids };
}

function costFigure(key: string, label: string, rows: readonly SufficiencyChild[]): Figure {
  let weeklyCost = 0;
  let costNotKnown = 0;
  for (const r of rows) {
    if (r.weeklyCost === null) costNotKnown++;
    else weeklyCost += r.weeklyCost;
  }
  return {
    ...figure(
      key,
      label,
      rows.map((r) => r.childId),
    ),
    weeklyCost,
    costNotKnown,
  };
}

function by(rows: readonly SufficiencyChild[], test: (r: SufficiencyChild) => boolean): number[] {
  const out: number[] = [];
  for (const r of rows) if (test(r)) out.push(r.childId);
  return out;
}

export function placementGroup(placeType: string | null): string {
  if (placeType === null) return 'none';
  for (const [key, , re] of PLACEMENT_GROUPS) if (re.test(placeType)) return key;
  return 'other';
}

export function computeSufficiency(
  rows: readonly SufficiencyChild[],
  capacity: Capacity,
  today: string,
): SufficiencyFigures {
  const age = AGE_BANDS.map(([key, label, lo, hi]) =>
    figure(
      `age:${key}`,
      label,
      by(rows, (r) => {
        const a = ageOn(r.dateOfBirth, today);
        return a >= lo && a <= hi;
      }),
    ),
  );
  const need = Object.entries(NEEDS).map(([code, label]) =>
    figure(
      `need:${code}`,
      `${code}: ${label}`,
      by(rows, (r) => r.categoryOfNeed === code),
    ),
  );
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const g = placementGroup(r.placeType);
    const list = groups.get(g) ?? [];
    list.push(r.childId);
    groups.set(g, list);
  }
  const placementType = [
    ...PLACEMENT_GROUPS.map(([key, label]) => figure(`type:${key}`, label, groups.get(key) ?? [])),
    figure('type:none', 'No placement recorded', groups.get('none') ?? []),
  ];

  const fosterIds = by(rows, (r) => r.inHouseFoster);
  const homeIds = by(rows, (r) => r.inHouseHome);
  const capacityRows: CapacityRow[] = [
    {
      key: 'capacity:fostering',
      label: 'In-house fostering places (approved households)',
      capacity: capacity.inHouseFosteringPlaces,
      used: fosterIds.length,
      childIds: fosterIds,
    },
    {
      key: 'capacity:mockingbird',
      label: 'Mockingbird hub beds (two per open constellation)',
      capacity: capacity.mockingbirdHubBeds,
      used: null,
      childIds: [],
    },
    {
      key: 'capacity:homes',
      label: 'In-house children’s home beds',
      capacity: capacity.inHouseHomeBeds,
      used: homeIds.length,
      childIds: homeIds,
    },
    {
      key: 'capacity:supported',
      label: '16+ supported accommodation places (commissioned services)',
      capacity: capacity.supportedPlaces,
      used: capacity.supportedPlaced,
      childIds: [],
    },
  ];

  const inHouse = rows.filter((r) => r.placeProvider === 'PR1');
  const external = rows.filter(
    (r) => r.placeProvider !== null && /^PR[2-5]$/.test(r.placeProvider),
  );
  const notApplicable = rows.filter((r) => r.placeProvider === null || r.placeProvider === 'PR0');
  const provision = [
    costFigure('provision:in_house', 'In-house (own provision, PR1)', inHouse),
    costFigure(
      'provision:external',
      'External (other councils, private and voluntary, PR2–PR5)',
      external,
    ),
    costFigure(
      'provision:not_applicable',
      'With parents or no provider recorded (PR0 or none)',
      notApplicable,
    ),
    costFigure('provision:all', 'All children in care', rows),
  ];

  const far = (r: SufficiencyChild) => r.miles !== null && r.miles > FAR_MILES;
  const location = [
    figure(
      'location:outside',
      'Placed outside the district',
      by(rows, (r) => r.outsideDistrict === true),
    ),
    figure(
      'location:outside_unknown',
      'Inside or outside the district not known',
      by(rows, (r) => r.outsideDistrict === null),
    ),
    figure('location:far', `More than ${String(FAR_MILES)} miles from home`, by(rows, far)),
    figure(
      'location:far_unknown',
      'Distance from home not known',
      by(rows, (r) => r.miles === null),
    ),
    costFigure(
      'location:private_far',
      `In private children’s homes more than ${String(FAR_MILES)} miles from home`,
      rows.filter(
        (r) => placementGroup(r.placeType) === 'homes' && r.placeProvider === 'PR4' && far(r),
      ),
    ),
  ];

  const fragile = [
    figure(
      'fragile:moves',
      'Three or more placements in the last 12 months',
      by(rows, (r) => r.placements12m >= 3),
    ),
    figure(
      'fragile:missing',
      'Missing in the last 90 days',
      by(rows, (r) => r.missing90d),
    ),
    figure(
      'fragile:disruption',
      'Disruption meeting in the last 12 months',
      by(rows, (r) => r.disruption12m),
    ),
    figure(
      'fragile:any',
      'Any of these: placement may need support',
      by(rows, (r) => r.placements12m >= 3 || r.missing90d || r.disruption12m),
    ),
  ];

  return {
    total: figure(
      'total',
      'Children in care today',
      rows.map((r) => r.childId),
    ),
    age,
    need,
    placementType,
    capacity: capacityRows,
    provision,
    location,
    fragile,
  };
}

/** Every figure (and capacity row) by key, for drill-down. */
export function figureByKey(
  f: SufficiencyFigures,
  key: string,
): { label: string; childIds: number[] } | undefined {
  const all = [
    f.total,
    ...f.age,
    ...f.need,
    ...f.placementType,
    ...f.provision,
    ...f.location,
    ...f.fragile,
    ...f.capacity.filter((c) => c.used !== null && c.childIds.length === c.used),
  ];
  return all.find((x) => x.key === key);
}
