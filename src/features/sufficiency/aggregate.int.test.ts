// The figures worked out in SQL (aggregate.ts) against the pure reference (compute.ts) over a demo
// authority: every count, weekly cost and "cost not known", and every drill-down's children, must
// be the same. Then the drill-down's pages and its CSV, as a user meets them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { sql } from 'kysely';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { demoLocalPostcodes, loadLocalPostcodes } from '../children/localPostcodes.ts';
import { seedDemo } from '../demo/write.ts';
import { placedInService } from '../homes/occupancy.ts';
import { countFigures, figureChildren, FIGURES } from './aggregate.ts';
import { computeSufficiency, figureByKey } from './compute.ts';
import { loadCapacity, loadChildren } from './load.ts';

let t: TestDb;
let app: Express;
const today = todayInLondon(new Date());

beforeAll(async () => {
  t = await freshDb();
  await addUser(t, 'sm.demo', ['service_manager']);
  await addUser(t, 'panel.demo', ['panel_member']);
  await seedDemo(t.db, { scale: 0.1, seed: 903 });
  await loadLocalPostcodes(t.db, demoLocalPostcodes());
  app = testApp(t);
}, 240_000);

afterAll(async () => {
  await (t as TestDb | undefined)?.dispose();
});

async function auditCount(action: string, recordType: string): Promise<number> {
  const r = await t.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('action', '=', action)
    .where('record_type', '=', recordType)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('sufficiency figures in SQL', () => {
  it('gives every figure the same count, cost and children as the reference computation', async () => {
    const [rows, capacity] = await Promise.all([
      loadChildren(t.db, today),
      loadCapacity(t.db, today),
    ]);
    const reference = computeSufficiency(rows, capacity, today);
    const counted = await countFigures(t.db, today);
    expect(counted.total.count).toBeGreaterThan(100);
    const groups = ['age', 'need', 'placementType', 'provision', 'location', 'fragile'] as const;
    for (const g of groups) {
      expect(counted[g].map((f) => f.key)).toEqual(reference[g].map((f) => f.key));
      for (const [i, f] of counted[g].entries()) {
        const r = reference[g][i];
        expect({ key: f.key, label: f.label, count: f.count }).toEqual({
          key: r?.key,
          label: r?.label,
          count: r?.count,
        });
        expect([f.weeklyCost, f.costNotKnown]).toEqual([r?.weeklyCost, r?.costNotKnown]);
      }
    }
    expect(counted.capacity).toEqual(
      reference.capacity.map(({ childIds, ...c }) => ({
        ...c,
        drillable: c.used !== null && childIds.length === c.used,
      })),
    );
    // The demo has something in the figures that are easy to get wrong.
    const byKey = (k: string) =>
      [...counted.location, ...counted.fragile, ...counted.provision].find((f) => f.key === k);
    expect(byKey('location:far')?.count).toBeGreaterThan(0);
    expect(byKey('location:outside')?.count).toBeGreaterThan(0);
    expect(byKey('fragile:any')?.count).toBeGreaterThan(0);
    expect(byKey('provision:external')?.costNotKnown).toBeGreaterThan(0);

    for (const def of FIGURES) {
      const ref = figureByKey(reference, def.key);
      if (!ref) throw new Error(`no reference figure ${def.key}`);
      const found = await figureChildren(t.db, def, today, sql`true`, { limit: null, offset: 0 });
      expect({ key: def.key, ids: found.rows.map((r) => r.id).sort((a, b) => a - b) }).toEqual({
        key: def.key,
        ids: [...ref.childIds].sort((a, b) => a - b),
      });
      expect(found.total).toBe(ref.childIds.length);
    }
  });
});

describe('the demo’s supported accommodation and homes', () => {
  it('links supported placements to their service, none over full, counted once in capacity', async () => {
    const { rows } = await sql<{ places: number; placed: number }>`
      select sa.places, ${placedInService('sa', today)} as placed
      from supported_accommodation sa`.execute(t.db);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.placed > r.places)).toEqual([]);
    const placed = rows.reduce((n, r) => n + r.placed, 0);
    expect(placed).toBeGreaterThan(0);
    const capacity = await loadCapacity(t.db, today);
    expect([capacity.supportedPlaces, capacity.supportedPlaced]).toEqual([
      rows.reduce((n, r) => n + r.places, 0),
      placed,
    ]);
    const unlinked = await t.db
      .selectFrom('placement')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('place_type', 'in', ['K3', 'H5'])
      .where('supported_accommodation_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(unlinked.n).toBe(0);
  });

  it('gives every in-house home Regulation 45 reviews, with one home’s review overdue', async () => {
    const sm = await signedIn(app, 'sm.demo');
    const homes = (await sm.agent.get('/api/v1/homes')).body as {
      homes: { reg45: { lastPeriodEnd: string | null; reviewOverdue: boolean } }[];
    };
    expect(homes.homes.length).toBeGreaterThan(2);
    expect(homes.homes.every((h) => h.reg45.lastPeriodEnd !== null)).toBe(true);
    expect(homes.homes.filter((h) => h.reg45.reviewOverdue)).toHaveLength(1);
  });
});

