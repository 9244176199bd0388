// Households that withdraw before approval, and the fostering team manager's decisions, on both
// engines: a withdrawal sets status 'withdrawn' (shown as "Withdrew before approval"), keeps the
// household out of the /carers list unless asked for, counts as withdrawn (never "still being
// assessed") in the funnel, and refuses approval and placements; only a fostering team manager
// records the agency decision maker's decision, approval and deregistration, and changes allowances.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, todayInLondon } from '../../domain/dates/index.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { householdProblems } from '../recording/capacity.ts';

const TODAY = todayInLondon(new Date());
const ago = (n: number) => addDays(TODAY, -n);

let conn: TestDb;
let app: Express;
let fw: number;

async function household(name: string, status: 'assessment' | 'approved' = 'assessment') {
  const { id } = await conn.db
    .insertInto('fostering_household')
    .values({
      name,
      postcode: 'BD1 1HY',
      approval_type: 'mainstream',
      status,
      approved_places: 2,
      supervising_worker_id: fw,
      ...(status === 'approved' ? { approval_date: ago(400), skills_level: 2 } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const row = (id: number) =>
  conn.db
    .selectFrom('fostering_household')
    .select(['status', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  conn = await freshDb();
  app = testApp(conn);
  fw = await addUser(conn, 'fw.one', ['fostering_worker'], { displayName: 'Fay Foster' });
  await addUser(conn, 'fm.one', ['fostering_manager'], { displayName: 'Fran Manager' });
}, 120_000);

afterAll(async () => {
  await (conn as TestDb | undefined)?.dispose();
});

describe('a household that withdraws before approval', () => {
  it('is withdrawn, shown so, out of the list unless asked for, and cannot be approved or placed with', async () => {
    const { agent, csrf } = await signedIn(app, 'fw.one');
    const created = await agent
      .post('/api/v1/fostering/enquiries')
      .set('x-csrf-token', csrf)
      .send({
        name: 'Quince household',
        postcode: 'BD9 4DS',
        approvalType: 'mainstream',
        date: ago(60),
      })
      .expect(201);
    const id = (created.body as { id: number }).id;
    await agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'initial_visit', date: ago(40), version: 1 })
      .expect(201);
    await agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', csrf)
      .send({ stage: 'withdrawn', date: ago(20), version: 2, reasonCode: 'changed_mind' })
      .expect(201);
    expect(await row(id)).toEqual({ status: 'withdrawn', version: 3 });

    const page = cheerio.load((await agent.get(`/fostering/households/${String(id)}`)).text);
    const statusRow = page('.govuk-summary-list__row').filter((_, r) =>
      page(r).find('dt').text().includes('Status'),
    );
    expect(statusRow.find('dd').text().trim()).toBe('Withdrew before approval');
    expect(page('a:contains("Record a stage")').length).toBe(0);
    expect((await agent.get(`/carers/${String(id)}`)).text).toContain('Withdrew before approval');

    // The list leaves it out, and offers and honours the status filter.
    const list = cheerio.load((await agent.get('/carers')).text);
    expect(list('#status option[value="withdrawn"]').text()).toBe('Withdrew before approval');
    expect(list('main').text()).not.toContain('Quince household');
    const only = cheerio.load((await agent.get('/carers?status=withdrawn')).text);
    const rows = only('tbody tr');
    expect(rows.length).toBe(1);
    expect(rows.find('td').eq(0).text()).toContain('Quince household');
    expect(rows.find('td').eq(2).text().trim()).toBe('Withdrew before approval');

    // Refused: approval (even by the manager), any further stage, and a placement.
    const manager = await signedIn(app, 'fm.one');
    const approve = await manager.agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', manager.csrf)
      .send({ stage: 'approved', date: ago(1), version: 3, skillsLevel: 2 });
    expect(approve.status).toBe(400);
    expect((approve.body as { detail: string }).detail).toBe(
      'This household withdrew before approval, so its journey has ended. If they apply again, record a new enquiry',
    );
    const form = await manager.agent.get(`/fostering/households/${String(id)}/stages/new`);
    const $ = cheerio.load(form.text);
    expect($('input[name="stage"]').length).toBe(0);
    const posted = await manager.agent
      .post(`/fostering/households/${String(id)}/stages/new`)
      .type('form')
      .send({
        _csrf: $('input[name="_csrf"]').val(),
        version: '3',
        stage: 'panel',
        'date-day': ago(1).slice(8),
        'date-month': ago(1).slice(5, 7),
        'date-year': ago(1).slice(0, 4),
      });
    expect(posted.status).toBe(400);
    expect(cheerio.load(posted.text)('.govuk-error-summary').text()).toContain(
      'withdrew before approval',
    );
    expect(await row(id)).toEqual({ status: 'withdrawn', version: 3 });
    const problems = await conn.db
      .transaction()
      .execute((trx) => householdProblems(trx, id, 0, ago(3000), TODAY));
    expect(problems).toEqual([
      { field: 'householdId', message: 'Quince household is not approved to foster' },
    ]);

    // The funnel counts it at the stages it reached and as withdrawn, never as being assessed.
    const f = await agent.get(`/api/v1/fostering/recruitment?from=${ago(365)}&to=${TODAY}`);
    const funnel = f.body as { stages: { reached: number }[]; outcomes: unknown };
    expect(funnel.stages.map((x) => x.reached)).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(funnel.outcomes).toEqual({ approved: 0, withdrawn: 1, inAssessment: 0 });
    const funnelPage = cheerio.load(
      (await agent.get(`/fostering/recruitment?from=${ago(365)}&to=${TODAY}`)).text,
    );
    expect(funnelPage('#outcomes tr[data-outcome="withdrawn"] td').text()).toBe('1');
    expect(funnelPage('#outcomes tr[data-outcome="inAssessment"] td').text()).toBe('0');
  });

  it('links the household page to its languages and religions for matching', async () => {
    const id = await household('Sorrel household', 'approved');
    const { agent } = await signedIn(app, 'fw.one');
    const $ = cheerio.load((await agent.get(`/fostering/households/${String(id)}`)).text);
    expect($('a:contains("Languages and religions (for matching)")').attr('href')).toBe(
      `/placement-options/household:${String(id)}`,
    );
  });
});

describe('the fostering team manager', () => {
  it('alone records the decision maker, approval and deregistration; a worker gets 403 and no option', async () => {
    const id = await household('Tamarisk household', 'approved');
    const worker = await signedIn(app, 'fw.one');
    const dereg = await worker.agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', worker.csrf)
      .send({ stage: 'deregistered', date: ago(2), version: 1, reasonCode: 'standards_of_care' });
    expect(dereg.status).toBe(403);
    expect((dereg.body as { detail: string }).detail).toBe(
      'Only a fostering team manager can record the agency decision maker’s decision, an approval or a deregistration.',
    );
    const form = cheerio.load(
      (await worker.agent.get(`/fostering/households/${String(id)}/stages/new`)).text,
    );
    expect(
      form('input[name="stage"]')
        .map((_, e) => form(e).val())
        .get(),
    ).toEqual(['resigned']);
    expect(await row(id)).toEqual({ status: 'approved', version: 1 });

    const manager = await signedIn(app, 'fm.one');
    await manager.agent
      .post(`/api/v1/fostering/households/${String(id)}/stages`)
      .set('x-csrf-token', manager.csrf)
      .send({ stage: 'deregistered', date: ago(2), version: 1, reasonCode: 'standards_of_care' })
      .expect(201);
    expect(await row(id)).toEqual({ status: 'deregistered', version: 2 });
  });

  it('alone changes the allowance schedule; a worker sees no Change link and gets 403', async () => {
    const { id } = await conn.db
      .insertInto('fostering_allowance')
      .values({
        age_from: 5,
        age_to: 10,
        skills_level: 1,
        weekly_allowance: 200,
        weekly_fee: 90,
        valid_from: ago(10),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const worker = await signedIn(app, 'fw.one');
    const view = cheerio.load((await worker.agent.get('/fostering/allowances')).text);
    expect(view('#allowances tbody td').eq(4).text().trim()).toBe('£290');
    expect(view('#allowances a:contains("Change")').length).toBe(0);
    expect((await worker.agent.get(`/fostering/allowances/${String(id)}`)).status).toBe(403);
    const put = await worker.agent
      .put(`/api/v1/fostering/allowances/${String(id)}`)
      .set('x-csrf-token', worker.csrf)
      .send({ weeklyAllowance: 1, weeklyFee: 1, version: 1 });
    expect(put.status).toBe(403);

    const manager = await signedIn(app, 'fm.one');
    const mine = cheerio.load((await manager.agent.get('/fostering/allowances')).text);
    expect(mine('#allowances a:contains("Change")').attr('href')).toBe(
      `/fostering/allowances/${String(id)}`,
    );
    const ok = await manager.agent
      .put(`/api/v1/fostering/allowances/${String(id)}`)
      .set('x-csrf-token', manager.csrf)
      .send({ weeklyAllowance: 210, weeklyFee: 95, version: 1 });
    expect(ok.body).toMatchObject({ weeklyTotal: 305, version: 2 });
  });
});
