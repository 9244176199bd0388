// The scorecard on a small demo authority, on both engines: figures, trends from one load, the
// children behind a figure (scope, audit), suppression for panel members, exports, targets and
// placement costs (optimistic locking, bad input), and bad dates.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, todayInLondon } from '../../domain/dates/index.ts';
import { computeMeasures, MEASURES } from '../../domain/measures/index.ts';
import { childShares, DENOMINATOR_NOT_CHILDREN } from '../../domain/measures/drill.ts';
import { sliceAt } from '../../domain/measures/slice.ts';
import { addUser, csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { seedDemo } from '../demo/write.ts';
import { earliestCare, loadMeasureData } from '../measures/load.ts';
import { recordMiles } from '../measures/miles.ts';
import { loadFor, trendDates } from './service.ts';

let t: TestDb;
let app: Express;
/** Social workers see only the children allocated to them. */
let ownCaseloadApp: Express;
const today = todayInLondon(new Date());

beforeAll(async () => {
  t = await freshDb();
  await addUser(t, 'sw.demo', ['social_worker']);
  await addUser(t, 'sm.demo', ['service_manager']);
  await addUser(t, 'po.demo', ['placement_officer']);
  await addUser(t, 'panel.demo', ['panel_member']);
  await addUser(t, 'analyst.demo', ['analyst']);
  await seedDemo(t.db, { scale: 0.05, seed: 7 });
  app = testApp(t);
  ownCaseloadApp = testApp(t, { HEARTH_TEAM_SCOPE: 'false' });
}, 240_000);

afterAll(async () => {
  await (t as TestDb | undefined)?.dispose();
});

async function auditCount(recordType: string): Promise<number> {
  const r = await t.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('record_type', '=', recordType)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('demo hook', () => {
  it('records weekly costs by placement type, leaving some not recorded', async () => {
    const rows = await t.db.selectFrom('placement').select(['place_type', 'weekly_cost']).execute();
    const costed = rows.filter((r) => r.weekly_cost !== null);
    expect(costed.length).toBeGreaterThan(rows.length / 2);
    expect(rows.some((r) => r.weekly_cost === null)).toBe(true);
    for (const r of costed.filter((x) => ['U1', 'U2', 'U3'].includes(x.place_type)))
      expect(r.weekly_cost).toBeGreaterThanOrEqual(90);
    expect(Math.max(...costed.map((r) => r.weekly_cost ?? 0))).toBeLessThanOrEqual(6600);
  });
});

describe('measures on many dates from one load', () => {
  it('give the same figures as loading each date alone', async () => {
    const first = (await earliestCare(t.db)) ?? today;
    const { monthly, yearly } = trendDates(today, first);
    const dates = [...new Set([...monthly, ...yearly])].sort();
    const facts = await loadFor(t.db, dates);
    const miles = await recordMiles(t.db);
    for (const d of [dates[0] ?? today, monthly[5] ?? today, today]) {
      const alone = await loadMeasureData(t.db, d, miles ? { miles } : {});
      expect(computeMeasures(sliceAt(facts, d), d)).toEqual(computeMeasures(alone, d));
    }
  });

  it("children's shares add up to every measure's figure", async () => {
    const data = await loadMeasureData(t.db, today);
    const all = computeMeasures(data, today);
    for (const m of MEASURES) {
      const shares = childShares(m, data, today);
      const whole = all.get(m.id);
      const n = shares.reduce((s, x) => s + x.numerator, 0);
      expect(n, m.id).toBe(whole?.numerator ?? 0);
      if (!DENOMINATOR_NOT_CHILDREN.has(m.id) && whole?.denominator != null)
        expect(
          shares.reduce((s, x) => s + (x.denominator ?? 0), 0),
          m.id,
        ).toBe(whole.denominator);
    }
  });
});

describe('the scorecard page', () => {
  it('shows every measure with England, target and RAG', async () => {
    const { agent } = await signedIn(app, 'sm.demo');
    const res = await agent.get('/scorecard');
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('#scorecard tbody tr')).toHaveLength(MEASURES.length);
    expect($('#measure-cla-rate').text()).toContain('67 (2025)');
    expect($('#measure-placements-3plus').text()).toContain('At most 10%');
    expect($('#measure-placements-3plus .govuk-tag').text()).toMatch(/Green|Amber|Red/);
    expect($('#measure-cost-weekly').text()).toContain('£');
  });

  it('one measure: definition, source, both trends with tables, drill-down link', async () => {
    const { agent } = await signedIn(app, 'sm.demo');
    const res = await agent.get(`/scorecard/measures/cla-at?at=${today}`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('#definition').text()).toContain('Children looked after on the date');
    expect($('#source').text()).toContain('SSDA903');
    expect($('#monthly-table tbody tr')).toHaveLength(12);
    expect($('#yearly-table tbody tr').length).toBeGreaterThan(0);
    expect($('svg[role="img"] title').first().text()).toContain('last 12 months');
    expect($('a[href*="/children?at="]')).toHaveLength(1);
  });

  it('a panel member sees figures only, small numbers withheld, no drill-down', async () => {
    const { agent } = await signedIn(app, 'panel.demo');
    const res = await agent.get('/scorecard');
    expect(res.status).toBe(200);
    expect(res.text).toContain('withheld so that no child can be identified');
    const api = await agent.get('/api/v1/scorecard');
    const body = api.body as {
      suppressed: boolean;
      measures: { figure: { numerator: number | null; suppressed: boolean } }[];
    };
    expect(body.suppressed).toBe(true);
    for (const m of body.measures) {
      const n = m.figure.numerator;
      expect(n === null || n === 0 || n >= 5).toBe(true);
    }
    expect((await agent.get('/scorecard/measures/cla-at/children')).status).toBe(403);
    expect((await agent.get('/api/v1/scorecard/measures/cla-at/children')).status).toBe(403);
  });

  it('the children behind a figure: only those in scope, and the view is audited', async () => {
    const before = await auditCount('scorecard-children');
    const sm = await signedIn(app, 'sm.demo');
    const all = await sm.agent.get(`/api/v1/scorecard/measures/cla-at/children?at=${today}`);
    expect(all.status).toBe(200);
    const whole = all.body as { total: number; children: unknown[] };
    expect(whole.children).toHaveLength(whole.total);
    const sw = await signedIn(ownCaseloadApp, 'sw.demo');
    const mine = await sw.agent.get(`/scorecard/measures/cla-at/children?at=${today}`);
    expect(mine.status).toBe(200);
    const rows = cheerio.load(mine.text)('#children tbody tr').length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(whole.total);
    expect(mine.text).toContain('outside your caseload');
    expect(await auditCount('scorecard-children')).toBe(before + 2);
    expect((await sm.agent.get('/scorecard/measures/no-such-measure/children')).status).toBe(404);
  });

  it('exports CSV and XLSX', async () => {
    const { agent } = await signedIn(app, 'analyst.demo');
    const csv = await agent.get(`/scorecard?at=${today}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toContain('Measure id,Measure,Unit');
    expect(csv.text).toContain('cla-rate,"Children in care per 10,000 children"');
    const xlsx = await agent
      .get(`/scorecard?at=${today}&format=xlsx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          cb(null, Buffer.concat(chunks));
        });
      });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('is described in the OpenAPI document', async () => {
    const { agent } = await signedIn(app, 'analyst.demo');
    const doc = (await agent.get('/api/v1/openapi.json')).body as {
      paths: Record<string, unknown>;
    };
    const paths = Object.keys(doc.paths);
    expect(paths.some((p) => p.endsWith('/scorecard'))).toBe(true);
    expect(paths.some((p) => p.endsWith('/scorecard/measures/{id}/children'))).toBe(true);
  });

  it('refuses a date after today or before the record, on the page and in the API', async () => {
    const { agent } = await signedIn(app, 'sm.demo');
    const future = addDays(today, 1);
    const page = await agent.get(`/scorecard?at=${future}`);
    expect(page.status).toBe(400);
    expect(cheerio.load(page.text)('.govuk-error-summary').text()).toContain(
      'today or in the past',
    );
    const early = await agent.get('/scorecard?day=1&month=1&year=1990');
    expect(early.status).toBe(400);
    expect(early.text).toContain('when the first period of care in the record starts');
    const bad = await agent.get('/scorecard?day=31&month=2&year=2026');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter a real date');
    const api = await agent.get(`/api/v1/scorecard?at=${future}`);
    expect(api.status).toBe(400);
    expect((api.body as { errors: { field: string }[] }).errors[0]?.field).toBe('at');
  });

  it('a child population of zero gives no rate, with the reason', async () => {
    await t.db
      .insertInto('setting')
      .values({ key: 'measures.child_population', value: '0' })
      .execute();
    try {
      const { agent } = await signedIn(app, 'sm.demo');
      const res = await agent.get('/scorecard');
      expect(cheerio.load(res.text)('#measure-cla-rate').text()).toContain(
        'Child population is zero',
      );
    } finally {
      await t.db.deleteFrom('setting').where('key', '=', 'measures.child_population').execute();
    }
  });
});

