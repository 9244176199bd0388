// The edit forms and the later forms end to end (supertest, signed in through the real form): for
// each edit a happy path with the stored values, a refusal with the GOV.UK message and nothing
// saved, a stale edit (page: conflict banner with the current values; API: 409 with them in the
// problem body) that overwrites nothing, and 404 for a child outside scope. Then the new forms.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addYears, formatUkDate } from '../../domain/dates/index.ts';
import { csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { TODAY, addCare, addChild, daysAgo, makeWorld, type World } from './fixtures.ts';

let t: TestDb;
let app: Express;
let w: World;
type Agent = Awaited<ReturnType<typeof signedIn>>;
let sw: Agent;
let panel: Agent;
let childA: number;
let childOut: number;

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  w = await makeWorld(t);
  childA = await addChild(t, 'A1', {
    teamId: w.teamId,
    allocate: { social_worker: w.users.sw, iro: w.users.iro, personal_adviser: w.users.pa },
  });
  await addCare(t, childA, daysAgo(730), w.roomy);
  childOut = await addChild(t, 'OUT1');
  sw = await signedIn(app, 'sw.one');
  panel = await signedIn(app, 'panel.one');
});
afterAll(async () => {
  await t.dispose();
});

const d = (name: string, iso: string) => {
  const [y, m, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(m)),
    [`${name}-year`]: y,
  };
};

const summary = (html: string) =>
  cheerio
    .load(html)('.govuk-error-summary__list a')
    .map((_i, a) => cheerio.load(html)(a).text().trim())
    .get();

async function open(path: string) {
  const page = await sw.agent.get(path);
  expect(page.status, `GET ${path}`).toBe(200);
  const $ = cheerio.load(page.text);
  return {
    page,
    $,
    csrf: csrfFrom(page.text),
    version: $('input[name="version"]').val() as string,
  };
}

const post = (path: string, csrf: string, body: Record<string, unknown>) =>
  sw.agent
    .post(path)
    .type('form')
    .send({ _csrf: csrf, ...body });

const api = (method: 'post' | 'put' | 'get', p: string, body?: object) =>
  sw.agent[method](`/api/v1/children/${String(childA)}/${p}`)
    .set('x-csrf-token', sw.csrf)
    .send(body);

