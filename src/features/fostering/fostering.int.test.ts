// The fostering service on both engines: the journey (approval refused until the required steps are
// recorded, nothing partial saved), stale versions, temporary approval, the review form clearing the
// /work/fostering tray item, the supervising social worker, the allowance schedule, the funnel and
// retention (pages, API and CSV).
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, todayInLondon } from '../../domain/dates/index.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';

const TODAY = todayInLondon(new Date());
const ago = (n: number) => addDays(TODAY, -n);
const parts = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y };
};

let conn: TestDb;
let app: Express;
let fw: number;
let fw2: number;
let sw: number;

async function household(values: {
  name: string;
  approval_type: 'mainstream' | 'connected';
  status: 'assessment' | 'approved';
  approval_date?: string | null;
  supervising_worker_id?: number | null;
}) {
  const { id } = await conn.db
    .insertInto('fostering_household')
    .values({ postcode: 'BD1 1HY', approved_places: 2, supervising_worker_id: fw, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function stages(id: number) {
  return (
    await conn.db
      .selectFrom('fostering_stage')
      .select('stage')
      .where('household_id', '=', id)
      .orderBy('id')
      .execute()
  ).map((r) => r.stage);
}

async function status(id: number) {
  return conn.db
    .selectFrom('fostering_household')
    .select([
      'status',
      'approval_date',
      'skills_level',
      'version',
      'supervising_worker_id',
      'reg24_start',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  conn = await freshDb();
  app = testApp(conn);
  fw = await addUser(conn, 'fw.one', ['fostering_worker'], { displayName: 'Fay Foster' });
  fw2 = await addUser(conn, 'fw.two', ['fostering_worker'], { displayName: 'Finn Foster' });
  await addUser(conn, 'fm.one', ['fostering_manager'], { displayName: 'Fran Manager' });
  sw = await addUser(conn, 'sw.one', ['social_worker'], { displayName: 'Sam Social' });
}, 120_000);

afterAll(async () => {
  await (conn as TestDb | undefined)?.dispose();
});

describe('the household journey', () => {
  it('records an enquiry from the form and shows it on the journey page', async () => {
    const { agent } = await signedIn(app, 'fw.one');
    const form = await agent.get('/fostering/enquiries/new');
    expect(form.status).toBe(200);
    const csrf = cheerio.load(form.text)('input[name="_csrf"]').val() as string;
    const bad = await agent
      .post('/fostering/enquiries/new')
      .type('form')
      .send({
        _csrf: csrf,
        name: '',
        postcode: 'nonsense',
        approvalType: 'mainstream',
        ...parts('date', ago(3)),
      });
    expect(bad.status).toBe(400);
    expect(cheerio.load(bad.text)('.govuk-error-summary').text()).toContain(
      'Enter a real postcode',
    );
    const res = await agent
      .post('/fostering/enquiries/new')
      .type('form')
      .send({
        _csrf: csrf,
        name: 'Ash household',
        postcode: 'bd9 4aa',
        approvalType: 'mainstream',
        ...parts('date', ago(3)),
      });
    expect(res.status).toBe(303);
    const page = await agent.get(res.headers.location as string);
    const $ = cheerio.load(page.text);
    expect($('#stages tbody tr').first().attr('data-stage')).toBe('enquiry');
    expect($('.govuk-notification-banner').text()).toContain('Enquiry recorded');
  });

  it('refuses approval until the required steps are recorded, saving nothing', async () => {
    const id = await household({
      name: 'Birch household',
      approval_type: 'mainstream',
      status: 'assessment',
    });
    const { agent, csrf } = await signedIn(app, 'fw.one');
    await agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'enquiry', date: ago(200), version: 1 })
      .expect(201);
    // The form of a fostering worker does not offer approval; the manager's refuses it for now.
    const workerForm = cheerio.load(
      (await agent.get(`/fostering/households/${String(id)}/stages/new`)).text,
    );
    expect(workerForm('input[name="stage"][value="initial_visit"]').length).toBe(1);
    expect(workerForm('input[name="stage"][value="approved"]').length).toBe(0);
    expect(workerForm('input[name="stage"][value="adm_decision"]').length).toBe(0);
    const manager = await signedIn(app, 'fm.one');
    const page = await manager.agent.get(`/fostering/households/${String(id)}/stages/new`);
    expect(cheerio.load(page.text)('input[name="stage"][value="approved"]').length).toBe(1);
    const res = await manager.agent
      .post(`/fostering/households/${String(id)}/stages/new`)
      .type('form')
      .send({
        _csrf: cheerio.load(page.text)('input[name="_csrf"]').val(),
        version: '2',
        stage: 'approved',
        skillsLevel: '2',
        ...parts('date', ago(1)),
      });
    expect(res.status).toBe(400);
    expect(cheerio.load(res.text)('.govuk-error-summary').text()).toContain(
      'Approval needs initial visit, skills to foster, assessment (form f or c), fostering panel, agency decision maker recorded first',
    );
    expect(await stages(id)).toEqual(['enquiry']);
    expect(await status(id)).toMatchObject({
      status: 'assessment',
      approval_date: null,
      version: 2,
    });

    const api = await agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'approved', date: ago(1), version: 2, skillsLevel: 2 });
    // A fostering worker may not record an approval at all: 403 before any rule is checked.
    expect(api.status).toBe(403);
    const refused = await manager.agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', manager.csrf)
      .send({ stage: 'approved', date: ago(1), version: 2, skillsLevel: 2 });
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'stage' }),
    ]);
    const malformed = await agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'approve', date: '2026-02-30', version: 2 });
    expect(malformed.status).toBe(400);
    expect(
      (malformed.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort(),
    ).toEqual(['date', 'stage']);

    let version = 2;
    for (const [stage, days] of [
      ['initial_visit', 180],
      ['skills_to_foster', 150],
      ['assessment', 120],
      ['panel', 20],
    ] as const) {
      await agent
        .post(`/api/v1/fostering/households/${String(id)}/stages`)
        .set('x-csrf-token', csrf)
        .send({ stage, date: ago(days), version })
        .expect(201);
      version += 1;
    }
    // The agency decision maker's decision and the approval are the fostering team manager's.
    await manager.agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', manager.csrf)
      .send({ stage: 'adm_decision', date: ago(10), version })
      .expect(201);
    version += 1;
    const noLevel = await manager.agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', manager.csrf)
      .send({ stage: 'approved', date: ago(5), version });
    expect(noLevel.status).toBe(400);
    expect(noLevel.body).toMatchObject({ errors: [{ field: 'skillsLevel' }] });
    await manager.agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', manager.csrf)
      .send({ stage: 'approved', date: ago(5), version, skillsLevel: 3 })
      .expect(201);
    expect(await status(id)).toMatchObject({
      status: 'approved',
      approval_date: ago(5),
      skills_level: 3,
    });
  });

  it('answers a stale version with 409 and the current values, saving nothing', async () => {
    const id = await household({
      name: 'Cedar household',
      approval_type: 'mainstream',
      status: 'assessment',
    });
    const { agent, csrf } = await signedIn(app, 'fw.one');
    const res = await agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'enquiry', date: ago(10), version: 7 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ current: { version: 1, status: 'assessment' } });
    expect(await stages(id)).toEqual([]);
  });

  it('temporarily approves a connected person (reg 24) but no one else', async () => {
    const kin = await household({
      name: 'Kin household',
      approval_type: 'connected',
      status: 'assessment',
    });
    const other = await household({
      name: 'Elm household',
      approval_type: 'mainstream',
      status: 'assessment',
    });
    const { agent, csrf } = await signedIn(app, 'fw.one');
    const refused = await agent
      .post(`/api/v1/fostering/households/${String(other)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'temporary_approval', date: ago(2), version: 1 });
    expect(refused.status).toBe(400);
    expect((refused.body as { detail: string }).detail).toMatch(/Only a family and friends/);
    await agent
      .post(`/api/v1/fostering/households/${String(kin)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'temporary_approval', date: ago(2), version: 1 })
      .expect(201);
    expect(await status(kin)).toMatchObject({ status: 'reg24', reg24_start: ago(2) });
    const page = await agent.get(`/fostering/households/${String(kin)}`);
    expect(cheerio.load(page.text)('a[href="/work/fostering"]').length).toBeGreaterThan(0);
  });

  it('lets a social worker read but not record', async () => {
    const id = await household({
      name: 'Fir household',
      approval_type: 'mainstream',
      status: 'assessment',
    });
    const { agent, csrf } = await signedIn(app, 'sw.one');
    expect((await agent.get(`/fostering/households/${String(id)}`)).status).toBe(200);
    expect((await agent.get(`/fostering/households/${String(id)}/stages/new`)).status).toBe(403);
    expect(
      (
        await agent
          .post(`/api/v1/fostering/households/${String(id)}/stages`)
          .set('x-csrf-token', csrf)
          .send({ stage: 'enquiry', date: ago(1), version: 1 })
      ).status,
    ).toBe(403);
    expect((await agent.get('/fostering/households/999999')).status).toBe(404);
  });
});

