// Regulation 45 reviews of children's homes: recording through the form and the API, refusals that
// save nothing, a stale change, who may record (403 without home:write; 404 for another manager's
// home), the flags on the homes list and its filter, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { sql } from 'kysely';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, addMonths, todayInLondon } from '../../domain/dates/index.ts';
import { addUser, csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { seedCareFixture } from '../children/testData.ts';

let t: TestDb;
let app: Express;
let newholme: number;
let hollybank: number;
const today = todayInLondon(new Date());
// A period that ended 7 months ago: the next review was due a month ago.
const oldEnd = addMonths(today, -7);
const oldStart = addDays(addMonths(oldEnd, -6), 1);

beforeAll(async () => {
  t = await freshDb();
  await seedCareFixture(t);
  const rm = await addUser(t, 'rm.one', ['residential_manager']);
  await addUser(t, 'rm.two', ['residential_manager']);
  const council = (
    await t.db
      .insertInto('provider')
      .values({ name: 'Council homes', kind: 'in_house', place_provider: 'PR1' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const home = async (name: string) =>
    (
      await t.db
        .insertInto('home')
        .values({ provider_id: council, name, beds: 3, postcode: 'BD9 4AA' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  newholme = await home('Newholme');
  hollybank = await home('Hollybank Road');
  await t.db.insertInto('home_manager').values({ home_id: newholme, user_id: rm }).execute();
  // Hollybank's first record: a Regulation 44 visit two months ago (its first review not yet due).
  await t.db
    .insertInto('reg44_visit')
    .values({ home_id: hollybank, visit_date: addMonths(today, -2), visitor: 'Alex Pemberton' })
    .execute();
  app = testApp(t);
}, 240_000);
afterAll(async () => {
  await (t as TestDb | undefined)?.dispose();
});

async function reviewCount(): Promise<number> {
  const r = await t.db
    .selectFrom('reg45_review')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

function dateFields(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(d)),
    [`${name}-month`]: String(Number(m)),
    [`${name}-year`]: y ?? '',
  };
}

function errorSummary(html: string): string[] {
  const $ = cheerio.load(html);
  return $('.govuk-error-summary li')
    .map((_i, li) => $(li).text().trim())
    .get();
}

describe('recording a Regulation 45 review', () => {
  it('shows GOV.UK errors for a bad form and saves nothing', async () => {
    const rm = await signedIn(app, 'rm.one');
    const form = await rm.agent.get(`/homes/${String(newholme)}/reviews/new`);
    expect(form.status).toBe(200);
    const bad = await rm.agent
      .post(`/homes/${String(newholme)}/reviews/new`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        ...dateFields('periodStart', '2026-06-01'),
        ...dateFields('periodEnd', '2026-05-31'),
        'completedOn-day': '31',
        'completedOn-month': '2',
        'completedOn-year': '2026',
        summary: ' ',
      });
    expect(bad.status).toBe(400);
    expect(errorSummary(bad.text)).toEqual([
      'The end of the period must be the same as or after its start',
      'Enter the date the review was completed as a real date',
      'Enter a summary of the review',
    ]);
    const $ = cheerio.load(bad.text);
    expect($('#completedOn-day').hasClass('govuk-input--error')).toBe(true);
    expect($('#periodStart-day').val()).toBe('1');
    expect(await reviewCount()).toBe(0);
  }, 90_000); // the first page of a fresh app compiles its templates: slow on a loaded machine

  it('refuses dates out of order, and a completion or report after today, through the API', async () => {
    const rm = await signedIn(app, 'rm.one');
    const url = `/api/v1/homes/${String(newholme)}/reviews`;
    const order = await rm.agent.post(url).set('x-csrf-token', rm.csrf).send({
      periodStart: '2026-06-01',
      periodEnd: '2026-05-31',
      completedOn: '2026-05-30',
      sentToOfstedOn: '2026-05-01',
      summary: 'S',
    });
    expect(order.status).toBe(400);
    expect((order.body as { errors: unknown }).errors).toEqual([
      {
        field: 'periodEnd',
        message: 'The end of the period must be the same as or after its start',
      },
      {
        field: 'completedOn',
        message: 'The review cannot be completed before the end of the period it covers',
      },
      {
        field: 'sentToOfstedOn',
        message: 'The report cannot be sent before the review was completed',
      },
    ]);
    const future = await rm.agent
      .post(url)
      .set('x-csrf-token', rm.csrf)
      .send({
        periodStart: oldStart,
        periodEnd: oldEnd,
        completedOn: addDays(today, 1),
        sentToOfstedOn: addDays(today, 2),
        summary: 'S',
      });
    expect(future.status).toBe(400);
    expect((future.body as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'completedOn',
      'sentToOfstedOn',
    ]);
    expect(await reviewCount()).toBe(0);
  });

  it('records a review through the form; the home shows it, with the review and report overdue', async () => {
    const rm = await signedIn(app, 'rm.one');
    const form = await rm.agent.get(`/homes/${String(newholme)}/reviews/new`);
    const completed = addDays(oldEnd, 10);
    const ok = await rm.agent
      .post(`/homes/${String(newholme)}/reviews/new`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        ...dateFields('periodStart', oldStart),
        ...dateFields('periodEnd', oldEnd),
        ...dateFields('completedOn', completed),
        summary: 'Young people feel safe',
        actions: 'Refresh the missing protocol',
      });
    expect(ok.status).toBe(303);
    expect(await reviewCount()).toBe(1);
    const page = await rm.agent.get(`/homes/${String(newholme)}/visits`);
    const $ = cheerio.load(page.text);
    const row = $('#review-list tbody tr').first().text().replace(/\s+/g, ' ');
    expect(row).toContain('Young people feel safe');
    expect(row).toContain('Actions: Refresh the missing protocol');
    expect(row).toContain('Overdue');
    expect($('#reg45').text()).toContain('Review overdue');
    expect($('a[href="/placement-options/home:' + String(newholme) + '"]').text()).toBe(
      'Languages and religions (for matching)',
    );
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_type', '=', 'reg45_review')
      .execute();
    expect(audit.map((a) => a.action)).toContain('create');
  });

  it('lists reviews newest first through the API with the home’s position', async () => {
    const rm = await signedIn(app, 'rm.one');
    const recent = addMonths(today, -1);
    const post = await rm.agent
      .post(`/api/v1/homes/${String(newholme)}/reviews`)
      .set('x-csrf-token', rm.csrf)
      .send({
        periodStart: addDays(oldEnd, 1),
        periodEnd: recent,
        completedOn: today,
        summary: 'Second review',
      });
    expect(post.status).toBe(201);
    const list = await rm.agent.get(`/api/v1/homes/${String(newholme)}/reviews`);
    expect(list.status).toBe(200);
    const body = list.body as {
      status: unknown;
      reviews: { summary: string; reportStatus: string; reportDue: string }[];
    };
    expect(body.reviews.map((r) => [r.summary, r.reportStatus])).toEqual([
      ['Second review', 'due'],
      ['Young people feel safe', 'overdue'],
    ]);
    expect(body.reviews[0]?.reportDue).toBe(addDays(today, 28));
    expect(body.status).toEqual({
      lastPeriodEnd: recent,
      reviewDue: addMonths(recent, 6),
      reviewOverdue: false,
      reportsOverdue: 1,
    });
  });
});

describe('changing a review', () => {
  it('records the report sent to Ofsted; a stale version gets 409 and changes nothing', async () => {
    const rm = await signedIn(app, 'rm.one');
    const review = await t.db
      .selectFrom('reg45_review')
      .selectAll()
      .where('summary', '=', 'Young people feel safe')
      .executeTakeFirstOrThrow();
    const url = `/api/v1/homes/${String(newholme)}/reviews/${String(review.id)}`;
    const body = {
      periodStart: review.period_start,
      periodEnd: review.period_end,
      completedOn: review.completed_on,
      summary: review.summary,
      actions: review.actions,
    };
    const sent = addDays(review.completed_on, 29);
    const first = await rm.agent
      .put(url)
      .set('x-csrf-token', rm.csrf)
      .send({ ...body, version: review.version, sentToOfstedOn: sent });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      sentToOfstedOn: sent,
      reportStatus: 'sent_late',
      version: review.version + 1,
    });
    const stale = await rm.agent
      .put(url)
      .set('x-csrf-token', rm.csrf)
      .send({ ...body, version: review.version, sentToOfstedOn: null, summary: 'Mine' });
    expect(stale.status).toBe(409);
    expect((stale.body as { current: unknown }).current).toMatchObject({ sentToOfstedOn: sent });

    // The page re-renders with the current values and the conflict message.
    const form = await rm.agent.get(`/homes/${String(newholme)}/reviews/${String(review.id)}`);
    expect(form.status).toBe(200);
    const page = await rm.agent
      .post(`/homes/${String(newholme)}/reviews/${String(review.id)}`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        version: String(review.version),
        ...dateFields('periodStart', review.period_start),
        ...dateFields('periodEnd', review.period_end),
        ...dateFields('completedOn', review.completed_on),
        summary: 'Mine',
      });
    expect(page.status).toBe(409);
    expect(errorSummary(page.text)).toEqual([
      'Someone else changed this review after you opened it. Check the current values and try again.',
    ]);
    const $ = cheerio.load(page.text);
    expect($('#summary').text()).toBe('Young people feel safe');
    expect($('#sentToOfstedOn-year').val()).toBe(sent.slice(0, 4));
    const saved = await t.db
      .selectFrom('reg45_review')
      .select(['summary', 'sent_to_ofsted_on', 'version'])
      .where('id', '=', review.id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      summary: 'Young people feel safe',
      sent_to_ofsted_on: sent,
      version: review.version + 1,
    });
  });
});

