// Fostering household, provider, home and team pages and API: what a user sees, who is named, and
// who is kept out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { signedIn, testApp } from '../../platform/http/testing.ts';
import { seedCareFixture, type CareFixture } from '../children/testData.ts';

let t: TestDb;
let app: Express;
let fx: CareFixture;

beforeAll(async () => {
  t = await freshDb();
  fx = await seedCareFixture(t);
  // Four more current allocations take Sol Southey (1.0 FTE) to 5; the cap is lowered to 4.
  await t.db
    .updateTable('team')
    .set({ caseload_cap: 4 })
    .where('id', '=', fx.teams.south)
    .execute();
  for (const [i, id] of [fx.children.ava, fx.children.cara].entries())
    await t.db
      .insertInto('allocation')
      .values({
        child_id: id,
        user_id: fx.users.swSouth,
        role: 'iro',
        start_date: `2024-0${String(i + 1)}-01`,
      })
      .execute();
  app = testApp(t);
});
afterAll(async () => {
  await t.dispose();
});

/** The text of each child element of `sel` (cells, list items), joined by spaces; <br> as a space. */
function text(html: string, sel: string): string {
  const $ = cheerio.load(html.replace(/<br>/g, ' '));
  return $(sel)
    .children()
    .map((_i, el) => $(el).text().replace(/\s+/g, ' ').trim())
    .get()
    .join(' ');
}

describe('fostering households', () => {
  it('lists households with places and children placed now', async () => {
    const fw = await signedIn(app, 'fw.one');
    const res = await fw.agent.get('/carers?q=oak');
    expect(res.status).toBe(200);
    expect(text(res.text, 'tbody tr')).toBe(
      'Oakwood household BD9 Mainstream foster carers Approved 2 2 Fay Foster',
    );
    const api = await fw.agent.get('/api/v1/carers?mine=yes');
    expect(api.body).toMatchObject({
      total: 1,
      households: [{ name: 'Oakwood household', placedNow: 2 }],
    });
  });

  it('names the supervised household’s children to its fostering worker', async () => {
    const fw = await signedIn(app, 'fw.one');
    const res = await fw.agent.get(`/carers/${String(fx.household)}`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect(
      $('tbody a')
        .map((_i, a) => $(a).text())
        .get(),
    ).toEqual(['Ava Brook', 'Cara Dale']);
    expect(text(res.text, 'ul.govuk-list')).toBe('Olive Oakwood (main carer) Owen Oakwood');
  });

  it('counts, but does not name, children outside a social worker’s scope', async () => {
    const sw = await signedIn(app, 'sw.south');
    const res = await sw.agent.get(`/api/v1/carers/${String(fx.household)}`);
    expect(res.body).toMatchObject({ children: [], otherChildren: 2 });
    expect((await sw.agent.get('/carers/999999')).status).toBe(404);
  });

  it('keeps panel members out', async () => {
    const panel = await signedIn(app, 'panel.one');
    expect((await panel.agent.get('/carers')).status).toBe(403);
    expect((await panel.agent.get(`/api/v1/carers/${String(fx.household)}`)).status).toBe(403);
  });
});

describe('providers and homes', () => {
  it('shows a home’s beds, occupancy now, URN and grade', async () => {
    const po = await signedIn(app, 'po.one');
    const res = await po.agent.get(`/homes/${String(fx.home)}`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    const row = (key: string) =>
      $('.govuk-summary-list__row')
        .filter((_i, r) => $(r).find('.govuk-summary-list__key').text().trim() === key)
        .find('.govuk-summary-list__value')
        .text()
        .trim();
    expect(row('Beds')).toBe('4');
    expect(row('Occupied now')).toBe('1 of 4');
    expect(row('Ofsted URN')).toBe('SC123456');
    expect(row('Ofsted grade')).toBe('Good');
    expect($('main li a').text()).toBe('Ben Carter');
    const provider = await po.agent.get(`/api/v1/providers/${String(fx.provider)}`);
    expect(provider.body).toMatchObject({
      kind: 'Private',
      placeProvider: 'PR4: Private provision',
      homes: [{ name: 'Hillside House', beds: 4, occupied: 1, urn: 'SC123456', grade: 'Good' }],
    });
  });
});

describe('teams', () => {
  it('shows each worker’s caseload against the cap and highlights over cap', async () => {
    const tm = await signedIn(app, 'tm.north');
    const list = await tm.agent.get('/api/v1/teams');
    expect(list.body).toEqual({
      teams: [
        {
          id: fx.teams.north,
          name: 'North Children in Care',
          service: 'Children in care',
          caseloadCap: 20,
          workers: 1,
          children: 2,
          overCap: 0,
        },
        {
          id: fx.teams.south,
          name: 'South Children in Care',
          service: 'Children in care',
          caseloadCap: 4,
          workers: 1,
          children: 1,
          overCap: 0,
        },
      ],
    });
    // Sam Northcote works 0.8 FTE: cap 20 × 0.8 = 16.
    const north = await tm.agent.get(`/teams/${String(fx.teams.north)}`);
    expect(text(north.text, 'tbody tr')).toBe('Sam Northcote 0.8 Employed 2 16 Within cap');
  });

  it('flags a worker over cap', async () => {
    for (const id of [fx.children.ava, fx.children.cara]) {
      await t.db
        .updateTable('allocation')
        .set({ end_date: '2024-12-31' })
        .where('child_id', '=', id)
        .where('role', '=', 'social_worker')
        .execute();
      await t.db
        .insertInto('allocation')
        .values({
          child_id: id,
          user_id: fx.users.swSouth,
          role: 'social_worker',
          start_date: '2025-01-01',
        })
        .execute();
    }
    await t.db
      .updateTable('team')
      .set({ caseload_cap: 2 })
      .where('id', '=', fx.teams.south)
      .execute();
    const tm = await signedIn(app, 'tm.north');
    const south = await tm.agent.get(`/teams/${String(fx.teams.south)}`);
    expect(text(south.text, 'tbody tr')).toBe('Sol Southey 1 Agency 3 2 Over cap by 1');
    const panel = await signedIn(app, 'panel.one');
    expect((await panel.agent.get('/teams')).status).toBe(403);
    expect((await panel.agent.get('/api/v1/teams')).status).toBe(403);
  });
});
