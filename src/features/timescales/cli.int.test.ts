// `hearth due --format json` for a real child on both engines: a known history and a fixed today
// give exactly this JSON (dates worked out by hand: 20 working days from Mon 3 March 2025 is Mon 31
// March; 10 working days is Mon 17 March; a visit 6 weeks after Fri 7 March is Fri 18 April).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { asJson, childDueItems, warmDueCache } from './cliOutput.ts';

let conn: TestDb;

beforeAll(async () => {
  conn = await freshDb();
  const db = conn.db;
  const child = await db
    .insertInto('child')
    .values({
      local_id: 'DUE1',
      upn: null,
      nhs_number: null,
      first_name: 'Dana',
      last_name: 'Due',
      preferred_name: null,
      date_of_birth: '2015-06-15',
      sex: 'F',
      ethnicity: 'WBRI',
      uasc_start: null,
      uasc_end: null,
      home_postcode: null,
      team_id: null,
      date_of_death: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const period = await db
    .insertInto('period_of_care')
    .values({
      child_id: child.id,
      start_date: '2025-03-03',
      end_date: null,
      end_reason: null,
      category_of_need: 'N1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('legal_status')
    .values({
      period_of_care_id: period.id,
      child_id: child.id,
      status: 'C2',
      start_date: '2025-03-03',
      end_date: null,
    })
    .execute();
  await db
    .insertInto('placement')
    .values({
      period_of_care_id: period.id,
      child_id: child.id,
      place_type: 'U4',
      place_provider: 'PR1',
      category_of_need: 'N1',
      provider_id: null,
      fostering_household_id: null,
      home_id: null,
      postcode: null,
      urn: null,
      start_date: '2025-03-03',
      end_date: null,
      reason_for_change: null,
    })
    .execute();
  await db
    .insertInto('review')
    .values({
      child_id: child.id,
      due_date: null,
      held_date: '2025-03-28',
      participation: 'PN1',
      iro_id: null,
    })
    .execute();
  await db
    .insertInto('visit')
    .values({ child_id: child.id, visit_date: '2025-03-07', seen: true, seen_alone: true })
    .execute();
}, 180_000);

afterAll(async () => {
  await (conn as TestDb | undefined)?.dispose();
});

describe('hearth due --format json', () => {
  it('prints the exact items for a known history', async () => {
    const items = await childDueItems(conn.db, 'DUE1', '2025-05-01');
    expect(items).toBeDefined();
    expect(JSON.parse(asJson(items ?? []))).toEqual([
      {
        rule: 'sw-visit',
        due: '2025-03-10',
        status: 'done',
        basis: 'Placement started 3 March 2025',
      },
      {
        rule: 'pep-start',
        due: '2025-03-17',
        status: 'overdue',
        basis: 'Period of care started 3 March 2025',
      },
      {
        rule: 'initial-health-assessment',
        due: '2025-03-31',
        status: 'overdue',
        basis: 'Period of care started 3 March 2025',
      },
      {
        rule: 'lac-review',
        due: '2025-03-31',
        status: 'done',
        basis: 'Period of care started 3 March 2025',
      },
      {
        rule: 'sw-visit',
        due: '2025-04-18',
        status: 'overdue',
        basis: 'Child last seen 7 March 2025',
      },
      {
        rule: 'lac-review',
        due: '2025-06-28',
        status: 'due',
        basis: 'First review held 28 March 2025',
      },
      {
        rule: 'pep-review',
        due: '2025-07-22',
        status: 'due',
        basis: 'Summer term 2024/25 began 15 April 2025',
      },
      {
        rule: 'sdq',
        due: '2026-03-03',
        status: 'due',
        basis: 'Looked after for 12 months on 3 March 2026',
      },
    ]);
  });

  it('recording the visit clears the overdue visit', async () => {
    const child = await conn.db
      .selectFrom('child')
      .select('id')
      .where('local_id', '=', 'DUE1')
      .executeTakeFirstOrThrow();
    await conn.db
      .insertInto('visit')
      .values({ child_id: child.id, visit_date: '2025-04-30', seen: true, seen_alone: false })
      .execute();
    const items = (await childDueItems(conn.db, 'DUE1', '2025-05-01')) ?? [];
    const visits = items.filter((i) => i.rule === 'sw-visit').map((i) => [i.due, i.status]);
    expect(visits).toEqual([
      ['2025-03-10', 'done'],
      ['2025-04-18', 'done'],
      ['2025-06-11', 'upcoming'],
    ]);
  });

  it('--warm fills the trays’ cache for the day, computes only what a write made stale', async () => {
    await expect(warmDueCache(conn.db, '2025-05-02')).resolves.toMatchObject({
      computed: 1,
      fresh: 0,
      stored: 1,
    });
    await expect(warmDueCache(conn.db, '2025-05-02')).resolves.toMatchObject({
      computed: 0,
      fresh: 1,
    });
    await conn.db
      .updateTable('visit')
      .set({ seen_alone: true })
      .where('visit_date', '=', '2025-04-30')
      .execute();
    await expect(warmDueCache(conn.db, '2025-05-02')).resolves.toMatchObject({ computed: 1 });
  });

  it('answers undefined for a child that does not exist', async () => {
    await expect(childDueItems(conn.db, 'NOPE', '2025-05-01')).resolves.toBeUndefined();
  });
});
