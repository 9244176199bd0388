// A placement decision for a child who is not looked after on the start date (an emergency entry to
// care): the page and the API ask for the legal status and the category of need, and the decision
// starts the period of care with the placement and closes the request in one transaction, audited;
// without them nothing is saved. For a child already looked after they are not asked and are
// ignored. And two decisions into the last bed of a children's home at once: exactly one succeeds.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addYears } from '../../domain/dates/index.ts';
import { addUser, csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { signedInUsers } from './testAgents.ts';
import { TODAY, addCare, addChild, daysAgo, makeWorld, type World } from '../recording/fixtures.ts';

let t: TestDb;
let app: Express;
let w: World;
const { as, agent, post, get } = signedInUsers();
let newToCare: number;
let inCare: number;

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  w = await makeWorld(t);
  await addUser(t, 'tm.one', ['team_manager'], { teamId: w.teamId });
  const mine = { teamId: w.teamId, allocate: { social_worker: w.users.sw } };
  newToCare = await addChild(t, 'N1', { ...mine, dob: addYears(TODAY, -13) });
  inCare = await addChild(t, 'I1', { ...mine, dob: addYears(TODAY, -12) });
  await addCare(t, inCare, daysAgo(300), null);
  for (const u of ['sw.one', 'tm.one', 'po.one']) as[u] = await signedIn(app, u);
}, 180_000); // setup signs in several users: slow on a loaded machine
afterAll(async () => {
  await t.dispose();
});

async function approvedRequest(childId: number, placeTypes: string[] = ['foster']) {
  const c = await post('sw.one', `/children/${String(childId)}/placement-requests`, {
    kind: 'emergency',
    dateNeeded: TODAY,
    placeTypes,
    needs: [],
    risksToChild: [],
    risksFromChild: [],
    languages: [],
    avoidDistricts: [],
  });
  expect(c.status).toBe(201);
  const id = (c.body as { id: number }).id;
  expect(
    (await post('tm.one', `/placement-requests/${String(id)}/approval`, { version: 1 })).status,
  ).toBe(200);
  return id;
}

const careOf = async (childId: number) => ({
  periods: await t.db
    .selectFrom('period_of_care')
    .select(['start_date', 'category_of_need', 'end_date'])
    .where('child_id', '=', childId)
    .execute(),
  statuses: await t.db
    .selectFrom('legal_status')
    .select(['status', 'start_date'])
    .where('child_id', '=', childId)
    .orderBy('id')
    .execute(),
  placements: await t.db
    .selectFrom('placement')
    .select(['id', 'place_type', 'fostering_household_id', 'home_id', 'start_date', 'end_date'])
    .where('child_id', '=', childId)
    .orderBy('id')
    .execute(),
});

const summary = (html: string) => {
  const $ = cheerio.load(html);
  return $('.govuk-error-summary__list a')
    .map((_i, a) => ({ href: $(a).attr('href'), text: $(a).text().trim() }))
    .get();
};

