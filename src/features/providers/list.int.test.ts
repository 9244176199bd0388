// The providers list: search, filters, paging in SQL, bad input and who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { signedIn, testApp } from '../../platform/http/testing.ts';
import { seedCareFixture } from '../children/testData.ts';

let t: TestDb;
let app: Express;

beforeAll(async () => {
  t = await freshDb();
  await seedCareFixture(t);
  // 55 more private providers (two pages), one with an underscore in its name.
  await t.db
    .insertInto('provider')
    .values(
      Array.from({ length: 55 }, (_v, i) => ({
        name: i === 0 ? 'Under_score Care' : `Zeta Care ${String(i).padStart(2, '0')}`,
        kind: 'private' as const,
        grade: i % 2 ? ('good' as const) : ('outstanding' as const),
        weekly_fee: i === 1 ? 5950 : null,
      })),
    )
    .execute();
  app = testApp(t);
});
afterAll(async () => {
  await t.dispose();
});

describe('providers list', () => {
  it('searches by name, showing homes, beds and children placed now', async () => {
    const po = await signedIn(app, 'po.one');
    const res = await po.agent.get('/providers?q=example');
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text.replace(/<br>/g, ' '));
    expect(
      $('tbody tr')
        .map((_i, tr) => $(tr).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['Example Care Homes Ltd LS1 Private None recorded 1 4 1 Not known']);
  });

  it('treats % and _ in a search as letters', async () => {
    const po = await signedIn(app, 'po.one');
    const res = await po.agent.get('/api/v1/providers?q=r_s');
    expect(res.body).toMatchObject({ total: 1, providers: [{ name: 'Under_score Care' }] });
  });

  it('filters by kind and grade and pages 50 at a time', async () => {
    const po = await signedIn(app, 'po.one');
    const first = await po.agent.get('/api/v1/providers?kind=private');
    expect(first.body).toMatchObject({ total: 56, page: 1, pageSize: 50 });
    expect((first.body as { providers: unknown[] }).providers).toHaveLength(50);
    const second = await po.agent.get('/api/v1/providers?kind=private&page=2');
    expect((second.body as { providers: { name: string }[] }).providers.map((p) => p.name)).toEqual(
      [
        'Zeta Care 49',
        'Zeta Care 50',
        'Zeta Care 51',
        'Zeta Care 52',
        'Zeta Care 53',
        'Zeta Care 54',
      ],
    );
    const good = await po.agent.get('/api/v1/providers?grade=good&q=zeta');
    expect(good.body).toMatchObject({ total: 27 });
    expect(
      (good.body as { providers: { weeklyFee: number | null }[] }).providers[0]?.weeklyFee,
    ).toBe(5950);
    const page = await po.agent.get('/providers?kind=private&page=2');
    expect(cheerio.load(page.text)('.govuk-pagination__prev a').attr('href')).toBe(
      '/providers?kind=private',
    );
  });

  it('answers bad filters with a GOV.UK error (page) and a 400 field list (API)', async () => {
    const po = await signedIn(app, 'po.one');
    const page = await po.agent.get('/providers?kind=castle');
    expect(page.status).toBe(400);
    expect(cheerio.load(page.text)('.govuk-error-summary li').text().trim()).toBe(
      'Select a kind of provider from the list',
    );
    const api = await po.agent.get('/api/v1/providers?grade=excellent');
    expect(api.status).toBe(400);
    expect((api.body as { errors: { field: string }[] }).errors[0]?.field).toBe('query.grade');
  });

  it('links an agency, and only an agency, to its languages and religions for matching', async () => {
    const po = await signedIn(app, 'po.one');
    const [agency] = await t.db
      .insertInto('provider')
      .values({ name: 'Northern Fostering Agency', kind: 'ifa' })
      .returning('id')
      .execute();
    const other = await t.db
      .selectFrom('provider')
      .select('id')
      .where('name', '=', 'Under_score Care')
      .executeTakeFirstOrThrow();
    const link = async (id: number) =>
      cheerio
        .load((await po.agent.get(`/providers/${String(id)}`)).text)(
          'a:contains("Languages and religions")',
        )
        .attr('href');
    expect(await link(agency?.id ?? 0)).toBe(`/placement-options/provider:${String(agency?.id)}`);
    expect(await link(other.id)).toBeUndefined();
  });

  it('refuses people without placement:read', async () => {
    const panel = await signedIn(app, 'panel.one');
    expect((await panel.agent.get('/providers')).status).toBe(403);
    expect((await panel.agent.get('/api/v1/providers')).status).toBe(403);
  });
});
