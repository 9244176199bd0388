// Pure comparisons for the constellation page: unplanned placement endings and carer retention in
// constellation households against in-house households outside any constellation.

/** 903 reasons for a placement change that mean it ended unplanned (disruption). */
export const UNPLANNED_REASONS = ['CREQB', 'CREQO', 'CHILD', 'ALLEG', 'STAND', 'CLOSE'] as const;

export interface Ending {
  householdId: number;
  endDate: string;
  reason: string | null;
}

export interface Group {
  endings: number;
  unplanned: number;
  /** Unplanned as a share of endings (0–100, 1 dp), null without endings. */
  unplannedPercent: number | null;
  households: number;
  left: number;
  /** Households approved at the start still fostering at the end (0–100, 1 dp). */
  retainedPercent: number | null;
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

/**
 * `inGroup` says which households count as the constellation's; `approvedAtStart` are households
 * approved on the first day of the window with the date each left (resigned or deregistered), if
 * they did.
 */
export function compareGroups(
  endings: readonly Ending[],
  approvedAtStart: readonly { householdId: number; leftOn: string | null }[],
  inGroup: (householdId: number) => boolean,
  from: string,
  to: string,
): { inside: Group; outside: Group } {
  const make = (inside: boolean): Group => {
    const ends = endings.filter(
      (e) => inGroup(e.householdId) === inside && e.endDate >= from && e.endDate <= to,
    );
    const unplanned = ends.filter((e) =>
      (UNPLANNED_REASONS as readonly string[]).includes(e.reason ?? ''),
    ).length;
    const hh = approvedAtStart.filter((h) => inGroup(h.householdId) === inside);
    const left = hh.filter((h) => h.leftOn !== null && h.leftOn >= from && h.leftOn <= to).length;
    return {
      endings: ends.length,
      unplanned,
      unplannedPercent: pct(unplanned, ends.length),
      households: hh.length,
      left,
      retainedPercent: pct(hh.length - left, hh.length),
    };
  };
  return { inside: make(true), outside: make(false) };
}

/** Nights [start, start+nights) of two sleepovers overlap; the hub has two spare beds. */
export function bedsInUse(
  sleepovers: readonly { startDate: string; nights: number }[],
  night: string,
): number {
  const t = Date.parse(night);
  return sleepovers.filter((s) => {
    const a = Date.parse(s.startDate);
    return t >= a && t < a + s.nights * 86_400_000;
  }).length;
}

/** The first night of [start, start+nights) when both hub beds are already taken, or null. */
export function fullNight(
  sleepovers: readonly { startDate: string; nights: number }[],
  startDate: string,
  nights: number,
  beds = 2,
): string | null {
  const a = Date.parse(startDate);
  for (let i = 0; i < nights; i++) {
    const night = new Date(a + i * 86_400_000).toISOString().slice(0, 10);
    if (bedsInUse(sleepovers, night) >= beds) return night;
  }
  return null;
}