describe('foster carer reviews and the supervising social worker', () => {
  it('the review form clears the carer review item in /work/fostering', async () => {
    const id = await household({
      name: 'Oak household',
      approval_type: 'mainstream',
      status: 'approved',
      approval_date: ago(800),
    });
    await conn.db
      .insertInto('foster_carer_review')
      .values({ household_id: id, review_date: ago(435), panel_date: ago(430) })
      .execute();
    await conn.db
      .updateTable('fostering_household')
      .set({ last_review_date: ago(435) })
      .where('id', '=', id)
      .execute();
    const { agent } = await signedIn(app, 'fw.one');
    // The tray lists every open item; the overdue review should give way to next year's, upcoming.
    const reviewItems = async () => {
      const $ = cheerio.load((await agent.get('/work/fostering')).text);
      return $('#items tbody tr')
        .toArray()
        .filter(
          (tr) =>
            tr.attribs['data-rule'] === 'foster-carer-review' &&
            tr.attribs['data-whom'] === String(id),
        )
        .map((tr) => $(tr).find('td').first().find('strong').text().trim());
    };
    expect(await reviewItems()).toEqual(['Overdue']);
    const form = await agent.get(`/fostering/households/${String(id)}/reviews/new`);
    const csrf = cheerio.load(form.text)('input[name="_csrf"]').val() as string;
    const future = await agent
      .post(`/fostering/households/${String(id)}/reviews/new`)
      .type('form')
      .send({ _csrf: csrf, ...parts('reviewDate', addDays(TODAY, 3)) });
    expect(future.status).toBe(400);
    expect(cheerio.load(future.text)('.govuk-error-summary').text()).toContain(
      'must be today or in the past',
    );
    const ok = await agent
      .post(`/fostering/households/${String(id)}/reviews/new`)
      .type('form')
      .send({ _csrf: csrf, ...parts('reviewDate', ago(1)) });
    expect(ok.status).toBe(303);
    expect(await reviewItems()).toEqual(['Upcoming']);
    expect((await status(id)).version).toBe(2);
    expect(
      (
        await conn.db
          .selectFrom('fostering_household')
          .select('last_review_date')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).last_review_date,
    ).toBe(ago(1));
  });

  it('the first review must give its panel date', async () => {
    const id = await household({
      name: 'Pine household',
      approval_type: 'mainstream',
      status: 'approved',
      approval_date: ago(300),
    });
    const { agent, csrf } = await signedIn(app, 'fw.one');
    const res = await agent
      .post(`/api/v1/fostering/households/${String(id)}/reviews`)
      .set('x-csrf-token', csrf)
      .send({ reviewDate: ago(10) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errors: [{ field: 'panelDate' }] });
    expect(
      await conn.db
        .selectFrom('foster_carer_review')
        .select('id')
        .where('household_id', '=', id)
        .execute(),
    ).toEqual([]);
    await agent
      .post(`/api/v1/fostering/households/${String(id)}/reviews`)
      .set('x-csrf-token', csrf)
      .send({ reviewDate: ago(10), panelDate: ago(3) })
      .expect(201);
  });

  it('changes the supervising social worker to a fostering worker only, with optimistic locking', async () => {
    const id = await household({
      name: 'Rowan household',
      approval_type: 'mainstream',
      status: 'approved',
      approval_date: ago(100),
    });
    const { agent } = await signedIn(app, 'fw.one');
    const form = await agent.get(`/fostering/households/${String(id)}/supervising-worker`);
    const $ = cheerio.load(form.text);
    expect($('#workerId option:checked').text()).toBe('Fay Foster');
    const csrf = $('input[name="_csrf"]').val() as string;
    const notFw = await agent
      .post(`/fostering/households/${String(id)}/supervising-worker`)
      .type('form')
      .send({ _csrf: csrf, version: '1', workerId: String(sw) });
    expect(notFw.status).toBe(400);
    expect(cheerio.load(notFw.text)('.govuk-error-summary').text()).toContain(
      'from the fostering service',
    );
    const ok = await agent
      .post(`/fostering/households/${String(id)}/supervising-worker`)
      .type('form')
      .send({ _csrf: csrf, version: '1', workerId: String(fw2) });
    expect(ok.status).toBe(303);
    const stale = await agent
      .post(`/fostering/households/${String(id)}/supervising-worker`)
      .type('form')
      .send({ _csrf: csrf, version: '1', workerId: String(fw) });
    expect(stale.status).toBe(409);
    expect(cheerio.load(stale.text)('.govuk-error-summary').text()).toContain(
      'changed by someone else',
    );
    expect(await status(id)).toMatchObject({ supervising_worker_id: fw2, version: 2 });
    const page = await agent.get(`/fostering/households/${String(id)}`);
    expect(page.text).toContain('Finn Foster');
  });
});

