// Adoptions, special guardianship orders and adoption timeliness (scorecard A1, A2, A10).
import type { IsoDate, PeriodOfCare } from '../care/index.ts';
import { daysBetween } from '../dates/index.ts';
import { periodsDuring, within, yearTo } from './cohort.ts';
import { count, meanDays, tally } from './result.ts';
import type { AdoptionFact, Measure, MeasureChild, MeasureData } from './types.ts';

const ADOPTED = new Set(['E11', 'E12']);
const SGO = new Set(['E45', 'E46']);

function ceasedWith(c: MeasureChild, at: IsoDate, codes: ReadonlySet<string>): PeriodOfCare[] {
  return periodsDuring(c, yearTo(at)).filter(
    (p) => within(p.end, yearTo(at)) && p.endReason !== null && codes.has(p.endReason),
  );
}

export const adoptions: Measure = {
  id: 'adoptions',
  title: 'Children adopted',
  definition:
    'Periods of care ending in the twelve months ending on the date with reason adopted (903 REC ' +
    'E11 unopposed, E12 consent dispensed with); breakdown by reason.',
  source: 'DfE Children looked after in England: adopted in year (England 3,040 in 2025)',
  unit: 'count',
  polarity: 'neither',
  compute(data, at) {
    const breakdown: Record<string, number> = {};
    let n = 0;
    for (const c of data.children)
      for (const p of ceasedWith(c, at, ADOPTED)) {
        n++;
        tally(breakdown, p.endReason ?? '');
      }
    return count(n, breakdown);
  },
};

export const specialGuardianship: Measure = {
  id: 'sgos',
  title: 'Special guardianship orders',
  definition:
    'Periods of care ending in the twelve months ending on the date with a special guardianship ' +
    'order (903 REC E45 to former foster carers, E46 to other carers); breakdown by reason.',
  source: 'DfE Children looked after in England: ceased on special guardianship order',
  unit: 'count',
  polarity: 'neither',
  compute(data, at) {
    const breakdown: Record<string, number> = {};
    let n = 0;
    for (const c of data.children)
      for (const p of ceasedWith(c, at, SGO)) {
        n++;
        tally(breakdown, p.endReason ?? '');
      }
    return count(n, breakdown);
  },
};

interface Adopted {
  child: MeasureChild;
  period: PeriodOfCare;
  plan: AdoptionFact | undefined;
}

/** Children adopted in the window, with the adoption plan the order came from (latest placed). */
function adoptedInYear(data: MeasureData, at: IsoDate): Adopted[] {
  const out: Adopted[] = [];
  for (const c of data.children)
    for (const period of ceasedWith(c, at, ADOPTED)) {
      let plan: AdoptionFact | undefined;
      for (const a of c.adoptions)
        if (a.reversed === null && a.placed !== null && a.placed >= period.start)
          if (!plan?.placed || a.placed > plan.placed) plan = a;
      out.push({ child: c, period, plan });
    }
  return out;
}

const ADOPTED_COHORT =
  'children adopted in the twelve months ending on the date (903 REC E11/E12) whose adoption plan ' +
  'records the date they moved in with their adopters';

export const adoptionA1: Measure = {
  id: 'adoption-a1',
  title: 'A1: days from entering care to moving in with adopters',
  definition:
    `Of ${ADOPTED_COHORT}, the mean days from the start of the period of care in which they were ` +
    'adopted to the date they moved in (placed for adoption), in whole days. Numerator is the total ' +
    'days. One year only (the DfE scorecard averages three years).',
  source: 'DfE adoption scorecard A1 (DfE end-point threshold 426 days)',
  unit: 'days',
  polarity: 'lower is better',
  compute(data, at) {
    let total = 0;
    let d = 0;
    for (const a of adoptedInYear(data, at)) {
      if (!a.plan?.placed) continue;
      total += daysBetween(a.period.start, a.plan.placed);
      d++;
    }
    return meanDays(total, d);
  },
};

export const adoptionA2: Measure = {
  id: 'adoption-a2',
  title: 'A2: days from placement order to match',
  definition:
    'Of children adopted in the twelve months ending on the date (903 REC E11/E12) whose adoption ' +
    'plan records both a placement order date and a match date, the mean days from the placement ' +
    'order to the match with adopters, in whole days. Numerator is the total days.',
  source: 'DfE adoption scorecard A2 (DfE end-point threshold 121 days)',
  unit: 'days',
  polarity: 'lower is better',
  compute(data, at) {
    let total = 0;
    let d = 0;
    for (const a of adoptedInYear(data, at)) {
      const po = a.plan?.placementOrder;
      const m = a.plan?.matched;
      if (!po || !m) continue;
      total += daysBetween(po, m);
      d++;
    }
    return meanDays(total, d);
  },
};

export const adoptionA10: Measure = {
  id: 'adoption-a10',
  title:
    'A10: days from entering care to moving in with adopters, adjusted for foster carer adoptions',
  definition:
    `As A1, but for a child adopted by their foster carer(s) (AD1 FOSTER_CARE) the clock stops at ` +
    'the start of the foster placement with them: the latest foster placement (903 PLACE U1–U6) ' +
    'starting on or before the date the child was placed for adoption, in the same period of care.',
  source: 'DfE adoption scorecard A10',
  unit: 'days',
  polarity: 'lower is better',
  compute(data, at) {
    let total = 0;
    let d = 0;
    for (const a of adoptedInYear(data, at)) {
      const placed = a.plan?.placed;
      if (!placed) continue;
      let stop = placed;
      if (a.plan?.byFosterCarer) {
        let foster: IsoDate | null = null;
        for (const p of a.child.placements)
          if (
            p.periodOfCareId === a.period.id &&
            p.placeType.startsWith('U') &&
            p.start <= placed &&
            (foster === null || p.start > foster)
          )
            foster = p.start;
        if (foster !== null) stop = foster;
      }
      total += daysBetween(a.period.start, stop);
      d++;
    }
    return meanDays(total, d);
  },
};
