// The demo generator writes a consistent authority on both engines, the same for the same seed,
// and attaches the demo sign-in accounts it finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { generateDemo } from './generate.ts';
import { seedDemo, seedDemoIfEmpty } from './write.ts';

let t: TestDb;
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
  await seedDemo(t.db, { scale: 0.05, seed: 7, today });
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

  it('does not seed again when there are children, nor when demo mode is off', async () => {
    expect(await seedDemoIfEmpty(t, { demo: true, authority: { name: 'x', code: '380' } })).toBe(
      null,
    );
    expect(await seedDemoIfEmpty(t, { demo: false, authority: { name: 'x', code: '380' } })).toBe(
      null,
    );
  });
});
