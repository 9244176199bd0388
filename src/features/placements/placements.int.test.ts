// Placement requests end to end (supertest, signed in through the real form): a social worker's
// request and its refusals (scope, bad codes, a planned date in the past), a manager's approval with
// a stale version, the placement team's queue, matching with explained factors and exclusions, and
// the decision through the recording area's addPlacement, including two decisions racing for the
// last free place.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, addYears } from '../../domain/dates/index.ts';
import { addUser, csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { signedInUsers } from './testAgents.ts';
import {
  TODAY,
  addCare,
  addChild,
  addHousehold,
  daysAgo,
  makeWorld,
  type World,
} from '../recording/fixtures.ts';

let t: TestDb;
let app: Express;
let w: World;
const { as, agent, post, get } = signedInUsers();
let childA: number;
let childB: number;
let childC: number;
let childOut: number;
let childD: number;
let childE: number;
let childF: number;
let lastPlace: number;

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  w = await makeWorld(t);
  await addUser(t, 'tm.one', ['team_manager'], { teamId: w.teamId, displayName: 'Tess Manager' });
  const mine = { teamId: w.teamId, allocate: { social_worker: w.users.sw } };
  childA = await addChild(t, 'A1', { ...mine, dob: addYears(TODAY, -12) });
  childB = await addChild(t, 'B1', { ...mine, dob: addYears(TODAY, -11) });
  childC = await addChild(t, 'C1', { ...mine, dob: addYears(TODAY, -13) });
  childD = await addChild(t, 'D1', { ...mine, dob: addYears(TODAY, -9) });
  childE = await addChild(t, 'E1', { ...mine, dob: addYears(TODAY, -8) });
  childF = await addChild(t, 'F1', { ...mine, dob: addYears(TODAY, -15) });
  childOut = await addChild(t, 'OUT1');
  for (const c of [childA, childB, childC, childD, childE, childF, childOut])
    await addCare(t, c, daysAgo(300), null);
  lastPlace = await addHousehold(t, 'Last place household', 1);
  for (const u of ['sw.one', 'sw.other', 'tm.one', 'po.one']) as[u] = await signedIn(app, u);
});
afterAll(async () => {
  await t.dispose();
});

const good = (over: object = {}) => ({
  kind: 'planned',
  dateNeeded: addDays(TODAY, 14),
  placeTypes: ['foster'],
  needs: ['autism'],
  risksToChild: ['missing'],
  risksFromChild: [],
  languages: ['Urdu'],
  avoidDistricts: ['bd3'],
  ...over,
});

const managerId = async () =>
  (
    await t.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'tm.one')
      .executeTakeFirstOrThrow()
  ).id;

const requestsOf = (childId: number) =>
  t.db.selectFrom('placement_request').selectAll().where('child_id', '=', childId).execute();

