// The demo hook: open requests for the placement team (emergencies, an ageing one, one awaiting
// approval), the same for the same seed, and each valid for the queue and matching.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addYears } from '../../domain/dates/index.ts';
import { addUser } from '../../platform/http/testing.ts';
import { TODAY, addCare, addChild, daysAgo, makeWorld } from '../recording/fixtures.ts';
import { matchesFor } from './decisionService.ts';
import { listQueue } from './requestService.ts';
import { placementDemo } from './demo.ts';
import { systemActor } from '../../platform/access/actor.ts';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  const w = await makeWorld(t);
  await addUser(t, 'tm.one', ['team_manager'], { teamId: w.teamId });
  for (let i = 0; i < 10; i++) {
    const c = await addChild(t, `D${String(i)}`, {
      teamId: w.teamId,
      dob: addYears(TODAY, -8 - i),
      allocate: { social_worker: w.users.sw },
    });
    await addCare(t, c, daysAgo(100 + i), i % 2 ? w.roomy : null);
  }
  await placementDemo(t.db, { seed: 1, scale: 1, today: TODAY, laCode: '380' });
});
afterAll(async () => {
  await t.dispose();
});

it('adds six requests: two emergencies, one waiting 41 days, one awaiting approval', async () => {
  const rows = await t.db
    .selectFrom('placement_request')
    .select(['kind', 'status', 'requested_at'])
    .orderBy('id')
    .execute();
  expect(rows).toHaveLength(6);
  expect(rows.filter((r) => r.kind === 'emergency')).toHaveLength(2);
  expect(rows.filter((r) => r.status === 'awaiting_approval')).toHaveLength(1);
  expect(rows.map((r) => new Date(r.requested_at).toISOString().slice(0, 10))).toContain(
    daysAgo(41),
  );
});

it('the queue puts the emergencies first and every open request can be matched', async () => {
  const ctx = {
    db: t.db,
    actor: { ...systemActor('test'), roles: ['placement_officer' as const] },
    scope: { teamScope: true },
    today: TODAY,
  };
  const queue = await listQueue(ctx, { status: 'open', kind: 'any', placeType: 'any' });
  expect(queue.map((q) => q.kind)).toEqual([
    'emergency',
    'emergency',
    'planned',
    'planned',
    'planned',
  ]);
  for (const q of queue) {
    const { result } = await matchesFor(ctx, q.id);
    expect(result.ranked.length + result.excluded.length).toBeGreaterThan(0);
  }
});
