// The recording forms end to end through the app (supertest, signed in through the real form): for
// each form a happy path that checks the stored values and a refusal that checks the GOV.UK message
// and that nothing was saved; stale edits, scope, roles, the API and the last free place.
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
const as: Record<string, Agent> = {};
let childA: number; // in care since 2 years ago, allocated to sw.one, iro.one and pa.one
let care: { periodId: number; placementId: number };
let childOut: number; // nobody's

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  w = await makeWorld(t);
  childA = await addChild(t, 'A1', {
    teamId: w.teamId,
    allocate: { social_worker: w.users.sw, iro: w.users.iro, personal_adviser: w.users.pa },
  });
  care = await addCare(t, childA, daysAgo(730), w.roomy);
  childOut = await addChild(t, 'OUT1');
  await addCare(t, childOut, daysAgo(100), null);
  for (const u of ['sw.one', 'iro.one', 'pa.one', 'po.one', 'panel.one', 'analyst.one'])
    as[u] = await signedIn(app, u);
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

function agent(user: string): Agent {
  const a = as[user];
  if (!a) throw new Error(`not signed in: ${user}`);
  return a;
}

/** GET the form (for its CSRF token and version), then POST it. */
async function submit(
  user: string,
  path: string,
  body: Record<string, unknown>,
  keepVersion?: string,
) {
  const a = agent(user);
  const page = await a.agent.get(path);
  expect(page.status, `GET ${path}`).toBe(200);
  const version =
    keepVersion ?? (cheerio.load(page.text)('input[name="version"]').val() as string | undefined);
  return a.agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), ...(version ? { version } : {}), ...body });
}

const summary = (html: string) =>
  cheerio
    .load(html)('.govuk-error-summary__list a')
    .map((_i, a) => cheerio.load(html)(a).text().trim())
    .get();

const count = async (
  table:
    | 'review'
    | 'visit'
    | 'sdq'
    | 'missing_episode'
    | 'adoption_plan'
    | 'care_leaver_contact'
    | 'allocation'
    | 'legal_status'
    | 'placement'
    | 'period_of_care'
    | 'child'
    | 'audit_event',
) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function expectSaved(res: { status: number; headers: Record<string, string> }, childId: number) {
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(`/children/${String(childId)}`);
}

