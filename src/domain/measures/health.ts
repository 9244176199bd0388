// Health of children in care: initial assessments on time, and the 903 OC2 measures (annual health
// assessment, dental check, SDQ) for children looked after continuously for 12 months.
import { addMonths, addWorkingDays, addYears, ageOn } from '../dates/index.ts';
import { cla, lookedAfterOn, shortBreaksOnly, within, yearTo } from './cohort.ts';
import { average, percent } from './result.ts';
import type { Measure, MeasureChild, MeasureData } from './types.ts';
import type { IsoDate } from '../care/index.ts';

const OC2_COHORT =
  'children looked after on the date who have been looked after continuously for at least 12 ' +
  'months (current period of care started a year or more before the date; short breaks V3/V4 ' +
  'excluded)';

const oc2Memo = new WeakMap<readonly MeasureChild[], Map<IsoDate, MeasureChild[]>>();

/** The 903 OC2 cohort: looked after on `at`, continuously for 12 months or more. Remembered. */
export function oc2Cohort(data: MeasureData, at: IsoDate): MeasureChild[] {
  let byDate = oc2Memo.get(data.children);
  if (!byDate) oc2Memo.set(data.children, (byDate = new Map<IsoDate, MeasureChild[]>()));
  let out = byDate.get(at);
  if (!out) {
    const yearAgo = addYears(at, -1);
    out = cla(data.children, at).filter((c) => {
      const p = lookedAfterOn(c, at);
      return p !== undefined && p.start <= yearAgo;
    });
    byDate.set(at, out);
  }
  return out;
}

export const initialHealthOnTime: Measure = {
  id: 'initial-health-on-time',
  title: 'Initial health assessments on time',
  definition:
    'Of children who started to be looked after in the twelve months ending on the date whose ' +
    'initial health assessment was due by the date (20 working days after entry, England bank ' +
    'holidays excluded), the percentage with an initial health assessment dated on or after entry ' +
    'and on or before the due date. Each period of care counts once; short-break-only periods are ' +
    'left out.',
  source:
    'Care Planning Regulations 2010 reg 7; Promoting the health of looked-after children (2015)',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const w = yearTo(at);
    let n = 0;
    let d = 0;
    for (const c of data.children)
      for (const p of c.periods) {
        if (!within(p.start, w) || shortBreaksOnly(c, p)) continue;
        const due = addWorkingDays(p.start, 20);
        if (due > at) continue;
        d++;
        if (c.health.some((h) => h.kind === 'initial' && h.date >= p.start && h.date <= due)) n++;
      }
    return percent(n, d);
  },
};

export const healthAssessmentsUpToDate: Measure = {
  id: 'health-assessments-up-to-date',
  title: 'Health assessments up to date',
  definition:
    `Of ${OC2_COHORT}, the percentage with a health assessment (initial or review) in the twelve ` +
    'months ending on the date, or in the six months ending on it for a child under 5 on the date.',
  source: 'SSDA903 OC2 HEALTH_CHECK (children looked after continuously for 12 months at 31 March)',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const w = yearTo(at);
    const cohort = oc2Cohort(data, at);
    let n = 0;
    for (const c of cohort) {
      const from = ageOn(c.dateOfBirth, at) < 5 ? addMonths(at, -6) : w.start;
      if (c.health.some((h) => h.kind !== 'dental' && h.date >= from && h.date <= at)) n++;
    }
    return percent(n, cohort.length);
  },
};

export const dentalChecks: Measure = {
  id: 'dental-checks',
  title: 'Dental checks',
  definition: `Of ${OC2_COHORT}, the percentage with a dental check in the twelve months ending on the date.`,
  source: 'SSDA903 OC2 TEETH_CHECK',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const w = yearTo(at);
    const cohort = oc2Cohort(data, at);
    let n = 0;
    for (const c of cohort) if (c.health.some((h) => h.kind === 'dental' && within(h.date, w))) n++;
    return percent(n, cohort.length);
  },
};

function sdqCohort(data: MeasureData, at: IsoDate): MeasureChild[] {
  return oc2Cohort(data, at).filter((c) => {
    const age = ageOn(c.dateOfBirth, at);
    return age >= 4 && age <= 16;
  });
}

/** The latest SDQ with a score in the window, if any. */
function latestScore(c: MeasureChild, from: IsoDate, at: IsoDate): number | null {
  let best: { date: IsoDate; score: number } | null = null;
  for (const s of c.sdqs)
    if (s.date !== null && s.score !== null && s.date >= from && s.date <= at)
      if (!best || s.date > best.date) best = { date: s.date, score: s.score };
  return best?.score ?? null;
}

const SDQ_COHORT = `${OC2_COHORT}, aged 4 to 16 inclusive on the date`;

export const sdqCompleted: Measure = {
  id: 'sdq-completed',
  title: 'SDQ completed',
  definition: `Of ${SDQ_COHORT}, the percentage with a Strengths and Difficulties Questionnaire score recorded in the twelve months ending on the date (an SDQ with a reason for no score, SDQ1–SDQ5, does not count).`,
  source: 'SSDA903 OC2 SDQ_SCORE',
  unit: 'percent',
  polarity: 'higher is better',
  compute(data, at) {
    const from = yearTo(at).start;
    const cohort = sdqCohort(data, at);
    let n = 0;
    for (const c of cohort) if (latestScore(c, from, at) !== null) n++;
    return percent(n, cohort.length);
  },
};

export const sdqAverage: Measure = {
  id: 'sdq-average',
  title: 'Average SDQ score',
  definition: `Of ${SDQ_COHORT} with a score in the twelve months ending on the date, the mean of each child's latest Total Difficulties score (0–40; 14–16 borderline, 17+ a cause for concern), to one decimal place. Numerator is the sum of scores.`,
  source:
    'SSDA903 OC2 SDQ_SCORE; DfE Outcomes for children in need, including children looked after',
  unit: 'average',
  polarity: 'lower is better',
  compute(data, at) {
    const from = yearTo(at).start;
    let total = 0;
    let d = 0;
    for (const c of sdqCohort(data, at)) {
      const s = latestScore(c, from, at);
      if (s === null) continue;
      total += s;
      d++;
    }
    return average(total, d);
  },
};