describe('making a request', () => {
  it('a social worker requests for a child in scope; stored with its needs; awaits approval', async () => {
    const res = await post('sw.one', `/children/${String(childA)}/placement-requests`, good());
    expect(res.status).toBe(201);
    const [row] = await requestsOf(childA);
    expect(row).toMatchObject({
      status: 'awaiting_approval',
      kind: 'planned',
      needs: ['autism'],
      languages: ['urdu'],
      avoid_districts: ['BD3'],
      requested_by: w.users.sw,
      approved_by: null,
    });
    const read = await get('sw.one', `/placement-requests/${String(row?.id)}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      childId: childA,
      status: 'awaiting_approval',
      approvedBy: null,
    });
  });

  it('refuses a second open request for the same child', async () => {
    const res = await post('sw.one', `/children/${String(childA)}/placement-requests`, good());
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('already has an open placement request');
    expect(await requestsOf(childA)).toHaveLength(1);
  });

  it('an out-of-scope child is not found (API and page), and nothing is saved', async () => {
    const api = await post('sw.other', `/children/${String(childOut)}/placement-requests`, good());
    expect(api.status).toBe(404);
    expect(
      (await agent('sw.other').agent.get(`/children/${String(childOut)}/placement-requests/new`))
        .status,
    ).toBe(404);
    const [a] = await requestsOf(childA);
    expect((await get('sw.other', `/placement-requests/${String(a?.id)}`)).status).toBe(404);
    expect(await requestsOf(childOut)).toEqual([]);
  });

  it.each([
    ['an unknown need code', { needs: ['telepathy'] }, 'needs'],
    ['an unknown risk code', { risksFromChild: ['arson'] }, 'risksFromChild'],
    ['no type of place', { placeTypes: [] }, 'placeTypes'],
    ['a planned date in the past', { dateNeeded: daysAgo(1) }, 'dateNeeded'],
    ['an emergency date in the past', { kind: 'emergency', dateNeeded: daysAgo(3) }, 'dateNeeded'],
    ['a bad school postcode', { schoolPostcode: 'NOT A CODE' }, 'schoolPostcode'],
    ['a bad area to avoid', { avoidDistricts: ['Bradford'] }, 'avoidDistricts'],
    ['seven children together', { childrenTogether: 7 }, 'childrenTogether'],
  ])('refuses %s with 400 and the field, saving nothing', async (_n, over, field) => {
    const res = await post('sw.one', `/children/${String(childC)}/placement-requests`, good(over));
    expect(res.status).toBe(400);
    const errors = (res.body as { errors: { field: string }[] }).errors;
    expect(errors.map((e) => e.field.split('.')[0])).toContain(field);
    expect(await requestsOf(childC)).toEqual([]);
  });

  it('the page shows GOV.UK errors and keeps what was typed', async () => {
    const sw = agent('sw.one');
    const page = await sw.agent.get(`/children/${String(childC)}/placement-requests/new`);
    expect(page.status).toBe(200);
    const res = await sw.agent
      .post(`/children/${String(childC)}/placement-requests/new`)
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        kind: 'planned',
        'dateNeeded-day': '1',
        'dateNeeded-month': '1',
        'dateNeeded-year': '2020',
        languages: 'Polish',
        needs: 'bogus',
      });
    expect(res.status).toBe(400);
    const $ = cheerio.load(res.text);
    const summary = $('.govuk-error-summary').text();
    expect(summary).toContain('Select at least one type of place sought');
    expect(summary).toContain('Select only needs from the list');
    expect($('#languages').val()).toBe('Polish');
    expect(await requestsOf(childC)).toEqual([]);
    const past = await sw.agent
      .post(`/children/${String(childC)}/placement-requests/new`)
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        kind: 'planned',
        'dateNeeded-day': '1',
        'dateNeeded-month': '1',
        'dateNeeded-year': '2020',
        placeTypes: 'foster',
      });
    expect(past.status).toBe(400);
    expect(cheerio.load(past.text)('.govuk-error-summary').text()).toContain(
      'The date a planned placement is needed must be today or in the future',
    );
    expect(await requestsOf(childC)).toEqual([]);
  });
});

describe('approval and the queue', () => {
  it('the request page approves with its version; an old page is a conflict showing the request as it is now', async () => {
    const other = await post('sw.one', `/children/${String(childC)}/placement-requests`, good());
    const id = String((other.body as { id: number }).id);
    const tm = agent('tm.one');
    const page = await tm.agent.get(`/placement-requests/${id}`);
    expect(page.status).toBe(200);
    const $ = cheerio.load(page.text);
    const form = { _csrf: csrfFrom(page.text), version: String($('#version').val()) };
    const first = await tm.agent.post(`/placement-requests/${id}/approve`).type('form').send(form);
    expect(first.status).toBe(303);
    const again = await tm.agent.post(`/placement-requests/${id}/approve`).type('form').send(form);
    expect(again.status).toBe(409);
    const shown = cheerio.load(again.text);
    expect(shown('.govuk-notification-banner').text()).toContain('changed by someone else');
    expect(shown('main').text()).toContain('Tess Manager');
    // Put it back to awaiting approval for the tests below, which make their own request for C.
    await t.db.deleteFrom('placement_request').where('id', '=', Number(id)).execute();
  });

  it('a manager approves; a stale version is a conflict with the current values; a social worker may not approve', async () => {
    const [row] = await requestsOf(childA);
    const id = String(row?.id);
    expect(
      (await post('sw.one', `/placement-requests/${id}/approval`, { version: 1 })).status,
    ).toBe(403);
    expect(
      (await post('tm.one', `/placement-requests/${id}/approval`, { version: 1 })).status,
    ).toBe(200);
    const stale = await post('tm.one', `/placement-requests/${id}/approval`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      current: { status: 'open', approvedBy: 'Tess Manager', version: 2 },
    });
    const [after] = await requestsOf(childA);
    expect(after).toMatchObject({ status: 'open', version: 2 });
    expect(after?.approved_by).toBe(await managerId());
  });

  it('the queue lists emergencies first with days waiting and days to the date needed; filters; social workers may not see it', async () => {
    const e = await post(
      'sw.one',
      `/children/${String(childB)}/placement-requests`,
      good({ kind: 'emergency', dateNeeded: TODAY }),
    );
    await post('tm.one', `/placement-requests/${String((e.body as { id: number }).id)}/approval`, {
      version: 1,
    });
    const q = await get('po.one', '/placement-requests');
    expect(q.status).toBe(200);
    const rows = (
      q.body as {
        requests: { childId: number; kind: string; daysWaiting: number; daysToNeeded: number }[];
      }
    ).requests;
    expect(rows.map((r) => [r.childId, r.kind, r.daysWaiting, r.daysToNeeded])).toEqual([
      [childB, 'emergency', 0, 0],
      [childA, 'planned', 0, 14],
    ]);
    const planned = await get('po.one', '/placement-requests?kind=planned');
    expect((planned.body as { requests: unknown[] }).requests).toHaveLength(1);
    expect((await get('sw.one', '/placement-requests')).status).toBe(403);
    const page = await agent('po.one').agent.get('/placement-requests');
    expect(page.status).toBe(200);
    expect(cheerio.load(page.text)('h2#results').text()).toBe('2 requests');
  });
});

describe('matching and the decision', () => {
  it('ranks options with factors in words and numbers and lists the exclusions with reasons', async () => {
    const [row] = await requestsOf(childA);
    const res = await get('po.one', `/placement-requests/${String(row?.id)}/matches`);
    expect(res.status).toBe(200);
    const body = res.body as {
      ranked: {
        name: string;
        score: number;
        factors: { id: string; points: number; explanation: string }[];
      }[];
      excluded: { name: string; reasons: string[] }[];
    };
    const names = body.ranked.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Roomy household', 'Last place household']));
    const roomy = body.ranked.find((r) => r.name === 'Roomy household');
    expect(roomy?.score).toBe(roomy?.factors.reduce((s, f) => s + f.points, 0));
    expect(roomy?.factors.find((f) => f.id === 'cost')?.explanation).toMatch(/^Not known/);
    expect(roomy?.factors.find((f) => f.id === 'language')?.explanation).toBe(
      'Not recorded for the place',
    );
    expect((await get('sw.one', `/placement-requests/${String(row?.id)}/matches`)).status).toBe(
      403,
    );
    const page = await agent('po.one').agent.get(`/placement-requests/${String(row?.id)}/matches`);
    expect(page.status).toBe(200);
    expect(cheerio.load(page.text)('.govuk-summary-card__title').first().text()).toMatch(
      /^1\. .+: -?\d+ of \d+$/,
    );
  });

  it('refuses a decision before approval, with a stale version, or for an unknown option; nothing changes', async () => {
    const c = await post('sw.one', `/children/${String(childC)}/placement-requests`, good());
    const id = (c.body as { id: number }).id;
    const decision = {
      version: 1,
      chosenOption: `household:${String(w.roomy)}`,
      reason: 'Near school',
      startDate: TODAY,
      reasonForChange: 'CARPL',
    };
    const early = await post('po.one', `/placement-requests/${String(id)}/decision`, decision);
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toContain('must be approved by a manager');
    await post('tm.one', `/placement-requests/${String(id)}/approval`, { version: 1 });
    expect(
      (await post('po.one', `/placement-requests/${String(id)}/decision`, decision)).status,
    ).toBe(409);
    const unknown = await post('po.one', `/placement-requests/${String(id)}/decision`, {
      ...decision,
      version: 2,
      chosenOption: 'household:999999',
    });
    expect(unknown.status).toBe(400);
    const badCode = await post('po.one', `/placement-requests/${String(id)}/decision`, {
      ...decision,
      version: 2,
      reasonForChange: 'NOPE',
    });
    expect(badCode.status).toBe(400);
    const [after] = await requestsOf(childC);
    expect(after).toMatchObject({ status: 'open', version: 2, placement_id: null });
    const placements = await t.db
      .selectFrom('placement')
      .select('id')
      .where('child_id', '=', childC)
      .execute();
    expect(placements).toHaveLength(1);
  });

  const approvedRequest = async (childId: number): Promise<number> => {
    const c = await post('sw.one', `/children/${String(childId)}/placement-requests`, good());
    const id = (c.body as { id: number }).id;
    expect(
      (await post('tm.one', `/placement-requests/${String(id)}/approval`, { version: 1 })).status,
    ).toBe(200);
    return id;
  };
  const placementsOf = (childId: number) =>
    t.db
      .selectFrom('placement')
      .select(['id', 'end_date', 'fostering_household_id'])
      .where('child_id', '=', childId)
      .execute();

  it('a decision refused by the record (start before the period of care) leaves the request open, its version unchanged, and no placement', async () => {
    const id = await approvedRequest(childD);
    const res = await post('po.one', `/placement-requests/${String(id)}/decision`, {
      version: 2,
      chosenOption: `household:${String(w.roomy)}`,
      reason: 'Room for a younger child',
      startDate: daysAgo(400),
      reasonForChange: 'CARPL',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/startDate/);
    const [after] = await requestsOf(childD);
    expect(after).toMatchObject({
      status: 'open',
      version: 2,
      placement_id: null,
      chosen_option: null,
    });
    expect(await placementsOf(childD)).toEqual([
      expect.objectContaining({ end_date: null, fostering_household_id: null }),
    ]);
  });

  it('when closing the request fails after the placement was made, the placement is rolled back with it', async () => {
    const id = await approvedRequest(childE);
    // A trigger that refuses to close this one request: the failure comes after addPlacement has
    // written the placement and ended the previous one, in the same transaction.
    await sql
      .raw(
        `create function refuse_close() returns trigger language plpgsql as $$
         begin
           if new.status = 'placed' and new.id = ${String(id)} then raise exception 'closing refused'; end if;
           return new;
         end $$`,
      )
      .execute(t.db);
    await sql
      .raw(
        'create trigger refuse_close before update on placement_request for each row execute function refuse_close()',
      )
      .execute(t.db);
    try {
      const res = await post('po.one', `/placement-requests/${String(id)}/decision`, {
        version: 2,
        chosenOption: `household:${String(w.roomy)}`,
        reason: 'Room for a younger child',
        startDate: TODAY,
        reasonForChange: 'CARPL',
      });
      expect(res.status).toBe(500);
    } finally {
      await sql.raw('drop trigger refuse_close on placement_request').execute(t.db);
      await sql.raw('drop function refuse_close()').execute(t.db);
    }
    const [after] = await requestsOf(childE);
    expect(after).toMatchObject({ status: 'open', version: 2, placement_id: null });
    expect(await placementsOf(childE)).toEqual([
      expect.objectContaining({ end_date: null, fostering_household_id: null }),
    ]);
  });

  it('two decisions into the last free place at once: exactly one succeeds; its request closes and the record shows the placement', async () => {
    const [a] = await requestsOf(childA);
    const [b] = await requestsOf(childB);
    const decision = (version: number) => ({
      version,
      chosenOption: `household:${String(lastPlace)}`,
      reason: 'Close to school and family',
      startDate: TODAY,
      reasonForChange: 'CARPL',
      declined: [{ option: `household:${String(w.roomy)}`, reason: 'Too far from school' }],
    });
    const results = await Promise.all([
      post('po.one', `/placement-requests/${String(a?.id)}/decision`, decision(a?.version ?? 0)),
      post('po.one', `/placement-requests/${String(b?.id)}/decision`, decision(b?.version ?? 0)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const loser = results.find((r) => r.status === 400);
    // Refused either by matching (the place was already taken when this decision began) or by
    // the recording service's locked capacity check (both were in flight at once).
    expect(JSON.stringify(loser?.body)).toMatch(/no free place/i);
    const inHousehold = await t.db
      .selectFrom('placement')
      .select(['child_id', 'start_date', 'place_type', 'end_date'])
      .where('fostering_household_id', '=', lastPlace)
      .execute();
    expect(inHousehold).toHaveLength(1);
    const winner = inHousehold[0]?.child_id;
    const loserChild = winner === childA ? childB : childA;
    const [won] = await requestsOf(winner ?? 0);
    expect(won).toMatchObject({
      status: 'placed',
      chosen_option: `household:${String(lastPlace)}`,
      decision_reason: 'Close to school and family',
    });
    const declined = await t.db
      .selectFrom('placement_request_declined')
      .select(['option_name', 'reason'])
      .where('request_id', '=', won?.id ?? 0)
      .execute();
    expect(declined).toEqual([{ option_name: 'Roomy household', reason: 'Too far from school' }]);
    const [lost] = await requestsOf(loserChild);
    expect(lost).toMatchObject({ status: 'open', placement_id: null, version: 2 });
    expect(
      await t.db.selectFrom('placement').select('id').where('child_id', '=', loserChild).execute(),
    ).toHaveLength(1);
    // The record shows the new placement; the previous one ended the same day.
    const record = await get('po.one', `/placement-requests/${String(won?.id)}`);
    expect(record.body).toMatchObject({
      status: 'placed',
      chosenName: 'Last place household',
      placementId: won?.placement_id,
    });
    const prev = await t.db
      .selectFrom('placement')
      .select(['end_date', 'reason_for_change'])
      .where('child_id', '=', winner ?? 0)
      .where('fostering_household_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(prev).toEqual({ end_date: TODAY, reason_for_change: 'CARPL' });
    // Matching now excludes the full household with its reason.
    const m = await get('po.one', `/placement-requests/${String(lost?.id)}/matches`);
    const ex = (m.body as { excluded: { name: string; reasons: string[] }[] }).excluded.find(
      (e) => e.name === 'Last place household',
    );
    expect(ex?.reasons).toEqual(['No free place: 1 approved place, 1 child placed']);
  });
});

describe('changing and withdrawing a request', () => {
  const put = (user: string, path: string, body: object) =>
    agent(user).agent.put(`/api/v1${path}`).set('x-csrf-token', agent(user).csrf).send(body);

  it('the social worker changes a request with its version (approval stands); a stale version is a conflict; bad input and out of scope save nothing', async () => {
    const made = await post('sw.one', `/children/${String(childF)}/placement-requests`, good());
    const id = (made.body as { id: number }).id;
    await post('tm.one', `/placement-requests/${String(id)}/approval`, { version: 1 });
    const changed = good({
      needs: ['trauma'],
      placeTypes: ['foster', 'supported'],
      notes: 'Likes football',
    });
    const ok = await put('sw.one', `/placement-requests/${String(id)}`, { ...changed, version: 2 });
    expect(ok.status).toBe(200);
    const [row] = await requestsOf(childF);
    expect(row).toMatchObject({
      status: 'open',
      version: 3,
      needs: ['trauma'],
      place_types: ['foster', 'supported'],
      notes: 'Likes football',
    });
    expect(row?.approved_by).toBe(await managerId());

    const stale = await put('sw.one', `/placement-requests/${String(id)}`, {
      ...changed,
      notes: 'Old',
      version: 2,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { status: 'open', version: 3 } });

    const bad = await put('sw.one', `/placement-requests/${String(id)}`, {
      ...good({ needs: ['telepathy'], dateNeeded: daysAgo(2) }),
      version: 3,
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body as { errors: { field: string }[] }).errors.map(
      (e) => e.field.split('.')[0],
    );
    expect(fields).toContain('needs');
    const past = await put('sw.one', `/placement-requests/${String(id)}`, {
      ...good({ dateNeeded: daysAgo(2) }),
      version: 3,
    });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain('dateNeeded');
    expect(
      (await put('sw.other', `/placement-requests/${String(id)}`, { ...changed, version: 3 }))
        .status,
    ).toBe(404);
    expect(
      (
        await put('po.one', `/placement-requests/${String(id)}`, {
          ...changed,
          version: 3,
          extra: 1,
        })
      ).status,
    ).toBe(400);
    const [after] = await requestsOf(childF);
    expect(after).toMatchObject({ version: 3, notes: 'Likes football', needs: ['trauma'] });
  });

  it('the change page is filled from the request; an old page is a conflict showing the request as it is now', async () => {
    const [row] = await requestsOf(childF);
    const sw = agent('sw.one');
    const page = await sw.agent.get(`/placement-requests/${String(row?.id)}/edit`);
    expect(page.status).toBe(200);
    const $ = cheerio.load(page.text);
    expect($('#notes').text()).toBe('Likes football');
    expect($('input[name=needs][value=trauma]').attr('checked')).toBeDefined();
    expect($('#version').val()).toBe('3');
    const form = {
      _csrf: csrfFrom(page.text),
      kind: 'planned',
      'dateNeeded-day': '1',
      'dateNeeded-month': '1',
      'dateNeeded-year': '2030',
      placeTypes: 'foster',
      notes: 'Typed on an old page',
      version: '2',
    };
    const old = await sw.agent
      .post(`/placement-requests/${String(row?.id)}/edit`)
      .type('form')
      .send(form);
    expect(old.status).toBe(409);
    const $old = cheerio.load(old.text);
    expect($old('.govuk-notification-banner').text()).toContain('The request as it is now');
    expect($old('#notes').text()).toBe('Likes football');
    expect($old('#version').val()).toBe('3');
    const empty = await sw.agent
      .post(`/placement-requests/${String(row?.id)}/edit`)
      .type('form')
      .send({ ...form, placeTypes: undefined, version: '3' });
    expect(empty.status).toBe(400);
    expect(cheerio.load(empty.text)('.govuk-error-summary').text()).toContain(
      'Select at least one type of place sought',
    );
    const saved = await sw.agent
      .post(`/placement-requests/${String(row?.id)}/edit`)
      .type('form')
      .send({ ...form, version: '3' });
    expect(saved.status).toBe(303);
    const [after] = await requestsOf(childF);
    expect(after).toMatchObject({
      version: 4,
      notes: 'Typed on an old page',
      date_needed: '2030-01-01',
    });
  });

  it('withdrawing needs a reason and the current version; a withdrawn request cannot be changed, and a new one may be made', async () => {
    const [row] = await requestsOf(childF);
    const id = String(row?.id);
    const sw = agent('sw.one');
    const page = await sw.agent.get(`/placement-requests/${id}/withdraw`);
    expect(page.status).toBe(200);
    const noReason = await sw.agent
      .post(`/placement-requests/${id}/withdraw`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version: '4', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(cheerio.load(noReason.text)('.govuk-error-summary').text()).toContain(
      'Enter why the request is withdrawn',
    );
    expect(
      (
        await post('sw.one', `/placement-requests/${id}/withdrawal`, {
          version: 3,
          reason: 'Staying put',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await post('sw.other', `/placement-requests/${id}/withdrawal`, {
          version: 4,
          reason: 'Staying put',
        })
      ).status,
    ).toBe(404);
    expect((await requestsOf(childF))[0]).toMatchObject({
      status: 'open',
      version: 4,
      withdrawal_reason: null,
    });
    const done = await sw.agent
      .post(`/placement-requests/${id}/withdraw`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version: '4', reason: 'Staying with current carers' });
    expect(done.status).toBe(303);
    expect((await requestsOf(childF))[0]).toMatchObject({
      status: 'withdrawn',
      version: 5,
      withdrawal_reason: 'Staying with current carers',
      withdrawn_by: w.users.sw,
    });
    const view = await get('sw.one', `/placement-requests/${id}`);
    expect(view.body).toMatchObject({
      status: 'withdrawn',
      withdrawnBy: 'Sam Worker',
      withdrawalReason: 'Staying with current carers',
    });
    const again = await put('sw.one', `/placement-requests/${id}`, { ...good(), version: 5 });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('can no longer be changed (it is withdrawn)');
    expect(
      (await post('sw.one', `/placement-requests/${id}/withdrawal`, { version: 5, reason: 'x' }))
        .status,
    ).toBe(400);
    expect(
      (await post('sw.one', `/children/${String(childF)}/placement-requests`, good())).status,
    ).toBe(201);
  });

  it('a placed request cannot be withdrawn or changed', async () => {
    const placed = await t.db
      .selectFrom('placement_request')
      .select(['id', 'version'])
      .where('status', '=', 'placed')
      .executeTakeFirstOrThrow();
    const res = await post('sw.one', `/placement-requests/${String(placed.id)}/withdrawal`, {
      version: placed.version,
      reason: 'Changed mind',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('it is placed');
    const page = await agent('sw.one').agent.get(`/placement-requests/${String(placed.id)}`);
    expect(cheerio.load(page.text)('a[href$="/withdraw"]')).toHaveLength(0);
  });
});

describe("the child's record", () => {
  it('the placements section links to a new request and lists the open ones, not the withdrawn', async () => {
    const rows = await requestsOf(childF);
    const open = rows.find((r) => r.status === 'awaiting_approval');
    const withdrawn = rows.find((r) => r.status === 'withdrawn');
    const page = await agent('sw.one').agent.get(`/children/${String(childF)}/placements`);
    expect(page.status).toBe(200);
    const $ = cheerio.load(page.text);
    expect($(`a[href="/children/${String(childF)}/placement-requests/new"]`).text()).toBe(
      'Request a placement',
    );
    expect($(`a[href="/placement-requests/${String(open?.id)}"]`).text()).toMatch(
      /^Request \d+: planned, needed .+ \(awaiting approval\)$/,
    );
    expect($(`a[href="/placement-requests/${String(withdrawn?.id)}"]`)).toHaveLength(0);
    const summary = await agent('sw.one').agent.get(`/children/${String(childF)}`);
    expect(cheerio.load(summary.text)('a[href$="/placement-requests/new"]')).toHaveLength(0);
  });
});

describe('OpenAPI', () => {
  it('describes the placement routes from the same schemas', async () => {
    const res = await agent('po.one').agent.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/placement-requests',
        '/api/v1/placement-requests/{id}',
        '/api/v1/placement-requests/{id}/approval',
        '/api/v1/placement-requests/{id}/matches',
        '/api/v1/placement-requests/{id}/decision',
        '/api/v1/placement-requests/{id}/withdrawal',
        '/api/v1/children/{id}/placement-requests',
      ]),
    );
  });
});