describe('dated events', () => {
  const path = (p: string) => `/children/${String(childA)}/${p}`;

  it('an IRO records a review; a review in the future is refused and nothing saved', async () => {
    const bad = await submit('iro.one', path('reviews/new'), {
      ...d('heldDate', addYears(TODAY, 1)),
      participation: 'PN1',
    });
    expect(bad.status).toBe(400);
    expect(summary(bad.text)).toEqual([
      'The date the review was held must be today or in the past',
    ]);
    expect(cheerio.load(bad.text)('#heldDate-error').text()).toContain(
      'must be today or in the past',
    );
    expect(await count('review')).toBe(0);
    const unknown = await submit('iro.one', path('reviews/new'), {
      ...d('heldDate', daysAgo(3)),
      participation: 'PN9',
    });
    expect(summary(unknown.text)).toEqual(['Select how the child took part in the review']);
    const auditBefore = await count('audit_event');
    const ok = await submit('iro.one', path('reviews/new'), {
      ...d('heldDate', daysAgo(3)),
      participation: 'PN1',
    });
    expectSaved(ok, childA);
    const row = await t.db.selectFrom('review').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      child_id: childA,
      held_date: daysAgo(3),
      participation: 'PN1',
      iro_id: w.users.iro,
    });
    const ev = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(ev).toMatchObject({
      action: 'create',
      record_type: 'review',
      record_id: String(row.id),
      child_id: childA,
      actor_name: 'iro.one',
    });
    expect(await count('audit_event')).toBe(auditBefore + 1);
  });

  it('records a visit; a visit with no date, or seen alone but not seen, is refused', async () => {
    const bad = await submit('sw.one', path('visits/new'), { seen: 'no', seenAlone: 'yes' });
    expect(summary(bad.text)).toEqual(['Enter the date of the visit']);
    const alone = await submit('sw.one', path('visits/new'), {
      ...d('visitDate', daysAgo(1)),
      seen: 'no',
      seenAlone: 'yes',
    });
    expect(summary(alone.text)).toEqual(['A child who was not seen cannot have been seen alone']);
    expect(cheerio.load(bad.text)('.govuk-error-summary__list a').first().attr('href')).toBe(
      '#visitDate-day',
    );
    expect(await count('visit')).toBe(0);
    const ok = await submit('sw.one', path('visits/new'), {
      ...d('visitDate', daysAgo(1)),
      seen: 'yes',
      seenAlone: 'yes',
    });
    expectSaved(ok, childA);
    expect(await t.db.selectFrom('visit').selectAll().executeTakeFirstOrThrow()).toMatchObject({
      visit_date: daysAgo(1),
      seen: true,
      seen_alone: true,
      worker_id: w.users.sw,
    });
    const record = await agent('sw.one').agent.get(`/children/${String(childA)}`);
    // The read side owns the record page; the flash shows on whatever page comes next.
    if (record.status === 200) expect(record.text).toContain('The visit has been recorded');
  });

  it('records an SDQ score; an SDQ with neither score nor reason is refused', async () => {
    const bad = await submit('sw.one', path('health/new'), {
      kind: 'sdq',
      ...d('date', daysAgo(10)),
    });
    expect(summary(bad.text)).toEqual(['Enter the SDQ score, or select why there is no score']);
    expect(await count('sdq')).toBe(0);
    const ok = await submit('sw.one', path('health/new'), {
      kind: 'sdq',
      ...d('date', daysAgo(10)),
      score: '14',
    });
    expectSaved(ok, childA);
    expect(await t.db.selectFrom('sdq').selectAll().executeTakeFirstOrThrow()).toMatchObject({
      sdq_date: daysAgo(10),
      score: 14,
      reason: null,
    });
  });

  it('records a missing episode; a return before it started is refused', async () => {
    const bad = await submit('sw.one', path('missing/new'), {
      kind: 'M',
      ...d('startDate', daysAgo(5)),
      ...d('endDate', daysAgo(6)),
    });
    expect(summary(bad.text)).toEqual([
      'The date the child returned must be the same as or after the date they went missing or away',
    ]);
    expect(await count('missing_episode')).toBe(0);
    const ok = await submit('sw.one', path('missing/new'), {
      kind: 'A',
      ...d('startDate', daysAgo(6)),
      ...d('endDate', daysAgo(5)),
      ...d('interviewOffered', daysAgo(4)),
      interviewAccepted: 'no',
    });
    expectSaved(ok, childA);
    expect(
      await t.db.selectFrom('missing_episode').selectAll().executeTakeFirstOrThrow(),
    ).toMatchObject({
      kind: 'A',
      start_date: daysAgo(6),
      end_date: daysAgo(5),
      return_interview_offered: daysAgo(4),
      return_interview_accepted: false,
    });
  });

  it('a personal adviser records a contact; one before the child was born is refused', async () => {
    const dob = addYears(TODAY, -10);
    const bad = await submit('pa.one', path('care-leaver-contacts/new'), {
      ...d('contactDate', addYears(TODAY, -11)),
      inTouch: 'NO',
    });
    expect(summary(bad.text)).toEqual([
      `The date of the contact must be on or after the child’s date of birth (${formatUkDate(dob)})`,
    ]);
    expect(await count('care_leaver_contact')).toBe(0);
    const ok = await submit('pa.one', path('care-leaver-contacts/new'), {
      ...d('contactDate', daysAgo(2)),
      inTouch: 'YES',
      activity: 'F2',
      accommodation: 'U1',
    });
    expectSaved(ok, childA);
    expect(
      await t.db.selectFrom('care_leaver_contact').selectAll().executeTakeFirstOrThrow(),
    ).toMatchObject({
      in_touch: 'YES',
      activity: 'F2',
      accommodation: 'U1',
    });
  });

  it('allocates a new IRO, ending the current one that day; a missing role is refused', async () => {
    const bad = await submit('sw.one', path('allocations/new'), {
      userId: String(w.users.iro2),
      ...d('startDate', TODAY),
    });
    expect(summary(bad.text)).toEqual(['Select the role to allocate']);
    const before = await count('allocation');
    expect(before).toBe(3);
    const ok = await submit('sw.one', path('allocations/new'), {
      role: 'iro',
      userId: String(w.users.iro2),
      ...d('startDate', TODAY),
    });
    expectSaved(ok, childA);
    const iros = await t.db
      .selectFrom('allocation')
      .select(['user_id', 'end_date'])
      .where('child_id', '=', childA)
      .where('role', '=', 'iro')
      .orderBy('id')
      .execute();
    expect(iros).toEqual([
      { user_id: w.users.iro, end_date: TODAY },
      { user_id: w.users.iro2, end_date: null },
    ]);
  });

  it('records adoption milestones and refuses a match before the decision; a stale edit overwrites nothing', async () => {
    const bad = await submit('sw.one', path('permanence/new'), {
      ...d('decisionDate', daysAgo(50)),
      ...d('matchedDate', daysAgo(60)),
    });
    expect(summary(bad.text)).toEqual([
      'The date the child was matched must be the same as or after the date of the decision',
    ]);
    expect(await count('adoption_plan')).toBe(0);
    expectSaved(
      await submit('sw.one', path('permanence/new'), { ...d('decisionDate', daysAgo(50)) }),
      childA,
    );
    const plan = await t.db.selectFrom('adoption_plan').selectAll().executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ decision_date: daysAgo(50), matched_date: null, version: 1 });
    const edit = path(`permanence/${String(plan.id)}/edit`);
    const page = await agent('sw.one').agent.get(edit);
    const version = cheerio.load(page.text)('input[name="version"]').val() as string;
    expect(version).toBe('1');
    expectSaved(
      await submit(
        'sw.one',
        edit,
        { ...d('decisionDate', daysAgo(50)), ...d('matchedDate', daysAgo(20)) },
        version,
      ),
      childA,
    );
    const stale = await submit(
      'sw.one',
      edit,
      {
        ...d('decisionDate', daysAgo(50)),
        ...d('placedDate', daysAgo(1)),
        ...d('matchedDate', daysAgo(2)),
      },
      version,
    );
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('This record was changed by someone else since you opened it');
    const banner = cheerio
      .load(stale.text)('.govuk-notification-banner .govuk-summary-list')
      .text();
    expect(banner).toContain(formatUkDate(daysAgo(20)));
    expect(cheerio.load(stale.text)('input[name="version"]').val()).toBe('2');
    expect(
      await t.db
        .selectFrom('adoption_plan')
        .select(['matched_date', 'placed_date', 'version'])
        .executeTakeFirstOrThrow(),
    ).toEqual({
      matched_date: daysAgo(20),
      placed_date: null,
      version: 2,
    });
  });
});

