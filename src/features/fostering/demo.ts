// The fostering area's demo rows, after the core demo authority (same transaction, deterministic
// for the seed):
// - the allowance schedule: this financial year's rates and last year's (3% lower). The figures are
//   illustrative (near England's national minimum allowance, with fees rising by skills level),
//   not a council's published rates;
// - a journey for every demo household (enquiry, initial visit, Skills to Foster, assessment,
//   panel, agency decision maker, approved; temporary approval for connected persons; resignation
//   or deregistration with a reason), and enquiries over the last two years that went no further,
//   at conversion rates near those reported nationally (fewer than 1 in 10 enquiries reach
//   approval), so the funnel has a realistic shape;
// - foster carer review histories: yearly from approval to the last review, the first taken to panel;
// - Mockingbird: two constellations (Bradford and Keighley, as the B Positive Pathways papers
//   describe) with hubs that have two spare beds, 6–8 satellites each, monthly get-togethers and a
//   year of planned and emergency sleepovers within the two hub beds.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { JourneyStage, LeavingReason } from '../../db/tables/fostering.ts';
import { addDays, addMonths, addYears } from '../../domain/dates/index.ts';
import type { DemoContext } from '../../platform/http/features.ts';
import { Random } from '../demo/random.ts';
import { fullNight } from '../mockingbird/compare.ts';

const BANDS: [number, number, number][] = [
  [0, 4, 178],
  [5, 10, 199],
  [11, 15, 226],
  [16, 17, 264],
];
const FEES: Record<number, number> = { 1: 60, 2: 135, 3: 245, 4: 430 };

async function chunks<T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

interface StageRow {
  household_id: number;
  stage: JourneyStage;
  stage_date: string;
  reason_code: LeavingReason | null;
  note: string | null;
  recorded_by: number;
}

