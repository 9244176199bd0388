// The corporate parenting measures: pure functions of the record's facts and a date. Definitions and
// conventions: each module, and docs/measures.md.
import type { IsoDate } from '../care/index.ts';
import { leavers1718, leavers1921 } from './careLeavers.ts';
import { costs, noCostRecorded } from './cost.ts';
import { entrants, leavers } from './flows.ts';
import {
  dentalChecks,
  healthAssessmentsUpToDate,
  initialHealthOnTime,
  sdqAverage,
  sdqCompleted,
} from './health.ts';
import { familyAndFriends, outsideAuthority, over20Miles } from './location.ts';
import {
  missingChildren,
  missingIncidents,
  missingIncidentsPerChild,
  returnInterviews,
} from './missing.ts';
import {
  adoptionA1,
  adoptionA10,
  adoptionA2,
  adoptions,
  specialGuardianship,
} from './permanence.ts';
import { claAt, claRate } from './population.ts';
import { reviewParticipation, reviewsOnTime } from './reviews.ts';
import { longTermStability, threePlusPlacements } from './stability.ts';
import type { Measure, MeasureData, MeasureResult } from './types.ts';
import { visitsOnTime } from './visits.ts';
import { caseloadPerWorker, socialWorkerChanges } from './workforce.ts';

export type * from './types.ts';
export { yearTo } from './cohort.ts';
export { PLACEMENT_GROUPS, WEEKS_PER_YEAR } from './cost.ts';

/** Every measure, in the order the scorecard shows them. Ids are stable. */
export const MEASURES: readonly Measure[] = [
  claAt,
  claRate,
  entrants,
  leavers,
  threePlusPlacements,
  longTermStability,
  over20Miles,
  outsideAuthority,
  familyAndFriends,
  reviewsOnTime,
  reviewParticipation,
  visitsOnTime,
  initialHealthOnTime,
  healthAssessmentsUpToDate,
  dentalChecks,
  sdqCompleted,
  sdqAverage,
  missingChildren,
  missingIncidents,
  missingIncidentsPerChild,
  returnInterviews,
  ...leavers1718,
  ...leavers1921,
  adoptions,
  specialGuardianship,
  adoptionA1,
  adoptionA2,
  adoptionA10,
  caseloadPerWorker,
  socialWorkerChanges,
  ...costs,
  noCostRecorded,
];

export function measureById(id: string): Measure | undefined {
  return MEASURES.find((m) => m.id === id);
}

/** Every measure on `at`, keyed by id, in MEASURES order. */
export function computeMeasures(data: MeasureData, at: IsoDate): Map<string, MeasureResult> {
  const out = new Map<string, MeasureResult>();
  for (const m of MEASURES) out.set(m.id, m.compute(data, at));
  return out;
}