describe('care: periods, legal status and placements', () => {
  const path = (p: string) => `/children/${String(childA)}/${p}`;

  it('records a new legal status ending the current one; one starting before the period is refused', async () => {
    const start = daysAgo(730);
    const bad = await submit('sw.one', path('legal-statuses/new'), {
      ...d('startDate', daysAgo(800)),
      status: 'E1',
    });
    expect(bad.status).toBe(400);
    expect(summary(bad.text)).toContain(
      `The legal status start date must be on or after the date the child started to be looked after (${formatUkDate(start)})`,
    );
    expect(await count('legal_status')).toBe(2);
    const oldCode = await submit('sw.one', path('legal-statuses/new'), {
      ...d('startDate', daysAgo(30)),
      status: 'XX',
    });
    expect(summary(oldCode.text)).toEqual(['Select the legal status']);
    expectSaved(
      await submit('sw.one', path('legal-statuses/new'), {
        ...d('startDate', daysAgo(30)),
        status: 'E1',
      }),
      childA,
    );
    const rows = await t.db
      .selectFrom('legal_status')
      .select(['status', 'start_date', 'end_date'])
      .where('child_id', '=', childA)
      .orderBy('start_date')
      .execute();
    expect(rows).toEqual([
      { status: 'C2', start_date: start, end_date: daysAgo(30) },
      { status: 'E1', start_date: daysAgo(30), end_date: null },
    ]);
  });

  it('records a new placement ending the current one with the reason; an out-of-date code is refused', async () => {
    const outOfDate = await submit('sw.one', path('placements/new'), {
      ...d('startDate', daysAgo(10)),
      placeType: 'P2',
      reasonForChange: 'CARPL',
    });
    expect(summary(outOfDate.text)).toEqual(['Select the type of placement']);
    const noReason = await submit('sw.one', path('placements/new'), {
      ...d('startDate', daysAgo(10)),
      placeType: 'U4',
      householdId: String(w.roomy),
    });
    expect(summary(noReason.text)).toEqual(['Select the reason the previous placement ended']);
    const overlap = await submit('sw.one', path('placements/new'), {
      ...d('startDate', daysAgo(900)),
      placeType: 'U4',
      reasonForChange: 'CARPL',
    });
    expect(overlap.status).toBe(400);
    expect(summary(overlap.text).join('\n')).toContain(
      'The placement start date must be on or after the date the child started to be looked after',
    );
    expect(await count('placement')).toBe(2);
    expectSaved(
      await submit('sw.one', path('placements/new'), {
        ...d('startDate', daysAgo(10)),
        placeType: 'U4',
        householdId: String(w.roomy),
        reasonForChange: 'CARPL',
      }),
      childA,
    );
    const rows = await t.db
      .selectFrom('placement')
      .select([
        'id',
        'place_type',
        'start_date',
        'end_date',
        'reason_for_change',
        'fostering_household_id',
        'postcode',
      ])
      .where('child_id', '=', childA)
      .orderBy('start_date')
      .execute();
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
      {
        place_type: 'U6',
        start_date: daysAgo(730),
        end_date: daysAgo(10),
        reason_for_change: 'CARPL',
        fostering_household_id: w.roomy,
        postcode: 'BD1 1HY',
      },
      {
        place_type: 'U4',
        start_date: daysAgo(10),
        end_date: null,
        reason_for_change: null,
        fostering_household_id: w.roomy,
        postcode: 'BD9 4AA',
      },
    ]);
  });

  it('corrects a placement with the version; a stale edit shows the current values and overwrites nothing', async () => {
    const edit = path(`placements/${String(care.placementId)}/edit`);
    const page = await agent('sw.one').agent.get(edit);
    expect(page.status).toBe(200);
    const $ = cheerio.load(page.text);
    expect($('#placeType').val()).toBe('U6');
    const version = $('input[name="version"]').val() as string;
    const fields = {
      ...d('startDate', daysAgo(730)),
      ...d('endDate', daysAgo(10)),
      placeType: 'U6',
      provider: 'PR1',
      householdId: String(w.roomy),
      reasonForChange: 'CARPL',
    };
    expectSaved(await submit('sw.one', edit, { ...fields, postcode: 'BD3 9AB' }, version), childA);
    const stale = await submit('sw.one', edit, { ...fields, postcode: 'LS1 1AA' }, version);
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('This record was changed by someone else since you opened it');
    expect(cheerio.load(stale.text)('.govuk-notification-banner').text()).toContain('BD3 9AB');
    expect(cheerio.load(stale.text)('#postcode').val()).toBe('BD3 9AB');
    const row = await t.db
      .selectFrom('placement')
      .select(['postcode', 'version'])
      .where('id', '=', care.placementId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ postcode: 'BD3 9AB', version: Number(version) + 1 });
  });

  it('refuses a second open period of care, then ends the period and starts a new one', async () => {
    const second = await submit('sw.one', path('periods/new'), {
      ...d('startDate', daysAgo(5)),
      categoryOfNeed: 'N1',
      legalStatus: 'V2',
      placeType: 'U6',
    });
    expect(summary(second.text)).toContain(
      `The child already has an open period of care from ${formatUkDate(daysAgo(730))}. Enter the date it ended first`,
    );
    expect(await count('period_of_care')).toBe(2);
    const end = path(`periods/${String(care.periodId)}/end`);
    const early = await submit('sw.one', end, { ...d('endDate', daysAgo(731)), reason: 'E4A' });
    expect(summary(early.text)).toContain(
      'The date the child left care must be the same as or after the date the child started to be looked after',
    );
    expectSaved(
      await submit('sw.one', end, { ...d('endDate', daysAgo(3)), reason: 'E4A' }),
      childA,
    );
    const open = await t.db
      .selectFrom('placement')
      .select('end_date')
      .where('child_id', '=', childA)
      .where('end_date', 'is', null)
      .execute();
    expect(open).toEqual([]);
    expect(
      await t.db
        .selectFrom('period_of_care')
        .select(['end_date', 'end_reason'])
        .where('id', '=', care.periodId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      end_date: daysAgo(3),
      end_reason: 'E4A',
    });
    expectSaved(
      await submit('sw.one', path('periods/new'), {
        ...d('startDate', daysAgo(1)),
        categoryOfNeed: 'N4',
        legalStatus: 'V2',
        placeType: 'U6',
        householdId: String(w.roomy),
      }),
      childA,
    );
    const latest = await t.db
      .selectFrom('period_of_care')
      .selectAll()
      .where('child_id', '=', childA)
      .where('end_date', 'is', null)
      .executeTakeFirstOrThrow();
    expect(latest).toMatchObject({ start_date: daysAgo(1), category_of_need: 'N4' });
  });
});