async function insertRecords() {
  const ins = async <
    T extends
      | 'review'
      | 'visit'
      | 'missing_episode'
      | 'care_leaver_contact'
      | 'sdq'
      | 'health_assessment'
      | 'immunisation_status'
      | 'permanence_order',
  >(
    table: T,
    values: Record<string, unknown>,
  ) =>
    (
      await t.db
        .insertInto(table)
        .values({ child_id: childA, ...values } as never)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return {
    review: await ins('review', { held_date: daysAgo(20), participation: 'PN1' }),
    visit: await ins('visit', { visit_date: daysAgo(10), seen: true, seen_alone: false }),
    missing: await ins('missing_episode', {
      kind: 'M',
      start_date: daysAgo(30),
      end_date: daysAgo(29),
    }),
    contact: await ins('care_leaver_contact', { contact_date: daysAgo(5), in_touch: 'NO' }),
    sdq: await ins('sdq', { sdq_date: daysAgo(40), score: 12, reason: null }),
    assessment: await ins('health_assessment', { kind: 'initial', assessment_date: daysAgo(50) }),
    immunisation: await ins('immunisation_status', { as_at: daysAgo(60), up_to_date: false }),
    order: await ins('permanence_order', { kind: 'sgo', order_date: daysAgo(70) }),
  };
}

type Ids = Awaited<ReturnType<typeof insertRecords>>;
let ids: Ids;

interface EditCase {
  name: string;
  path: (ids: Ids) => string;
  table:
    | 'review'
    | 'visit'
    | 'missing_episode'
    | 'care_leaver_contact'
    | 'sdq'
    | 'health_assessment'
    | 'immunisation_status'
    | 'permanence_order';
  id: (ids: Ids) => number;
  good: Record<string, unknown>;
  stored: Record<string, unknown>;
  bad: Record<string, unknown>;
  badMessage: string;
  other: Record<string, unknown>;
  apiBody: Record<string, unknown>;
}

const CASES: EditCase[] = [
  {
    name: 'review',
    path: (i) => `reviews/${String(i.review)}`,
    table: 'review',
    id: (i) => i.review,
    good: { ...d('heldDate', daysAgo(21)), participation: 'PN2' },
    stored: { held_date: daysAgo(21), participation: 'PN2' },
    bad: { ...d('heldDate', addYears(TODAY, 1)), participation: 'PN2' },
    badMessage: 'The date the review was held must be today or in the past',
    other: { ...d('heldDate', daysAgo(22)), participation: 'PN3' },
    apiBody: { heldDate: daysAgo(23), participation: 'PN4' },
  },
  {
    name: 'visit',
    path: (i) => `visits/${String(i.visit)}`,
    table: 'visit',
    id: (i) => i.visit,
    good: { ...d('visitDate', daysAgo(11)), seen: 'yes', seenAlone: 'yes' },
    stored: { visit_date: daysAgo(11), seen: true, seen_alone: true },
    bad: { ...d('visitDate', daysAgo(11)), seen: 'no', seenAlone: 'yes' },
    badMessage: 'A child who was not seen cannot have been seen alone',
    other: { ...d('visitDate', daysAgo(12)), seen: 'yes', seenAlone: 'no' },
    apiBody: { visitDate: daysAgo(13), seen: true, seenAlone: false },
  },
  {
    name: 'missing episode',
    path: (i) => `missing/${String(i.missing)}`,
    table: 'missing_episode',
    id: (i) => i.missing,
    good: { kind: 'A', ...d('startDate', daysAgo(31)), ...d('endDate', daysAgo(30)) },
    stored: { kind: 'A', start_date: daysAgo(31), end_date: daysAgo(30) },
    bad: { kind: 'A', ...d('startDate', daysAgo(31)), ...d('endDate', daysAgo(40)) },
    badMessage:
      'The date the child returned must be the same as or after the date they went missing or away',
    other: { kind: 'M', ...d('startDate', daysAgo(33)) },
    apiBody: { kind: 'M', startDate: daysAgo(34) },
  },
  {
    name: 'care leaver contact',
    path: (i) => `care-leaver-contacts/${String(i.contact)}`,
    table: 'care_leaver_contact',
    id: (i) => i.contact,
    good: { ...d('contactDate', daysAgo(6)), inTouch: 'YES', activity: 'F2', accommodation: 'B1' },
    stored: { contact_date: daysAgo(6), in_touch: 'YES', activity: 'F2', accommodation: 'B1' },
    bad: { ...d('contactDate', daysAgo(6)), inTouch: 'YES', accommodation: 'B1' },
    badMessage: 'Select the young person’s main activity',
    other: { ...d('contactDate', daysAgo(7)), inTouch: 'REFU' },
    apiBody: { contactDate: daysAgo(8), inTouch: 'NO' },
  },
  {
    name: 'SDQ score',
    path: (i) => `sdq/${String(i.sdq)}`,
    table: 'sdq',
    id: (i) => i.sdq,
    good: { ...d('date', daysAgo(41)), score: '15' },
    stored: { sdq_date: daysAgo(41), score: 15, reason: null },
    bad: { ...d('date', daysAgo(41)), score: '15', sdqReason: 'SDQ1' },
    badMessage: 'Enter a score or a reason for no score, not both',
    other: { ...d('date', daysAgo(42)), sdqReason: 'SDQ1' },
    apiBody: { date: daysAgo(43), score: 3 },
  },
  {
    name: 'health assessment',
    path: (i) => `health-assessments/${String(i.assessment)}`,
    table: 'health_assessment',
    id: (i) => i.assessment,
    good: { kind: 'review', ...d('date', daysAgo(51)) },
    stored: { kind: 'review', assessment_date: daysAgo(51) },
    bad: { kind: 'review', ...d('date', addYears(TODAY, -20)) },
    badMessage: `The date of the assessment must be on or after the child’s date of birth (${formatUkDate(addYears(TODAY, -10))})`,
    other: { kind: 'dental', ...d('date', daysAgo(52)) },
    apiBody: { kind: 'initial', date: daysAgo(53) },
  },
  {
    name: 'immunisation status',
    path: (i) => `immunisations/${String(i.immunisation)}`,
    table: 'immunisation_status',
    id: (i) => i.immunisation,
    good: { ...d('date', daysAgo(61)), upToDate: 'yes' },
    stored: { as_at: daysAgo(61), up_to_date: true },
    bad: { ...d('date', daysAgo(61)) },
    badMessage: 'Select yes if the child’s immunisations are up to date',
    other: { ...d('date', daysAgo(62)), upToDate: 'no' },
    apiBody: { date: daysAgo(63), upToDate: true },
  },
  {
    name: 'permanence order',
    path: (i) => `permanence-orders/${String(i.order)}`,
    table: 'permanence_order',
    id: (i) => i.order,
    good: { kind: 'cao', ...d('orderDate', daysAgo(71)) },
    stored: { kind: 'cao', order_date: daysAgo(71) },
    bad: { kind: 'xyz', ...d('orderDate', daysAgo(71)) },
    badMessage: 'Select the kind of order',
    other: { kind: 'adoption', ...d('orderDate', daysAgo(72)) },
    apiBody: { kind: 'sgo', orderDate: daysAgo(73) },
  },
];

const row = (c: EditCase) =>
  t.db
    .selectFrom(c.table)
    .selectAll()
    .where('id', '=', c.id(ids))
    .executeTakeFirstOrThrow() as Promise<Record<string, unknown>>;

describe('edit forms', () => {
  beforeAll(async () => {
    ids = await insertRecords();
  });

  it.each(CASES)(
    '$name: refused, saved, stale on the page and the API, out of scope',
    async (c) => {
      const path = `/children/${String(childA)}/${c.path(ids)}/edit`;
      const before = await row(c);
      const reads = await t.db
        .selectFrom('audit_event')
        .select('id')
        .where('action', '=', 'read')
        .where('record_type', '=', c.table)
        .execute();
      const form = await open(path);
      expect(form.version).toBe('1');
      const readsAfter = await t.db
        .selectFrom('audit_event')
        .select('id')
        .where('action', '=', 'read')
        .where('record_type', '=', c.table)
        .execute();
      expect(readsAfter.length).toBe(reads.length + 1);

      const bad = await post(path, form.csrf, { version: form.version, ...c.bad });
      expect(bad.status).toBe(400);
      expect(summary(bad.text)).toEqual([c.badMessage]);
      expect(await row(c)).toEqual(before);

      const ok = await post(path, form.csrf, { version: form.version, ...c.good });
      expect(ok.status).toBe(303);
      expect(ok.headers.location).toBe(`/children/${String(childA)}`);
      const saved = await row(c);
      expect(saved).toMatchObject({ ...c.stored, version: 2 });

      // A second user still holding version 1: conflict, current values shown, nothing overwritten.
      const stale = await post(path, form.csrf, { version: '1', ...c.other });
      expect(stale.status).toBe(409);
      const $ = cheerio.load(stale.text);
      expect($('.govuk-notification-banner').text()).toContain(
        'This record was changed by someone else since you opened it',
      );
      expect($('input[name="version"]').val()).toBe('2');
      expect(await row(c)).toEqual(saved);

      const staleApi = await api('put', c.path(ids), { ...c.apiBody, version: 1 });
      expect(staleApi.status).toBe(409);
      expect(staleApi.type).toBe('application/problem+json');
      const body = staleApi.body as { detail: string; current: Record<string, unknown> };
      expect(body.detail).toContain('This record was changed by someone else since you opened it');
      expect(body.current.version).toBe(2);
      expect(await row(c)).toEqual(saved);

      const okApi = await api('put', c.path(ids), { ...c.apiBody, version: 2 });
      expect(okApi.status).toBe(200);
      expect((await row(c)).version).toBe(3);
      const current = await api('get', c.path(ids));
      expect((current.body as { version: number }).version).toBe(3);

      const outside = await sw.agent.get(`/children/${String(childOut)}/${c.path(ids)}/edit`);
      expect(outside.status).toBe(404);
    },
  );

  it('stale API edit of a review answers the current values in the problem body', async () => {
    const r = await t.db
      .selectFrom('review')
      .selectAll()
      .where('id', '=', ids.review)
      .executeTakeFirstOrThrow();
    const res = await api('put', `reviews/${String(ids.review)}`, {
      heldDate: daysAgo(2),
      participation: 'PN0',
      version: r.version - 1,
    });
    expect(res.status).toBe(409);
    expect((res.body as { current: unknown }).current).toEqual({
      heldDate: r.held_date,
      participation: r.participation,
      version: r.version,
    });
  });
});

describe('the child’s details', () => {
  it('changes names, NHS number and UASC; a bad NHS check digit and a stale edit are refused', async () => {
    const path = `/children/${String(childA)}/details/edit`;
    const form = await open(path);
    expect(form.$('#firstName').val()).toBe('Alex');
    const child = await t.db
      .selectFrom('child')
      .selectAll()
      .where('id', '=', childA)
      .executeTakeFirstOrThrow();
    const base = {
      firstName: 'Alexa',
      lastName: 'Changed',
      ...d('dateOfBirth', child.date_of_birth),
      sex: 'F',
      ethnicity: 'WBRI',
      homePostcode: 'bd1 1hy',
    };
    const bad = await post(path, form.csrf, {
      version: form.version,
      ...base,
      nhsNumber: '9434765918',
      uasc: 'no',
    });
    expect(bad.status).toBe(400);
    expect(summary(bad.text)).toEqual([
      'Enter a valid NHS number: its last digit does not match the others (check each digit)',
    ]);
    const noStart = await post(path, form.csrf, {
      version: form.version,
      ...base,
      uasc: 'yes',
    });
    expect(summary(noStart.text)).toEqual([
      'Enter the date the child became an unaccompanied asylum-seeking child',
    ]);
    const early = await post(path, form.csrf, {
      version: form.version,
      ...base,
      ...d('dateOfBirth', daysAgo(700)),
      uasc: 'no',
    });
    expect(early.status).toBe(400);
    expect(summary(early.text).length).toBeGreaterThan(0);
    expect(
      await t.db
        .selectFrom('child')
        .select(['first_name', 'version'])
        .where('id', '=', childA)
        .executeTakeFirstOrThrow(),
    ).toEqual({ first_name: 'Alex', version: 1 });
    const ok = await post(path, form.csrf, {
      version: form.version,
      ...base,
      nhsNumber: '943 476 5919',
      uasc: 'yes',
      ...d('uascStart', daysAgo(900)),
    });
    expect(ok.status).toBe(303);
    expect(
      await t.db.selectFrom('child').selectAll().where('id', '=', childA).executeTakeFirstOrThrow(),
    ).toMatchObject({
      first_name: 'Alexa',
      last_name: 'Changed',
      nhs_number: '9434765919',
      home_postcode: 'BD1 1HY',
      uasc: true,
      uasc_start: daysAgo(900),
      version: 2,
    });
    const stale = await post(path, form.csrf, {
      version: '1',
      ...base,
      firstName: 'Zed',
      uasc: 'no',
    });
    expect(stale.status).toBe(409);
    expect(cheerio.load(stale.text)('.govuk-notification-banner').text()).toContain('Alexa');
    const staleApi = await sw.agent
      .put(`/api/v1/children/${String(childA)}`)
      .set('x-csrf-token', sw.csrf)
      .send({
        firstName: 'Zed',
        lastName: 'Z',
        dateOfBirth: child.date_of_birth,
        sex: 'F',
        uasc: false,
        version: 1,
      });
    expect(staleApi.status).toBe(409);
    expect((staleApi.body as { current: { firstName: string } }).current.firstName).toBe('Alexa');
    expect(
      await t.db
        .selectFrom('child')
        .select('first_name')
        .where('id', '=', childA)
        .executeTakeFirstOrThrow(),
    ).toEqual({ first_name: 'Alexa' });
    expect((await sw.agent.get(`/children/${String(childOut)}/details/edit`)).status).toBe(404);
  });
});

describe('legal status correction', () => {
  it('corrects the code; one before the period is refused; a stale edit overwrites nothing', async () => {
    const ls = await t.db
      .selectFrom('legal_status')
      .selectAll()
      .where('child_id', '=', childA)
      .executeTakeFirstOrThrow();
    const path = `/children/${String(childA)}/legal-statuses/${String(ls.id)}/edit`;
    const form = await open(path);
    const early = await post(path, form.csrf, {
      version: form.version,
      ...d('startDate', daysAgo(800)),
      status: 'C1',
    });
    expect(early.status).toBe(400);
    expect(summary(early.text).length).toBe(1);
    const ok = await post(path, form.csrf, {
      version: form.version,
      ...d('startDate', ls.start_date),
      status: 'C1',
    });
    expect(ok.status).toBe(303);
    const stale = await post(path, form.csrf, {
      version: '1',
      ...d('startDate', ls.start_date),
      status: 'V2',
    });
    expect(stale.status).toBe(409);
    expect(
      await t.db
        .selectFrom('legal_status')
        .select(['status', 'version'])
        .where('id', '=', ls.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'C1', version: 2 });
  });
});

describe('new facts', () => {
  const path = (p: string) => `/children/${String(childA)}/${p}`;

  it('records previous permanence with a partly known date; Z1 with a date is refused', async () => {
    const form = await open(path('previous-permanence/new'));
    const bad = await post(path('previous-permanence/new'), form.csrf, {
      prevPerm: 'Z1',
      'orderDate-year': '2015',
    });
    expect(summary(bad.text)).toEqual([
      'Leave the date and local authority blank when there was no previous permanence option',
    ]);
    const noYear = await post(path('previous-permanence/new'), form.csrf, {
      prevPerm: 'P2',
      'orderDate-month': '5',
    });
    expect(summary(noYear.text)).toEqual([
      'The date of the order must include a year, like 2019, if any part is given',
    ]);
    expect(await t.db.selectFrom('previous_permanence').select('id').execute()).toEqual([]);
    const year = Number(daysAgo(730).slice(0, 4)) - 3;
    const ok = await post(path('previous-permanence/new'), form.csrf, {
      prevPerm: 'P2',
      'orderDate-month': '5',
      'orderDate-year': String(year),
      laCode: '380',
    });
    expect(ok.status).toBe(303);
    expect(
      await t.db.selectFrom('previous_permanence').selectAll().executeTakeFirstOrThrow(),
    ).toMatchObject({
      prev_perm: 'P2',
      order_date: null,
      order_date_partial: `ZZ/05/${String(year)}`,
      la_code: '380',
    });
  });

  it('records substance misuse and a conviction; an intervention received but not offered is refused', async () => {
    const form = await open(path('substance-misuse/new'));
    const bad = await post(path('substance-misuse/new'), form.csrf, {
      ...d('identifiedDate', daysAgo(9)),
      interventionOffered: 'no',
      interventionReceived: 'yes',
    });
    expect(summary(bad.text)).toEqual([
      'An intervention that was not offered cannot have been received',
    ]);
    expect(await t.db.selectFrom('substance_misuse').select('id').execute()).toEqual([]);
    const ok = await post(path('substance-misuse/new'), form.csrf, {
      ...d('identifiedDate', daysAgo(9)),
      interventionOffered: 'yes',
      interventionReceived: 'no',
    });
    expect(ok.status).toBe(303);
    expect(
      await t.db.selectFrom('substance_misuse').selectAll().executeTakeFirstOrThrow(),
    ).toMatchObject({
      identified_date: daysAgo(9),
      intervention_offered: true,
      intervention_received: false,
    });
    const future = await api('post', 'convictions', { convictionDate: addYears(TODAY, 1) });
    expect(future.status).toBe(400);
    expect((future.body as { errors: unknown }).errors).toEqual([
      {
        field: 'convictionDate',
        message: 'The date of the conviction must be today or in the past',
      },
    ]);
    const conv = await api('post', 'convictions', { convictionDate: daysAgo(4) });
    expect(conv.status).toBe(201);
    expect(await t.db.selectFrom('conviction').select('conviction_date').execute()).toEqual([
      { conviction_date: daysAgo(4) },
    ]);
  });

  it('records a permanence order; one before birth is refused', async () => {
    const form = await open(path('permanence-orders/new'));
    const n = (await t.db.selectFrom('permanence_order').select('id').execute()).length;
    const bad = await post(path('permanence-orders/new'), form.csrf, {
      kind: 'sgo',
      ...d('orderDate', addYears(TODAY, -30)),
    });
    expect(summary(bad.text)[0]).toMatch(
      /^The date the order was made must be on or after the child’s date of birth/,
    );
    expect((await t.db.selectFrom('permanence_order').select('id').execute()).length).toBe(n);
    const ok = await post(path('permanence-orders/new'), form.csrf, {
      kind: 'adoption',
      ...d('orderDate', daysAgo(2)),
    });
    expect(ok.status).toBe(303);
    expect(
      await t.db
        .selectFrom('permanence_order')
        .select(['kind', 'order_date'])
        .where('order_date', '=', daysAgo(2))
        .execute(),
    ).toEqual([{ kind: 'adoption', order_date: daysAgo(2) }]);
  });

  it('changes social worker in one transaction with the reason; an unknown reason is refused', async () => {
    const form = await open(path('social-worker/change'));
    const bad = await post(path('social-worker/change'), form.csrf, {
      userId: String(w.users.swOther),
      ...d('startDate', daysAgo(1)),
      reason: 'NOPE',
    });
    expect(summary(bad.text)).toEqual(['Select the reason for the change']);
    const ok = await post(path('social-worker/change'), form.csrf, {
      userId: String(w.users.swOther),
      ...d('startDate', daysAgo(1)),
      reason: 'LEFTRL',
    });
    expect(ok.status).toBe(303);
    expect(
      await t.db
        .selectFrom('allocation')
        .select(['user_id', 'start_date', 'end_date', 'end_reason'])
        .where('child_id', '=', childA)
        .where('role', '=', 'social_worker')
        .orderBy('id')
        .execute(),
    ).toEqual([
      { user_id: w.users.sw, start_date: daysAgo(800), end_date: daysAgo(1), end_reason: 'LEFTRL' },
      { user_id: w.users.swOther, start_date: daysAgo(1), end_date: null, end_reason: null },
    ]);
  });

  it('API: a social worker change needs a current-year reason; previous permanence takes a year only', async () => {
    const noReason = await api('post', 'social-worker', {
      userId: w.users.sw,
      startDate: daysAgo(0),
    });
    expect(noReason.status).toBe(400);
    expect((noReason.body as { errors: unknown }).errors).toEqual([
      { field: 'reason', message: 'Select the reason for the change' },
    ]);
    const year = String(Number(daysAgo(730).slice(0, 4)) - 5);
    const pp = await api('post', 'previous-permanence', { prevPerm: 'P1', orderDate: year });
    expect(pp.status).toBe(201);
    expect(
      await t.db
        .selectFrom('previous_permanence')
        .select(['order_date', 'order_date_partial', 'la_code'])
        .where('id', '=', (pp.body as { id: number }).id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ order_date: null, order_date_partial: `ZZ/ZZ/${year}`, la_code: null });
    const late = await api('post', 'previous-permanence', {
      prevPerm: 'P1',
      orderDate: daysAgo(10),
    });
    expect(late.status).toBe(400);
    expect((late.body as { errors: unknown }).errors).toEqual([
      {
        field: 'orderDate',
        message: 'The date of the order must be before the child first started to be looked after',
      },
    ]);
  });

  it('ends an IRO allocation; a stale end overwrites nothing', async () => {
    const a = await t.db
      .selectFrom('allocation')
      .select('id')
      .where('child_id', '=', childA)
      .where('role', '=', 'iro')
      .executeTakeFirstOrThrow();
    const p = path(`allocations/${String(a.id)}/end`);
    const form = await open(p);
    const early = await post(p, form.csrf, {
      version: form.version,
      ...d('endDate', daysAgo(900)),
    });
    expect(early.status).toBe(400);
    const ok = await post(p, form.csrf, { version: form.version, ...d('endDate', daysAgo(1)) });
    expect(ok.status).toBe(303);
    const stale = await post(p, form.csrf, { version: '1', ...d('endDate', daysAgo(2)) });
    expect(stale.status).toBe(409);
    expect(
      await t.db
        .selectFrom('allocation')
        .select(['end_date', 'version'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ end_date: daysAgo(1), version: 2 });
  });
});

describe('the health form', () => {
  it('reveals the immunisation and SDQ fields under their choices', async () => {
    const form = await open(`/children/${String(childA)}/health/new`);
    const $ = form.$;
    expect($('#conditional-kind-immunisations #upToDate').length).toBe(1);
    expect($('#conditional-kind-sdq #score').length).toBe(1);
    expect($('#conditional-kind-sdq #sdqReason').length).toBe(1);
    expect($('#score-hint').text()).toContain(
      'Only for: Strengths and difficulties questionnaire (SDQ).',
    );
    expect(form.page.text).not.toContain('(SDQ only)');
  });
});

describe('adding a child', () => {
  it('answers 403 to a signed-in user who may not add children, on the page and the API', async () => {
    expect((await panel.agent.get('/children/new')).status).toBe(403);
    const res = await panel.agent
      .post('/api/v1/children')
      .set('x-csrf-token', panel.csrf)
      .send({ firstName: 'A', lastName: 'B', dateOfBirth: daysAgo(3000), sex: 'M', localId: 'P1' });
    expect(res.status).toBe(403);
    expect(
      await t.db.selectFrom('child').select('id').where('local_id', '=', 'P1').execute(),
    ).toEqual([]);
    expect((await sw.agent.get('/children/new')).status).toBe(200);
  });
});
