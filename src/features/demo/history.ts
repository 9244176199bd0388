// Who was in care when: a month-by-month simulation of entries and exits over the history window,
// shaped by the seeds (about 44 children entering and 32 leaving a month, Bradford, 2020–21;
// children leave at 18 at the latest). Days are day numbers (src/domain/dates).
import type { Random } from './random.ts';

export type Profile =
  'connected' | 'mainstream' | 'ifa' | 'residential' | 'supported' | 'parents' | 'adoption';

export interface SimPeriod {
  start: number;
  end: number | null;
  reason: string | null;
  profile: Profile;
  cin: string;
}

export interface SimChild {
  n: number;
  dob: number;
  sex: 'M' | 'F';
  group: number;
  uasc: boolean;
  periods: SimPeriod[];
}

export interface HistoryShape {
  today: number;
  years: number;
  scale: number;
  entrantsPerMonth: number;
  leaversPerMonth: number;
  /** Children in care at the start of the window (chosen so that about 1,450 are in care today). */
  initialStock: number;
}

const YEAR = 365.25;

function entryAge(rng: Random, uasc: boolean): number {
  if (uasc) return rng.int(Math.round(14 * YEAR), Math.round(17.6 * YEAR));
  const band = rng.weighted({ infant: 18, under5: 13, under10: 15, under16: 38, over16: 16 });
  switch (band) {
    case 'infant':
      return rng.int(0, 364);
    case 'under5':
      return rng.int(365, Math.round(5 * YEAR) - 1);
    case 'under10':
      return rng.int(Math.round(5 * YEAR), Math.round(10 * YEAR) - 1);
    case 'under16':
      return rng.int(Math.round(10 * YEAR), Math.round(16 * YEAR) - 1);
    case 'over16':
      return rng.int(Math.round(16 * YEAR), Math.round(17.8 * YEAR));
  }
}

export function profileFor(rng: Random, ageDays: number, uasc: boolean): Profile {
  const age = ageDays / YEAR;
  if (uasc) return rng.weighted({ supported: 60, mainstream: 25, ifa: 15 });
  if (age < 2)
    return rng.weighted({ connected: 42, mainstream: 28, adoption: 20, ifa: 5, parents: 5 });
  if (age < 11)
    return rng.weighted({ connected: 52, mainstream: 24, ifa: 11, parents: 9, residential: 4 });
  if (age < 16)
    return rng.weighted({ connected: 40, mainstream: 17, ifa: 12, residential: 23, parents: 8 });
  return rng.weighted({ connected: 25, mainstream: 8, ifa: 8, residential: 14, supported: 45 });
}

const CIN = { N1: 62, N2: 4, N3: 3, N4: 18, N5: 3, N6: 2, N7: 1, N8: 7 };

function exitReason(rng: Random, p: Profile, age: number, daysIn: number): string | null {
  switch (p) {
    case 'adoption':
      return daysIn > 300 ? rng.weighted({ E11: 70, E12: 30 }) : null;
    case 'connected':
      return rng.weighted({ E45: 40, E41: 10, E4A: 40, E13: 7, E8: 3 });
    case 'parents':
      return rng.weighted({ E4A: 85, E41: 15 });
    case 'mainstream':
    case 'ifa':
      return age >= 12
        ? rng.weighted({ E4A: 45, E13: 12, E45: 8, E8: 15, E3: 5, E9: 5, E16: 2 })
        : rng.weighted({ E4A: 60, E13: 10, E45: 12, E46: 8, E3: 5, E8: 5 });
    case 'residential':
      return rng.weighted({ E4A: 40, E13: 20, E8: 20, E9: 10, E3: 10 });
    case 'supported':
      return rng.weighted({ E4A: 30, E5: 25, E13: 20, E8: 20, E14: 5 });
  }
}

function at18Reason(rng: Random, p: Profile): string {
  if (p === 'connected' || p === 'mainstream' || p === 'ifa')
    return rng.weighted({ E17: 30, E5: 35, E6: 10, E8: 25 });
  return rng.weighted({ E5: 55, E6: 15, E8: 25, E7: 5 });
}

