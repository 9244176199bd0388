// What placements cost: the mean agreed weekly cost per child in care on the date, in all and by
// placement type, and the same annualised. Costs are placement.weekly_cost (whole pounds, the
// agreed cost of the placement); a placement with no cost recorded is "not known", never £0.
import type { IsoDate } from '../care/index.ts';
import { cla, placementOn } from './cohort.ts';
import { meanPounds } from './result.ts';
import type { Measure, MeasureData, MeasureResult } from './types.ts';
import { count } from './result.ts';

export interface PlacementGroup {
  id: string;
  title: string;
  /** 903 PLACE codes; null = every code not in another group. */
  codes: readonly string[] | null;
}

export const PLACEMENT_GROUPS: readonly PlacementGroup[] = [
  {
    id: 'fostering-family-friends',
    title: 'foster care with relatives or friends (U1–U3)',
    codes: ['U1', 'U2', 'U3'],
  },
  { id: 'fostering', title: 'other foster care (U4–U6)', codes: ['U4', 'U5', 'U6'] },
  {
    id: 'residential',
    title: "children's homes and other residential settings (K1, K2, R1, R2, R5, S1)",
    codes: ['K1', 'K2', 'R1', 'R2', 'R5', 'S1'],
  },
  {
    id: 'independent-living',
    title: 'semi-independent and independent living (H5, P2)',
    codes: ['H5', 'P2'],
  },
  {
    id: 'other',
    title: 'any other placement (placed for adoption, with parents, other)',
    codes: null,
  },
];

const GROUPED = new Set(PLACEMENT_GROUPS.flatMap((g) => g.codes ?? []));

function inGroup(group: PlacementGroup | null, placeType: string): boolean {
  if (!group) return true;
  return group.codes ? group.codes.includes(placeType) : !GROUPED.has(placeType);
}

/** Weeks in a year, for annualising a weekly cost (365 ÷ 7). */
export const WEEKS_PER_YEAR = 365 / 7;

interface CostTally {
  total: number;
  children: number;
  notKnown: number;
}

/** Costs of children in care on `at`; each child's cost × `scale` rounded to whole pounds. */
function tallyCosts(
  data: MeasureData,
  at: IsoDate,
  group: PlacementGroup | null,
  scale = 1,
): CostTally {
  let total = 0;
  let children = 0;
  let notKnown = 0;
  for (const c of cla(data.children, at)) {
    const p = placementOn(c, at);
    if (!p) {
      if (!group) notKnown++;
      continue;
    }
    if (!inGroup(group, p.placeType)) continue;
    const cost = p.weeklyCost ?? null;
    if (cost === null) {
      notKnown++;
      continue;
    }
    total += Math.round(cost * scale);
    children++;
  }
  return { total, children, notKnown };
}

const COHORT =
  'children looked after on the date (short breaks V3/V4 excluded) whose current placement has an ' +
  'agreed weekly cost recorded';

function costMeasures(group: PlacementGroup | null): [Measure, Measure] {
  const suffix = group ? `-${group.id}` : '';
  const inWhat = group ? ` in ${group.title}` : '';
  const titleWhat = group ? `: ${group.title.replace(/ \(.*\)$/, '')}` : '';
  const result = (t: CostTally): MeasureResult =>
    meanPounds(t.total, t.children, { 'no cost recorded': t.notKnown });
  return [
    {
      id: `cost-weekly${suffix}`,
      title: `Weekly cost per child${titleWhat}`,
      definition:
        `Of ${COHORT}${inWhat}, the mean agreed weekly cost of that placement, in whole pounds. ` +
        'Numerator is the total weekly cost. Children whose placement has no cost recorded' +
        (group ? '' : ' (or who have no placement on the date)') +
        " are counted under 'no cost recorded' in the breakdown and left out; a missing cost is " +
        'never counted as £0.',
      source: 'Local measure (placement.weekly_cost; DfE section 251 outturn for comparison)',
      unit: '£',
      polarity: 'lower is better',
      compute: (data, at) => result(tallyCosts(data, at, group)),
    },
    {
      id: `cost-annual${suffix}`,
      title: `Annual cost per child${titleWhat}`,
      definition:
        `As the weekly cost per child${inWhat}, annualised: the mean weekly cost × 365 ÷ 7 ` +
        "(52.14 weeks), in whole pounds. Numerator is the total of each child's annualised cost, each rounded to whole pounds.",
      source: 'Local measure (placement.weekly_cost; DfE section 251 outturn for comparison)',
      unit: '£',
      polarity: 'lower is better',
      compute: (data, at) => result(tallyCosts(data, at, group, WEEKS_PER_YEAR)),
    },
  ];
}

export const costs: readonly Measure[] = [null, ...PLACEMENT_GROUPS].flatMap((g) =>
  costMeasures(g),
);

export const noCostRecorded: Measure = {
  id: 'cost-not-recorded',
  title: 'Children in care with no placement cost recorded',
  definition:
    'Children looked after on the date (short breaks V3/V4 excluded) whose current placement has no ' +
    'agreed weekly cost recorded, or who have no placement on the date. The cost measures leave ' +
    'them out, so a high count means the cost figures are incomplete.',
  source: 'Local data quality measure (placement.weekly_cost)',
  unit: 'count',
  polarity: 'lower is better',
  compute: (data, at) => count(tallyCosts(data, at, null).notKnown),
};
