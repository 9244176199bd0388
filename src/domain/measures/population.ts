// Children looked after on a date, as a count and per 10,000 children.
import { cla } from './cohort.ts';
import { count, per10k } from './result.ts';
import type { Measure } from './types.ts';

const CLA_RULE =
  'A child counts when a period of care started on or before the date and had not ended by it: a ' +
  'child who entered care on the date counts; a child who left care on the date does not. Children ' +
  'whose legal status on the date is a short break (V3, V4) are not counted.';

export const claAt: Measure = {
  id: 'cla-at',
  title: 'Children in care',
  definition: `Children looked after on the date. ${CLA_RULE}`,
  source: 'DfE Children looked after in England (SSDA903): children looked after at 31 March',
  unit: 'count',
  polarity: 'neither',
  compute: (data, at) => count(cla(data.children, at).length),
};

export const claRate: Measure = {
  id: 'cla-rate',
  title: 'Children in care per 10,000 children',
  definition:
    `Children looked after on the date ÷ the authority's population aged under 18 × 10,000, to the ` +
    `nearest whole number. ${CLA_RULE} The population is the setting 'measures.child_population' ` +
    '(ONS mid-year estimate, ages 0–17); when it is missing or zero the value is null with a reason.',
  source: 'DfE Children looked after in England: rate per 10,000 children aged under 18',
  unit: 'rate per 10,000',
  polarity: 'neither',
  compute(data, at) {
    const n = cla(data.children, at).length;
    const pop = data.childPopulation;
    if (pop === null || !Number.isFinite(pop))
      return {
        value: null,
        numerator: n,
        denominator: null,
        reason: "Child population not set (setting 'measures.child_population' or --population)",
      };
    if (pop <= 0)
      return {
        value: null,
        numerator: n,
        denominator: pop,
        reason: 'Child population is zero: a rate cannot be worked out',
      };
    return per10k(n, pop);
  },
};