describe('targets', () => {
  it('a service manager sets one; a stale version is refused with the current values', async () => {
    const { agent } = await signedIn(app, 'sm.demo');
    const form = await agent.get('/scorecard/measures/dental-checks/target');
    expect(form.status).toBe(200);
    const csrf = csrfFrom(form.text);
    const ok = await agent.post('/scorecard/measures/dental-checks/target').type('form').send({
      _csrf: csrf,
      target: '85',
      direction: 'at-least',
      amberWithin: '5',
      note: '',
      version: '0',
    });
    expect(ok.status).toBe(303);
    const stale = await agent.post('/scorecard/measures/dental-checks/target').type('form').send({
      _csrf: csrf,
      target: '99',
      direction: 'at-least',
      amberWithin: '1',
      note: '',
      version: '0',
    });
    expect(stale.status).toBe(409);
    expect(cheerio.load(stale.text)('#target').val()).toBe('85');
    const stored = await t.db
      .selectFrom('scorecard_target')
      .selectAll()
      .where('measure_id', '=', 'dental-checks')
      .executeTakeFirstOrThrow();
    expect([stored.target, stored.version]).toEqual([85, 1]);
    const bad = await agent
      .post('/scorecard/measures/dental-checks/target')
      .type('form')
      .send({ _csrf: csrf, target: 'lots', direction: '', amberWithin: '-1', version: '1' });
    expect(bad.status).toBe(400);
    const $ = cheerio.load(bad.text);
    expect($('.govuk-error-summary').text()).toContain('Enter the target as a number');
    expect($('.govuk-error-summary').text()).toContain('Select whether');
    const api = await agent
      .put('/api/v1/scorecard/measures/dental-checks/target')
      .set('x-csrf-token', csrf)
      .send({ target: 80, direction: 'at-least', amberWithin: 5, version: 0 });
    expect(api.status).toBe(409);
    expect((api.body as { current: { target: number } }).current.target).toBe(85);
  });

  it('a panel member or social worker cannot set targets', async () => {
    for (const who of ['panel.demo', 'sw.demo']) {
      const { agent } = await signedIn(app, who);
      expect((await agent.get('/scorecard/measures/cla-at/target')).status).toBe(403);
    }
  });

  it('comparator figures are added and shown with their source', async () => {
    const { agent } = await signedIn(app, 'analyst.demo');
    const form = await agent.get('/scorecard/measures/long-term-stability/target');
    const csrf = csrfFrom(form.text);
    const bad = await agent
      .post('/scorecard/measures/long-term-stability/comparators')
      .type('form')
      .send({ _csrf: csrf, area: '', value: 'x', period: '2025', source: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter the authority');
    const ok = await agent
      .post('/scorecard/measures/long-term-stability/comparators')
      .type('form')
      .send({
        _csrf: csrf,
        area: 'Test Neighbour',
        value: '64',
        period: '2025',
        source: 'Test publication',
      });
    expect(ok.status).toBe(303);
    const page = await agent.get('/scorecard/measures/long-term-stability');
    expect(cheerio.load(page.text)('#comparators').text()).toContain('Test Neighbour');
  });
});

describe('placement costs', () => {
  it('a placement officer records a cost; stale and malformed changes save nothing', async () => {
    const { agent } = await signedIn(app, 'po.demo');
    const list = await agent.get('/scorecard/costs?missing=yes');
    expect(list.status).toBe(200);
    const href = cheerio.load(list.text)('#costs tbody a').first().attr('href') ?? '';
    expect(href).toMatch(/^\/scorecard\/costs\/\d+$/);
    const id = Number(href.split('/').at(-1));
    const form = await agent.get(href);
    const $ = cheerio.load(form.text);
    const csrf = csrfFrom(form.text);
    const version = String($('input[name="version"]').val());
    const bad = await agent
      .post(href)
      .type('form')
      .send({ _csrf: csrf, weeklyCost: '£12.50', version });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('whole pounds');
    const ok = await agent
      .post(href)
      .type('form')
      .send({ _csrf: csrf, weeklyCost: '875', version });
    expect(ok.status).toBe(303);
    const stale = await agent
      .post(href)
      .type('form')
      .send({ _csrf: csrf, weeklyCost: '1', version });
    expect(stale.status).toBe(409);
    expect(cheerio.load(stale.text)('#weeklyCost').val()).toBe('875');
    const row = await t.db
      .selectFrom('placement')
      .select(['weekly_cost'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.weekly_cost).toBe(875);
    const audited = await t.db
      .selectFrom('audit_event')
      .select('child_id')
      .where('record_type', '=', 'placement')
      .where('action', '=', 'update')
      .where('record_id', '=', String(id))
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]?.child_id).not.toBeNull();
  });

  it('others cannot change costs; an unknown placement is not found', async () => {
    const sw = await signedIn(app, 'sw.demo');
    expect((await sw.agent.get('/scorecard/costs')).status).toBe(403);
    const po = await signedIn(app, 'po.demo');
    expect((await po.agent.get('/scorecard/costs/99999999')).status).toBe(404);
  });
});
