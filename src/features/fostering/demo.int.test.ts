// The fostering demo hook over a small demo authority: allowances, journeys whose funnel narrows
// like a real one, review histories, and two Mockingbird constellations within their limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addYears } from '../../domain/dates/index.ts';
import { addUser } from '../../platform/http/testing.ts';
import { generateDemo } from '../demo/generate.ts';
import { findDemoAccounts, firstIds, writeDemo } from '../demo/write.ts';
import { fosteringDemo } from './demo.ts';
import { funnel } from './journey.ts';
import { fullNight } from '../mockingbird/compare.ts';

const today = '2026-11-22';
let t: TestDb;

beforeAll(async () => {
  t = await freshDb();
  await addUser(t, 'fw.demo', ['fostering_worker']);
  const plan = generateDemo({
    scale: 0.1,
    seed: 7,
    today,
    accounts: await findDemoAccounts(t.db),
    firstIds: await firstIds(t.db),
  });
  await writeDemo(t.db, plan);
  await t.db
    .transaction()
    .execute((trx) => fosteringDemo(trx, { seed: 7, scale: 0.1, today, laCode: '380' }));
}, 240_000);

afterAll(async () => {
  await t.dispose();
});

describe('the fostering demo', () => {
  it('writes two years of allowance schedule, 20 rows each', async () => {
    const rows = await t.db
      .selectFrom('fostering_allowance')
      .select(['valid_from', sql<number>`count(*)::int`.as('n')])
      .groupBy('valid_from')
      .orderBy('valid_from')
      .execute();
    expect(rows).toEqual([
      { valid_from: '2025-04-01', n: 20 },
      { valid_from: '2026-04-01', n: 20 },
    ]);
  });

  it('gives every approved household its journey, and a funnel that narrows', async () => {
    const missing = await t.db
      .selectFrom('fostering_household as h')
      .select('h.id')
      .where('h.status', '=', 'approved')
      .where(
        sql<boolean>`not exists (select 1 from fostering_stage s where s.household_id = h.id and s.stage = 'approved' and s.stage_date = h.approval_date)`,
      )
      .execute();
    expect(missing).toEqual([]);
    const rows = await t.db
      .selectFrom('fostering_stage')
      .select(['household_id', 'stage', 'stage_date'])
      .execute();
    const by = new Map<number, { stage: (typeof rows)[number]['stage']; date: string }[]>();
    for (const r of rows)
      by.set(r.household_id, [
        ...(by.get(r.household_id) ?? []),
        { stage: r.stage, date: r.stage_date },
      ]);
    const f = funnel([...by.values()], addYears(today, -2), today);
    const reached = f.stages.map((s) => s.reached);
    expect(reached[0]).toBeGreaterThan(50);
    for (let i = 1; i < reached.length; i++)
      expect(reached[i]).toBeLessThanOrEqual(reached[i - 1] ?? 0);
    expect(rows.every((r) => r.stage_date <= today)).toBe(true);
  });

  it('writes review histories the timescales engine reads as complete, first review to panel', async () => {
    const firsts = await t.db
      .selectFrom('foster_carer_review as r')
      .select(['r.panel_date'])
      .where(
        sql<boolean>`r.review_date = (select min(review_date) from foster_carer_review x where x.household_id = r.household_id)`,
      )
      .execute();
    expect(firsts.length).toBeGreaterThan(5);
    expect(firsts.every((r) => r.panel_date !== null)).toBe(true);
  });

  it('opens two constellations with hubs of two spare beds, within 6–10 satellites and two beds a night', async () => {
    const cs = await t.db
      .selectFrom('mockingbird_constellation')
      .selectAll()
      .orderBy('id')
      .execute();
    expect(cs.map((c) => c.name)).toEqual(['Bradford constellation', 'Keighley constellation']);
    for (const c of cs) {
      const members = await t.db
        .selectFrom('mockingbird_member')
        .select('household_id')
        .where('constellation_id', '=', c.id)
        .execute();
      expect(members.length).toBeGreaterThanOrEqual(6);
      expect(members.length).toBeLessThanOrEqual(10);
      const sleeps = await t.db
        .selectFrom('mockingbird_sleepover')
        .select(['start_date', 'nights'])
        .where('constellation_id', '=', c.id)
        .orderBy('id')
        .execute();
      expect(sleeps.length).toBeGreaterThan(5);
      const seen: { startDate: string; nights: number }[] = [];
      for (const s of sleeps) {
        expect(fullNight(seen, s.start_date, s.nights)).toBeNull();
        seen.push({ startDate: s.start_date, nights: s.nights });
      }
    }
  });
});
