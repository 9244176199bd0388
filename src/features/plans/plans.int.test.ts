// Action plans on both engines: who may read and write, the forms (GOV.UK errors, optimistic
// locking), RAG history, filters, the all-or-nothing CSV import (page, API), audit, the demo plans.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addMonths, todayInLondon } from '../../domain/dates/index.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { makeCommand } from '../../cli/commands/plans.ts';
import type { CliIo } from '../../cli/command.ts';
import { addDemoPlans } from './demo.ts';

let conn: TestDb;
let app: Express;
let smId: number;
let strategyId: number;
const today = todayInLondon(new Date());

beforeAll(async () => {
  conn = await freshDb();
  smId = await addUser(conn, 'sm.plan', ['service_manager'], { displayName: 'Sara Manager' });
  await addUser(conn, 'an.plan', ['analyst'], { displayName: 'Ana Lyst' });
  await addUser(conn, 'panel.plan', ['panel_member']);
  await addUser(conn, 'tm.plan', ['team_manager']);
  await addUser(conn, 'sw.plan', ['social_worker']);
  app = testApp(conn);
}, 180_000);

afterAll(async () => {
  await (conn as TestDb | undefined)?.dispose();
});

const $ = (html: string) => cheerio.load(html);
const problemFields = (body: unknown) =>
  (body as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
const errorSummary = (html: string) =>
  $(html)('.govuk-error-summary li')
    .toArray()
    .map((li) => $(html)(li).text().trim());
const countRows = async (table: 'plan_action' | 'plan_update' | 'plan_rag_change') =>
  (
    await conn.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

async function csrfOf(agent: Awaited<ReturnType<typeof signedIn>>['agent'], path: string) {
  const page = await agent.get(path);
  expect(page.status).toBe(200);
  return { csrf: String($(page.text)('input[name="_csrf"]').val()), page };
}

describe('strategies and actions through the pages', () => {
  it('a service manager adds a plan; the same name again is a GOV.UK error', async () => {
    const { agent } = await signedIn(app, 'sm.plan');
    const { csrf } = await csrfOf(agent, '/plans/new');
    const res = await agent
      .post('/plans/new')
      .type('form')
      .send({ _csrf: csrf, name: 'Improvement Plan', kind: 'improvement', description: '' });
    expect(res.status).toBe(303);
    strategyId = Number(/\/plans\/(\d+)$/.exec(res.headers.location ?? '')?.[1]);
    expect(strategyId).toBeGreaterThan(0);
    const again = await agent
      .post('/plans/new')
      .type('form')
      .send({ _csrf: csrf, name: 'improvement plan', kind: 'improvement' });
    expect(again.status).toBe(400);
    expect(errorSummary(again.text)).toEqual([
      'A plan with this name already exists: choose another name',
    ]);
    const empty = await agent.post('/plans/new').type('form').send({ _csrf: csrf, name: ' ' });
    expect(errorSummary(empty.text)).toEqual(['Enter the name', 'Select what kind of plan it is']);
  });

  it('refuses a malformed action with every field named and saves nothing', async () => {
    const { agent } = await signedIn(app, 'sm.plan');
    const { csrf } = await csrfOf(agent, `/plans/${String(strategyId)}/actions/new`);
    const before = await countRows('plan_action');
    const res = await agent
      .post(`/plans/${String(strategyId)}/actions/new`)
      .type('form')
      .send({
        _csrf: csrf,
        title: '',
        ownerId: '',
        'dueDate-day': '31',
        'dueDate-month': '2',
        'dueDate-year': '2027',
        rag: 'purple',
        measureIds: ['cla-rate', 'no-such-measure'],
      });
    expect(res.status).toBe(400);
    expect(errorSummary(res.text)).toEqual([
      'Enter the action',
      'Select the owner',
      'Enter the due date as a real date',
      'Select measures from the list',
      'Select a RAG rating',
    ]);
    expect(await countRows('plan_action')).toBe(before);
  });

  let actionId: number;
  it('adds an action, then a progress update that turns it green, kept in the RAG history', async () => {
    const { agent } = await signedIn(app, 'sm.plan');
    const { csrf } = await csrfOf(agent, `/plans/${String(strategyId)}/actions/new`);
    const created = await agent
      .post(`/plans/${String(strategyId)}/actions/new`)
      .type('form')
      .send({
        _csrf: csrf,
        theme: 'Workforce',
        title: 'Recruit permanent social workers',
        ownerId: String(smId),
        'dueDate-day': '1',
        'dueDate-month': '1',
        'dueDate-year': '2020',
        rag: 'amber',
        measureIds: 'caseload-per-worker',
      });
    expect(created.status).toBe(303);
    actionId = Number(/(\d+)$/.exec(created.headers.location ?? '')?.[1]);
    const page = await agent.get(`/plans/actions/${String(actionId)}`);
    expect(page.text).toContain('Overdue');
    expect(page.text).toContain('Children in care per allocated social worker');

    const form = await csrfOf(agent, `/plans/actions/${String(actionId)}/updates/new`);
    const version = String(form.page.text.match(/name="version" value="(\d+)"/)?.[1]);
    const update = await agent
      .post(`/plans/actions/${String(actionId)}/updates/new`)
      .type('form')
      .send({
        _csrf: form.csrf,
        version,
        'date-day': today.slice(8),
        'date-month': today.slice(5, 7),
        'date-year': today.slice(0, 4),
        text: 'Twelve social workers appointed',
        rag: 'green',
      });
    expect(update.status).toBe(303);
    const after = $((await agent.get(`/plans/actions/${String(actionId)}`)).text);
    expect(after('#updates tbody tr').first().text()).toContain('Twelve social workers appointed');
    const history = after('#history tbody tr')
      .toArray()
      .map((tr) =>
        after(tr)
          .find('td')
          .toArray()
          .slice(1, 4)
          .map((td) => after(td).text().trim()),
      );
    expect(history).toEqual([
      ['Amber', 'Green', 'Sara Manager'],
      ['First rating', 'Amber', 'Sara Manager'],
    ]);

    // The same form again, with the version it was opened with: a conflict, nothing saved.
    const updatesBefore = await countRows('plan_update');
    const stale = await agent
      .post(`/plans/actions/${String(actionId)}/updates/new`)
      .type('form')
      .send({
        _csrf: form.csrf,
        version,
        'date-day': '1',
        'date-month': '1',
        'date-year': '2026',
        text: 'Old news',
        rag: 'red',
      });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('changed by someone else since you opened it');
    expect(stale.text).toContain('Twelve social workers appointed');
    expect(await countRows('plan_update')).toBe(updatesBefore);

    const future = await agent
      .post(`/plans/actions/${String(actionId)}/updates/new`)
      .type('form')
      .send({
        _csrf: form.csrf,
        version: String(Number(version) + 1),
        'date-day': '1',
        'date-month': '1',
        'date-year': String(Number(today.slice(0, 4)) + 1),
        text: 'Not yet',
        rag: 'green',
      });
    expect(future.status).toBe(400);
    expect(errorSummary(future.text)).toEqual([
      'The date of the update must be today or in the past',
    ]);
  });

  it('a stale edit answers 409 with the stored values and changes nothing', async () => {
    const { agent } = await signedIn(app, 'sm.plan');
    const { csrf } = await csrfOf(agent, `/plans/actions/${String(actionId)}/edit`);
    const res = await agent
      .post(`/plans/actions/${String(actionId)}/edit`)
      .type('form')
      .send({ _csrf: csrf, version: '1', title: 'Renamed', ownerId: String(smId) });
    expect(res.status).toBe(409);
    expect($(res.text)('#title').text()).toBe('Recruit permanent social workers');
    const row = await conn.db
      .selectFrom('plan_action')
      .select(['title', 'version'])
      .where('id', '=', actionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Recruit permanent social workers', version: 2 });
    const ok = await agent
      .post(`/plans/actions/${String(actionId)}/edit`)
      .type('form')
      .send({
        _csrf: csrf,
        version: '2',
        title: 'Renamed',
        ownerId: String(smId),
        'dueDate-day': '1',
        'dueDate-month': '1',
        'dueDate-year': '2020',
      });
    expect(ok.status).toBe(303);
    const audited = await conn.db
      .selectFrom('audit_event')
      .select(['action', 'record_type'])
      .where('record_type', '=', 'plan_action')
      .where('record_id', '=', String(actionId))
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('filters a strategy’s actions by RAG, owner and overdue', async () => {
    const { agent } = await signedIn(app, 'an.plan');
    const api = await agent
      .post(`/api/v1/plans/${String(strategyId)}/actions`)
      .set('x-csrf-token', (await signedIn(app, 'an.plan')).csrf);
    expect(api.status).toBe(403); // CSRF token of another session
    const { csrf } = await csrfOf(agent, '/plans');
    const add = await agent
      .post(`/api/v1/plans/${String(strategyId)}/actions`)
      .set('x-csrf-token', csrf)
      .send({ title: 'Ongoing red', ownerId: smId, dueDate: null, rag: 'red' });
    expect(add.status).toBe(201);
    const titles = async (q: string) =>
      $((await agent.get(`/plans/${String(strategyId)}?${q}`)).text)('#actions tbody tr a')
        .toArray()
        .map((a) => $('')(a).text());
    expect(await titles('rag=red')).toEqual(['Ongoing red']);
    expect(await titles('overdue=yes')).toEqual(['Renamed']);
    expect(await titles('overdue=no')).toEqual(['Ongoing red']);
    expect(await titles(`owner=${String(smId)}&rag=green`)).toEqual(['Renamed']);
  });
});

describe('permissions', () => {
  it('a panel member reads plans but may not change them; a social worker may not see them', async () => {
    const panel = await signedIn(app, 'panel.plan');
    expect((await panel.agent.get('/plans')).status).toBe(200);
    expect((await panel.agent.get(`/plans/${String(strategyId)}`)).text).toContain('Renamed');
    expect((await panel.agent.get(`/plans/${String(strategyId)}/actions/new`)).status).toBe(403);
    const api = await panel.agent
      .post('/api/v1/plans')
      .set('x-csrf-token', panel.csrf)
      .send({ name: 'X', kind: 'other' });
    expect(api.status).toBe(403);
    const tm = await signedIn(app, 'tm.plan');
    expect((await tm.agent.get('/plans')).status).toBe(200);
    expect((await tm.agent.get(`/plans/${String(strategyId)}/import`)).status).toBe(403);
    const sw = await signedIn(app, 'sw.plan');
    expect((await sw.agent.get('/plans')).status).toBe(403);
    expect((await sw.agent.get('/api/v1/plans')).status).toBe(403);
    expect((await panel.agent.get('/plans/999999')).status).toBe(404);
  });
});

describe('the API', () => {
  it('answers 409 with the current action for a stale version, 400 with the field list for bad input', async () => {
    const { agent, csrf } = await signedIn(app, 'sm.plan');
    const list = await agent.get('/api/v1/plans');
    expect(list.body).toEqual([
      {
        id: strategyId,
        name: 'Improvement Plan',
        kind: 'improvement',
        description: '',
        counts: { total: 2, red: 1, amber: 0, green: 1, complete: 0, overdue: 1 },
      },
    ]);
    const detail = await agent.get(`/api/v1/plans/${String(strategyId)}?rag=green`);
    const action = (detail.body as { actions: { id: number }[] }).actions[0] ?? { id: 0 };
    expect(action).toMatchObject({ title: 'Renamed', rag: 'green', overdue: true, version: 3 });
    const stale = await agent
      .put(`/api/v1/plans/actions/${String(action.id)}`)
      .set('x-csrf-token', csrf)
      .send({ title: 'X', ownerId: smId, dueDate: null, version: 1 });
    expect(stale.status).toBe(409);
    expect((stale.body as { current: unknown }).current).toMatchObject({
      title: 'Renamed',
      version: 3,
    });
    const bad = await agent
      .post(`/api/v1/plans/actions/${String(action.id)}/updates`)
      .set('x-csrf-token', csrf)
      .send({ version: 3, date: '2026-02-30', text: '', rag: 'blue', extra: 1 });
    expect(bad.status).toBe(400);
    expect(problemFields(bad.body)).toEqual(['date', 'extra', 'rag', 'text']);
    const ok = await agent
      .post(`/api/v1/plans/actions/${String(action.id)}/updates`)
      .set('x-csrf-token', csrf)
      .send({ version: 3, date: today, text: 'All posts filled', rag: 'complete' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ rag: 'complete', overdue: false, version: 4 });
    expect((ok.body as { history: unknown[] }).history[0]).toMatchObject({
      from: 'green',
      to: 'complete',
      date: today,
    });
  });
});

const GOOD =
  'Recommendation,Actions,Timescale,Owner,Progress Update March 2023,Measures\n' +
  'Edge of care,Complete the review of BPP,April 2022,sm.plan,AMBER: Reviews completed,entrants\n' +
  'Fostering,Develop the fostering recruitment strategy,Ongoing,Ana Lyst,GREEN: Done,placed-outside-la;placements-3plus\n';

describe('CSV import', () => {
  it('imports every row of a plan in the seed’s shape', async () => {
    const { agent } = await signedIn(app, 'sm.plan');
    const { csrf } = await csrfOf(agent, `/plans/${String(strategyId)}/import`);
    const res = await agent
      .post(`/plans/${String(strategyId)}/import?_csrf=${encodeURIComponent(csrf)}`)
      .attach('file', Buffer.from(GOOD), 'sufficiency.csv');
    expect(res.status).toBe(303);
    const rows = await conn.db
      .selectFrom('plan_action')
      .select(['title', 'due_date', 'rag', 'measure_ids'])
      .where('strategy_id', '=', strategyId)
      .where('title', 'like', '%review of BPP%')
      .execute();
    expect(rows).toEqual([
      {
        title: 'Complete the review of BPP',
        due_date: '2022-04-30',
        rag: 'amber',
        measure_ids: ['entrants'],
      },
    ]);
    const update = await conn.db
      .selectFrom('plan_update')
      .innerJoin('plan_action', 'plan_action.id', 'plan_update.action_id')
      .select(['update_date', 'text'])
      .where('plan_action.title', '=', 'Complete the review of BPP')
      .executeTakeFirstOrThrow();
    expect(update).toEqual({ update_date: '2023-03-31', text: 'AMBER: Reviews completed' });
  });

  const bad = async (name: string, content: Buffer | string) => {
    const { agent } = await signedIn(app, 'sm.plan');
    const { csrf } = await csrfOf(agent, `/plans/${String(strategyId)}/import`);
    const before = [
      await countRows('plan_action'),
      await countRows('plan_update'),
      await countRows('plan_rag_change'),
    ];
    const res = await agent
      .post(`/plans/${String(strategyId)}/import?_csrf=${encodeURIComponent(csrf)}`)
      .attach('file', typeof content === 'string' ? Buffer.from(content) : content, name);
    expect(res.status).toBe(400);
    expect([
      await countRows('plan_action'),
      await countRows('plan_update'),
      await countRows('plan_rag_change'),
    ]).toEqual(before);
    const page = $(res.text);
    return page('#problems tbody tr')
      .toArray()
      .map((tr) =>
        page(tr)
          .find('td')
          .toArray()
          .map((td) => page(td).text().trim())
          .join(' | '),
      );
  };

  it('saves nothing when any row is wrong, naming file, line and column of each problem', async () => {
    const problems = await bad(
      'plan.csv',
      'Actions,Timescale,Owner,RAG,Measures\n' +
        'Good row,March 2027,sm.plan,green,\n' +
        'Unknown owner,March 2027,nobody.here,green,\n' +
        'Unknown RAG,March 2027,sm.plan,blue,\n' +
        'Bad date,Spring 2027,sm.plan,red,\n' +
        'Bad measure,Ongoing,sm.plan,red,cla-rate;made-up\n',
    );
    expect(problems).toEqual([
      'plan.csv | 3 | Owner | Owner “nobody.here” is not a known user of Hearth',
      'plan.csv | 4 | RAG | RAG “blue” is not one of red, amber, green or complete',
      'plan.csv | 5 | Timescale | Timescale “Spring 2027” is not a date: use a month (March 2022), a date (31/03/2022) or “Ongoing”',
      'plan.csv | 6 | Measures | Measure “made-up” is not a known measure id',
    ]);
  });

  it('names a missing column, an empty file and a file that is not CSV', async () => {
    expect(await bad('cols.csv', 'Actions,Owner\nx,sm.plan\n')).toEqual([
      'cols.csv | 1 | Timescale | cols.csv has no Timescale column (the header row is line 1)',
      'cols.csv | 1 | RAG | cols.csv has no RAG column, and no Progress Update column to read the RAG from',
    ]);
    expect(await bad('empty.csv', '')).toEqual([
      'empty.csv |  | file | empty.csv is empty: it needs a header row and at least one action',
    ]);
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect((await bad('plan.xlsx', xlsx))[0]).toContain('is a spreadsheet or zip file, not CSV');
  });

  it('the API answers 400 with every problem as file:line:column and saves nothing', async () => {
    const { agent, csrf } = await signedIn(app, 'an.plan');
    const before = await countRows('plan_action');
    const res = await agent
      .post(`/api/v1/plans/${String(strategyId)}/imports`)
      .set('x-csrf-token', csrf)
      .attach(
        'file',
        Buffer.from(
          'Actions,Timescale,Owner,RAG\nA,March 2027,ghost,green\nB,Ongoing,sm.plan,pink\n',
        ),
        'x.csv',
      );
    expect(res.status).toBe(400);
    expect((res.body as { errors: unknown }).errors).toEqual([
      { field: 'x.csv:2:Owner', message: 'Owner “ghost” is not a known user of Hearth' },
      { field: 'x.csv:3:RAG', message: 'RAG “pink” is not one of red, amber, green or complete' },
    ]);
    expect(await countRows('plan_action')).toBe(before);
    const ok = await agent
      .post(`/api/v1/plans/${String(strategyId)}/imports`)
      .set('x-csrf-token', csrf)
      .attach(
        'file',
        Buffer.from('Actions,Timescale,Owner,RAG\nA,March 2027,sm.plan,green\n'),
        'y.csv',
      );
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual({ imported: 1, problems: [] });
    const audited = await conn.db
      .selectFrom('audit_event')
      .select(['detail'])
      .where('action', '=', 'import')
      .where('record_type', '=', 'plan_strategy')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audited.detail).toEqual({ file: 'y.csv', actions: 1 });
  });
});

describe('hearth plans import', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
    return { out, err, cli };
  };
  it('imports all or nothing, printing file:line: column: message for each problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plans-'));
    const good = path.join(dir, 'good.csv');
    const badFile = path.join(dir, 'bad.csv');
    writeFileSync(good, 'Actions,Timescale,Owner,RAG\nFrom the CLI,Ongoing,sm.plan,amber\n');
    writeFileSync(
      badFile,
      'Actions,Timescale,Owner,RAG\nA,Ongoing,sm.plan,amber\nB,Soon,sm.plan,amber\n',
    );
    const command = makeCommand({ conn, today: () => today });
    const before = await countRows('plan_action');
    const failed = io();
    expect(
      await command.run(['import', badFile, '--strategy', 'improvement plan'], failed.cli),
    ).toBe(1);
    expect(failed.err).toEqual([
      'bad.csv:3: Timescale: Timescale “Soon” is not a date: use a month (March 2022), a date (31/03/2022) or “Ongoing”',
      'hearth plans: 1 problem(s); nothing has been imported',
    ]);
    expect(await countRows('plan_action')).toBe(before);
    const unknown = io();
    expect(await command.run(['import', good, '--strategy', 'No such plan'], unknown.cli)).toBe(1);
    expect(unknown.err).toEqual([
      'hearth plans: no strategy "No such plan" (see hearth plans list)',
    ]);
    const ok = io();
    expect(await command.run(['import', good, '--strategy', String(strategyId)], ok.cli)).toBe(0);
    expect(ok.out).toEqual(['Imported 1 action(s) into "Improvement Plan"']);
    const change = await conn.db
      .selectFrom('plan_rag_change')
      .select(['changed_by', 'changed_by_name'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(change).toEqual({ changed_by: null, changed_by_name: 'System (plans import)' });
  });
});

describe('demo plans', () => {
  it('writes the three plans from the seeds, with owners, overdue actions and RAG histories', async () => {
    const t = await freshDb();
    try {
      await addUser(t, 'sm.one', ['service_manager']);
      await addUser(t, 'tm.one', ['team_manager']);
      await addDemoPlans(t.db, { seed: 1, scale: 1, today: '2026-11-22', laCode: '380' });
      const strategies = await t.db
        .selectFrom('plan_strategy')
        .select('name')
        .orderBy('id')
        .execute();
      expect(strategies.map((s) => s.name)).toEqual([
        'Children in Care and Care Leavers Strategy',
        'Sufficiency Strategy action plan',
        'Improvement Plan',
      ]);
      const themes = await t.db
        .selectFrom('plan_action')
        .select('theme')
        .distinct()
        .where('theme', 'like', 'Priority %')
        .execute();
      expect(themes).toHaveLength(6);
      const overdue = await t.db
        .selectFrom('plan_action')
        .select('id')
        .where('due_date', '<', '2026-11-22')
        .where('rag', '<>', 'complete')
        .execute();
      expect(overdue.length).toBeGreaterThan(3);
      const changes = await t.db.selectFrom('plan_rag_change').select('effective_date').execute();
      expect(
        changes.every(
          (c) =>
            c.effective_date <= '2026-11-22' && c.effective_date >= addMonths('2026-11-22', -11),
        ),
      ).toBe(true);
      // Running it again adds nothing.
      const n = await t.db
        .selectFrom('plan_action')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      await addDemoPlans(t.db, { seed: 1, scale: 1, today: '2026-11-22', laCode: '380' });
      expect(
        await t.db
          .selectFrom('plan_action')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual(n);
    } finally {
      await t.dispose();
    }
  });
});
