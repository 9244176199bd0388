// Each simulated child's record: legal status and placement periods inside each period of care,
// and the dated events (reviews, visits, health, missing, permanence, care leaving) with realistic
// lateness, so work trays and measures show true, varied figures.
import { fromDayNumber as iso } from '../../domain/dates/isoDate.ts';
import type { DemoRows, Ids } from './plan.ts';
import type { Random } from './random.ts';
import type { Postcodes } from './postcodes.ts';
import type { Profile, SimChild, SimPeriod } from './history.ts';
import type { Homes, Worker, Workforce } from './workforce.ts';
import { leastLoaded } from './workforce.ts';
import { childFirstName, surname } from './names.ts';

const YEAR = 365.25;

export interface Household {
  id: number;
  places: number;
  used: number;
  postcode: string;
  approved: boolean;
}

export interface RecordContext {
  rows: DemoRows;
  ids: Ids;
  rng: Random;
  pc: Postcodes;
  today: number;
  windowStart: number;
  homes: Homes;
  workforce: Workforce;
  mainstream: Household[];
  councilFosteringUrn: string;
  newHousehold: (kind: 'connected', postcode: string, start: number, open: boolean) => Household;
  laCode: string;
}

const ETHNIC = {
  WBRI: 52,
  APKN: 13,
  MWAS: 5,
  MWBC: 6,
  MOTH: 3,
  WOTH: 4,
  WROM: 1,
  WIRT: 1,
  BAFR: 2,
  BCRB: 1,
  BOTH: 1,
  ABAN: 2,
  AIND: 1,
  AOTH: 2,
  OOTH: 3,
  NOBT: 1,
  REFU: 1,
};
const CHANGE = {
  CARPL: 20,
  CLOSE: 3,
  ALLEG: 3,
  STAND: 10,
  APPRR: 5,
  CREQB: 8,
  CREQO: 5,
  CHILD: 10,
  LAREQ: 20,
  PLACE: 15,
  OTHER: 1,
};
const LEAVER_REASONS = new Set(['E5', 'E6', 'E8', 'E17', 'E7']);
/** Why a social worker changed (allocation.end_reason; the 903 SW_REASON of the next episode). */
const SW_CHANGE = {
  LEFTRL: 34,
  MANAGE: 22,
  TSPROC: 18,
  ORGRST: 10,
  ABSENC: 6,
  CHCHAN: 4,
  PCCHAN: 2,
  OTHERS: 4,
};

/** The 18th birthday of a child born on `dob` ('YYYY-MM-DD'); 28 February for 29 February. */
function eighteenth(dob: string): string {
  const md = dob.slice(5) === '02-29' ? '02-28' : dob.slice(5);
  return `${String(Number(dob.slice(0, 4)) + 18)}-${md}`;
}

function upnCheck(digits: string): string {
  const letters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (i + 2);
  return letters[sum % 23] ?? 'A';
}