describe('a decision for a child not looked after', () => {
  let id: number;
  const decision = (over: object = {}) => ({
    version: 2,
    chosenOption: `household:${String(w.roomy)}`,
    reason: 'Emergency: the only household free tonight',
    startDate: TODAY,
    ...over,
  });

  it('the page asks for the legal status and category of need (the start-period lists); the API says the decision starts care', async () => {
    id = await approvedRequest(newToCare);
    const m = await get('po.one', `/placement-requests/${String(id)}/matches`);
    expect((m.body as { startsCare: boolean }).startsCare).toBe(true);
    const page = await agent('po.one').agent.get(`/placement-requests/${String(id)}/matches`);
    const $ = cheerio.load(page.text);
    expect($('#starts-care').text()).toContain('this placement starts a period of care');
    expect($('label[for="legalStatus"]').text().trim()).toBe('Legal status');
    expect($('label[for="categoryOfNeed"]').text().trim()).toBe('Category of need');
    expect($('#legalStatus option[value="C2"]').text()).toBe('C2: Full care order');
    expect($('#categoryOfNeed option[value="N1"]').text()).toMatch(/^N1: Abuse or neglect/);
    expect($('#reasonForChange')).toHaveLength(0);
  });

  it('without the legal status: a field error on the page and the API, and nothing saved', async () => {
    const page = await agent('po.one').agent.get(`/placement-requests/${String(id)}/matches`);
    const [y, mo, d] = TODAY.split('-');
    const res = await agent('po.one')
      .agent.post(`/placement-requests/${String(id)}/matches`)
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        version: '2',
        chosenOption: `household:${String(w.roomy)}`,
        reason: 'Emergency',
        'startDate-day': String(Number(d)),
        'startDate-month': String(Number(mo)),
        'startDate-year': y,
      });
    expect(res.status).toBe(400);
    expect(summary(res.text)).toEqual([
      {
        href: '#legalStatus',
        text: 'Select the legal status: the child is not looked after on the start date',
      },
      {
        href: '#categoryOfNeed',
        text: 'Select the category of need: the child is not looked after on the start date',
      },
    ]);
    expect(cheerio.load(res.text)('#legalStatus-error').text()).toContain(
      'Select the legal status',
    );
    const api = await post(
      'po.one',
      `/placement-requests/${String(id)}/decision`,
      decision({ categoryOfNeed: 'N1' }),
    );
    expect(api.status).toBe(400);
    expect(api.body).toMatchObject({
      errors: [
        {
          field: 'legalStatus',
          message: 'Select the legal status: the child is not looked after on the start date',
        },
      ],
    });
    expect(await careOf(newToCare)).toEqual({ periods: [], statuses: [], placements: [] });
    const req = await t.db
      .selectFrom('placement_request')
      .select(['status', 'version', 'placement_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(req).toEqual({ status: 'open', version: 2, placement_id: null });
  });

  it('with them: the period of care, legal status and placement are made, the request is placed, and both are audited', async () => {
    const res = await post(
      'po.one',
      `/placement-requests/${String(id)}/decision`,
      decision({ legalStatus: 'V2', categoryOfNeed: 'N1' }),
    );
    expect(res.status).toBe(200);
    const placementId = (res.body as { placementId: number }).placementId;
    expect(await careOf(newToCare)).toEqual({
      periods: [{ start_date: TODAY, category_of_need: 'N1', end_date: null }],
      statuses: [{ status: 'V2', start_date: TODAY }],
      placements: [
        {
          id: placementId,
          place_type: 'U6',
          fostering_household_id: w.roomy,
          home_id: null,
          start_date: TODAY,
          end_date: null,
        },
      ],
    });
    const req = await t.db
      .selectFrom('placement_request')
      .select(['status', 'placement_id', 'chosen_option'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(req).toEqual({
      status: 'placed',
      placement_id: placementId,
      chosen_option: `household:${String(w.roomy)}`,
    });
    const audited = await t.db
      .selectFrom('audit_event')
      .select(['action', 'record_type'])
      .where('child_id', '=', newToCare)
      .where('action', '<>', 'read')
      .where('record_type', 'in', ['period_of_care', 'placement_request'])
      .orderBy('id')
      .execute();
    expect(audited.slice(-2)).toEqual([
      { action: 'create', record_type: 'period_of_care' },
      { action: 'update', record_type: 'placement_request' },
    ]);
  });

  it('for a child already looked after the fields are not asked, and are ignored', async () => {
    const other = await approvedRequest(inCare);
    expect(
      (
        (await get('po.one', `/placement-requests/${String(other)}/matches`)).body as {
          startsCare: boolean;
        }
      ).startsCare,
    ).toBe(false);
    const page = await agent('po.one').agent.get(`/placement-requests/${String(other)}/matches`);
    expect(cheerio.load(page.text)('#legalStatus')).toHaveLength(0);
    const res = await post(
      'po.one',
      `/placement-requests/${String(other)}/decision`,
      decision({ reasonForChange: 'CARPL', legalStatus: 'C1', categoryOfNeed: 'N8' }),
    );
    expect(res.status).toBe(200);
    const care = await careOf(inCare);
    expect(care.periods).toEqual([
      { start_date: daysAgo(300), category_of_need: 'N1', end_date: null },
    ]);
    expect(care.statuses).toEqual([{ status: 'C2', start_date: daysAgo(300) }]);
    expect(care.placements.map((p) => p.end_date)).toEqual([TODAY, null]);
  });
});

describe('the last bed in a home', () => {
  it('two decisions into it at once: exactly one succeeds; the other is refused on the option and saves nothing', async () => {
    const { id: provider } = await t.db
      .insertInto('provider')
      .values({
        name: 'Brook Care',
        kind: 'private',
        place_provider: 'PR4',
        ofsted_urn: null,
        grade: null,
        postcode: 'BD8 7AA',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: home } = await t.db
      .insertInto('home')
      .values({
        provider_id: provider,
        name: 'Brook House',
        beds: 1,
        postcode: 'BD8 7AA',
        urn: 'SC222333',
        grade: 'good',
        categories: [],
        closed_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mine = { teamId: w.teamId, allocate: { social_worker: w.users.sw } };
    const a = await addChild(t, 'R1', { ...mine, dob: addYears(TODAY, -14) });
    const b = await addChild(t, 'R2', { ...mine, dob: addYears(TODAY, -14) });
    for (const c of [a, b]) await addCare(t, c, daysAgo(100), null);
    const ra = await approvedRequest(a, ['residential']);
    const rb = await approvedRequest(b, ['residential']);
    const body = {
      version: 2,
      chosenOption: `home:${String(home)}`,
      reason: 'Close to school',
      startDate: TODAY,
      reasonForChange: 'CARPL',
    };
    const results = await Promise.all([
      post('po.one', `/placement-requests/${String(ra)}/decision`, body),
      post('po.one', `/placement-requests/${String(rb)}/decision`, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const loser = results.find((r) => r.status === 400);
    // Refused by matching (the bed was taken when this decision began) or by the locked check.
    expect(JSON.stringify(loser?.body)).toMatch(/no free (bed|place)/i);
    expect(JSON.stringify(loser?.body)).toContain('chosenOption');
    const inHome = await t.db
      .selectFrom('placement')
      .select('child_id')
      .where('home_id', '=', home)
      .execute();
    expect(inHome).toHaveLength(1);
    const lost = inHome[0]?.child_id === a ? rb : ra;
    const req = await t.db
      .selectFrom('placement_request')
      .select(['status', 'version', 'placement_id'])
      .where('id', '=', lost)
      .executeTakeFirstOrThrow();
    expect(req).toEqual({ status: 'open', version: 2, placement_id: null });
  });
});