describe('a new child', () => {
  it('adds a child allocated to the social worker; missing names and a bad NHS number are refused', async () => {
    const before = await count('child');
    const bad = await submit('sw.one', '/children/new', {
      ...d('dateOfBirth', daysAgo(4000)),
      sex: 'M',
      localId: 'N1',
      nhsNumber: '123',
    });
    expect(summary(bad.text)).toEqual([
      'Enter the child’s first name',
      'Enter the child’s last name',
      'Enter a 10 digit NHS number, like 943 476 5919',
    ]);
    expect(await count('child')).toBe(before);
    const ok = await submit('sw.one', '/children/new', {
      firstName: 'Robin',
      lastName: 'Newchild',
      ...d('dateOfBirth', daysAgo(4000)),
      sex: 'M',
      localId: 'N1',
      ethnicity: 'WBRI',
    });
    expect(ok.status).toBe(303);
    const child = await t.db
      .selectFrom('child')
      .selectAll()
      .where('local_id', '=', 'N1')
      .executeTakeFirstOrThrow();
    expect(ok.headers.location).toBe(`/children/${String(child.id)}`);
    expect(child).toMatchObject({
      first_name: 'Robin',
      last_name: 'Newchild',
      date_of_birth: daysAgo(4000),
      sex: 'M',
      team_id: w.teamId,
    });
    const alloc = await t.db
      .selectFrom('allocation')
      .select(['user_id', 'role'])
      .where('child_id', '=', child.id)
      .execute();
    expect(alloc).toEqual([{ user_id: w.users.sw, role: 'social_worker' }]);
  });
});

