// The child's agreement to 6-monthly visits (CPPCR 2010 reg 28(3A)) on both engines: the page and
// the API record it and its withdrawal, the tray's visit item follows at once (3-monthly without
// it, 6-monthly with it, 3-monthly again once withdrawn), bad input is refused with nothing saved,
// a stale withdrawal answers 409 with the stored values, and a child outside scope is not found.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addMonths } from '../../domain/dates/index.ts';
import { signedIn, testApp } from '../../platform/http/testing.ts';
import { daysAgo, seedWork, type WorkFixture } from './testData.ts';

let conn: TestDb;
let app: Express;
let f: WorkFixture;
let placementId: number;

const lastSeen = daysAgo(100);

beforeAll(async () => {
  conn = await freshDb();
  f = await seedWork(conn);
  app = testApp(conn);
  // Ava: in a designated long-term foster placement for 500 days, intended to last to 18; last
  // seen 100 days ago, after the placement's first year.
  const db = conn.db;
  await db
    .updateTable('period_of_care')
    .set({ start_date: daysAgo(500) })
    .where('child_id', '=', f.children.ava)
    .execute();
  await db
    .updateTable('legal_status')
    .set({ start_date: daysAgo(500) })
    .where('child_id', '=', f.children.ava)
    .execute();
  const p = await db
    .updateTable('placement')
    .set({ start_date: daysAgo(500), long_term_designated: true, intended_to_18: true })
    .where('child_id', '=', f.children.ava)
    .returning('id')
    .executeTakeFirstOrThrow();
  placementId = p.id;
  await db
    .insertInto('visit')
    .values({ child_id: f.children.ava, visit_date: lastSeen, seen: true, seen_alone: true })
    .execute();
}, 180_000);

afterAll(async () => {
  await (conn as TestDb | undefined)?.dispose();
});

interface ApiItem {
  rule: string;
  due: string;
  status: string;
  what: string;
  whom: { localId: string };
}

async function avaVisit(agent: Awaited<ReturnType<typeof signedIn>>['agent']) {
  const res = await agent.get('/api/v1/work/mine?rule=sw-visit');
  return (res.body as { items: ApiItem[] }).items.find((i) => i.whom.localId === 'AVA1');
}

const count = async () =>
  (await conn.db.selectFrom('visit_agreement').select('id').execute()).length;

describe('the child’s agreement to 6-monthly visits', () => {
  const page = () => `/children/${String(f.children.ava)}/visit-agreements`;

  it('without it visits stay 3-monthly; the page is reached from the tray and offers the form', async () => {
    const { agent } = await signedIn(app, 'sw.north');
    expect(await avaVisit(agent)).toMatchObject({
      due: addMonths(lastSeen, 3),
      status: 'overdue',
    });
    const tray = cheerio.load((await agent.get('/work?rule=sw-visit')).text);
    expect(tray(`a[href="${page()}"]`).length).toBeGreaterThan(0);
    const res = await agent.get(page());
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).toContain('agreement to 6-monthly visits');
    expect(res.text).toContain('No agreement is recorded');
    expect($('#placementId option').length).toBe(2);
  });

  it('refuses a form with nothing in it, and a date before the placement, saving nothing', async () => {
    const { agent, csrf } = await signedIn(app, 'sw.north');
    const blank = await agent.post(page()).type('form').send({ _csrf: csrf });
    expect(blank.status).toBe(400);
    const $ = cheerio.load(blank.text);
    const summary = $('.govuk-error-summary').text();
    expect(summary).toContain('Select the placement');
    expect(summary).toContain('Enter the date the child agreed');
    expect(summary).toContain('Enter the child’s view');
    const [y, m, d] = daysAgo(600).split('-');
    const early = await agent
      .post(page())
      .type('form')
      .send({
        _csrf: csrf,
        placementId: String(placementId),
        'agreedOn-day': d,
        'agreedOn-month': m,
        'agreedOn-year': y,
        childView: 'I am happy with fewer visits',
      });
    expect(early.status).toBe(400);
    expect(early.text).toContain('must be on or after the placement started');
    expect(cheerio.load(early.text)('#childView').val()).toBe('I am happy with fewer visits');
    expect(await count()).toBe(0);
  });

  it('recorded through the page, the visit falls due 6 months after the last one at once', async () => {
    const { agent, csrf } = await signedIn(app, 'sw.north');
    const [y, m, d] = lastSeen.split('-');
    const ok = await agent
      .post(page())
      .type('form')
      .send({
        _csrf: csrf,
        placementId: String(placementId),
        'agreedOn-day': d,
        'agreedOn-month': m,
        'agreedOn-year': y,
        childView: 'I like my foster home and don’t need so many visits',
      });
    expect(ok.status).toBe(303);
    const visit = await avaVisit(agent);
    expect(visit).toMatchObject({ due: addMonths(lastSeen, 6), status: 'upcoming' });
    expect(visit?.what).toContain('child agrees: 6-monthly');
    const shown = await agent.get(page());
    expect(shown.text).toContain('I like my foster home');
    expect(shown.text).toContain('Nia North');
    const events = await conn.db
      .selectFrom('audit_event')
      .select(['action'])
      .where('record_type', '=', 'visit-agreement')
      .where('child_id', '=', f.children.ava)
      .execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'read']));
  });

  it('the API lists it; a stale withdrawal is refused with the stored values; a withdrawal restores 3-monthly visits', async () => {
    const { agent, csrf } = await signedIn(app, 'sw.north');
    const api = `/api/v1/children/${String(f.children.ava)}/visit-agreements`;
    const list = await agent.get(api);
    expect(list.status).toBe(200);
    const [agreement] = (list.body as { agreements: { id: number; version: number }[] }).agreements;
    expect(agreement).toBeDefined();
    const withdraw = `${api}/${String(agreement?.id)}/withdraw`;
    const bad = await agent
      .post(withdraw)
      .set('x-csrf-token', csrf)
      .send({ withdrawnOn: 'soon', withdrawnView: '', version: agreement?.version });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(
      ['withdrawnOn', 'withdrawnView'],
    );
    const stale = await agent
      .post(withdraw)
      .set('x-csrf-token', csrf)
      .send({
        withdrawnOn: daysAgo(10),
        withdrawnView: 'I want my social worker to come more often',
        version: (agreement?.version ?? 1) + 5,
      });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { id: agreement?.id, withdrawnOn: null } });
    const done = await agent
      .post(withdraw)
      .set('x-csrf-token', csrf)
      .send({
        withdrawnOn: daysAgo(10),
        withdrawnView: 'I want my social worker to come more often',
        version: agreement?.version,
      });
    expect(done.status).toBe(200);
    expect(await avaVisit(agent)).toMatchObject({
      due: addMonths(lastSeen, 3),
      status: 'overdue',
    });
    // Withdrawn already: the page form is gone and a second withdrawal is a conflict.
    const again = await agent
      .post(withdraw)
      .set('x-csrf-token', csrf)
      .send({
        withdrawnOn: daysAgo(5),
        withdrawnView: 'Again',
        version: (agreement?.version ?? 1) + 1,
      });
    expect(again.status).toBe(409);
  });

  it('a child outside the actor’s scope is not found, on the page and the API', async () => {
    const { agent, csrf } = await signedIn(app, 'sw.south');
    expect((await agent.get(page())).status).toBe(404);
    const api = await agent
      .post(`/api/v1/children/${String(f.children.ava)}/visit-agreements`)
      .set('x-csrf-token', csrf)
      .send({ placementId, agreedOn: daysAgo(1), childView: 'Fine' });
    expect(api.status).toBe(404);
    expect(await count()).toBe(1);
  });
});
