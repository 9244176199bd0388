// The care record's tables on both engines: a child with periods, legal statuses and placements is
// stored and read back, and rows that break the rules are refused by the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../test/support/db.ts';

let t: TestDb;
let childId: number;
let periodId: number;

beforeAll(async () => {
  t = await freshDb();
  const child = await t.db
    .insertInto('child')
    .values({
      local_id: 'DEMO0001',
      upn: 'A12345678901B',
      nhs_number: '9434765919',
      first_name: 'Ada',
      last_name: 'Testchild',
      date_of_birth: '2012-03-04',
      sex: 'F',
      ethnicity: 'WBRI',
      disabilities: ['HAND'],
      home_postcode: 'BD1 1HY',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  childId = child.id;
  const period = await t.db
    .insertInto('period_of_care')
    .values({ child_id: childId, start_date: '2024-01-10', category_of_need: 'N1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  periodId = period.id;
});

afterAll(async () => {
  await t.dispose();
});

/** Runs the insert and returns the database's message, or 'ok'. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

describe('the care record', () => {
  it('stores a child with legal statuses and placements and reads them back as dates', async () => {
    await t.db
      .insertInto('legal_status')
      .values([
        {
          period_of_care_id: periodId,
          child_id: childId,
          status: 'V2',
          start_date: '2024-01-10',
          end_date: '2024-03-01',
        },
        { period_of_care_id: periodId, child_id: childId, status: 'C2', start_date: '2024-03-02' },
      ])
      .execute();
    await t.db
      .insertInto('placement')
      .values([
        {
          period_of_care_id: periodId,
          child_id: childId,
          place_type: 'U1',
          place_provider: 'PR1',
          category_of_need: 'N1',
          postcode: 'BD5 0AA',
          urn: 'XXXXXXX',
          start_date: '2024-01-10',
          end_date: '2024-06-30',
          reason_for_change: 'CARPL',
          connected_person_reg24: true,
        },
        {
          period_of_care_id: periodId,
          child_id: childId,
          place_type: 'U4',
          place_provider: 'PR1',
          category_of_need: 'N1',
          postcode: 'BD9 4AA',
          urn: 'XXXXXXX',
          start_date: '2024-07-01',
          long_term_designated: true,
        },
      ])
      .execute();

    const legal = await t.db
      .selectFrom('legal_status')
      .select(['status', 'start_date', 'end_date'])
      .where('child_id', '=', childId)
      .orderBy('start_date')
      .execute();
    expect(legal).toEqual([
      { status: 'V2', start_date: '2024-01-10', end_date: '2024-03-01' },
      { status: 'C2', start_date: '2024-03-02', end_date: null },
    ]);
    const placements = await t.db
      .selectFrom('placement')
      .select(['place_type', 'start_date', 'end_date', 'reason_for_change', 'long_term_designated'])
      .where('period_of_care_id', '=', periodId)
      .orderBy('start_date')
      .execute();
    expect(placements).toEqual([
      {
        place_type: 'U1',
        start_date: '2024-01-10',
        end_date: '2024-06-30',
        reason_for_change: 'CARPL',
        long_term_designated: false,
      },
      {
        place_type: 'U4',
        start_date: '2024-07-01',
        end_date: null,
        reason_for_change: null,
        long_term_designated: true,
      },
    ]);
    const child = await t.db
      .selectFrom('child')
      .select(['date_of_birth', 'disabilities', 'version', 'uasc'])
      .where('id', '=', childId)
      .executeTakeFirstOrThrow();
    expect(child).toEqual({
      date_of_birth: '2012-03-04',
      disabilities: ['HAND'],
      version: 1,
      uasc: false,
    });
  });

  const base = () => ({ period_of_care_id: periodId, child_id: childId, category_of_need: 'N1' });
  const refused: [string, () => Promise<unknown>, RegExp][] = [
    [
      'an unknown placement type',
      () =>
        t.db
          .insertInto('placement')
          .values({ ...base(), place_type: 'Q9', start_date: '2024-08-01' })
          .execute(),
      /placement_place_type_check/,
    ],
    [
      'an unknown legal status',
      () =>
        t.db
          .insertInto('legal_status')
          .values({
            period_of_care_id: periodId,
            child_id: childId,
            status: 'X9',
            start_date: '2024-08-01',
          })
          .execute(),
      /legal_status_status_check/,
    ],
    [
      'a placement ending before it starts',
      () =>
        t.db
          .insertInto('placement')
          .values({
            ...base(),
            place_type: 'U4',
            start_date: '2024-08-01',
            end_date: '2024-07-01',
          })
          .execute(),
      /placement_check/,
    ],
    [
      'a second open period of care',
      () =>
        t.db
          .insertInto('period_of_care')
          .values({ child_id: childId, start_date: '2025-01-01', category_of_need: 'N2' })
          .execute(),
      /period_of_care_one_open/,
    ],
    [
      'an ended period of care with no reason',
      () =>
        t.db
          .insertInto('period_of_care')
          .values({
            child_id: childId,
            start_date: '2020-01-01',
            end_date: '2020-02-01',
            category_of_need: 'N2',
          })
          .execute(),
      /period_of_care_check/,
    ],
    [
      "a placement under another child's period of care",
      () =>
        t.db
          .insertInto('placement')
          .values({
            ...base(),
            child_id: childId + 999,
            place_type: 'U4',
            start_date: '2024-08-01',
          })
          .execute(),
      /foreign key/,
    ],
    [
      'a review participation code outside PN0–PN7',
      () =>
        t.db
          .insertInto('review')
          .values({ child_id: childId, held_date: '2024-02-01', participation: 'PN9' })
          .execute(),
      /review_participation_check/,
    ],
    [
      'a child seen alone but not seen',
      () =>
        t.db
          .insertInto('visit')
          .values({ child_id: childId, visit_date: '2024-02-01', seen: false, seen_alone: true })
          .execute(),
      /visit_check/,
    ],
    [
      'a second open social worker allocation',
      async () => {
        const u = await t.db
          .insertInto('app_user')
          .values({ username: 'sw.a', display_name: 'A', roles: ['social_worker'] })
          .returning('id')
          .executeTakeFirstOrThrow();
        await t.db
          .insertInto('allocation')
          .values([
            { child_id: childId, user_id: u.id, role: 'social_worker', start_date: '2024-01-10' },
            { child_id: childId, user_id: u.id, role: 'social_worker', start_date: '2024-02-10' },
          ])
          .execute();
      },
      /allocation_one_open/,
    ],
    [
      'a care leaver accommodation code that does not exist',
      () =>
        t.db
          .insertInto('care_leaver_contact')
          .values({
            child_id: childId,
            contact_date: '2024-02-01',
            in_touch: 'YES',
            accommodation: 'Q1',
          })
          .execute(),
      /care_leaver_contact_accommodation_check/,
    ],
    [
      'a fostering household approved with no approval date',
      () =>
        t.db
          .insertInto('fostering_household')
          .values({
            name: 'The Tests',
            approval_type: 'mainstream',
            status: 'approved',
            postcode: 'BD1 1HY',
          })
          .execute(),
      /fostering_household_check/,
    ],
  ];

  it.each(refused)('refuses %s', async (_name, run, message) => {
    expect(await refusal(run)).toMatch(message);
  });
});
