// Work trays on both engines: who sees what (filtered in SQL by scope), filters, CSV, the API,
// audit, recording an event clearing an item, and an extension moving a due date.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, addMonths, addWeeks } from '../../domain/dates/index.ts';
import { signedIn, testApp } from '../../platform/http/testing.ts';
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

interface Row {
  rule: string;
  item: string;
  whom: string;
  due: string;
}

function rows(html: string): Row[] {
  const $ = cheerio.load(html);
  return $('#items tbody tr')
    .toArray()
    .map((tr) => ({
      rule: $(tr).attr('data-rule') ?? '',
      item: $(tr).attr('data-item') ?? '',
      whom: $(tr).attr('data-whom') ?? '',
      due: $(tr).find('td').first().text().trim().split('\n')[0]?.trim() ?? '',
    }));
}

const count = (html: string, status: string) =>
  Number(cheerio.load(html)(`[data-count="${status}"]`).text().trim());

describe('My work (/work)', () => {
  it('a social worker sees only their allocated children, overdue first', async () => {
    const { agent } = await signedIn(app, 'sw.north');
    const res = await agent.get('/work');
    expect(res.status).toBe(200);
    const list = rows(res.text);
    expect(new Set(list.map((r) => r.whom))).toEqual(new Set(['AVA1']));
    // Ava: second review due 3 months after the first (held 190 days ago), visit 6 weeks after 195 days ago.
    expect(list).toContainEqual(
      expect.objectContaining({
        rule: 'lac-review',
        item: expect.stringMatching(/\/2$/) as string,
      }),
    );
    const $ = cheerio.load(res.text);
    const statuses = $('#items tbody tr td:first-child strong')
      .toArray()
      .map((e) => $(e).text().trim());
    const firstNotOverdue = statuses.findIndex((s) => s !== 'Overdue');
    expect(statuses.slice(firstNotOverdue).includes('Overdue')).toBe(false);
    expect(count(res.text, 'overdue')).toBeGreaterThan(0);
  });

  it('a worker from another team sees none of them', async () => {
    const { agent } = await signedIn(app, 'sw.south');
    const res = await agent.get('/work');
    expect(new Set(rows(res.text).map((r) => r.whom))).toEqual(new Set(['BEN1', 'DOT1']));
    const ext = await agent.get(
      `/work/extensions/new?child=${String(f.children.ava)}&rule=lac-review&item=x`,
    );
    expect(ext.status).toBe(404);
  });

  it('filters by duty, status, child and due date', async () => {
    const { agent } = await signedIn(app, 'sw.south');
    const visits = rows((await agent.get('/work?rule=sw-visit')).text);
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.every((r) => r.rule === 'sw-visit')).toBe(true);
    const ben = rows((await agent.get('/work?child=ben')).text);
    expect(new Set(ben.map((r) => r.whom))).toEqual(new Set(['BEN1']));
    const overdue = await agent.get('/work?status=overdue');
    expect(count(overdue.text, 'overdue')).toBe(rows(overdue.text).length);
    const soon = rows((await agent.get(`/work?dueBefore=${addDays(TODAY, 1)}`)).text);
    const all = rows((await agent.get('/work')).text);
    expect(soon.length).toBeLessThan(all.length);
    const bad = await agent.get('/work?dueBefore=31/2/2026&rule=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Due before must be a real date');
    expect(bad.text).toContain('Select a duty from the list');
  });

  it('downloads the items as CSV with the filters applied', async () => {
    const { agent } = await signedIn(app, 'sw.south');
    const res = await agent.get('/work?child=DOT1&rule=lac-review&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Due,Status,Duty,What,Child or household,ID,Worker,Counted from,Extension,Legal source',
    );
    // Dot came into care 100 days ago: first review due 20 working days later, not held.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^\d{4}-\d{2}-\d{2},Overdue,Looked-after review,First looked-after review,Dot Example,DOT1,Sol South,Period of care started .*,,"Care Planning, Placement and Case Review \(England\) Regulations 2010, reg 33"$/,
    );
  });

  it('the API answers the same items, and each view is audited', async () => {
    const { agent } = await signedIn(app, 'sw.north');
    const res = await agent.get('/api/v1/work/mine?status=overdue');
    expect(res.status).toBe(200);
    const body = res.body as {
      items: { whom: { localId: string }; status: string }[];
      total: number;
    };
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((i) => i.whom.localId === 'AVA1' && i.status === 'overdue')).toBe(true);
    const events = await conn.db
      .selectFrom('audit_event')
      .select(['action', 'record_type', 'record_id'])
      .where('record_type', '=', 'due-items')
      .where('actor_name', '=', 'sw.north')
      .execute();
    expect(events).toContainEqual({ action: 'list', record_type: 'due-items', record_id: 'mine' });
  });
});

describe('recording the event clears the item', () => {
  it('an overdue visit goes once the visit is recorded through the form', async () => {
    const { agent, csrf } = await signedIn(app, 'sw.north');
    const before = rows((await agent.get('/work?rule=sw-visit&status=overdue')).text);
    expect(before).toHaveLength(1);
    const form = await agent.get(`/children/${String(f.children.ava)}/visits/new`);
    expect(form.status).toBe(200);
    const [y, m, d] = TODAY.split('-');
    const post = await agent
      .post(`/children/${String(f.children.ava)}/visits/new`)
      .type('form')
      .send({
        _csrf: csrf,
        'visitDate-day': d,
        'visitDate-month': m,
        'visitDate-year': y,
        seen: 'yes',
        seenAlone: 'yes',
      });
    expect(post.status).toBe(303);
    const after = rows((await agent.get('/work?rule=sw-visit')).text);
    expect(after).toEqual([expect.objectContaining({ rule: 'sw-visit', whom: 'AVA1' })]);
    const api = await agent.get('/api/v1/work/mine?rule=sw-visit');
    const items = (api.body as { items: { due: string; status: string }[] }).items;
    expect(items).toEqual([
      expect.objectContaining({ due: addWeeks(TODAY, 6), status: 'upcoming' }),
    ]);
  });
});