describe('who may record and see reviews', () => {
  const input = () => ({
    periodStart: oldStart,
    periodEnd: oldEnd,
    completedOn: addDays(oldEnd, 1),
    summary: 'S',
  });

  it('refuses a placement officer (home:read without home:write): 403, nothing saved', async () => {
    const before = await reviewCount();
    const po = await signedIn(app, 'po.one');
    const res = await po.agent
      .post(`/api/v1/homes/${String(newholme)}/reviews`)
      .set('x-csrf-token', po.csrf)
      .send(input());
    expect(res.status).toBe(403);
    expect((await po.agent.get(`/homes/${String(newholme)}/reviews/new`)).status).toBe(403);
    expect(await reviewCount()).toBe(before);
    // They may read them.
    expect((await po.agent.get(`/api/v1/homes/${String(newholme)}/reviews`)).status).toBe(200);
  });

  it('answers 404 to a residential manager for a home they do not manage', async () => {
    const before = await reviewCount();
    const rm = await signedIn(app, 'rm.two');
    const res = await rm.agent
      .post(`/api/v1/homes/${String(newholme)}/reviews`)
      .set('x-csrf-token', rm.csrf)
      .send(input());
    expect(res.status).toBe(404);
    expect((await rm.agent.get(`/api/v1/homes/${String(newholme)}/reviews`)).status).toBe(404);
    expect((await rm.agent.get(`/homes/${String(newholme)}/reviews/new`)).status).toBe(404);
    expect(await reviewCount()).toBe(before);
  });

  it('refuses a social worker (no home:read)', async () => {
    const sw = await signedIn(app, 'sw.north');
    expect((await sw.agent.get(`/api/v1/homes/${String(newholme)}/reviews`)).status).toBe(403);
  });
});

