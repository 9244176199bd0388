// Mockingbird on both engines: starting a constellation (hub with two spare beds), satellite limits,
// sleepovers against the hub's two beds (concurrent requests for the last bed: exactly one wins),
// get-togethers, and the constellation page for a fostering worker and for someone without the
// children in their caseload.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays } from '../../domain/dates/index.ts';
import { signedIn, testApp } from '../../platform/http/testing.ts';
import { daysAgo, seedWork, TODAY, type WorkFixture } from '../timescales/testData.ts';
import { approvedHousehold } from './testData.ts';

let conn: TestDb;
let app: Express;
let f: WorkFixture;
let hub: number;
let small: number;
let constellation: number;

const household = (name: string, places: number, approvedDaysAgo: number) =>
  approvedHousehold(conn, f.users.fw, name, places, approvedDaysAgo);

beforeAll(async () => {
  conn = await freshDb();
  f = await seedWork(conn);
  app = testApp(conn);
  hub = await household('Hub household', 2, 700);
  small = await household('Small household', 1, 700);
}, 180_000);

afterAll(async () => {
  await (conn as TestDb | undefined)?.dispose();
});

describe('constellations', () => {
  it('refuses a hub without two spare beds, saving nothing, then starts one', async () => {
    const { agent, csrf } = await signedIn(app, 'fw.one');
    const body = {
      name: 'Keighley',
      hubHouseholdId: small,
      liaisonWorkerId: f.users.fw,
      openedOn: daysAgo(400),
      minSatellites: 1,
      maxSatellites: 2,
    };
    const refused = await agent.post('/api/v1/mockingbird').set('x-csrf-token', csrf).send(body);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [
        { field: 'hubHouseholdId', message: expect.stringContaining('two spare beds') as string },
      ],
    });
    const notFw = await agent
      .post('/api/v1/mockingbird')
      .set('x-csrf-token', csrf)
      .send({ ...body, hubHouseholdId: hub, liaisonWorkerId: f.users.swNorth });
    expect(notFw.body).toMatchObject({ errors: [{ field: 'liaisonWorkerId' }] });
    expect(await conn.db.selectFrom('mockingbird_constellation').select('id').execute()).toEqual(
      [],
    );

    // The page form, with a GOV.UK error for a missing name.
    const form = await agent.get('/mockingbird/new');
    const token = cheerio.load(form.text)('input[name="_csrf"]').val() as string;
    const bad = await agent
      .post('/mockingbird/new')
      .type('form')
      .send({
        _csrf: token,
        name: '',
        hubHouseholdId: String(hub),
        liaisonWorkerId: String(f.users.fw),
        'openedOn-day': '1',
        'openedOn-month': '1',
        'openedOn-year': '2025',
      });
    expect(bad.status).toBe(400);
    expect(cheerio.load(bad.text)('.govuk-error-summary a[href="#name"]').text()).toBe(
      'Enter a name',
    );

    const ok = await agent
      .post('/api/v1/mockingbird')
      .set('x-csrf-token', csrf)
      .send({ ...body, hubHouseholdId: hub });
    expect(ok.status).toBe(201);
    constellation = (ok.body as { id: number }).id;
  });

  it('adds satellites up to the maximum and refuses one more', async () => {
    const { agent, csrf } = await signedIn(app, 'fw.one');
    const add = (householdId: number) =>
      agent
        .post(`/api/v1/mockingbird/${String(constellation)}/members`)
        .set('x-csrf-token', csrf)
        .send({ householdId, joinedOn: daysAgo(380) });
    expect((await add(f.households.oak)).status).toBe(201);
    const again = await add(f.households.oak);
    expect((again.body as { detail: string }).detail).toBe(
      'This household is already in a constellation',
    );
    expect((await add(f.households.kin)).status).toBe(201);
    const full = await add(small);
    expect(full.status).toBe(400);
    expect((full.body as { detail: string }).detail).toBe(
      'This constellation already has its most satellite households (2)',
    );
    const members = await conn.db
      .selectFrom('mockingbird_member')
      .select('household_id')
      .where('constellation_id', '=', constellation)
      .execute();
    expect(members.map((m) => m.household_id).sort()).toEqual(
      [f.households.oak, f.households.kin].sort(),
    );
  });

  it('books sleepovers against the two hub beds; concurrent requests for the last bed: one wins', async () => {
    const fw = await signedIn(app, 'fw.one');
    const sleep = (
      a: typeof fw,
      childId: number,
      kind: string,
      startDate: string,
      nights: number,
    ) =>
      a.agent
        .post(`/api/v1/mockingbird/${String(constellation)}/sleepovers`)
        .set('x-csrf-token', a.csrf)
        .send({ childId, kind, startDate, nights });
    const night = addDays(TODAY, 7);
    expect((await sleep(fw, f.children.ava, 'planned', night, 2)).status).toBe(201);
    const outside = await sleep(fw, f.children.ben, 'planned', night, 1);
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ errors: [{ field: 'childId' }] });
    const fw2 = await signedIn(app, 'fw.one');
    const [a, b] = await Promise.all([
      sleep(fw, f.children.dot, 'emergency', night, 1),
      sleep(fw2, f.children.ava, 'emergency', addDays(night, -1), 3),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 400]);
    const loser = a.status === 400 ? a : b;
    expect((loser.body as { detail: string }).detail).toMatch(
      /^Both hub beds are taken on the night of /,
    );
    const rows = await conn.db
      .selectFrom('mockingbird_sleepover')
      .select('kind')
      .where('constellation_id', '=', constellation)
      .execute();
    expect(rows).toHaveLength(2);
    // The next night after the planned stay has a bed again.
    expect((await sleep(fw, f.children.ava, 'planned', addDays(night, 3), 1)).status).toBe(201);
  });

  it('records get-togethers and refuses a future one', async () => {
    const { agent } = await signedIn(app, 'fw.one');
    const form = await agent.get(`/mockingbird/${String(constellation)}/get-togethers/new`);
    const token = cheerio.load(form.text)('input[name="_csrf"]').val() as string;
    const [y, m, d] = addDays(TODAY, 2).split('-');
    const future = await agent
      .post(`/mockingbird/${String(constellation)}/get-togethers/new`)
      .type('form')
      .send({
        _csrf: token,
        'heldOn-day': d,
        'heldOn-month': m,
        'heldOn-year': y,
        households: '3',
        children: '5',
      });
    expect(future.status).toBe(400);
    expect(cheerio.load(future.text)('.govuk-error-summary').text()).toContain(
      'today or in the past',
    );
    const [y2, m2, d2] = daysAgo(10).split('-');
    const ok = await agent
      .post(`/mockingbird/${String(constellation)}/get-togethers/new`)
      .type('form')
      .send({
        _csrf: token,
        'heldOn-day': d2,
        'heldOn-month': m2,
        'heldOn-year': y2,
        households: '3',
        children: '5',
        note: 'Bonfire night',
      });
    expect(ok.status).toBe(303);
  });

  it('shows the constellation: satellites, children (named in scope only), sleepovers and the comparison', async () => {
    const { agent } = await signedIn(app, 'fw.one');
    const page = await agent.get(`/mockingbird/${String(constellation)}`);
    expect(page.status).toBe(200);
    const $ = cheerio.load(page.text);
    expect($('#satellites tbody tr')).toHaveLength(2);
    expect($('#children li').text()).toContain('Ava Example');
    expect($('#sleepover-totals').text()).toContain('2 planned and 1 emergency');
    expect($('#get-togethers').text()).toContain('Bonfire night');
    const api = await agent.get(`/api/v1/mockingbird/${String(constellation)}`);
    // Hub and Oak were approved a year ago and are inside; Small is outside.
    expect(api.body).toMatchObject({
      comparison: { inside: { households: 2, retainedPercent: 100 }, outside: { households: 1 } },
    });

    const other = await signedIn(app, 'sw.south');
    const seen = cheerio.load(
      (await other.agent.get(`/mockingbird/${String(constellation)}`)).text,
    );
    // A south-team worker sees Dot (their team's child, placed with Kin) but not Ava.
    expect(seen('#children li').text()).toContain('Dot Example');
    expect(seen('#children li').text()).not.toContain('Ava');
    expect(seen('main').text()).toContain('1 child in the constellation is not in your caseload');
    expect(
      (await other.agent.get(`/mockingbird/${String(constellation)}/sleepovers/new`)).status,
    ).toBe(403);
    expect((await agent.get('/mockingbird/99999')).status).toBe(404);
    const list = await agent.get('/api/v1/mockingbird');
    expect(list.body).toMatchObject({
      constellations: [{ name: 'Keighley', satellites: 2, maxSatellites: 2 }],
    });
  });
});
