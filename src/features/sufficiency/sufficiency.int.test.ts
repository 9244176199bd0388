// The sufficiency view: figures for everyone with figures:read; drill-down to children only for
// staff who may read children and only within their scope; small numbers withheld for panel
// members; CSV; refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, todayInLondon } from '../../domain/dates/index.ts';
import { csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { seedCareFixture, type CareFixture } from '../children/testData.ts';
import type { SufficiencyView } from './service.ts';

let t: TestDb;
let app: Express;
let fx: CareFixture;
const today = todayInLondon(new Date());

beforeAll(async () => {
  t = await freshDb();
  fx = await seedCareFixture(t);
  // Home postcode BD3 9AA; Oakwood (BD9 4AA) 2 miles away; Ben's private home (LS6 1AA) 27 miles.
  await t.db
    .insertInto('postcode_centroid')
    .values([
      { postcode: 'BD39AA', la_code: 'E08000032', easting: 416000, northing: 433000 },
      { postcode: 'BD94AA', la_code: 'E08000032', easting: 413000, northing: 434000 },
      { postcode: 'LS61AA', la_code: 'E08000035', easting: 459000, northing: 436000 },
    ])
    .execute();
  await t.db
    .updateTable('placement')
    .set({ weekly_cost: 5800 })
    .where('child_id', '=', fx.children.ben)
    .execute();
  await t.db
    .updateTable('placement')
    .set({ weekly_cost: 450 })
    .where('child_id', '=', fx.children.ava)
    .execute();
  await t.db
    .insertInto('missing_episode')
    .values({ child_id: fx.children.cara, kind: 'M', start_date: addDays(today, -10) })
    .execute();
  await t.db
    .insertInto('disruption_meeting')
    .values({ child_id: fx.children.ben, meeting_date: addDays(today, -30), outcome: 'continues' })
    .execute();
  app = testApp(t);
});
afterAll(async () => {
  await t.dispose();
});

function fig(v: SufficiencyView, key: string) {
  return [v.total, ...v.sections.flatMap((s) => s.figures)].find((f) => f.key === key);
}

describe('sufficiency figures', () => {
  it('gives a team manager the figures with links to drill down', async () => {
    const tm = await signedIn(app, 'tm.north');
    const res = await tm.agent.get('/api/v1/sufficiency');
    expect(res.status).toBe(200);
    const v = res.body as SufficiencyView;
    expect(v.suppressed).toBe(false);
    expect(fig(v, 'total')).toMatchObject({ count: 3, href: '/sufficiency/children?figure=total' });
    expect(fig(v, 'type:foster')?.count).toBe(2);
    expect(fig(v, 'type:homes')?.count).toBe(1);
    expect(fig(v, 'provision:in_house')).toMatchObject({
      count: 2,
      weeklyCost: 450,
      costNotKnown: 1,
    });
    expect(fig(v, 'provision:external')).toMatchObject({
      count: 1,
      weeklyCost: 5800,
      costNotKnown: 0,
    });
    expect(fig(v, 'location:outside')?.count).toBe(1);
    expect(fig(v, 'location:far')?.count).toBe(1);
    expect(fig(v, 'location:private_far')).toMatchObject({ count: 1, weeklyCost: 5800 });
    expect(fig(v, 'fragile:missing')?.count).toBe(1);
    expect(fig(v, 'fragile:disruption')?.count).toBe(1);
    expect(fig(v, 'fragile:any')?.count).toBe(2);
    expect(v.capacity.find((c) => c.key === 'capacity:fostering')).toMatchObject({
      capacity: 2,
      used: 2,
      free: 0,
    });
    const page = await tm.agent.get('/sufficiency');
    expect(page.status).toBe(200);
    const $ = cheerio.load(page.text);
    const row = $('th:contains("External")').parent();
    expect(
      row
        .find('td')
        .map((_i, td) => $(td).text().trim())
        .get(),
    ).toEqual([
      '1 children: External (other councils, private and voluntary, PR2–PR5)',
      '£5,800',
      '0',
    ]);
  });

  it('drills down to the children in the viewer’s scope and counts the rest', async () => {
    const tm = await signedIn(app, 'tm.north');
    const all = await tm.agent.get('/api/v1/sufficiency/children?figure=total');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({
      total: 3,
      notInScope: 1,
      children: [{ name: 'Ava Brook' }, { name: 'Cara Dale' }],
    });
    const homes = await tm.agent.get('/sufficiency/children?figure=type:homes');
    expect(homes.status).toBe(200);
    expect(homes.text).toContain('1 child in care today. 1 is not in your caseload, so not named.');
    expect(cheerio.load(homes.text)('tbody tr').length).toBe(0);
    const po = await signedIn(app, 'po.one');
    const far = await po.agent.get('/api/v1/sufficiency/children?figure=location:far');
    expect(far.body).toMatchObject({ total: 1, notInScope: 0, children: [{ name: 'Ben Carter' }] });
  });

  it('answers 404 for a figure that does not exist', async () => {
    const tm = await signedIn(app, 'tm.north');
    expect((await tm.agent.get('/sufficiency/children?figure=age:nonsense')).status).toBe(404);
    expect((await tm.agent.get('/sufficiency/children')).status).toBe(404);
    const api = await tm.agent.get('/api/v1/sufficiency/children?figure=DROP TABLE');
    expect(api.status).toBe(400);
  });

  it('withholds small numbers from panel members and gives them no drill-down', async () => {
    const panel = await signedIn(app, 'panel.one');
    const res = await panel.agent.get('/api/v1/sufficiency');
    expect(res.status).toBe(200);
    const v = res.body as SufficiencyView;
    expect(v.suppressed).toBe(true);
    expect(fig(v, 'total')).toEqual({ key: 'total', label: 'Children in care today', count: null });
    expect(fig(v, 'provision:external')).toMatchObject({ count: null, weeklyCost: null });
    expect(fig(v, 'age:under1')).toMatchObject({ count: 0 });
    const page = await panel.agent.get('/sufficiency');
    expect(page.text).not.toContain('/sufficiency/children');
    expect(page.text).toContain('are withheld so that no child can be identified');
    expect((await panel.agent.get('/sufficiency/children?figure=total')).status).toBe(403);
    expect((await panel.agent.get('/api/v1/sufficiency/children?figure=total')).status).toBe(403);
    const csv = await panel.agent.get('/sufficiency.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('Total,Children in care today,withheld');
  });

  it('shows analysts the numbers without drill-down', async () => {
    const analyst = await signedIn(app, 'analyst.one');
    const v = (await analyst.agent.get('/api/v1/sufficiency')).body as SufficiencyView;
    expect(v.suppressed).toBe(false);
    expect(fig(v, 'total')).toEqual({ key: 'total', label: 'Children in care today', count: 3 });
    const csv = await analyst.agent.get('/api/v1/sufficiency/csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Total,Children in care today,3');
    expect((await analyst.agent.get('/sufficiency/children?figure=total')).status).toBe(403);
  });

  it('refuses people without figures:read', async () => {
    const sw = await signedIn(app, 'sw.north');
    expect((await sw.agent.get('/sufficiency')).status).toBe(403);
    expect((await sw.agent.get('/api/v1/sufficiency')).status).toBe(403);
    expect((await sw.agent.get('/sufficiency.csv')).status).toBe(403);
  });

  it('records a disruption meeting for a child in scope, refusing bad input and other children', async () => {
    const sw = await signedIn(app, 'sw.north');
    const form = await sw.agent.get(`/children/${String(fx.children.ava)}/disruption-meetings/new`);
    expect(form.status).toBe(200);
    const bad = await sw.agent
      .post(`/children/${String(fx.children.ava)}/disruption-meetings/new`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        'meetingDate-day': '1',
        'meetingDate-month': '1',
        'meetingDate-year': '2000',
      });
    expect(bad.status).toBe(400);
    const $ = cheerio.load(bad.text);
    expect(
      $('.govuk-error-summary li')
        .map((_i, li) => $(li).text().trim())
        .get(),
    ).toEqual(['Select what the meeting decided']);
    const noPlacement = await sw.agent
      .post(`/api/v1/children/${String(fx.children.ava)}/disruption-meetings`)
      .set('x-csrf-token', sw.csrf)
      .send({ meetingDate: '2000-01-01', outcome: 'continues' });
    expect(noPlacement.status).toBe(400);
    expect(noPlacement.body).toMatchObject({
      errors: [
        {
          field: 'meetingDate',
          message: 'The child had no placement on that date: check the date',
        },
      ],
    });
    const [y, m, d] = addDays(today, -3).split('-');
    const ok = await sw.agent
      .post(`/children/${String(fx.children.ava)}/disruption-meetings/new`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        'meetingDate-day': d,
        'meetingDate-month': m,
        'meetingDate-year': y,
        outcome: 'continues',
      });
    expect(ok.status).toBe(303);
    // Ben is in the South team: not found for a North social worker, and nothing saved.
    const other = await sw.agent
      .post(`/api/v1/children/${String(fx.children.ben)}/disruption-meetings`)
      .set('x-csrf-token', sw.csrf)
      .send({ meetingDate: addDays(today, -3), outcome: 'ends' });
    expect(other.status).toBe(404);
    const tm = await signedIn(app, 'tm.north');
    const v = (await tm.agent.get('/api/v1/sufficiency')).body as SufficiencyView;
    expect(fig(v, 'fragile:disruption')?.count).toBe(2);
    const rows = await t.db
      .selectFrom('disruption_meeting')
      .select(['child_id', 'placement_id'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.child_id)).toEqual([fx.children.ben, fx.children.ava]);
    expect(rows[1]?.placement_id).not.toBeNull();
  });
});
