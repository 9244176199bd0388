// England's published figures for the measures, with the publication and year each comes from, and
// RAG against an authority's target. Pure: no database. The plans and reports areas import this.
//
// Figures are from /work/shared/domain/statutory-and-practice.md §3.2, which cites the DfE's
// "Children looked after in England including adoptions" (explore-education-statistics, reporting
// years ending 31 March 2024 and 2025) and older baselines. Only measures defined the same way as
// ours are listed; counts for England (e.g. 81,770 in care) are not comparable with one authority's
// count, so they are not given a difference. Refresh from the latest DfE release each year.
import type { Measure } from '../../domain/measures/index.ts';

export interface EnglandFigure {
  value: number;
  /** The period the figure is for, as published (e.g. '2025' = year ending 31 March 2025). */
  period: string;
  /** The publication, with the source key of statutory-and-practice.md §6. */
  source: string;
  /** The published figure is rounded or approximate ("about half"). */
  approximate?: boolean;
}

const CLA_2025 = 'DfE Children looked after in England including adoptions, 2025 [S1]';

/** England's figure by measure id. */
export const ENGLAND: Readonly<Record<string, EnglandFigure>> = {
  'cla-rate': { value: 67, period: '2025', source: CLA_2025 },
  'long-term-stability': { value: 69, period: '2025', source: CLA_2025 },
  'placements-3plus': {
    value: 11,
    period: 'about 2020',
    source: 'NICE quality standard QS31 statement 3 (England, 3+ placements in the year) [S10]',
    approximate: true,
  },
  'placed-over-20-miles': {
    value: 18,
    period: '2015',
    source: 'DfE Children looked after in England: placement location, 2015 [S4]',
  },
  'placed-outside-la': {
    value: 41,
    period: '2018',
    source: 'DfE Children looked after in England, 2018 (HL11468) [S11]',
  },
  'missing-children': {
    value: 11,
    period: '2022',
    source: 'DfE Children looked after in England, 2022: missing incidents [S11]',
  },
  'missing-incidents-per-child': { value: 6.8, period: '2025', source: CLA_2025 },
  'leavers-19-21-in-touch': {
    value: 91,
    period: '2020/21',
    source: 'DfE care leavers aged 19–21, 2021 (CYP Now leaving care report) [S12]',
  },
  'leavers-19-21-eet': {
    value: 50,
    period: '2020/21',
    source: 'DfE care leavers aged 19–21 in education, employment or training, 2021 [S12]',
    approximate: true,
  },
  'leavers-19-21-suitable-accommodation': {
    value: 85,
    period: '2019',
    source: 'DfE care leavers in suitable accommodation, 2019 (table 1da0616c) [S6]',
  },
};

export function englandFigure(measureId: string): EnglandFigure | undefined {
  return ENGLAND[measureId];
}

/** The authority's figure minus England's, to the measure's precision; null when either is missing. */
export function differenceFromEngland(measureId: string, value: number | null): number | null {
  const e = ENGLAND[measureId];
  if (!e || value === null) return null;
  return Math.round((value - e.value) * 10) / 10;
}

export type Rag = 'green' | 'amber' | 'red';

/** 'at-least': the figure should be at or above the target; 'at-most': at or below it. */
export type TargetDirection = 'at-least' | 'at-most';

export interface Target {
  value: number;
  direction: TargetDirection;
  /** How far the figure may miss the target (in the measure's unit) and still be amber. */
  amberWithin: number;
}

/** The direction a target usually has for a measure (lower-is-better measures: at most). */
export function defaultDirection(measure: Pick<Measure, 'polarity'>): TargetDirection {
  return measure.polarity === 'lower is better' ? 'at-most' : 'at-least';
}

/**
 * RAG against a target: green when the figure meets the target, amber when it misses by no more
 * than `amberWithin`, red when it misses by more. No figure, no RAG (null).
 */
export function ragFor(value: number | null, target: Target): Rag | null {
  if (value === null) return null;
  const shortBy = target.direction === 'at-least' ? target.value - value : value - target.value;
  if (shortBy <= 0) return 'green';
  // A small epsilon so that 0.1-unit tolerances are not lost to floating point.
  return shortBy <= target.amberWithin + 1e-9 ? 'amber' : 'red';
}

/** The words shown beside a target, e.g. "Green: 9.5% or lower; amber: up to 11.5%; red: above". */
export function ragRule(target: Target, unitSuffix = ''): string {
  const v = (x: number) => `${String(Math.round(x * 10) / 10)}${unitSuffix}`;
  if (target.direction === 'at-least') {
    const amber = target.value - target.amberWithin;
    return `Green: ${v(target.value)} or higher. Amber: from ${v(amber)} up to the target. Red: below ${v(amber)}.`;
  }
  const amber = target.value + target.amberWithin;
  return `Green: ${v(target.value)} or lower. Amber: above the target up to ${v(amber)}. Red: above ${v(amber)}.`;
}
