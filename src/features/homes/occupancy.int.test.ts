// A 16+ supported accommodation service's occupancy is counted from the placements that name it
// (placedInService), not from its provider: on the homes pages, through the API and in the
// sufficiency view's capacity.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, todayInLondon } from '../../domain/dates/index.ts';
import { signedIn, testApp } from '../../platform/http/testing.ts';
import { seedCareFixture } from '../children/testData.ts';
import { loadCapacity } from '../sufficiency/load.ts';

let t: TestDb;
let app: Express;
let north: number;
let south: number;
const today = todayInLondon(new Date());

beforeAll(async () => {
  t = await freshDb();
  const fx = await seedCareFixture(t);
  const sp = (
    await t.db
      .insertInto('provider')
      .values({ name: 'Step Up Supported Living', kind: 'voluntary', place_provider: 'PR5' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const service = async (name: string, places: number) =>
    (
      await t.db
        .insertInto('supported_accommodation')
        .values({ provider_id: sp, name, postcode: 'BD1 1AA', places })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  north = await service('Step Up North', 2);
  south = await service('Step Up South', 4);
  // Four young people with the same provider: two in North (one of them moving out today), one in
  // South, one whose placement names no service (an imported 903 placement).
  const young = async (n: number, serviceId: number | null, endDate: string | null) => {
    const child = (
      await t.db
        .insertInto('child')
        .values({
          local_id: `SA${String(n)}`,
          first_name: `Young${String(n)}`,
          last_name: 'Person',
          date_of_birth: addDays(today, -17 * 365),
          sex: 'M',
          team_id: fx.teams.north,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const poc = (
      await t.db
        .insertInto('period_of_care')
        .values({ child_id: child, start_date: '2025-01-01', category_of_need: 'N1' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await t.db
      .insertInto('placement')
      .values({
        child_id: child,
        period_of_care_id: poc,
        place_type: 'K3',
        place_provider: 'PR5',
        category_of_need: 'N1',
        provider_id: sp,
        supported_accommodation_id: serviceId,
        postcode: 'BD1 1AA',
        urn: 'XXXXXXX',
        start_date: '2025-01-01',
        end_date: endDate,
      })
      .execute();
  };
  await young(1, north, null);
  await young(2, north, null);
  await young(3, north, today);
  await young(4, south, null);
  await young(5, null, null);
  app = testApp(t);
}, 240_000);
afterAll(async () => {
  await (t as TestDb | undefined)?.dispose();
});

describe('supported accommodation occupancy', () => {
  it('counts each service’s own open placements, with its free places', async () => {
    const po = await signedIn(app, 'po.one');
    const api = await po.agent.get('/api/v1/supported-accommodation');
    expect(
      (api.body as { services: { name: string; places: number; placed: number; free: number }[] })
        .services,
    ).toMatchObject([
      { name: 'Step Up North', places: 2, placed: 2, free: 0 },
      { name: 'Step Up South', places: 4, placed: 1, free: 3 },
    ]);
    const page = await po.agent.get(`/supported-accommodation/${String(south)}`);
    const $ = cheerio.load(page.text);
    const rows = $('.govuk-summary-list__row')
      .map((_i, r) => $(r).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(rows).toContain('Young people placed here now 1');
    expect(rows).toContain('Free places 3');
    expect($(`a[href="/placement-options/supported:${String(south)}"]`).text()).toBe(
      'Languages and religions (for matching)',
    );
  });

  it('flags a service with more young people than places', async () => {
    await t.db
      .updateTable('supported_accommodation')
      .set({ places: 1 })
      .where('id', '=', north)
      .execute();
    const po = await signedIn(app, 'po.one');
    const list = await po.agent.get('/supported-accommodation');
    const $ = cheerio.load(list.text.replace(/<br>/g, ' '));
    expect($('tbody tr').first().text().replace(/\s+/g, ' ')).toContain('2 Over full 0');
    await t.db
      .updateTable('supported_accommodation')
      .set({ places: 2 })
      .where('id', '=', north)
      .execute();
  });

  it('gives the sufficiency view the same count: places and young people in open services', async () => {
    const capacity = await loadCapacity(t.db, today);
    expect([capacity.supportedPlaces, capacity.supportedPlaced]).toEqual([6, 3]);
    await t.db
      .updateTable('supported_accommodation')
      .set({ closed_on: today })
      .where('id', '=', south)
      .execute();
    const closed = await loadCapacity(t.db, today);
    expect([closed.supportedPlaces, closed.supportedPlaced]).toEqual([2, 2]);
  });
});