describe('the homes list', () => {
  it('flags each home and filters by an overdue review or report', async () => {
    // Newholme's last period ended a month ago; backdate it so its review is overdue again.
    await t.db
      .updateTable('reg45_review')
      .set({ period_end: oldEnd, period_start: oldStart, completed_on: addDays(oldEnd, 2) })
      .where('summary', '=', 'Second review')
      .execute();
    const po = await signedIn(app, 'po.one');
    const all = await po.agent.get('/api/v1/homes');
    const homes = (all.body as { homes: { name: string; reg45: unknown }[] }).homes;
    expect(homes.map((h) => [h.name, h.reg45])).toEqual([
      [
        'Hollybank Road',
        {
          lastPeriodEnd: null,
          reviewDue: addMonths(addMonths(today, -2), 6),
          reviewOverdue: false,
          reportsOverdue: 0,
        },
      ],
      [
        'Newholme',
        {
          lastPeriodEnd: oldEnd,
          reviewDue: addMonths(oldEnd, 6),
          reviewOverdue: true,
          reportsOverdue: 1,
        },
      ],
    ]);
    const names = async (flag: string) =>
      (
        (await po.agent.get(`/api/v1/homes?flag=${flag}`)).body as { homes: { name: string }[] }
      ).homes.map((h) => h.name);
    expect(await names('review-overdue')).toEqual(['Newholme']);
    expect(await names('report-overdue')).toEqual(['Newholme']);
    expect((await po.agent.get('/api/v1/homes?flag=nonsense')).status).toBe(400);

    const page = await po.agent.get('/homes?flag=review-overdue');
    const $ = cheerio.load(page.text.replace(/<br>/g, ' '));
    const rows = $('table#homes tbody tr')
      .map((_i, tr) => $(tr).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^Newholme .* Review overdue Report to Ofsted overdue$/);
    expect($('#flag').val()).toBe('review-overdue');
  });
});