export async function fosteringDemo(db: Db, ctx: DemoContext): Promise<void> {
  const rng = new Random((ctx.seed ^ 0x0f05_7e12) >>> 0);
  const today = ctx.today;
  const worker = await db
    .selectFrom('app_user')
    .select('id')
    .where(sql<boolean>`'fostering_worker' = any(roles)`)
    .orderBy(sql`username = 'fw.demo'`, 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!worker) return;
  const by = worker.id;

  // The allowance schedule.
  const fyStart = `${String(Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0))}-04-01`;
  const allowances = [addYears(fyStart, -1), fyStart].flatMap((validFrom, y) =>
    BANDS.flatMap(([from, to, allowance]) =>
      [null, 1, 2, 3, 4].map((level) => {
        const factor = y === 0 ? 0.97 : 1;
        return {
          age_from: from,
          age_to: to,
          skills_level: level,
          weekly_allowance: Math.round(allowance * factor),
          weekly_fee: level === null ? 0 : Math.round((FEES[level] ?? 0) * factor),
          valid_from: validFrom,
        };
      }),
    ),
  );
  await db.insertInto('fostering_allowance').values(allowances).execute();

  // Journeys of the demo's households.
  const households = await db
    .selectFrom('fostering_household')
    .select(['id', 'approval_type', 'status', 'approval_date', 'reg24_start', 'last_review_date'])
    .orderBy('id')
    .execute();
  const stages: StageRow[] = [];
  const reviews: { household_id: number; review_date: string; panel_date: string | null }[] = [];
  const push = (
    id: number,
    stage: JourneyStage,
    date: string,
    reason: LeavingReason | null = null,
  ) => {
    stages.push({
      household_id: id,
      stage,
      stage_date: date > today ? today : date,
      reason_code: reason,
      note: null,
      recorded_by: by,
    });
  };
  /** Enquiry, initial visit and Skills to Foster, weeks apart, then the assessment on `assessment`. */
  const pushToAssessment = (id: number, assessment: string) => {
    const stf = addDays(assessment, -rng.int(14, 45));
    const visit = addDays(stf, -rng.int(14, 40));
    push(id, 'enquiry', addDays(visit, -rng.int(7, 30)));
    push(id, 'initial_visit', visit);
    push(id, 'skills_to_foster', stf);
    push(id, 'assessment', assessment);
  };
  for (const h of households) {
    const approval = h.approval_date;
    if (h.approval_type === 'connected') {
      const start =
        h.reg24_start ??
        (approval ? addDays(approval, -rng.int(90, 160)) : addDays(today, -rng.int(10, 90)));
      push(h.id, 'temporary_approval', start);
      if (approval) {
        push(h.id, 'assessment', addDays(start, rng.int(1, 7)));
        push(h.id, 'panel', addDays(approval, -rng.int(3, 14)));
        push(h.id, 'adm_decision', addDays(approval, -rng.int(0, 2)));
        push(h.id, 'approved', approval);
      } else
        push(
          h.id,
          'assessment',
          addDays(start, rng.int(1, 7)) > today ? today : addDays(start, rng.int(1, 7)),
        );
      if (h.status === 'deregistered') {
        const from = approval ?? start;
        push(
          h.id,
          'deregistered',
          addDays(from, rng.int(60, 700)),
          rng.weighted({ permanence_for_child: 6, personal_circumstances: 2, not_suitable: 1 }),
        );
      }
    } else if (approval) {
      const panel = addDays(approval, -rng.int(7, 21));
      pushToAssessment(h.id, addDays(panel, -rng.int(120, 200)));
      push(h.id, 'panel', panel);
      push(h.id, 'adm_decision', addDays(approval, -rng.int(0, 6)));
      push(h.id, 'approved', approval);
      if (h.status === 'resigned') {
        let left = addDays(approval, rng.int(365, 3000));
        if (left > today) left = addDays(today, -rng.int(1, 700));
        if (left <= approval) left = today;
        push(
          h.id,
          rng.chance(0.12) ? 'deregistered' : 'resigned',
          left,
          rng.weighted({
            retirement: 5,
            health: 3,
            personal_circumstances: 4,
            permanence_for_child: 2,
            moved_to_agency: 2,
            dissatisfied: 1,
            standards_of_care: 1,
          }),
        );
      }
    } else {
      // In assessment now: the earlier steps over the last year.
      pushToAssessment(h.id, addDays(today, -rng.int(20, 200)));
    }
    // Yearly reviews from approval to the last review; the first goes to panel.
    if (approval && h.last_review_date && h.last_review_date >= addYears(approval, 1)) {
      const dates: string[] = [];
      for (
        let d = h.last_review_date;
        d >= addYears(approval, 1) && dates.length < 20;
        d = addDays(d, -rng.int(330, 365))
      )
        dates.unshift(d);
      dates.forEach((d, i) =>
        reviews.push({
          household_id: h.id,
          review_date: d,
          panel_date: i === 0 ? addDays(d, rng.int(7, 40)) : null,
        }),
      );
      const first = reviews.at(-dates.length);
      if (first?.panel_date && first.panel_date > today) first.panel_date = today;
    }
  }

  // Enquiries of the last two years that went no further than some stage and withdrew.
  const perMonth = Math.max(2, Math.round(40 * ctx.scale));
  const surnames = [
    'Ahmed',
    'Brown',
    'Clarke',
    'Dale',
    'Evans',
    'Fenwick',
    'Greenwood',
    'Hussain',
    'Iqbal',
    'Jones',
    'Kaur',
    'Lister',
    'Mahmood',
    'Nolan',
    'Oldroyd',
    'Patel',
    'Rashid',
    'Sutcliffe',
    'Taylor',
    'Walsh',
  ];
  const newHouseholds: {
    name: string;
    approval_type: 'mainstream' | 'short_breaks';
    status: 'withdrawn';
    postcode: string;
  }[] = [];
  const plans: { path: [JourneyStage, string][]; reason: LeavingReason | null }[] = [];
  for (let m = 24; m >= 1; m--) {
    for (let k = 0; k < perMonth; k++) {
      const enquiry = addDays(addMonths(today, -m), rng.int(0, 27));
      const path: [JourneyStage, string][] = [['enquiry', enquiry]];
      let d = enquiry;
      const steps: [JourneyStage, number, number, number][] = [
        ['initial_visit', 0.3, 7, 30],
        ['skills_to_foster', 0.5, 14, 40],
        ['assessment', 0.7, 14, 45],
      ];
      for (const [stage, p, lo, hi] of steps) {
        const next = addDays(d, rng.int(lo, hi));
        if (next >= today || !rng.chance(p)) break;
        path.push([stage, next]);
        d = next;
      }
      const last = path.at(-1)?.[0];
      const open = last === 'assessment' || addDays(d, 60) > today;
      if (open) continue; // applicants in assessment now are the core demo's own.
      plans.push({
        path: [
          ...path,
          ['withdrawn', addDays(d, rng.int(3, 40)) > today ? today : addDays(d, rng.int(3, 40))],
        ],
        reason: rng.weighted({ changed_mind: 6, personal_circumstances: 3, not_suitable: 1 }),
      });
      newHouseholds.push({
        name: `${rng.pick(surnames)} household (enquiry)`,
        approval_type: rng.chance(0.1) ? 'short_breaks' : 'mainstream',
        status: 'withdrawn',
        postcode: rng.pick([
          'BD1 1HY',
          'BD3 9AA',
          'BD5 0BQ',
          'BD7 1DP',
          'BD9 4DS',
          'BD18 3AB',
          'BD21 1AA',
          'LS29 8AA',
        ]),
      });
    }
  }
  const ids: number[] = [];
  await chunks(newHouseholds, 500, async (part) => {
    const rows = await db.insertInto('fostering_household').values(part).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  });
  plans.forEach((p, i) => {
    const id = ids[i];
    if (id === undefined) return;
    for (const [stage, date] of p.path)
      push(id, stage, date, stage === 'withdrawn' ? p.reason : null);
  });
  await chunks(stages, 1000, (part) => db.insertInto('fostering_stage').values(part).execute());
  await chunks(reviews, 1000, (part) =>
    db.insertInto('foster_carer_review').values(part).execute(),
  );

  await mockingbirdDemo(db, rng, today, by);
}