describe('extensions', () => {
  it('a granted extension moves the due date; a form without a reason is refused', async () => {
    const { agent, csrf } = await signedIn(app, 'sw.north');
    const api = await agent.get('/api/v1/work/mine?rule=lac-review');
    const review = (api.body as { items: { item: string; due: string; status: string }[] })
      .items[0];
    expect(review).toMatchObject({ due: addMonths(daysAgo(190), 3), status: 'overdue' });
    const url = `/work/extensions/new?child=${String(f.children.ava)}&rule=lac-review&item=${encodeURIComponent(review?.item ?? '')}`;
    expect((await agent.get(url)).status).toBe(200);
    const newDue = addDays(TODAY, 20);
    const [ny, nm, nd] = newDue.split('-');
    const [ty, tm, td] = TODAY.split('-');
    const body = {
      _csrf: csrf,
      decision: 'granted',
      kind: 'extension',
      'newDue-day': nd,
      'newDue-month': nm,
      'newDue-year': ny,
      authorisedBy: String(f.users.tmNorth),
      'authorisedOn-day': td,
      'authorisedOn-month': tm,
      'authorisedOn-year': ty,
    };
    const missing = await agent
      .post(url)
      .type('form')
      .send({ ...body, reason: ' ' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('Enter the reason');
    expect(await conn.db.selectFrom('timescale_extension').select('id').execute()).toHaveLength(0);
    const ok = await agent
      .post(url)
      .type('form')
      .send({ ...body, reason: 'Child in hospital; review moved with the IRO' });
    expect(ok.status).toBe(303);
    const after = await agent.get('/api/v1/work/mine?rule=lac-review');
    const moved = (
      after.body as {
        items: {
          due: string;
          status: string;
          extension: { originalDue: string; authorisedBy: string };
        }[];
      }
    ).items[0];
    expect(moved).toMatchObject({
      due: newDue,
      status: 'upcoming',
      extension: { originalDue: review?.due, authorisedBy: 'Tom Northman' },
    });
  });
});

describe('the other trays', () => {
  it('an IRO sees review items for their children only', async () => {
    const { agent } = await signedIn(app, 'iro.one');
    const list = rows((await agent.get('/work/reviews')).text);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.rule === 'lac-review' && r.whom === 'AVA1')).toBe(true);
  });

  it('a team manager sees overdue items by worker and drills down', async () => {
    const { agent } = await signedIn(app, 'tm.north');
    const res = await agent.get('/work/team');
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    const workers = $('#by-worker tbody tr')
      .toArray()
      .map((tr) => $(tr).find('th').text().trim());
    // Cal, a care leaver in the team with a personal adviser but no social worker, is counted
    // as not allocated.
    expect(new Set(workers)).toEqual(new Set(['Nia North', 'Not allocated']));
    const drill = await agent.get(`/work/team?worker=${String(f.users.swNorth)}&status=overdue`);
    expect(new Set(rows(drill.text).map((r) => r.whom))).toEqual(new Set(['AVA1']));
    const south = await signedIn(app, 'tm.south');
    const theirs = rows((await south.agent.get('/work/team')).text);
    expect(theirs.some((r) => r.whom === 'AVA1')).toBe(false);
    const sw = await signedIn(app, 'sw.north');
    expect((await sw.agent.get('/work/team')).status).toBe(403);
  });

  it('a personal adviser sees pathway plans and contacts for their care leavers', async () => {
    const { agent } = await signedIn(app, 'pa.one');
    const list = rows((await agent.get('/work/care-leavers?status=overdue')).text);
    expect(new Set(list.map((r) => r.rule))).toEqual(
      // Support began at 18, a year and 10 days ago: the first pathway plan review (6 months), the
      // first contact (2 months) and the 18th birthday contact (due a month after it) are overdue.
      new Set(['pathway-plan-review', 'pa-contact', 'care-leaver-birthday-contact']),
    );
    expect(list.every((r) => r.whom === 'CAL1')).toBe(true);
  });

  it('a fostering worker sees carer reviews and connected-person clocks', async () => {
    const { agent } = await signedIn(app, 'fw.one');
    const res = await agent.get('/work/fostering');
    const list = rows(res.text);
    expect(list).toEqual([
      expect.objectContaining({ rule: 'foster-carer-review', whom: String(f.households.oak) }),
      expect.objectContaining({
        rule: 'connected-person-approval',
        whom: String(f.households.kin),
        item: `child-DOT1/${daysAgo(100)}`,
      }),
    ]);
    const sw = await signedIn(app, 'sw.north');
    expect((await sw.agent.get('/work/fostering')).status).toBe(403);
  });

  it('the home page counts each role’s items', async () => {
    const { agent } = await signedIn(app, 'pa.one');
    const home = await agent.get('/');
    expect(home.text).toMatch(/\d+ items? overdue/);
    expect(cheerio.load(home.text)('a[href="/work/care-leavers?status=overdue"]').length).toBe(1);
  });
});