describe('who may record', () => {
  it('answers 404 for a child outside scope, on the page and the API, and saves nothing', async () => {
    const sw = agent('sw.one');
    expect((await sw.agent.get(`/children/${String(childOut)}/visits/new`)).status).toBe(404);
    const page = await sw.agent.get(`/children/${String(childA)}/visits/new`);
    const post = await sw.agent
      .post(`/children/${String(childOut)}/visits/new`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), ...d('visitDate', TODAY), seen: 'yes', seenAlone: 'no' });
    expect(post.status).toBe(404);
    const api = await sw.agent
      .post(`/api/v1/children/${String(childOut)}/visits`)
      .set('x-csrf-token', sw.csrf)
      .send({ visitDate: TODAY, seen: true, seenAlone: false });
    expect(api.status).toBe(404);
    expect(api.type).toBe('application/problem+json');
    expect(
      await t.db.selectFrom('visit').select('id').where('child_id', '=', childOut).execute(),
    ).toEqual([]);
  });

  it.each([
    ['panel.one', 'visits/new'],
    ['analyst.one', 'placements/new'],
    ['iro.one', 'placements/new'],
    ['pa.one', 'reviews/new'],
  ])('%s may not use %s', async (user, form) => {
    const res = await agent(user).agent.get(`/children/${String(childA)}/${form}`);
    expect(res.status).toBe(403);
  });
});

