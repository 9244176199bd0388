// Children's homes, Regulation 44 visits and supported accommodation: who sees which home, who may
// record, what a month without a visit looks like, bad input and stale edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { sql } from 'kysely';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { todayInLondon, addMonths } from '../../domain/dates/index.ts';
import { addUser, csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { seedCareFixture, type CareFixture } from '../children/testData.ts';

let t: TestDb;
let app: Express;
let fx: CareFixture;
let newholme: number;
let hollybank: number;
let supported: number;
const today = todayInLondon(new Date());
const lastMonth = `${addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-10`;

beforeAll(async () => {
  t = await freshDb();
  fx = await seedCareFixture(t);
  const rm = await addUser(t, 'rm.one', ['residential_manager']);
  await addUser(t, 'tm.one', ['team_manager'], { teamId: fx.teams.north });
  const council = (
    await t.db
      .insertInto('provider')
      .values({ name: 'Council homes', kind: 'in_house', place_provider: 'PR1' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const home = async (name: string, beds: number) =>
    (
      await t.db
        .insertInto('home')
        .values({
          provider_id: council,
          name,
          beds,
          postcode: 'BD9 4AA',
          grade: 'good',
          categories: ['emotional_behavioural', 'complex_needs'],
          specialist: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  newholme = await home('Newholme', 3);
  hollybank = await home('Hollybank Road', 3);
  await t.db.insertInto('home_manager').values({ home_id: newholme, user_id: rm }).execute();
  // Ben moves to Newholme (his private home placement stays as history).
  await t.db
    .updateTable('placement')
    .set({ home_id: newholme, provider_id: council, place_provider: 'PR1' })
    .where('child_id', '=', fx.children.ben)
    .execute();
  await t.db
    .insertInto('reg44_visit')
    .values({ home_id: newholme, visit_date: lastMonth, visitor: 'Alex Pemberton' })
    .execute();
  const sp = (
    await t.db
      .insertInto('provider')
      .values({ name: 'Step Up Supported Living', kind: 'voluntary', place_provider: 'PR5' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  supported = (
    await t.db
      .insertInto('supported_accommodation')
      .values({ provider_id: sp, name: 'Step Up 16+', postcode: 'BD1 1AA', places: 6 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  app = testApp(t);
});
afterAll(async () => {
  await t.dispose();
});

function rows(html: string, sel = 'table#homes tbody tr'): string[] {
  const $ = cheerio.load(html.replace(/<br>/g, ' '));
  return $(sel)
    .map((_i, tr) => $(tr).text().replace(/\s+/g, ' ').trim())
    .get();
}

describe('homes list', () => {
  it('shows a residential manager only the homes they manage, with occupancy and vacancies', async () => {
    const rm = await signedIn(app, 'rm.one');
    const res = await rm.agent.get('/homes');
    expect(res.status).toBe(200);
    expect(rows(res.text)).toEqual([
      expect.stringMatching(
        /^Newholme Specialist 3 1 2 Good Emotional and behavioural difficulties, Complex needs \d/,
      ),
    ]);
    const api = await rm.agent.get('/api/v1/homes');
    expect((api.body as { homes: unknown[] }).homes).toMatchObject([
      { name: 'Newholme', beds: 3, occupied: 1, vacancies: 2 },
    ]);
  });

  it('shows placement officers every in-house home, and flags a home with no visits', async () => {
    const po = await signedIn(app, 'po.one');
    const api = await po.agent.get('/api/v1/homes');
    const homes = (
      api.body as { homes: { name: string; missedMonths: number; lastReg44Visit: string | null }[] }
    ).homes;
    expect(homes.map((h) => h.name)).toEqual(['Hollybank Road', 'Newholme']);
    const hb = homes[0];
    expect(hb?.lastReg44Visit).toBeNull();
    expect(hb?.missedMonths).toBe(11);
  });

  it('refuses people without home:read', async () => {
    const sw = await signedIn(app, 'sw.north');
    expect((await sw.agent.get('/homes')).status).toBe(403);
    expect((await sw.agent.get('/api/v1/homes')).status).toBe(403);
  });

  it('answers 404 for a home a residential manager does not manage', async () => {
    const rm = await signedIn(app, 'rm.one');
    expect((await rm.agent.get(`/homes/${String(hollybank)}/visits`)).status).toBe(404);
    const post = await rm.agent
      .post(`/api/v1/homes/${String(hollybank)}/visits`)
      .set('x-csrf-token', rm.csrf)
      .send({ visitDate: lastMonth, visitor: 'X' });
    expect(post.status).toBe(404);
  });
});

describe('Regulation 44 visits', () => {
  it('shows the months visited, missed and due', async () => {
    const rm = await signedIn(app, 'rm.one');
    const api = await rm.agent.get(`/api/v1/homes/${String(newholme)}/visits`);
    expect(api.status).toBe(200);
    expect((api.body as { months: unknown[] }).months.slice(0, 3)).toMatchObject([
      { status: 'due' },
      { status: 'visited', visits: 1 },
      { status: 'missed' },
    ]);
  });

  it('records a visit through the form, and shows GOV.UK errors for bad input without saving', async () => {
    const rm = await signedIn(app, 'rm.one');
    const form = await rm.agent.get(`/homes/${String(newholme)}/visits/new`);
    expect(form.status).toBe(200);
    const bad = await rm.agent
      .post(`/homes/${String(newholme)}/visits/new`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        'visitDate-day': '31',
        'visitDate-month': '2',
        'visitDate-year': '2026',
        visitor: '',
      });
    expect(bad.status).toBe(400);
    const $ = cheerio.load(bad.text);
    expect(
      $('.govuk-error-summary li')
        .map((_i, li) => $(li).text().trim())
        .get(),
    ).toEqual(['Enter the date of the visit as a real date', 'Enter the visitor’s name']);
    const [y, m] = today.split('-');
    const ok = await rm.agent
      .post(`/homes/${String(newholme)}/visits/new`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        'visitDate-day': '1',
        'visitDate-month': m,
        'visitDate-year': y,
        visitor: 'Jo Whitcliffe',
        recommendations: 'Fix the gate',
      });
    expect(ok.status).toBe(303);
    const count = await t.db
      .selectFrom('reg44_visit')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('home_id', '=', newholme)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(2);
    const page = await rm.agent.get(`/homes/${String(newholme)}/visits`);
    expect(page.text).toContain('Jo Whitcliffe');
  });

  it('refuses a future visit and a report before the visit through the API with a field list', async () => {
    const rm = await signedIn(app, 'rm.one');
    const res = await rm.agent
      .post(`/api/v1/homes/${String(newholme)}/visits`)
      .set('x-csrf-token', rm.csrf)
      .send({ visitDate: lastMonth, visitor: 'A', reportReceived: '2000-01-01' });
    expect(res.status).toBe(400);
    expect((res.body as { errors: unknown }).errors).toEqual([
      { field: 'reportReceived', message: 'The report cannot be received before the visit' },
    ]);
    const future = await rm.agent
      .post(`/api/v1/homes/${String(newholme)}/visits`)
      .set('x-csrf-token', rm.csrf)
      .send({ visitDate: '2999-01-01', visitor: 'A' });
    expect(future.status).toBe(400);
    expect((future.body as { errors: { field: string }[] }).errors[0]?.field).toBe('visitDate');
  });

  it('refuses recording to a placement officer (no home:write)', async () => {
    const po = await signedIn(app, 'po.one');
    const res = await po.agent
      .post(`/api/v1/homes/${String(newholme)}/visits`)
      .set('x-csrf-token', po.csrf)
      .send({ visitDate: lastMonth, visitor: 'A' });
    expect(res.status).toBe(403);
  });

  it('records the report with optimistic locking: a stale version gets 409 with current values', async () => {
    const rm = await signedIn(app, 'rm.one');
    const visit = await t.db
      .selectFrom('reg44_visit')
      .select(['id', 'version'])
      .where('home_id', '=', newholme)
      .where('visit_date', '=', lastMonth)
      .executeTakeFirstOrThrow();
    const url = `/api/v1/homes/${String(newholme)}/visits/${String(visit.id)}`;
    const first = await rm.agent
      .put(url)
      .set('x-csrf-token', rm.csrf)
      .send({ version: visit.version, reportReceived: lastMonth, recommendations: 'Paint hall' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ reportReceived: lastMonth, version: visit.version + 1 });
    const stale = await rm.agent
      .put(url)
      .set('x-csrf-token', rm.csrf)
      .send({ version: visit.version, reportReceived: null, recommendations: 'Other' });
    expect(stale.status).toBe(409);
    expect((stale.body as { current: unknown }).current).toMatchObject({
      recommendations: 'Paint hall',
    });
    // The page shows the conflict with the current values.
    const form = await rm.agent.get(`/homes/${String(newholme)}/visits/${String(visit.id)}`);
    const page = await rm.agent
      .post(`/homes/${String(newholme)}/visits/${String(visit.id)}`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        version: String(visit.version),
        recommendations: 'Mine',
      });
    expect(page.status).toBe(409);
    expect(cheerio.load(page.text)('#recommendations').text()).toBe('Paint hall');
  });
});

describe('supported accommodation', () => {
  it('flags a service never visited as overdue, and lets a placement officer record a visit', async () => {
    const po = await signedIn(app, 'po.one');
    const list = await po.agent.get('/api/v1/supported-accommodation');
    expect((list.body as { services: unknown }).services).toMatchObject([
      { name: 'Step Up 16+', places: 6, overdue: true },
    ]);
    const page = await po.agent.get(`/supported-accommodation/${String(supported)}`);
    expect(page.status).toBe(200);
    const bad = await po.agent
      .post(`/supported-accommodation/${String(supported)}`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), visitor: 'Kim' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Select the overall view');
    const ok = await po.agent
      .post(`/api/v1/supported-accommodation/${String(supported)}/visits`)
      .set('x-csrf-token', po.csrf)
      .send({ visitDate: today, visitor: 'Kim', rating: 'good' });
    expect(ok.status).toBe(201);
    const after = await po.agent.get('/api/v1/supported-accommodation');
    expect((after.body as { services: unknown }).services).toMatchObject([
      { lastVisit: today, overdue: false },
    ]);
  });

  it('refuses a team manager recording a quality visit', async () => {
    const tm = await signedIn(app, 'tm.one');
    const res = await tm.agent
      .post(`/api/v1/supported-accommodation/${String(supported)}/visits`)
      .set('x-csrf-token', tm.csrf)
      .send({ visitDate: today, visitor: 'Kim', rating: 'good' });
    expect(res.status).toBe(403);
  });
});
