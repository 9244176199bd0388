import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { up as withdrawnMigration } from '../../db/migrations/0071-fostering-withdrawn.ts';

describe('migration 0070: fostering service tables', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('refuses a second row for the same band and level from the same date, kinship rate included', async () => {
    const row = {
      age_from: 0,
      age_to: 4,
      skills_level: null,
      weekly_allowance: 170,
      weekly_fee: 0,
      valid_from: '2026-04-01',
    };
    await t.db.insertInto('fostering_allowance').values(row).execute();
    await expect(t.db.insertInto('fostering_allowance').values(row).execute()).rejects.toThrow();
    await t.db
      .insertInto('fostering_allowance')
      .values({ ...row, skills_level: 1 })
      .execute();
    const n = await t.db
      .selectFrom('fostering_allowance')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(2);
  });

  it('0071: moves households whose latest stage is a withdrawal to withdrawn, once, and accepts only known statuses', async () => {
    const user = await t.db
      .insertInto('app_user')
      .values({
        username: 'm.one',
        display_name: 'M',
        email: 'm@example.invalid',
        roles: ['fostering_worker'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const add = async (name: string, stages: [string, string][]) => {
      const { id } = await t.db
        .insertInto('fostering_household')
        .values({ name, postcode: 'BD1 1HY', approval_type: 'mainstream', status: 'assessment' })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [stage, date] of stages)
        await t.db
          .insertInto('fostering_stage')
          .values({
            household_id: id,
            stage: stage as 'enquiry',
            stage_date: date,
            reason_code: stage === 'withdrawn' ? 'changed_mind' : null,
            recorded_by: user.id,
          })
          .execute();
      return id;
    };
    // As a database before 0071 held them: a withdrawal left the status at 'assessment'.
    const gone = await add('Gone', [
      ['enquiry', '2026-01-05'],
      ['initial_visit', '2026-02-01'],
      ['withdrawn', '2026-03-01'],
    ]);
    const back = await add('Back', [
      ['enquiry', '2026-01-05'],
      ['withdrawn', '2026-02-01'],
      ['initial_visit', '2026-03-01'],
    ]);
    const open = await add('Open', [
      ['enquiry', '2026-01-05'],
      ['initial_visit', '2026-02-01'],
    ]);
    const none = await add('None', []);
    const statuses = async () =>
      Object.fromEntries(
        (
          await t.db
            .selectFrom('fostering_household')
            .select(['id', 'status', 'version'])
            .where('id', 'in', [gone, back, open, none])
            .execute()
        ).map((r) => [r.id, [r.status, r.version]]),
      );
    await withdrawnMigration(t.db as never);
    const after = {
      [gone]: ['withdrawn', 2],
      [back]: ['assessment', 1],
      [open]: ['assessment', 1],
      [none]: ['assessment', 1],
    };
    expect(await statuses()).toEqual(after);
    await withdrawnMigration(t.db as never);
    expect(await statuses()).toEqual(after);
    await expect(
      t.db
        .updateTable('fostering_household')
        .set({ status: 'lapsed' as 'withdrawn' })
        .where('id', '=', open)
        .execute(),
    ).rejects.toThrow();
  });
});