async function mockingbirdDemo(db: Db, rng: Random, today: string, by: number): Promise<void> {
  const candidates = await db
    .selectFrom('fostering_household as h')
    .select(['h.id', 'h.approved_places', 'h.skills_level', 'h.approval_date', 'h.postcode'])
    .select(
      sql<number>`(select count(*)::int from placement p where p.fostering_household_id = h.id and p.start_date <= ${today}::date and (p.end_date is null or p.end_date > ${today}::date))`.as(
        'placed',
      ),
    )
    .where('h.status', '=', 'approved')
    .where('h.approval_type', '=', 'mainstream')
    .where('h.approval_date', '<=', addYears(today, -3))
    .orderBy('h.id')
    .execute();
  const used = new Set<number>();
  const plans = [
    { name: 'Bradford constellation', area: /^BD([1-9]|1[0-5]) /, satellites: 8 },
    { name: 'Keighley constellation', area: /^BD(2[0-2]) /, satellites: 7 },
  ];
  for (const plan of plans) {
    const local = candidates.filter((c) => !used.has(c.id));
    const hub =
      local.find(
        (c) =>
          plan.area.test(c.postcode) &&
          (c.skills_level ?? 0) >= 2 &&
          c.approved_places - c.placed >= 2,
      ) ?? local.find((c) => (c.skills_level ?? 0) >= 2 && c.approved_places - c.placed >= 2);
    if (!hub) continue;
    used.add(hub.id);
    const opened = addYears(today, -rng.int(3, 5));
    const { id } = await db
      .insertInto('mockingbird_constellation')
      .values({
        name: plan.name,
        hub_household_id: hub.id,
        liaison_worker_id: by,
        opened_on: opened,
        min_satellites: 6,
        max_satellites: 10,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sats = candidates
      .filter((c) => !used.has(c.id) && c.placed > 0)
      .sort(
        (a, b) =>
          Number(plan.area.test(b.postcode)) - Number(plan.area.test(a.postcode)) || a.id - b.id,
      )
      .slice(0, plan.satellites);
    for (const s of sats) used.add(s.id);
    if (sats.length)
      await db
        .insertInto('mockingbird_member')
        .values(
          sats.map((s) => ({
            constellation_id: id,
            household_id: s.id,
            joined_on: addDays(opened, rng.int(0, 200)),
          })),
        )
        .execute();
    // Children placed with the satellites now, for sleepovers over the last year.
    const children = await db
      .selectFrom('placement')
      .select(['child_id', 'start_date'])
      .where('fostering_household_id', 'in', sats.length ? sats.map((s) => s.id) : [0])
      .where('start_date', '<=', today)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', today)]))
      .orderBy('child_id')
      .execute();
    const booked: { startDate: string; nights: number }[] = [];
    const rows: {
      constellation_id: number;
      child_id: number;
      kind: 'planned' | 'emergency';
      start_date: string;
      nights: number;
      recorded_by: number;
    }[] = [];
    if (children.length)
      for (let i = 0; i < 30; i++) {
        const child = rng.pick(children);
        const kind = rng.chance(0.2) ? 'emergency' : 'planned';
        const start = addDays(today, -rng.int(1, 364));
        const nights = kind === 'emergency' ? rng.int(1, 4) : rng.int(1, 2);
        if (start < child.start_date || fullNight(booked, start, nights) !== null) continue;
        booked.push({ startDate: start, nights });
        rows.push({
          constellation_id: id,
          child_id: child.child_id,
          kind,
          start_date: start,
          nights,
          recorded_by: by,
        });
      }
    if (rows.length) await db.insertInto('mockingbird_sleepover').values(rows).execute();
    await db
      .insertInto('mockingbird_get_together')
      .values(
        Array.from({ length: 12 }, (_, m) => ({
          constellation_id: id,
          held_on: addDays(addMonths(today, -m - 1), rng.int(0, 20)),
          households_attending: rng.int(Math.min(4, sats.length), sats.length + 1),
          children_attending: rng.int(4, 4 + children.length),
          note: null,
          recorded_by: by,
        })),
      )
      .execute();
  }
}