/** NHS test numbers start 999 and are never issued to patients; modulus 11 check digit; unique. */
function nhsNumber(n: number, used: Set<string>): string {
  for (let k = n; ; k += 100_003) {
    const base = `999${String(k % 1_000_000).padStart(6, '0')}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(base[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    const nhs = base + String(check === 11 ? 0 : check);
    if (used.has(nhs)) continue;
    used.add(nhs);
    return nhs;
  }
}

interface Segment {
  start: number;
  end: number | null;
}

/** Split [start, end] into n contiguous segments. */
function split(
  rng: Random,
  start: number,
  end: number | null,
  today: number,
  n: number,
): Segment[] {
  const last = end ?? today;
  const cuts = new Set<number>();
  for (let i = 1; i < n && last - start > 2 * n; i++) cuts.add(rng.int(start + 1, last - 1));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  let s = start;
  for (const p of points) {
    out.push({ start: s, end: p - 1 });
    s = p;
  }
  out.push({ start: s, end });
  return out;
}

export function buildChildRecords(ctx: RecordContext, sims: SimChild[]): void {
  const { rows, ids, rng, pc, today } = ctx;
  const groups = new Map<
    number,
    {
      surname: string;
      home: string;
      team?: { id: number; workers: Worker[] };
      hh: Map<number, Household>;
    }
  >();
  const childIds = new Map<SimChild, number>();
  const groupChildren = new Map<{ home: string }, number[]>();
  let upnSerial = 0;
  const usedNhs = new Set<string>();
  for (const sim of sims) {
    let g = groups.get(sim.group);
    if (!g)
      groups.set(sim.group, (g = { surname: surname(rng), home: pc.bradford(rng), hh: new Map() }));
    const id = ids.take('child');
    childIds.set(sim, id);
    const members = groupChildren.get(g) ?? [];
    members.push(id);
    groupChildren.set(g, members);
    const dob = iso(sim.dob);
    const schoolAge = today - sim.dob > 4 * YEAR;
    upnSerial++;
    const upnDigits = `${ctx.laCode}${String(2000 + (upnSerial % 8000)).padStart(4, '0')}${String(Math.floor(upnSerial / 8000) % 100).padStart(2, '0')}${String(upnSerial % 1000).padStart(3, '0')}`;
    const firstIn = sim.periods[0]?.start ?? today;
    rows.child.push({
      id,
      local_id: `DEMO${String(sim.n).padStart(6, '0')}`,
      // A few school-age children's UPNs are still being sought from their schools.
      upn: schoolAge && rng.chance(0.995) ? upnCheck(upnDigits) + upnDigits : null,
      nhs_number: nhsNumber(sim.n, usedNhs),
      first_name: childFirstName(rng, sim.sex),
      last_name: g.surname,
      preferred_name: rng.chance(0.05) ? childFirstName(rng, sim.sex).slice(0, 3) : null,
      date_of_birth: dob,
      sex: sim.sex,
      ethnicity: sim.uasc ? rng.pick(['OOTH', 'AOTH', 'BAFR', 'MOTH']) : rng.weighted(ETHNIC),
      disabilities: rng.chance(0.09) ? [rng.pick(['AUT', 'LD', 'MOB', 'HEAR', 'VIS', 'BEH'])] : [],
      uasc: sim.uasc,
      uasc_start: sim.uasc ? iso(firstIn) : null,
      // UASC status ends on the 18th birthday (rule 304).
      uasc_end: sim.uasc && eighteenth(dob) <= iso(today) ? eighteenth(dob) : null,
      home_postcode: g.home,
      team_id: null,
    });
    for (const period of sim.periods) buildPeriod(ctx, sim, id, period, g);
    childEvents(ctx, sim, id, g);
  }
  separateHomesFromCarers(ctx, groupChildren);
  // Sibling links, both ways.
  const byGroup = new Map<number, number[]>();
  for (const sim of sims) {
    const list = byGroup.get(sim.group) ?? [];
    list.push(childIds.get(sim) ?? 0);
    byGroup.set(sim.group, list);
  }
  for (const list of byGroup.values())
    for (const a of list)
      for (const b of list)
        if (a !== b)
          rows.child_relation.push({ child_id: a, related_child_id: b, kind: 'sibling' });
}

/**
 * A child's home postcode is never where they are placed, placed with parents (P1) aside (rule
 * 392d): a family's home drawn from the same postcode sample as one of its children's carers or
 * homes moves to the next Bradford postcode of the sample that none of the family's placements
 * uses, with its P1 placements. No random draw, so every other figure stays as it was.
 */
function separateHomesFromCarers(
  ctx: RecordContext,
  groupChildren: ReadonlyMap<{ home: string }, readonly number[]>,
): void {
  const { rows, pc } = ctx;
  const placementsOf = new Map<number, (typeof rows.placement)[number][]>();
  for (const pl of rows.placement) {
    const list = placementsOf.get(pl.child_id) ?? [];
    list.push(pl);
    placementsOf.set(pl.child_id, list);
  }
  const childRow = new Map(rows.child.map((c) => [c.id, c]));
  for (const [g, members] of groupChildren) {
    const placements = members.flatMap((id) => placementsOf.get(id) ?? []);
    const used = new Set<string>();
    for (const pl of placements) if (pl.place_type !== 'P1' && pl.postcode) used.add(pl.postcode);
    if (!used.has(g.home)) continue;
    const before = g.home;
    g.home = pc.nextBradford(before, used);
    for (const id of members) {
      const c = childRow.get(id);
      if (c) c.home_postcode = g.home;
    }
    for (const pl of placements)
      if (pl.place_type === 'P1' && pl.postcode === before) pl.postcode = g.home;
  }
}

function legalStatuses(
  rng: Random,
  p: SimPeriod,
  today: number,
  age: number,
): { status: string; start: number; end: number | null }[] {
  const end = p.end ?? today;
  const out: { status: string; start: number; end: number | null }[] = [];
  let s = p.start;
  let status: string;
  // Placed with parents only under a care or interim care order (rule 378), never section 20.
  if (p.profile === 'parents') status = 'C1';
  else if (p.profile === 'supported' || (age > 15 * YEAR && rng.chance(0.6))) status = 'V2';
  else status = rng.weighted({ V2: 30, C1: 60, L2: 6, L1: 4 });
  for (;;) {
    let next: string | null = null;
    let len = Infinity;
    // Police protection lasts at most 72 hours (rule 361); an emergency protection order up to 8 days.
    if (status === 'L1') [next, len] = ['C1', rng.int(1, 3)];
    else if (status === 'L2') [next, len] = ['C1', rng.int(1, 8)];
    else if (status === 'V2' && p.profile !== 'supported' && rng.chance(0.4))
      [next, len] = ['C1', rng.int(30, 240)];
    else if (status === 'C1')
      [next, len] = [p.profile === 'adoption' ? 'E1' : 'C2', rng.int(180, 400)];
    if (next === null || s + len > end) {
      out.push({ status, start: s, end: p.end });
      return out;
    }
    out.push({ status, start: s, end: s + len - 1 });
    s += len;
    status = next;
  }
}

function buildPeriod(
  ctx: RecordContext,
  sim: SimChild,
  childId: number,
  p: SimPeriod,
  g: { home: string; hh: Map<number, Household> },
): void {
  const { rows, ids, rng, pc, today, homes } = ctx;
  const statuses = legalStatuses(rng, p, today, p.start - sim.dob);
  // Adopted (E11, E12) only under a placement order: a child on an adoption plan who never came
  // under one went home instead (rules 390, 601 need the placement for adoption).
  if (['E11', 'E12'].includes(p.reason ?? '') && !statuses.some((s) => s.status === 'E1'))
    p.reason = 'E4A';
  const periodId = ids.take('period_of_care');
  rows.period_of_care.push({
    id: periodId,
    child_id: childId,
    start_date: iso(p.start),
    end_date: p.end === null ? null : iso(p.end),
    end_reason: p.reason,
    category_of_need: p.cin,
  });
  for (const ls of statuses)
    rows.legal_status.push({
      id: ids.take('legal_status'),
      period_of_care_id: periodId,
      child_id: childId,
      status: ls.status,
      start_date: iso(ls.start),
      end_date: ls.end === null ? null : iso(ls.end),
    });
  const years = ((p.end ?? today) - p.start) / YEAR;
  const moves = Math.min(5, rng.poisson(0.35 * years + 0.15));
  const segments = split(rng, p.start, p.end, today, moves + 1);
  // Adoption: the last segment is the placement for adoption, from the placed date.
  const e1 = statuses.find((s) => s.status === 'E1');
  let placedFrom: number | null = null;
  if (p.profile === 'adoption' && e1) {
    const candidate = e1.start + rng.int(60, 220);
    if (
      (p.end !== null && ['E11', 'E12'].includes(p.reason ?? '')) ||
      (p.end === null && candidate < today - 10)
    ) {
      placedFrom = p.end !== null ? Math.max(e1.start + 1, p.end - rng.int(70, 200)) : candidate;
      if (placedFrom > (p.end ?? today)) placedFrom = null;
    }
  }
  if (placedFrom !== null) {
    while (segments.length > 1 && (segments[segments.length - 1]?.start ?? 0) >= placedFrom)
      segments.pop();
    const last = segments[segments.length - 1];
    if (last && placedFrom > last.start) {
      last.end = placedFrom - 1;
      segments.push({ start: placedFrom, end: p.end });
    } else placedFrom = null;
    const decision = Math.max(p.start, (e1?.start ?? p.start) - rng.int(20, 60));
    rows.adoption_plan.push({
      id: ids.take('adoption_plan'),
      child_id: childId,
      decision_date: iso(decision),
      placement_order_date: e1 ? iso(e1.start) : null,
      matched_date:
        placedFrom !== null ? iso(Math.max(decision, placedFrom - rng.int(14, 40))) : null,
      placed_date: placedFrom !== null ? iso(placedFrom) : null,
      order_granted_date: p.end !== null && placedFrom !== null ? iso(p.end) : null,
      ...(p.end !== null && placedFrom !== null ? adopters(rng) : {}),
    });
  }
  const proceedings = statuses.find((s) => s.status === 'C1');
  if (proceedings) {
    const final = statuses.find((s) => s.status === 'C2' || s.status === 'E1');
    rows.care_proceedings.push({
      id: ids.take('care_proceedings'),
      child_id: childId,
      issue_date: iso(Math.max(sim.dob, proceedings.start - rng.int(0, 2))),
      final_order_date: final ? iso(final.start) : null,
    });
  }
  segments.forEach((seg, i) => {
    const isLast = i === segments.length - 1;
    const open = seg.end === null;
    const age = (seg.start - sim.dob) / YEAR;
    let kind: Profile | 'emergency' | 'placed_for_adoption' = p.profile;
    if (placedFrom !== null && isLast) kind = 'placed_for_adoption';
    else if (i === 0 && segments.length > 1 && rng.chance(0.35)) kind = 'emergency';
    if (kind === 'supported' && age < 16) kind = 'residential';
    const longTerm = seg.start < today - 365 && rng.chance(0.5);
    const row = {
      id: ids.take('placement'),
      period_of_care_id: periodId,
      child_id: childId,
      category_of_need: p.cin,
      start_date: iso(seg.start),
      end_date: seg.end === null ? null : iso(seg.end),
      reason_for_change: isLast ? null : rng.weighted(CHANGE),
      place_type: 'U6',
      place_provider: 'PR1' as string | null,
      provider_id: null as number | null,
      fostering_household_id: null as number | null,
      home_id: null as number | null,
      postcode: null as string | null,
      urn: ctx.councilFosteringUrn as string | null,
      intended_to_18: false,
      long_term_designated: false,
      connected_person_reg24: false,
    };
    switch (kind) {
      case 'connected': {
        let hh = g.hh.get(p.start);
        if (!hh) {
          hh = ctx.newHousehold('connected', pc.somewhere(rng, 0.975, 0.02), seg.start, open);
          g.hh.set(p.start, hh);
        }
        row.fostering_household_id = hh.id;
        row.postcode = hh.postcode;
        row.place_type = longTerm ? 'U1' : 'U3';
        row.long_term_designated = longTerm;
        row.connected_person_reg24 = !hh.approved;
        break;
      }
      case 'emergency':
      case 'mainstream':
      case 'adoption': {
        const hh = open ? leastUsed(ctx.mainstream) : rng.pick(ctx.mainstream);
        if (!hh) {
          ifa(ctx, row);
          break;
        }
        if (open) hh.used++;
        row.fostering_household_id = hh.id;
        row.postcode = hh.postcode;
        row.place_type =
          kind === 'adoption' && rng.chance(0.2)
            ? 'U5'
            : longTerm && kind === 'mainstream'
              ? 'U4'
              : 'U6';
        row.long_term_designated = row.place_type === 'U4';
        break;
      }
      case 'ifa':
        ifa(ctx, row);
        row.place_type = longTerm ? 'U4' : 'U6';
        row.long_term_designated = longTerm;
        break;
      case 'residential': {
        const freeInHouse = homes.inHouse.find((h) => h.used < h.beds);
        const freePrivate = homes.private.filter((h) => h.used < h.beds);
        const inHouse = open
          ? rng.chance(0.6)
            ? freeInHouse
            : undefined
          : rng.chance(0.3)
            ? rng.pick(homes.inHouse)
            : undefined;
        if (inHouse) {
          if (open) inHouse.used++;
          row.home_id = inHouse.id;
          row.postcode = inHouse.postcode;
          row.urn = inHouse.urn;
          row.provider_id = homes.inHouseProviderId;
        } else {
          const home = rng.pick(open && freePrivate.length ? freePrivate : homes.private);
          if (open) home.used++;
          row.home_id = home.id;
          row.postcode = home.postcode;
          row.urn = home.urn;
          row.place_provider = 'PR4';
          row.provider_id = home.providerId;
        }
        row.place_type = 'K2';
        break;
      }
      case 'supported':
        row.place_type = 'K3';
        row.provider_id = rng.pick(homes.supportedProviders).id;
        row.place_provider = 'PR4';
        row.postcode = pc.somewhere(rng, 0.95, 0.04);
        row.urn = 'XXXXXXX';
        break;
      case 'parents':
        row.place_type = 'P1';
        row.place_provider = 'PR0';
        row.postcode = g.home;
        row.urn = 'XXXXXXX';
        break;
      case 'placed_for_adoption': {
        // A5: placed for adoption with the foster carers the child already lives with (rule 217).
        const before = i > 0 ? rows.placement[rows.placement.length - 1] : undefined;
        const withCarers = before?.fostering_household_id != null && rng.chance(0.2);
        row.place_type = withCarers ? 'A5' : 'A6';
        row.place_provider = 'PR1';
        row.postcode = withCarers ? (before.postcode ?? null) : pc.somewhere(rng, 0.9, 0.08);
        row.fostering_household_id = withCarers ? (before.fostering_household_id ?? null) : null;
        row.urn = ctx.councilFosteringUrn;
        break;
      }
    }
    row.intended_to_18 = row.long_term_designated && age >= 8;
    rows.placement.push(row);
  });
  // Adopted by the foster carers (AD1 FOSTER_CARE) exactly when placed for adoption with them, A5
  // (rule 335).
  const plan = rows.adoption_plan[rows.adoption_plan.length - 1];
  const lastPlacement = rows.placement[rows.placement.length - 1];
  if (
    plan?.child_id === childId &&
    plan.adopted_by_foster_carer != null &&
    lastPlacement?.child_id === childId &&
    (lastPlacement.place_type === 'A5' || lastPlacement.place_type === 'A6')
  )
    plan.adopted_by_foster_carer = lastPlacement.place_type === 'A5';
  if (p.end !== null && p.reason) {
    const kind = ['E11', 'E12'].includes(p.reason)
      ? 'adoption'
      : ['E45', 'E46', 'E47', 'E48'].includes(p.reason)
        ? 'sgo'
        : p.reason === 'E41'
          ? 'cao'
          : null;
    if (kind)
      rows.permanence_order.push({
        id: ids.take('permanence_order'),
        child_id: childId,
        kind,
        order_date: iso(p.end),
      });
  }
}

/** Who adopted the child (the 903 AD1 columns), recorded when the adoption order is made. */
function adopters(rng: Random): {
  adopted_by_foster_carer: boolean;
  adopter_count: number;
  adopter_sexes: string;
  adopter_legal_status: string;
} {
  const couple = rng.chance(0.8);
  const sexes = couple ? rng.weighted({ MF: 85, FF: 8, MM: 7 }) : rng.weighted({ F1: 85, M1: 15 });
  const legal = !couple
    ? 'L0'
    : sexes === 'MF'
      ? rng.weighted({ L11: 65, L2: 35 })
      : rng.weighted({ L12: 60, L2: 40 }); // L11 is a different-gender married couple (rule 520)
  return {
    adopted_by_foster_carer: rng.chance(0.12),
    adopter_count: couple ? 2 : 1,
    adopter_sexes: sexes,
    adopter_legal_status: legal,
  };
}

function ifa(
  ctx: RecordContext,
  row: {
    provider_id: number | null;
    place_provider: string | null;
    postcode: string | null;
    urn: string | null;
  },
): void {
  const agency = ctx.rng.pick(ctx.homes.ifas);
  row.provider_id = agency.id;
  row.place_provider = 'PR4';
  row.postcode = ctx.pc.somewhere(ctx.rng, 0.88, 0.1);
  row.urn = agency.urn;
}

function leastUsed(households: Household[]): Household | undefined {
  let best: Household | undefined;
  for (const h of households)
    if (h.approved && h.used < h.places && (!best || h.used < best.used)) best = h;
  return best;
}

/** Days between due and done: mostly on time, a tail late. */
function lateness(rng: Random, onTime: number, maxLate: number): number {
  return rng.chance(onTime) ? -rng.int(0, 10) : rng.int(1, maxLate);
}

function childEvents(
  ctx: RecordContext,
  sim: SimChild,
  childId: number,
  g: { team?: { id: number; workers: Worker[] } },
): void {
  const { rows, ids, rng, today, windowStart, workforce } = ctx;
  const current = sim.periods.find((p) => p.end === null);
  const last = sim.periods[sim.periods.length - 1];
  const age = (today - sim.dob) / YEAR;
  const inWindow = (d: number): boolean => d >= windowStart && d <= today;
  let socialWorker: Worker | undefined;
  let iro: Worker | undefined;
  if (current) {
    g.team ??= ctx.rng.pick(workforce.socialWorkerTeams);
    socialWorker = rng.chance(0.98)
      ? (leastLoaded(g.team.workers) ??
        leastLoaded(workforce.socialWorkerTeams.flatMap((t) => t.workers)))
      : undefined;
    const child = rows.child[rows.child.length - 1];
    if (child) child.team_id = socialWorker?.teamId ?? g.team.id;
    if (socialWorker) socialWorker.load++;
    iro = leastLoaded(workforce.iros);
    if (iro) {
      iro.load++;
      rows.allocation.push({
        id: ids.take('allocation'),
        child_id: childId,
        user_id: iro.id,
        role: 'iro',
        start_date: iso(
          current.start + rng.int(1, 10) > today ? today : current.start + rng.int(1, 10),
        ),
        end_date: null,
      });
    }
  }
  socialWorkerHistory(ctx, sim, childId, socialWorker, g.team);
  // Personal advisers: 16–17 in care, and care leavers (all under 21; some 21–25 still supported).
  const careLeaver = !current && last?.end != null && LEAVER_REASONS.has(last.reason ?? '');
  if ((current && age >= 16) || (careLeaver && (age < 21 || rng.chance(0.3)))) {
    const pa = leastLoaded(workforce.personalAdvisers);
    if (pa) {
      pa.load++;
      const from = Math.max(sim.dob + Math.round(16 * YEAR), (current ?? last)?.start ?? today);
      rows.allocation.push({
        id: ids.take('allocation'),
        child_id: childId,
        user_id: pa.id,
        role: 'personal_adviser',
        start_date: iso(Math.min(from, today)),
        end_date: null,
      });
      if (careLeaver) {
        const child = rows.child[rows.child.length - 1];
        if (child) child.team_id = workforce.leavingCareTeamId;
      }
    }
  }

  for (const p of sim.periods) {
    const end = p.end ?? today;
    const childAge = (d: number): number => (d - sim.dob) / YEAR;
    // Reviews: 20 working days (28 days), then 3 months, then every 6 months.
    let due = p.start + 28;
    let n = 0;
    while (due <= end) {
      const held = due + lateness(rng, 0.88, 45);
      if (inWindow(held) && held <= end && held >= p.start) {
        rows.review.push({
          id: ids.take('review'),
          child_id: childId,
          due_date: iso(due),
          held_date: iso(held),
          participation:
            childAge(held) < 4
              ? 'PN0'
              : rng.weighted({ PN1: 45, PN2: 15, PN3: 10, PN4: 10, PN5: 8, PN6: 7, PN7: 5 }),
          iro_id: p.end === null ? (iro?.id ?? null) : rng.pick(workforce.iros).id,
        });
      }
      due = held + (n === 0 ? 91 : 182);
      n++;
    }
    // Visits: within a week of placement, then about every six weeks (last two years only).
    const visitFrom = Math.max(p.start + rng.int(1, 7), today - 730);
    for (let d = visitFrom; d <= end; d += rng.chance(0.85) ? rng.int(20, 42) : rng.int(43, 85)) {
      const seen = rng.chance(0.95);
      rows.visit.push({
        id: ids.take('visit'),
        child_id: childId,
        visit_date: iso(d),
        seen,
        seen_alone: seen && childAge(d) >= 5 && rng.chance(0.7),
        worker_id: p.end === null ? (socialWorker?.id ?? null) : null,
      });
    }
    // Health: initial within 20 working days, then yearly (six-monthly under 5); dental yearly.
    const initial = p.start + (rng.chance(0.6) ? rng.int(5, 28) : rng.int(29, 90));
    if (inWindow(initial) && initial <= end)
      rows.health_assessment.push({
        id: ids.take('health_assessment'),
        child_id: childId,
        kind: 'initial',
        assessment_date: iso(initial),
      });
    for (let d = initial; ;) {
      d += (childAge(d) < 5 ? 182 : 365) + lateness(rng, 0.8, 90);
      if (d > end) break;
      if (inWindow(d))
        rows.health_assessment.push({
          id: ids.take('health_assessment'),
          child_id: childId,
          kind: 'review',
          assessment_date: iso(d),
        });
    }
    for (let d = p.start + rng.int(30, 200); d <= end; d += 365 + lateness(rng, 0.75, 150))
      if (inWindow(d) && childAge(d) >= 1)
        rows.health_assessment.push({
          id: ids.take('health_assessment'),
          child_id: childId,
          kind: 'dental',
          assessment_date: iso(d),
        });
    // 31 March each year: immunisations and SDQ for those in care twelve months.
    for (
      let y = new Date(iso(windowStart)).getUTCFullYear();
      y <= new Date(iso(today)).getUTCFullYear();
      y++
    ) {
      const march = Date.UTC(y, 2, 31) / 86_400_000;
      if (march < windowStart || march > today || march > end || march - p.start < 365) continue;
      rows.immunisation_status.push({
        id: ids.take('immunisation_status'),
        child_id: childId,
        as_at: iso(march),
        up_to_date: rng.chance(0.86),
      });
      const a = childAge(march);
      // SDQ for those aged 4 at 31 March up to 16 at the start of the year (so 17 at its end).
      if (a >= 4 && a < 18) {
        if (rng.chance(0.78))
          rows.sdq.push({
            id: ids.take('sdq'),
            child_id: childId,
            sdq_date: iso(march - rng.int(0, 80)),
            score: Math.max(0, Math.min(40, Math.round(14 + 6.5 * rng.normal()))),
            reason: null,
          });
        else
          rows.sdq.push({
            id: ids.take('sdq'),
            child_id: childId,
            sdq_date: null,
            score: null,
            // SDQ1 (under 4 or over 17) never applies in this age range (rule 157).
            reason: rng.pick(['SDQ2', 'SDQ3', 'SDQ4', 'SDQ5']),
          });
      }
    }
    // Missing and away: one in eight children of 11+ in care, some many times.
    if (childAge(end) >= 11 && rng.chance(0.14)) {
      const count = 1 + rng.poisson(rng.chance(0.2) ? 8 : 1.5);
      // A child is missing or away once at a time: an episode touching an earlier one is not kept
      // (rule 574), though its values are still drawn so the rest of the demo is unchanged.
      const taken: [number, number][] = [];
      for (let k = 0; k < count; k++) {
        const from = Math.max(p.start, windowStart, sim.dob + Math.round(11 * YEAR));
        if (from >= end) break;
        const s = rng.int(from, end);
        const e = Math.min(today, s + (rng.chance(0.7) ? rng.int(0, 1) : rng.int(2, 6)));
        const open = e === today && rng.chance(0.3) && p.end === null;
        const offered =
          !open && rng.chance(0.82) ? e + (rng.chance(0.8) ? rng.int(0, 3) : rng.int(4, 10)) : null;
        const kind = rng.chance(0.8) ? 'M' : 'A';
        const accepted = offered !== null && offered <= today ? rng.chance(0.48) : null;
        const until = open ? today : e;
        if (taken.some(([a, b]) => s <= b + 1 && until >= a - 1)) continue;
        taken.push([s, until]);
        rows.missing_episode.push({
          id: ids.take('missing_episode'),
          child_id: childId,
          kind,
          start_date: iso(s),
          end_date: open ? null : iso(e),
          return_interview_offered: offered !== null && offered <= today ? iso(offered) : null,
          return_interview_accepted: accepted,
        });
      }
    }
    if (childAge(end) >= 11 && rng.chance(0.05)) {
      const d = rng.int(Math.max(p.start, sim.dob + Math.round(11 * YEAR)), end);
      const offered = rng.chance(0.8);
      if (inWindow(d))
        rows.substance_misuse.push({
          id: ids.take('substance_misuse'),
          child_id: childId,
          identified_date: iso(d),
          intervention_offered: offered,
          intervention_received: offered && rng.chance(0.6),
        });
    }
    if (childAge(end) >= 10 && rng.chance(0.03)) {
      const d = rng.int(Math.max(p.start, sim.dob + Math.round(10 * YEAR)), end);
      if (inWindow(d))
        rows.conviction.push({
          id: ids.take('conviction'),
          child_id: childId,
          conviction_date: iso(d),
        });
    }
    // Personal education plans: termly for school age, last two years.
    for (let d = Math.max(p.start + 20, today - 730); d <= end; d += 120 + lateness(rng, 0.8, 60)) {
      const a = childAge(d);
      if (a >= 3 && a < 18)
        rows.pep.push({
          id: ids.take('pep'),
          child_id: childId,
          pep_date: iso(d),
          kind: d - p.start < 60 ? 'initial' : 'review',
        });
    }
  }
  // Pathway plans: from 16 in care, every six months while in care or a care leaver under 21.
  const at16 = sim.dob + Math.round(16 * YEAR);
  const planUntil = current
    ? today
    : careLeaver
      ? Math.min(today, sim.dob + Math.round(21 * YEAR))
      : (last?.end ?? today);
  const firstIn = sim.periods[0]?.start ?? today;
  for (
    let d = Math.max(at16, firstIn) + rng.int(10, 90), k = 0;
    d <= planUntil && (current || careLeaver || d <= (last?.end ?? today));
    d += 182 + lateness(rng, 0.8, 60), k++
  )
    if (inWindow(d))
      rows.pathway_plan.push({
        id: ids.take('pathway_plan'),
        child_id: childId,
        plan_date: iso(d),
        kind: k === 0 ? 'initial' : 'review',
      });
  // Care leaver contacts around each birthday from 18 to 21 after leaving care.
  if (careLeaver && last.end !== null) {
    for (let b = 18; b <= 21; b++) {
      const birthday = sim.dob + Math.round(b * YEAR);
      const d = birthday + rng.int(-30, 30);
      if (d <= last.end || d > today || !inWindow(d)) continue;
      const touch = rng.weighted({ YES: 88, NO: 5, REFU: 4, NREQ: 3 });
      rows.care_leaver_contact.push({
        id: ids.take('care_leaver_contact'),
        child_id: childId,
        contact_date: iso(d),
        in_touch: touch,
        activity:
          touch === 'YES'
            ? rng.weighted({
                F1: 8,
                P1: 3,
                F2: 30,
                P2: 6,
                F4: 14,
                P4: 8,
                F5: 4,
                P5: 2,
                G4: 5,
                G5: 15,
                G6: 5,
              })
            : null,
        accommodation:
          touch === 'YES'
            ? rng.weighted({
                B1: 6,
                C1: 10,
                D1: 12,
                E1: 15,
                G1: 8,
                H1: 10,
                K1: 4,
                R1: 6,
                T1: 4,
                U1: 9,
                V1: 4,
                Y1: 3,
                B2: 1,
                E2: 1,
                Z2: 2,
                T2: 1,
              })
            : null,
      });
    }
  }
  // Previous permanence: asked of every child entering care (most had none, Z1); a few answers are
  // still to be recorded. An order needs time before care began, so none for babies.
  const first = sim.periods[0];
  if (first && rng.chance(0.985)) {
    const canHaveOrder = first.start - sim.dob > 400;
    const prev = canHaveOrder && rng.chance(0.12) ? rng.weighted({ P1: 10, P2: 40, P3: 30 }) : 'Z1';
    rows.previous_permanence.push({
      id: ids.take('previous_permanence'),
      child_id: childId,
      prev_perm: prev,
      order_date:
        prev === 'Z1' ? null : iso(Math.max(sim.dob + 30, first.start - rng.int(200, 1500))),
      la_code: prev === 'Z1' ? null : rng.chance(0.8) ? ctx.laCode : '383',
    });
  }
}

/** 1 April on or before a day (the start of its 903 collection year), as a day number. */
function aprilOnOrBefore(day: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return Date.UTC(y, 3, 1) / 86_400_000;
}

/**
 * The child's social workers as contiguous allocations: from the assessment or child in need work
 * before each period of care (a few weeks to a year), through it, and for a few months of support
 * after a return home, an order or adoption (none after leaving care as an adult: the personal
 * adviser takes over). Periods close together share one history. Each change has a reason; the
 * allocation open today is `current`, the worker the caseload counts.
 */
function socialWorkerHistory(
  ctx: RecordContext,
  sim: SimChild,
  childId: number,
  current: Worker | undefined,
  team: { id: number; workers: Worker[] } | undefined,
): void {
  const { rows, ids, rng, today, windowStart, workforce } = ctx;
  // start and end drive the random draws; the allocations are then stretched to `earliest` and
  // `closeOn` (no further draws, so the rest of the demo is unchanged by the stretching):
  // - social work before care goes back at least to 1 April of the collection year the period
  //   begins in (or birth), so the 903's social worker episodes cover the whole year (SW12);
  // - a case closed in the last 5 days of March is closed on 1 April instead: the DfE asks about a
  //   social worker episode ending then with none after it (SW11b), which the demo does not model.
  const spans: {
    start: number;
    end: number | null;
    earliest: number;
    closeOn: number | null;
  }[] = [];
  for (const p of sim.periods) {
    const start = Math.max(sim.dob, p.start - (rng.chance(0.85) ? rng.int(20, 380) : 0));
    const earliest = Math.max(sim.dob, Math.min(start, aprilOnOrBefore(p.start)));
    const support = p.end === null || LEAVER_REASONS.has(p.reason ?? '') ? 0 : rng.int(40, 300);
    const end = p.end === null ? null : p.end + support >= today ? null : p.end + support;
    const april = end === null ? 0 : aprilOnOrBefore(end + 6);
    const closeOn = end !== null && end < april && end >= april - 6 ? april : end;
    const prev = spans[spans.length - 1];
    if (prev && (prev.end === null || start <= prev.end + 30)) {
      prev.end = end;
      prev.closeOn = closeOn;
    } else
      spans.push({
        start,
        end,
        // Never back into the previous involvement, nor within a month of its close.
        earliest:
          prev?.closeOn != null ? Math.min(start, Math.max(earliest, prev.closeOn + 31)) : earliest,
        closeOn,
      });
  }
  const pool = team?.workers ?? rng.pick(workforce.socialWorkerTeams).workers;
  for (const span of spans) {
    if (span.end !== null && span.end < windowStart) continue;
    // Stop at today: a span still open with no allocated worker today stays unallocated.
    const open = span.end === null;
    if (open && !current) span.end = span.closeOn = today - rng.int(1, 60);
    let from = Math.max(span.start, windowStart - rng.int(0, 200));
    if (span.end !== null && span.end < from) continue;
    for (;;) {
      const stay = rng.int(120, 720);
      const last = span.end === null ? from + stay >= today : from + stay >= span.end;
      const worker = last && open && current ? current : rng.pick(pool);
      const end = last ? span.closeOn : from + stay - 1;
      rows.allocation.push({
        id: ids.take('allocation'),
        child_id: childId,
        user_id: worker.id,
        role: 'social_worker',
        start_date: iso(from === span.start ? span.earliest : from),
        end_date: end === null ? null : iso(end),
        // A closed case is no change of worker: no reason.
        end_reason: last ? null : rng.weighted(SW_CHANGE),
      });
      if (last) break;
      from = from + stay;
    }
  }
}