describe('allowances, funnel and retention', () => {
  it('shows the schedule and lets the fostering team manager change a row, with locking', async () => {
    const { id } = await conn.db
      .insertInto('fostering_allowance')
      .values({
        age_from: 0,
        age_to: 4,
        skills_level: 2,
        weekly_allowance: 180,
        weekly_fee: 120,
        valid_from: ago(30),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sworker = await signedIn(app, 'sw.one');
    const view = await sworker.agent.get('/fostering/allowances');
    expect(cheerio.load(view.text)('#allowances tbody td').eq(4).text().trim()).toBe('£300');
    expect((await sworker.agent.get(`/fostering/allowances/${String(id)}`)).status).toBe(403);
    const { agent, csrf } = await signedIn(app, 'fm.one');
    const bad = await agent
      .put(`/api/v1/fostering/allowances/${String(id)}`)
      .set('x-csrf-token', csrf)
      .send({ weeklyAllowance: -1, weeklyFee: 'x', version: 1 });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(
      ['weeklyAllowance', 'weeklyFee'],
    );
    const ok = await agent
      .put(`/api/v1/fostering/allowances/${String(id)}`)
      .set('x-csrf-token', csrf)
      .send({ weeklyAllowance: 190, weeklyFee: 125, version: 1 });
    expect(ok.body).toMatchObject({ weeklyTotal: 315, version: 2 });
    const stale = await agent
      .put(`/api/v1/fostering/allowances/${String(id)}`)
      .set('x-csrf-token', csrf)
      .send({ weeklyAllowance: 1, weeklyFee: 1, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { weeklyAllowance: 190, weeklyFee: 125 } });
  });

  it('counts the funnel and the leavers, on the page, the API and the CSV', async () => {
    // A resignation with a reason, after approval.
    const id = await household({
      name: 'Yew household',
      approval_type: 'mainstream',
      status: 'approved',
      approval_date: ago(400),
    });
    const { agent, csrf } = await signedIn(app, 'fw.one');
    const noReason = await agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'resigned', date: ago(4), version: 1 });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ errors: [{ field: 'reasonCode' }] });
    await agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'resigned', date: ago(4), version: 1, reasonCode: 'retirement' })
      .expect(201);
    expect((await status(id)).status).toBe('resigned');

    const from = ago(365);
    const api = await agent.get(`/api/v1/fostering/recruitment?from=${from}&to=${TODAY}`);
    const byStage = Object.fromEntries(
      (api.body as { stages: { stage: string; reached: number }[] }).stages.map((s) => [
        s.stage,
        s.reached,
      ]),
    );
    // Enquiries in the year: Ash (3 days ago) and Birch (200 days ago); Birch went on to approval.
    expect(byStage).toMatchObject({ enquiry: 2, initial_visit: 1, approved: 1 });
    const page = await agent.get(`/fostering/recruitment?from=${from}&to=${TODAY}`);
    expect(
      cheerio.load(page.text)('#funnel tr[data-stage="initial_visit"] td').eq(1).text().trim(),
    ).toBe('50%');
    const csv = await agent.get(`/fostering/recruitment?from=${from}&to=${TODAY}&format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.split('\n')[2]).toBe('stage,Initial visit,1,50,50,20');
    const badRange = await agent.get('/fostering/recruitment?from=yesterday');
    expect(badRange.status).toBe(400);

    const ret = await agent.get(`/api/v1/fostering/retention?from=${from}&to=${TODAY}&by=year`);
    expect(ret.body).toMatchObject({ total: 1, byReason: [{ reason: 'retirement', resigned: 1 }] });
    const retPage = await agent.get(`/fostering/retention?from=${from}&to=${TODAY}`);
    expect(cheerio.load(retPage.text)('#total').text()).toContain('1 household left');
    const audits = await conn.db
      .selectFrom('audit_event')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('record_type', '=', 'fostering_stage')
      .executeTakeFirstOrThrow();
    expect(audits.n).toBeGreaterThan(5);
  });

  it('answers the funnel and retention CSVs in full, and a bad period with the form and 400', async () => {
    const { agent } = await signedIn(app, 'fw.one');
    const from = ago(365);
    const month = (iso: string) => iso.slice(0, 7);
    const csv = await agent.get(`/fostering/recruitment?from=${from}&to=${TODAY}&format=csv`);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename=recruitment-${from}-${TODAY}.csv`,
    );
    expect(csv.text).toBe(
      [
        'row,stage or month,reached,conversion from previous %,of enquiries %,median days from previous stage',
        'stage,Enquiry,2,,100,',
        'stage,Initial visit,1,50,50,20',
        'stage,Skills to Foster,1,100,50,30',
        'stage,Assessment (form F or C),1,100,50,30',
        'stage,Fostering panel,1,100,50,100',
        'stage,Agency decision maker,1,100,50,10',
        'stage,Approved,1,100,50,5',
        'row,month of enquiry,Enquiry,Initial visit,Skills to Foster,Assessment (form F or C),Fostering panel,Agency decision maker,Approved',
        `month,${month(ago(200))},1,1,1,1,1,1,1`,
        `month,${month(ago(3))},1,0,0,0,0,0,0`,
        'outcome,Approved,1',
        'outcome,Withdrew before approval,0',
        'outcome,Still being assessed,1',
        '',
      ].join('\n'),
    );
    const ret = await agent.get(`/fostering/retention?from=${from}&to=${TODAY}&format=csv`);
    expect(ret.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(ret.headers['content-disposition']).toBe(
      `attachment; filename=retention-${from}-${TODAY}.csv`,
    );
    expect(ret.text).toBe(
      [
        'row,reason or period,resigned,deregistered',
        'reason,Retirement,1,0',
        `period,${month(ago(4))},1,0`,
        '',
      ].join('\n'),
    );
    const byYear = await agent.get(`/fostering/retention?from=${from}&to=${TODAY}&by=year`);
    const $ = cheerio.load(byYear.text);
    expect($('h1').text()).toBe('Carers leaving');
    expect($('#periods tbody th').text()).toBe(ago(4).slice(0, 4));
    expect($('a[href*="format=csv"]').attr('href')).toBe(
      `/fostering/retention?from=${from}&to=${TODAY}&by=year&format=csv`,
    );
    for (const [path, title] of [
      ['/fostering/recruitment', 'Recruitment funnel'],
      ['/fostering/retention', 'Carers leaving'],
    ] as const) {
      const bad = await agent.get(`${path}?to=2026-02-30&by=week`);
      expect(bad.status).toBe(400);
      const b = cheerio.load(bad.text);
      expect(b('h1').text()).toBe(title);
      expect(b('.govuk-error-summary').text()).toContain(
        'Enter the date of the end of the period as a real date',
      );
      expect(b('#funnel, #reasons').length).toBe(0);
    }
  });
});