describe('API', () => {
  it('records through the API, refuses bad input with the field list and a stale version with 409', async () => {
    const sw = agent('sw.one');
    const api = (method: 'post' | 'put', p: string, body: object) =>
      sw.agent[method](`/api/v1/children/${String(childA)}/${p}`)
        .set('x-csrf-token', sw.csrf)
        .send(body);
    const ok = await api('post', 'visits', { visitDate: daysAgo(2), seen: true, seenAlone: false });
    expect(ok.status).toBe(201);
    expect(
      await t.db
        .selectFrom('visit')
        .select(['visit_date', 'seen'])
        .where('id', '=', (ok.body as { id: number }).id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ visit_date: daysAgo(2), seen: true });
    const bad = await api('post', 'visits', {
      visitDate: addYears(TODAY, 1),
      seen: true,
      seenAlone: false,
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: unknown[] }).errors).toEqual([
      { field: 'extra', message: 'Unknown field' },
    ]);
    const future = await api('post', 'visits', {
      visitDate: addYears(TODAY, 1),
      seen: true,
      seenAlone: false,
    });
    expect(future.status).toBe(400);
    expect((future.body as { errors: unknown[] }).errors).toEqual([
      { field: 'visitDate', message: 'The date of the visit must be today or in the past' },
    ]);
    const plan = await t.db
      .selectFrom('adoption_plan')
      .select(['id', 'version'])
      .executeTakeFirstOrThrow();
    const stale = await api('put', `permanence/${String(plan.id)}`, {
      decisionDate: daysAgo(50),
      version: plan.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(
      await t.db.selectFrom('adoption_plan').select('version').executeTakeFirstOrThrow(),
    ).toEqual({ version: plan.version });
  });
});

describe('the last free place', () => {
  it('lets exactly one of two concurrent placements into a household’s last place succeed', async () => {
    const b1 = await addChild(t, 'C1', { allocate: { social_worker: w.users.sw } });
    const b2 = await addChild(t, 'C2', { allocate: { social_worker: w.users.sw } });
    await addCare(t, b1, daysAgo(100), null);
    await addCare(t, b2, daysAgo(100), null);
    const one = await signedIn(app, 'po.one');
    const two = await signedIn(app, 'sw.one');
    const body = {
      ...d('startDate', daysAgo(1)),
      placeType: 'U6',
      householdId: String(w.single),
      reasonForChange: 'CARPL',
    };
    const pages = await Promise.all([
      one.agent.get(`/children/${String(b1)}/placements/new`),
      two.agent.get(`/children/${String(b2)}/placements/new`),
    ]);
    const [r1, r2] = await Promise.all([
      one.agent
        .post(`/children/${String(b1)}/placements/new`)
        .type('form')
        .send({ _csrf: csrfFrom(pages[0].text), ...body }),
      two.agent
        .post(`/children/${String(b2)}/placements/new`)
        .type('form')
        .send({ _csrf: csrfFrom(pages[1].text), ...body }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([303, 400]);
    const refused = r1.status === 400 ? r1 : r2;
    expect(summary(refused.text)).toEqual([
      `Single place household has no free place on ${formatUkDate(daysAgo(1))}: all 1 approved places are taken`,
    ]);
    const placed = await t.db
      .selectFrom('placement')
      .select('child_id')
      .where('fostering_household_id', '=', w.single)
      .execute();
    expect(placed).toHaveLength(1);
  });
});
