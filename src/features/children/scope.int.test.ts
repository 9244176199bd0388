// Each role sees exactly the children its relationship gives it, filtered in SQL, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { systemActor } from '../../platform/access/actor.ts';
import type { Role } from '../../platform/access/roles.ts';
import { childInScope, childScope } from './scope.ts';

let t: TestDb;
const users: Record<string, { id: number; teamId: number | null; roles: Role[] }> = {};
const children: Record<string, number> = {};

async function addUser(username: string, roles: Role[], teamId: number | null): Promise<number> {
  const u = await t.db
    .insertInto('app_user')
    .values({ username, display_name: username, roles, team_id: teamId })
    .returning('id')
    .executeTakeFirstOrThrow();
  users[username] = { id: u.id, teamId, roles };
  return u.id;
}

async function addChild(
  localId: string,
  teamId: number | null,
): Promise<{ id: number; period: number }> {
  const c = await t.db
    .insertInto('child')
    .values({
      local_id: localId,
      first_name: localId,
      last_name: 'Scope',
      date_of_birth: '2010-01-01',
      sex: 'M',
      team_id: teamId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  children[localId] = c.id;
  const p = await t.db
    .insertInto('period_of_care')
    .values({ child_id: c.id, start_date: '2023-01-01', category_of_need: 'N1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: c.id, period: p.id };
}

function allocate(
  childId: number,
  userId: number,
  role: 'social_worker' | 'iro' | 'personal_adviser',
  end: string | null = null,
) {
  return t.db
    .insertInto('allocation')
    .values({ child_id: childId, user_id: userId, role, start_date: '2023-01-01', end_date: end })
    .execute();
}

beforeAll(async () => {
  t = await freshDb();
  const [a, b] = await t.db
    .insertInto('team')
    .values([
      { name: 'Team A', service: 'Children in care' },
      { name: 'Team B', service: 'Children in care' },
    ])
    .returning('id')
    .execute();
  const teamA = a?.id ?? 0;
  const teamB = b?.id ?? 0;
  const sw1 = await addUser('sw1', ['social_worker'], teamA);
  const sw2 = await addUser('sw2', ['social_worker'], teamA);
  const sw3 = await addUser('sw3', ['social_worker'], teamB);
  await addUser('tm-a', ['team_manager'], teamA);
  await addUser('tm-none', ['team_manager'], null);
  await addUser('sm', ['service_manager'], null);
  const iro = await addUser('iro1', ['iro'], null);
  const pa = await addUser('pa1', ['personal_adviser'], null);
  await addUser('po', ['placement_officer'], null);
  const fw = await addUser('fw1', ['fostering_worker'], null);
  const rm = await addUser('rm1', ['residential_manager'], null);
  await addUser('analyst', ['analyst'], null);
  await addUser('panel', ['panel_member'], null);
  await addUser('admin', ['admin'], null);
  await addUser('iro-pa', ['iro', 'personal_adviser'], null);

  const c1 = await addChild('A-own', teamA);
  await allocate(c1.id, sw1, 'social_worker');
  const c2 = await addChild('A-colleague', teamA);
  await allocate(c2.id, sw2, 'social_worker');
  await allocate(c2.id, iro, 'iro');
  const c3 = await addChild('B-other', teamB);
  await allocate(c3.id, sw3, 'social_worker');
  await allocate(c3.id, sw1, 'iro'); // sw1 holds no IRO role: this gives sw1 nothing
  const c4 = await addChild('B-ended', teamB);
  await allocate(c4.id, sw1, 'social_worker', '2023-06-30');
  await allocate(c4.id, iro, 'iro', '2023-06-30');
  const c5 = await addChild('leaver', null);
  await allocate(c5.id, pa, 'personal_adviser');
  await allocate(c5.id, iro, 'iro', '2023-06-30');

  const [hh] = await t.db
    .insertInto('fostering_household')
    .values({
      name: 'Household',
      approval_type: 'mainstream',
      status: 'approved',
      approval_date: '2020-01-01',
      postcode: 'BD1 1AA',
      supervising_worker_id: fw,
      approved_places: 2,
    })
    .returning('id')
    .execute();
  const [prov] = await t.db
    .insertInto('provider')
    .values({ name: 'Council homes', kind: 'in_house', place_provider: 'PR1' })
    .returning('id')
    .execute();
  const [home] = await t.db
    .insertInto('home')
    .values({ provider_id: prov?.id ?? 0, name: 'Home', beds: 4, postcode: 'BD2 2AA' })
    .returning('id')
    .execute();
  await t.db
    .insertInto('home_manager')
    .values({ home_id: home?.id ?? 0, user_id: rm })
    .execute();
  const place = (
    c: { id: number; period: number },
    v: { household?: number; home?: number; end?: string },
  ) =>
    t.db
      .insertInto('placement')
      .values({
        child_id: c.id,
        period_of_care_id: c.period,
        place_type: v.household ? 'U4' : 'K2',
        category_of_need: 'N1',
        fostering_household_id: v.household ?? null,
        home_id: v.home ?? null,
        start_date: '2023-01-01',
        end_date: v.end ?? null,
        reason_for_change: v.end ? 'CARPL' : null,
      })
      .execute();
  await place(c1, { household: hh?.id ?? 0 });
  await place(c3, { household: hh?.id ?? 0, end: '2023-03-01' });
  await place(c2, { home: home?.id ?? 0 });
});

afterAll(async () => {
  await t.dispose();
});

function actor(username: string): Actor {
  const u = users[username];
  if (!u) throw new Error(`no user ${username}`);
  return {
    userId: u.id,
    username,
    displayName: username,
    roles: u.roles,
    teamId: u.teamId,
    address: null,
  };
}

async function visible(a: Actor, teamScope: boolean): Promise<string[]> {
  const rows = await t.db
    .selectFrom('child')
    .select('local_id')
    .where(childScope(a, { teamScope }))
    .orderBy('local_id')
    .execute();
  return rows.map((r) => r.local_id);
}

const ALL = ['A-colleague', 'A-own', 'B-ended', 'B-other', 'leaver'];

describe('childScope', () => {
  const cases: [string, boolean, string[]][] = [
    ['sw1', false, ['A-own']],
    ['sw1', true, ['A-colleague', 'A-own']],
    ['sw3', true, ['B-ended', 'B-other']],
    ['tm-a', false, ['A-colleague', 'A-own']],
    ['tm-none', true, []],
    ['sm', false, ALL],
    ['iro1', true, ['A-colleague']],
    ['pa1', true, ['leaver']],
    ['iro-pa', true, []],
    ['po', false, ALL],
    ['fw1', true, ['A-own']],
    ['rm1', true, ['A-colleague']],
    ['analyst', true, []],
    ['panel', true, []],
    ['admin', true, []],
  ];

  it.each(cases)('%s (team scope %s) sees %j', async (username, teamScope, expected) => {
    expect(await visible(actor(username), teamScope)).toEqual(expected);
  });

  it('lets a system actor see every child', async () => {
    expect(await visible(systemActor('test'), false)).toEqual(ALL);
  });

  it('answers for one child: in scope, out of scope, and no such child', async () => {
    const sw1 = actor('sw1');
    expect(await childInScope(t.db, sw1, children['A-own'] ?? 0, { teamScope: false })).toBe(true);
    expect(await childInScope(t.db, sw1, children['B-other'] ?? 0, { teamScope: true })).toBe(
      false,
    );
    expect(await childInScope(t.db, sw1, 999_999, { teamScope: true })).toBe(false);
  });
});
