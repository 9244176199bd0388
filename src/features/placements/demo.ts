// The demo authority's placement requests: a handful open for the placement team (two emergencies,
// planned ones needed soon and later, one that has waited over a month, one awaiting a manager's
// approval), for children in care allocated to the demo social worker where there are any; and
// match profiles (languages, religion) for some fostering households and homes, so the language and
// culture factors have something to weigh. Deterministic for the seed.
import type { Db } from '../../db/connect.ts';
import { addDays } from '../../domain/dates/index.ts';
import type { DemoContext } from '../../platform/http/features.ts';
import { Random } from '../demo/random.ts';

interface Plan {
  kind: 'planned' | 'emergency';
  needIn: number;
  askedAgo: number;
  approved: boolean;
  placeTypes: string[];
  needs: string[];
  toChild: string[];
  fromChild: string[];
  together: number;
  languages: string[];
  religion: string | null;
}

const PLANS: Plan[] = [
  {
    kind: 'emergency',
    needIn: 0,
    askedAgo: 0,
    approved: true,
    placeTypes: ['foster', 'residential'],
    needs: ['trauma'],
    toChild: ['missing', 'cce'],
    fromChild: [],
    together: 1,
    languages: [],
    religion: null,
  },
  {
    kind: 'emergency',
    needIn: 1,
    askedAgo: 1,
    approved: true,
    placeTypes: ['foster'],
    needs: [],
    toChild: [],
    fromChild: [],
    together: 2,
    languages: ['urdu'],
    religion: 'muslim',
  },
  {
    kind: 'planned',
    needIn: 5,
    askedAgo: 41,
    approved: true,
    placeTypes: ['residential'],
    needs: ['autism', 'adult_support'],
    toChild: ['self_harm'],
    fromChild: ['physical_harm'],
    together: 1,
    languages: [],
    religion: null,
  },
  {
    kind: 'planned',
    needIn: 21,
    askedAgo: 9,
    approved: true,
    placeTypes: ['foster'],
    needs: ['learning_disability'],
    toChild: [],
    fromChild: [],
    together: 1,
    languages: ['polish'],
    religion: 'christian',
  },
  {
    kind: 'planned',
    needIn: 45,
    askedAgo: 3,
    approved: true,
    placeTypes: ['foster', 'residential'],
    needs: ['mental_health'],
    toChild: ['cse', 'missing'],
    fromChild: ['fire_setting'],
    together: 1,
    languages: [],
    religion: null,
  },
  {
    kind: 'planned',
    needIn: 28,
    askedAgo: 2,
    approved: false,
    placeTypes: ['foster'],
    needs: [],
    toChild: [],
    fromChild: [],
    together: 1,
    languages: ['punjabi'],
    religion: 'sikh',
  },
];

const LANGUAGES = [
  ['urdu', 'punjabi'],
  ['polish'],
  ['punjabi'],
  ['arabic'],
  ['urdu'],
  ['romanian'],
];
const RELIGIONS = [['muslim'], ['christian'], ['sikh'], ['muslim'], ['hindu']];

export async function placementDemo(db: Db, ctx: DemoContext): Promise<void> {
  const rng = new Random(ctx.seed * 31 + 6);
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'roles'])
    .orderBy('id')
    .execute();
  const sw =
    users.find((u) => u.username === 'sw.demo') ??
    users.find((u) => u.roles.includes('social_worker'));
  const tm =
    users.find((u) => u.username === 'tm.demo') ??
    users.find((u) => u.roles.includes('team_manager'));
  if (!sw || !tm) return;
  const inCare = (mine: boolean) => {
    let q = db
      .selectFrom('child')
      .innerJoin('period_of_care as p', 'p.child_id', 'child.id')
      .innerJoin('placement as pl', 'pl.period_of_care_id', 'p.id')
      .select('child.id')
      .where('p.end_date', 'is', null)
      .where('pl.end_date', 'is', null)
      .where('child.date_of_birth', '<=', addDays(ctx.today, -365 * 4));
    if (mine)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('allocation as a')
            .select('a.id')
            .whereRef('a.child_id', '=', 'child.id')
            .where('a.user_id', '=', sw.id)
            .where('a.end_date', 'is', null),
        ),
      );
    return q.groupBy('child.id').orderBy('child.id').execute();
  };
  let children = await inCare(true);
  if (children.length < PLANS.length) children = children.concat(await inCare(false));
  const ids = [...new Set(children.map((c) => c.id))];
  const chosen: number[] = [];
  while (chosen.length < PLANS.length && ids.length > 0) {
    const i = rng.int(0, Math.min(ids.length, 40) - 1);
    const [id] = ids.splice(i, 1);
    if (id !== undefined) chosen.push(id);
  }
  const at = (daysAgo: number) => new Date(`${addDays(ctx.today, -daysAgo)}T10:00:00Z`);
  const rows = chosen.map((childId, i) => {
    const p = PLANS[i] as Plan;
    return {
      child_id: childId,
      status: p.approved ? ('open' as const) : ('awaiting_approval' as const),
      kind: p.kind,
      date_needed: addDays(ctx.today, p.needIn),
      place_types: p.placeTypes,
      children_together: p.together,
      siblings_note: p.together > 1 ? 'Brother aged 7, also in care' : null,
      needs: p.needs,
      risks_to_child: p.toChild,
      risks_from_child: p.fromChild,
      languages: p.languages,
      religion: p.religion,
      culture_note: null,
      school_postcode: null,
      near_postcodes: [],
      avoid_districts: i === 0 ? ['BD3'] : [],
      notes: null,
      requested_by: sw.id,
      requested_at: at(p.askedAgo),
      approved_by: p.approved ? tm.id : null,
      approved_at: p.approved ? at(Math.max(0, p.askedAgo - 1)) : null,
    };
  });
  if (rows.length > 0) await db.insertInto('placement_request').values(rows).execute();

  const households = await db
    .selectFrom('fostering_household')
    .select('id')
    .where('approval_type', '=', 'mainstream')
    .orderBy('id')
    .execute();
  const homes = await db.selectFrom('home').select('id').orderBy('id').execute();
  const profiles = [
    ...households.map((h) => `household:${String(h.id)}`),
    ...homes.map((h) => `home:${String(h.id)}`),
  ]
    .filter(() => rng.chance(0.35))
    .map((key) => ({
      option_key: key,
      languages: rng.chance(0.6) ? rng.pick(LANGUAGES) : [],
      religions: rng.chance(0.7) ? rng.pick(RELIGIONS) : [],
    }));
  for (let i = 0; i < profiles.length; i += 500)
    await db
      .insertInto('match_profile')
      .values(profiles.slice(i, i + 500))
      .execute();
}
