// The children behind a figure. Every measure's numerator and denominator are sums over children
// (a child counts 1, or a number of reviews, incidents, days or pounds), so a child's share is the
// measure worked out on that child alone. Two denominators are not children: the child population
// (cla-rate) and the number of social workers (caseload-per-worker); for those only the numerator
// is shared out. src/domain/measures/drill.test.ts checks that the shares add up to the figure.
import type { IsoDate } from '../care/index.ts';
import type { Measure, MeasureData } from './types.ts';

/** Measures whose denominator is not a sum over children. */
export const DENOMINATOR_NOT_CHILDREN: ReadonlySet<string> = new Set([
  'cla-rate',
  'caseload-per-worker',
]);

export interface ChildShare {
  /** MeasureChild.id (the child's local id). */
  id: string;
  /** This child's part of the numerator (1 for a child counted; reviews, days, £ ...). */
  numerator: number;
  /** This child's part of the denominator; null when the denominator is not children. */
  denominator: number | null;
}

/** Children with a part in the numerator or the denominator of `measure` on `at`. */
export function childShares(measure: Measure, data: MeasureData, at: IsoDate): ChildShare[] {
  const out: ChildShare[] = [];
  const byChildren = !DENOMINATOR_NOT_CHILDREN.has(measure.id);
  for (const c of data.children) {
    const r = measure.compute({ children: [c], childPopulation: data.childPopulation }, at);
    const n = r.numerator ?? 0;
    const d = byChildren ? (r.denominator ?? 0) : 0;
    if (n === 0 && d === 0) continue;
    out.push({
      id: c.id,
      numerator: n,
      denominator: byChildren && r.denominator !== null ? d : null,
    });
  }
  return out;
}