describe('drill-down pages and CSV', () => {
  it('lists 50 children a page by name, with links between pages; past the last page is not found', async () => {
    const sm = await signedIn(app, 'sm.demo');
    const api = await sm.agent.get('/api/v1/sufficiency/children?figure=total');
    expect(api.status).toBe(200);
    const body = api.body as { total: number; inScope: number; pages: number; children: unknown[] };
    expect(body.inScope).toBe(body.total);
    expect(body.children).toHaveLength(50);
    expect(body.pages).toBe(Math.ceil(body.total / 50));
    const p1 = cheerio.load((await sm.agent.get('/sufficiency/children?figure=total')).text);
    const p2res = await sm.agent.get('/sufficiency/children?figure=total&page=2');
    expect(p2res.status).toBe(200);
    const p2 = cheerio.load(p2res.text);
    expect(p1('tbody tr').length).toBe(50);
    expect(p2('body').text()).toContain(`Showing 51 to 100 of the ${String(body.total)}`);
    expect(p1('.govuk-pagination__next a').attr('href')).toBe(
      '/sufficiency/children?figure=total&page=2',
    );
    expect(p2('.govuk-pagination__prev a').attr('href')).toBe(
      '/sufficiency/children?figure=total&page=1',
    );
    const first = p1('tbody tr td:nth-child(2)').first().text();
    expect(
      p2('tbody tr td:nth-child(2)')
        .map((_, e) => p2(e).text())
        .get(),
    ).not.toContain(first);
    const last = body.pages + 1;
    expect(
      (await sm.agent.get(`/sufficiency/children?figure=total&page=${String(last)}`)).status,
    ).toBe(404);
    expect((await sm.agent.get('/sufficiency/children?figure=total&page=two')).status).toBe(404);
    const bad = await sm.agent.get('/api/v1/sufficiency/children?figure=total&page=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('page');
  });

  it('exports every child of one figure as CSV for staff with child access, audited', async () => {
    const sm = await signedIn(app, 'sm.demo');
    const fig = (await sm.agent.get('/api/v1/sufficiency/children?figure=location:far')).body as {
      inScope: number;
    };
    expect(fig.inScope).toBeGreaterThan(0);
    const before = await auditCount('export', 'child');
    const res = await sm.agent.get('/sufficiency/children.csv?figure=location:far');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe('local id,name,age,placement,placement area');
    expect(lines).toHaveLength(fig.inScope + 1);
    expect(await auditCount('export', 'child')).toBe(before + 1);
    const api = await sm.agent.get('/api/v1/sufficiency/children/csv?figure=location:far');
    expect(api.status).toBe(200);
    expect(api.text).toBe(res.text);
    expect((await sm.agent.get('/sufficiency/children.csv?figure=nothing:here')).status).toBe(404);
    const panel = await signedIn(app, 'panel.demo');
    expect((await panel.agent.get('/sufficiency/children.csv?figure=total')).status).toBe(403);
    expect((await panel.agent.get('/api/v1/sufficiency/children/csv?figure=total')).status).toBe(
      403,
    );
  });
});
