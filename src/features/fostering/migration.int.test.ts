import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDb, type TestDb } from '../../../test/support/db.ts';

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
});