export function simulate(rng: Random, shape: HistoryShape): SimChild[] {
  const children: SimChild[] = [];
  const inCare = new Set<SimChild>();
  const left: SimChild[] = [];
  const windowStart = shape.today - Math.round(shape.years * YEAR);
  let group = 0;

  const admit = (c: SimChild, start: number): void => {
    const age = start - c.dob;
    c.periods.push({
      start,
      end: null,
      reason: null,
      profile: profileFor(rng, age, c.uasc),
      cin: c.uasc ? 'N7' : rng.weighted(CIN),
    });
    inCare.add(c);
  };
  const newGroup = (start: number): void => {
    group++;
    const size = rng.weighted({ one: 62, two: 26, three: 12 });
    const uasc = size === 'one' && rng.chance(0.05);
    const first = entryAge(rng, uasc);
    const count = size === 'one' ? 1 : size === 'two' ? 2 : 3;
    for (let i = 0; i < count; i++) {
      const age = i === 0 ? first : Math.max(0, first - i * rng.int(300, 1100));
      const c: SimChild = {
        n: children.length + 1,
        dob: start - age,
        sex: uasc ? (rng.chance(0.92) ? 'M' : 'F') : rng.chance(0.55) ? 'M' : 'F',
        group,
        uasc,
        periods: [],
      };
      children.push(c);
      admit(c, start);
    }
  };
  const discharge = (c: SimChild, day: number, reason: string): void => {
    const p = c.periods[c.periods.length - 1];
    if (!p) return;
    p.end = Math.max(day, p.start);
    p.reason = reason;
    inCare.delete(c);
    left.push(c);
  };

  // The stock at the start of the window: children who came into care in the years before.
  let stock = 0;
  while (stock < shape.initialStock) {
    const start = windowStart - rng.int(1, Math.round(8 * YEAR));
    const before = children.length;
    newGroup(start);
    for (const c of children.slice(before)) {
      if (windowStart - c.dob >= 18 * YEAR - 1) {
        inCare.delete(c);
        c.periods = [];
      } else stock++;
    }
  }

  const months = Math.round(shape.years * 12);
  for (let m = 0; m < months; m++) {
    const from = windowStart + Math.round(m * (YEAR / 12));
    const to = Math.min(shape.today, windowStart + Math.round((m + 1) * (YEAR / 12)) - 1);
    // Leaving at 18.
    let leavers = 0;
    for (const c of [...inCare]) {
      const at18 = c.dob + Math.round(18 * YEAR);
      if (at18 <= to) {
        const p = c.periods[c.periods.length - 1];
        discharge(c, Math.max(at18, from), at18Reason(rng, p?.profile ?? 'mainstream'));
        leavers++;
      }
    }
    // Other leavers, to about the monthly figure.
    const target = rng.poisson(shape.leaversPerMonth * shape.scale);
    const pool = [...inCare];
    for (let tries = 0; leavers < target && tries < target * 8 && pool.length; tries++) {
      const c = rng.pick(pool);
      const p = c.periods[c.periods.length - 1];
      if (!p || !inCare.has(c)) continue;
      const day = rng.int(from, to);
      if (day - p.start < 30) continue;
      const reason = exitReason(rng, p.profile, (day - c.dob) / YEAR, day - p.start);
      if (!reason) continue;
      discharge(c, day, reason);
      leavers++;
    }
    // Entrants, some of them returning to care.
    const entrants = rng.poisson(shape.entrantsPerMonth * shape.scale);
    let entered = 0;
    while (entered < entrants) {
      const day = rng.int(from, to);
      if (rng.chance(0.07) && left.length) {
        const c = rng.pick(left);
        const last = c.periods[c.periods.length - 1];
        const reentry = last && ['E4A', 'E13', 'E8'].includes(last.reason ?? '');
        if (
          reentry &&
          last.end !== null &&
          day - last.end > 90 &&
          day - c.dob < 17 * YEAR &&
          !inCare.has(c)
        ) {
          admit(c, day);
          entered++;
          continue;
        }
      }
      const before = children.length;
      newGroup(day);
      entered += children.length - before;
    }
  }
  return children.filter((c) => c.periods.length > 0);
}
