// The demo generator writes a consistent authority on both engines, the same for the same seed,
// and attaches the demo sign-in accounts it finds. The writer stores exactly the rows planned and
// refuses a plan whose rows break a foreign key, writing nothing.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { generateDemo, type DemoPlan } from './generate.ts';
import { canSkipTriggers } from './foreignKeys.ts';
import { DEMO_TABLES } from './plan.ts';
import { demoLocalPostcodes } from '../children/localPostcodes.ts';
import { findDemoAccounts, firstIds, seedDemo, seedDemoIfEmpty, writeDemo } from './write.ts';

let t: TestDb;
let plan: DemoPlan;
const today = '2026-11-22';

beforeAll(async () => {
  t = await freshDb();
  await t.db
    .insertInto('app_user')
    .values([
      { username: 'sw.demo', display_name: 'SW', roles: ['social_worker'] },
      { username: 'tm.demo', display_name: 'TM', roles: ['team_manager'] },
      { username: 'rm.demo', display_name: 'RM', roles: ['residential_manager'] },
    ])
    .execute();
  plan = generateDemo({
    scale: 0.05,
    seed: 7,
    today,
    accounts: await findDemoAccounts(t.db),
    firstIds: await firstIds(t.db),
  });
  await writeDemo(t.db, plan);
});

afterAll(async () => {
  await t.dispose();
});

