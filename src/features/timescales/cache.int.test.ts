// The per-child due-item cache on both engines: a write to any fact bumps the child's version in
// the writer's transaction (and a rolled-back write does not), a stale row is recomputed so a
// recorded event clears its item at once, items computed from facts older than the current
// version are never stored, a new day recomputes, and the whole authority's team view shows
// counts by worker without items until a worker is chosen.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { sql, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays } from '../../domain/dates/index.ts';
import { signedIn, testApp } from '../../platform/http/testing.ts';
import { openChildItems, storeOpenItems } from './cache.ts';
import { daysAgo, seedWork, TODAY, type WorkFixture } from './testData.ts';

let conn: TestDb;
let app: Express;
let f: WorkFixture;

beforeAll(async () => {
  conn = await freshDb();
  f = await seedWork(conn);
  app = testApp(conn);
}, 180_000);

afterAll(async () => {
  await (conn as TestDb | undefined)?.dispose();
});

const ava = () => sql<SqlBool>`child.id = ${f.children.ava}`;

async function avaItems(today = TODAY) {
  const map = await conn.db.transaction().execute((trx) => openChildItems(trx, ava(), today));
  return map.get(f.children.ava) ?? [];
}

async function row() {
  return conn.db
    .selectFrom('due_item_cache')
    .select(['facts_version', 'computed_version', 'computed_on', 'overdue', 'due', 'upcoming'])
    .where('child_id', '=', f.children.ava)
    .executeTakeFirstOrThrow();
}

describe('the due-item cache', () => {
  it('stores items once computed and answers from the row while the facts are unchanged', async () => {
    const items = await avaItems();
    expect(items.some((i) => i.rule === 'sw-visit' && i.status === 'overdue')).toBe(true);
    const r = await row();
    expect(r.computed_version).toBe(r.facts_version);
    expect(r.computed_on).toBe(TODAY);
    expect(r.overdue).toBe(items.filter((i) => i.status === 'overdue').length);
    // Answered from the row: change the stored items behind the engine's back and see them.
    await sql`update due_item_cache set items = '[]'::jsonb where child_id = ${f.children.ava}`.execute(
      conn.db,
    );
    expect(await avaItems()).toEqual([]);
    // A new day is computed afresh.
    expect((await avaItems(addDays(TODAY, 1))).length).toBeGreaterThan(0);
  });

  it('a write to a fact, from any code, makes the row stale in the same transaction; a rollback does not', async () => {
    await avaItems();
    const before = await row();
    await expect(
      conn.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('visit')
          .values({ child_id: f.children.ava, visit_date: TODAY, seen: true, seen_alone: true })
          .execute();
        const inside = await trx
          .selectFrom('due_item_cache')
          .select('facts_version')
          .where('child_id', '=', f.children.ava)
          .executeTakeFirstOrThrow();
        expect(inside.facts_version).toBe(before.facts_version + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await row()).facts_version).toBe(before.facts_version);
    expect((await avaItems()).some((i) => i.rule === 'sw-visit' && i.status === 'overdue')).toBe(
      true,
    );

    await conn.db
      .insertInto('visit')
      .values({ child_id: f.children.ava, visit_date: TODAY, seen: true, seen_alone: true })
      .execute();
    const stale = await row();
    expect(stale.facts_version).toBe(before.facts_version + 1);
    expect(stale.computed_version).not.toBe(stale.facts_version);
    // The visit clears the overdue visit at once.
    const after = await avaItems();
    expect(after.some((i) => i.rule === 'sw-visit' && i.status === 'overdue')).toBe(false);
    expect(after.find((i) => i.rule === 'sw-visit')?.basis).toContain('Child last seen');
  });

  it('deleting or updating a fact, or changing the date of birth, makes the row stale', async () => {
    for (const write of [
      () =>
        conn.db
          .updateTable('visit')
          .set({ seen_alone: false })
          .where('child_id', '=', f.children.ava)
          .execute(),
      () =>
        conn.db
          .deleteFrom('visit')
          .where('child_id', '=', f.children.ava)
          .where('visit_date', '=', TODAY)
          .execute(),
      () =>
        conn.db
          .updateTable('child')
          .set({ date_of_birth: daysAgo(3000) })
          .where('id', '=', f.children.ava)
          .execute(),
    ]) {
      await avaItems();
      const before = await row();
      await write();
      expect((await row()).facts_version).toBe(before.facts_version + 1);
    }
    // Changing a child's name does not touch their items.
    await avaItems();
    const before = await row();
    await conn.db
      .updateTable('child')
      .set({ first_name: 'Ava' })
      .where('id', '=', f.children.ava)
      .execute();
    expect((await row()).facts_version).toBe(before.facts_version);
  });

  it('items computed from facts older than the current version are not stored', async () => {
    await avaItems();
    const v = (await row()).facts_version;
    await conn.db
      .insertInto('review')
      .values({
        child_id: f.children.ava,
        due_date: null,
        held_date: TODAY,
        participation: 'PN1',
        iro_id: f.users.iro,
      })
      .execute();
    // A reader that saw version v before the review was recorded tries to store its items.
    const stored = await conn.db
      .transaction()
      .execute((trx) =>
        storeOpenItems(trx, [{ child_id: f.children.ava, v, items: [] }], addDays(TODAY, 2)),
      );
    expect(stored).toBe(0);
    const r = await row();
    expect(r.facts_version).toBe(v + 1);
    expect(r.computed_on).not.toBe(addDays(TODAY, 2));
  });
});

describe('the whole authority’s team view', () => {
  it('shows counts by worker and no items until a worker is chosen', async () => {
    const { agent } = await signedIn(app, 'sm.one');
    const res = await agent.get('/work/team');
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('#items').length).toBe(0);
    expect($('#summary-note').text()).toContain('Choose a worker');
    const workers = $('#by-worker tbody tr th')
      .toArray()
      .map((th) => $(th).text().trim());
    expect(workers).toEqual(expect.arrayContaining(['Nia North', 'Sol South']));
    const overdue = Number($('[data-count="overdue"]').text().trim());
    const byWorker = $('#by-worker tbody tr td:nth-of-type(1)')
      .toArray()
      .reduce((n, td) => n + Number($(td).text().replace(/\D/g, '')), 0);
    expect(overdue).toBe(byWorker);

    const drill = await agent.get(`/work/team?worker=${String(f.users.swSouth)}`);
    const d = cheerio.load(drill.text);
    const whom = new Set(
      d('#items tbody tr')
        .toArray()
        .map((tr) => d(tr).attr('data-whom')),
    );
    expect(whom).toEqual(new Set(['BEN1', 'DOT1']));
    // Drilling into one worker of the whole authority loads only their children: no worker table.
    expect(d('#by-worker').length).toBe(0);

    const api = await agent.get('/api/v1/work/team');
    expect(api.body).toMatchObject({ summary: true, items: [] });
    expect((api.body as { counts: { overdue: number } }).counts.overdue).toBe(overdue);
  });
});
