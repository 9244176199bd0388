// Small-number suppression for figures shown to people who may not see children (Corporate
// Parenting Panel members) and for anything printed or exported for publication. A count of 1 to 4
// children could identify them, so such a count is withheld, and so is any figure worked out from
// one (a percentage of 3 children, or 3 of 4). Zero is shown: it identifies no one.
import type { MeasureResult } from './types.ts';

/** Counts below this (and above zero) are withheld. */
export const SMALL_NUMBER_THRESHOLD = 5;

export interface ShownResult extends Omit<MeasureResult, 'breakdown'> {
  /** True when the value (and the counts behind it) are withheld. */
  suppressed: boolean;
  /** As the measure's breakdown, with small cells withheld (null). */
  breakdown?: Record<string, number | null>;
}

export function isSmall(n: number | null): boolean {
  return n !== null && n > 0 && n < SMALL_NUMBER_THRESHOLD;
}

/** The figure as a panel member may see it: small counts and figures made from them withheld. */
export function suppressSmall(r: MeasureResult): ShownResult {
  const breakdown = r.breakdown
    ? Object.fromEntries(
        Object.entries(r.breakdown).map(([k, v]) => [k, isSmall(v) ? null : v] as const),
      )
    : undefined;
  if (isSmall(r.numerator) || isSmall(r.denominator)) {
    const out: ShownResult = {
      value: null,
      numerator: null,
      denominator: null,
      suppressed: true,
      reason: `Fewer than ${String(SMALL_NUMBER_THRESHOLD)} children: withheld so no child can be identified`,
    };
    if (breakdown) out.breakdown = breakdown;
    return out;
  }
  const out: ShownResult = {
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    suppressed: false,
  };
  if (r.reason !== undefined) out.reason = r.reason;
  if (breakdown) out.breakdown = breakdown;
  return out;
}