describe('the demo authority', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateDemo({ scale: 0.05, seed: 7, today });
    const b = generateDemo({ scale: 0.05, seed: 7, today });
    const c = generateDemo({ scale: 0.05, seed: 8, today });
    expect(b.rows.child).toEqual(a.rows.child);
    expect(b.rows.placement).toEqual(a.rows.placement);
    expect(c.rows.child).not.toEqual(a.rows.child);
  });

  it.each([
    { scale: 0.05, seed: 7 },
    { scale: 0.25, seed: 903 },
  ])(
    'never places a child at their home postcode, except with parents (392d): $scale, seed $seed',
    ({ scale, seed }) => {
      const rows =
        scale === 0.05 && seed === 7 ? plan.rows : generateDemo({ scale, seed, today }).rows;
      const home = new Map(rows.child.map((c) => [c.id, c.home_postcode]));
      const placedAtHome = rows.placement.filter(
        (p) => p.place_type !== 'P1' && p.postcode !== null && p.postcode === home.get(p.child_id),
      );
      expect(placedAtHome).toEqual([]);
      // Placed with parents is at home.
      const withParents = rows.placement.filter((p) => p.place_type === 'P1');
      expect(withParents.length).toBeGreaterThan(0);
      for (const p of withParents) expect(p.postcode).toBe(home.get(p.child_id));
    },
  );

  it('is unchanged by changes to the writer: the rows of a tiny authority hash the same', () => {
    const rows = generateDemo({ scale: 0.05, seed: 7, today }).rows;
    expect(Object.fromEntries(DEMO_TABLES.map((table) => [table, rows[table].length]))).toEqual({
      team: 5,
      app_user: 23,
      provider: 8,
      home: 12,
      home_manager: 3,
      fostering_household: 109,
      carer: 177,
      child: 209,
      child_relation: 116,
      period_of_care: 214,
      legal_status: 383,
      placement: 449,
      allocation: 799,
      review: 1098,
      visit: 2037,
      health_assessment: 1097,
      immunisation_status: 299,
      sdq: 266,
      missing_episode: 77,
      substance_misuse: 10,
      conviction: 4,
      pep: 559,
      care_proceedings: 166,
      adoption_plan: 2,
      permanence_order: 24,
      previous_permanence: 206,
      pathway_plan: 302,
      care_leaver_contact: 63,
    });
    expect(createHash('sha256').update(JSON.stringify(rows)).digest('hex')).toBe(
      'cdf1e92d6d07831d5a81bab170647613f4400c0810f0ab3a3d0771c6a91f1b5d',
    );
  });

  it('stores every planned row exactly, in every table', async () => {
    const setKeys = (r: Record<string, unknown>) =>
      Object.keys(r).filter((k) => r[k] !== undefined);
    for (const table of DEMO_TABLES) {
      const planned = plan.rows[table] as Record<string, unknown>[];
      const columns = [...new Set(planned.flatMap(setKeys))];
      const order = (r: Record<string, unknown>) =>
        'id' in r ? String(r.id).padStart(12, '0') : JSON.stringify(columns.map((c) => r[c]));
      const { rows } = await sql<Record<string, unknown>>`select ${sql.join(
        columns.map((c) => sql.ref(c)),
      )} from ${sql.table(table)}`.execute(t.db);
      const stored = rows
        .filter((r) => table !== 'app_user' || !String(r.username).endsWith('.demo'))
        .sort((x, y) => order(x).localeCompare(order(y)));
      const expected = [...planned].sort((x, y) => order(x).localeCompare(order(y)));
      // Compare the columns each planned row sets (a column it leaves out takes its default).
      const pick = (r: Record<string, unknown>, like: Record<string, unknown>) =>
        Object.fromEntries(setKeys(like).map((k) => [k, r[k]]));
      expect(
        stored.map((r, i) => pick(r, expected[i] ?? {})),
        table,
      ).toEqual(expected.map((r) => pick(r, r)));
    }
  });

  it('writes children with exactly one placement and legal status open in each open period', async () => {
    const open = await t.db
      .selectFrom('period_of_care as p')
      .select((eb) => [
        'p.id',
        eb
          .selectFrom('placement')
          .whereRef('placement.period_of_care_id', '=', 'p.id')
          .where('placement.end_date', 'is', null)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('placements'),
        eb
          .selectFrom('legal_status')
          .whereRef('legal_status.period_of_care_id', '=', 'p.id')
          .where('legal_status.end_date', 'is', null)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('statuses'),
      ])
      .where('p.end_date', 'is', null)
      .execute();
    expect(open.length).toBeGreaterThan(40);
    expect(open.filter((p) => Number(p.placements) !== 1 || Number(p.statuses) !== 1)).toEqual([]);
  });

  it('keeps every social worker at or under the caseload cap of 20', async () => {
    const loads = await t.db
      .selectFrom('allocation')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('role', '=', 'social_worker')
      .where('end_date', 'is', null)
      .groupBy('user_id')
      .execute();
    expect(loads.length).toBeGreaterThan(0);
    expect(Math.max(...loads.map((l) => l.n))).toBeLessThanOrEqual(20);
  });

  it('gives sw.demo children in the team tm.demo manages, and rm.demo a home with children', async () => {
    const users = await t.db
      .selectFrom('app_user')
      .select(['username', 'team_id', 'id'])
      .where('username', 'in', ['sw.demo', 'tm.demo', 'rm.demo'])
      .orderBy('username')
      .execute();
    const [rm, sw, tm] = users;
    expect(sw?.team_id).not.toBeNull();
    expect(tm?.team_id).toBe(sw?.team_id);
    const allocated = await t.db
      .selectFrom('allocation')
      .innerJoin('child', 'child.id', 'allocation.child_id')
      .select(['child.team_id'])
      .where('allocation.user_id', '=', sw?.id ?? 0)
      .where('allocation.end_date', 'is', null)
      .execute();
    expect(allocated.length).toBeGreaterThan(0);
    expect(allocated.every((a) => a.team_id === sw?.team_id)).toBe(true);
    const home = await t.db
      .selectFrom('home_manager')
      .innerJoin('home', 'home.id', 'home_manager.home_id')
      .select('home.name')
      .where('home_manager.user_id', '=', rm?.id ?? 0)
      .execute();
    expect(home.map((h) => h.name)).toEqual(['Newholme']);
  });

  it('leaves the id sequences past the demo rows, so the next insert works', async () => {
    const row = await t.db
      .insertInto('child')
      .values({
        local_id: 'AFTER-DEMO',
        first_name: 'New',
        last_name: 'Child',
        date_of_birth: '2015-01-01',
        sex: 'F',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(row.id).toBeGreaterThan(0);
  });

  it('refuses a plan whose rows break a foreign key and writes none of it', async () => {
    const other = await freshDb();
    try {
      const broken = generateDemo({ scale: 0.02, seed: 3, today });
      const carer = broken.rows.carer[5];
      if (!carer) throw new Error('no carer');
      carer.household_id = 987654;
      await expect(writeDemo(other.db, broken)).rejects.toThrow(
        other.engine === 'pglite' || (await canSkipTriggers(other.db))
          ? 'demo rows break foreign key carer_household_id_fkey: 1 rows of carer point at no fostering_household'
          : 'carer_household_id_fkey',
      );
      await expect(writeDemo(other.db, broken, { rowChecks: true })).rejects.toThrow(
        'carer_household_id_fkey',
      );
      const left = await other.db
        .selectFrom('child')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(left.n).toBe(0);
    } finally {
      await other.dispose();
    }
  });

  it('does not seed again when there are children, nor when demo mode is off', async () => {
    expect(await seedDemoIfEmpty(t, { demo: true, authority: { name: 'x', code: '380' } })).toBe(
      null,
    );
    expect(await seedDemoIfEmpty(t, { demo: false, authority: { name: 'x', code: '380' } })).toBe(
      null,
    );
  });

  it('runs the areas\' demo hooks: the authority\'s own postcodes are loaded, so "out of area" works', async () => {
    const other = await freshDb();
    try {
      const result = await seedDemo(other.db, { scale: 0.02, seed: 3, today, laCode: '380' });
      expect(result.children).toBeGreaterThan(0);
      const n = await other.db
        .selectFrom('local_postcode')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(n.n).toBe(new Set(demoLocalPostcodes()).size);
      expect(n.n).toBeGreaterThan(1000);
    } finally {
      await other.dispose();
    }
  });
});
