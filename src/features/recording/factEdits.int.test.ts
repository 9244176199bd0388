// Corrections to previous permanence, substance misuse and convictions (903 PrevPerm and OC2 facts),
// end to end through the page and the API: the form opens with the stored values (a 'read' audited),
// a refusal shows the GOV.UK message and saves nothing, a save bumps the version (an 'update'
// audited), a stale edit shows the current values and overwrites nothing (page 409 with the conflict
// banner; API 409 with `current`), malformed API input answers 400 with the field list, and a child
// outside the actor's scope is not found. Then the record page links each row to its form.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addYears, formatUkDate } from '../../domain/dates/index.ts';
import { csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { TODAY, addCare, addChild, daysAgo, makeWorld } from './fixtures.ts';

let t: TestDb;
let app: Express;
type Agent = Awaited<ReturnType<typeof signedIn>>;
let sw: Agent;
let childA: number;
let childOut: number;
let ids: { previous: number; substance: number; conviction: number };

/** Three years before the child's first period of care (which started 730 days ago). */
const Y = Number(daysAgo(730).slice(0, 4)) - 3;

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  const w = await makeWorld(t);
  childA = await addChild(t, 'FE1', { teamId: w.teamId, allocate: { social_worker: w.users.sw } });
  await addCare(t, childA, daysAgo(730), w.roomy);
  childOut = await addChild(t, 'FEOUT');
  sw = await signedIn(app, 'sw.one');
  const previous = await t.db
    .insertInto('previous_permanence')
    .values({
      child_id: childA,
      prev_perm: 'P2',
      order_date: null,
      order_date_partial: `ZZ/05/${String(Y)}`,
      la_code: '380',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const substance = await t.db
    .insertInto('substance_misuse')
    .values({
      child_id: childA,
      identified_date: daysAgo(100),
      intervention_offered: false,
      intervention_received: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const conviction = await t.db
    .insertInto('conviction')
    .values({ child_id: childA, conviction_date: daysAgo(200) })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids = { previous: previous.id, substance: substance.id, conviction: conviction.id };
});
afterAll(async () => {
  await t.dispose();
});

const d = (name: string, iso: string): Record<string, string> => {
  const [y = '', m, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(m)),
    [`${name}-year`]: y,
  };
};

const errorSummary = (html: string) => {
  const $ = cheerio.load(html);
  return $('.govuk-error-summary__list a')
    .map((_i, a) => $(a).text().trim())
    .get();
};

const api = (method: 'put' | 'get', p: string, body?: object) =>
  sw.agent[method](`/api/v1/children/${String(childA)}/${p}`)
    .set('x-csrf-token', sw.csrf)
    .send(body);

type Table = 'previous_permanence' | 'substance_misuse' | 'conviction';

interface Case {
  name: string;
  path: () => string;
  table: Table;
  id: () => number;
  /** The form's fields as the edit page fills them from the stored record. */
  opened: Record<string, string>;
  good: Record<string, string>;
  stored: Record<string, unknown>;
  bad: Record<string, string>;
  badMessage: string;
  other: Record<string, string>;
  /** Text of the current values the conflict summary shows after `good` was saved. */
  currentText: string;
  apiBody: Record<string, unknown>;
  apiStored: Record<string, unknown>;
  apiBad: Record<string, unknown>;
  apiBadFields: string[];
}

const CASES: Case[] = [
  {
    name: 'previous permanence',
    path: () => `previous-permanence/${String(ids.previous)}`,
    table: 'previous_permanence',
    id: () => ids.previous,
    opened: {
      prevPerm: 'P2',
      'orderDate-day': '',
      'orderDate-month': '5',
      'orderDate-year': String(Y),
      laCode: '380',
    },
    good: { prevPerm: 'P3', ...d('orderDate', `${String(Y - 1)}-06-12`), laCode: 'wal' },
    stored: {
      prev_perm: 'P3',
      order_date: `${String(Y - 1)}-06-12`,
      order_date_partial: null,
      la_code: 'WAL',
    },
    bad: { prevPerm: 'P2', 'orderDate-year': daysAgo(10).slice(0, 4) },
    badMessage: 'The date of the order must be before the child first started to be looked after',
    other: { prevPerm: 'P1', 'orderDate-year': String(Y - 2) },
    currentText: `12 June ${String(Y - 1)}`,
    apiBody: { prevPerm: 'P2', orderDate: `${String(Y)}-03`, laCode: '380' },
    apiStored: { prev_perm: 'P2', order_date: null, order_date_partial: `ZZ/03/${String(Y)}` },
    apiBad: { prevPerm: 'Q7', orderDate: '2019-13', laCode: 'XYZ' },
    apiBadFields: ['prevPerm', 'orderDate', 'laCode'],
  },
  {
    name: 'substance misuse',
    path: () => `substance-misuse/${String(ids.substance)}`,
    table: 'substance_misuse',
    id: () => ids.substance,
    opened: {
      ...d('identifiedDate', daysAgo(100)),
      interventionOffered: 'no',
      interventionReceived: 'no',
    },
    good: {
      ...d('identifiedDate', daysAgo(101)),
      interventionOffered: 'yes',
      interventionReceived: 'yes',
    },
    stored: {
      identified_date: daysAgo(101),
      intervention_offered: true,
      intervention_received: true,
    },
    bad: {
      ...d('identifiedDate', daysAgo(101)),
      interventionOffered: 'no',
      interventionReceived: 'yes',
    },
    badMessage: 'An intervention that was not offered cannot have been received',
    other: {
      ...d('identifiedDate', daysAgo(102)),
      interventionOffered: 'no',
      interventionReceived: 'no',
    },
    currentText: formatUkDate(daysAgo(101)),
    apiBody: {
      identifiedDate: daysAgo(103),
      interventionOffered: true,
      interventionReceived: false,
    },
    apiStored: {
      identified_date: daysAgo(103),
      intervention_offered: true,
      intervention_received: false,
    },
    apiBad: { identifiedDate: 'yesterday', interventionOffered: 'maybe' },
    apiBadFields: ['identifiedDate', 'interventionOffered', 'interventionReceived'],
  },
  {
    name: 'conviction',
    path: () => `convictions/${String(ids.conviction)}`,
    table: 'conviction',
    id: () => ids.conviction,
    opened: d('convictionDate', daysAgo(200)),
    good: d('convictionDate', daysAgo(201)),
    stored: { conviction_date: daysAgo(201) },
    bad: d('convictionDate', addYears(TODAY, 1)),
    badMessage: 'The date of the conviction must be today or in the past',
    other: d('convictionDate', daysAgo(202)),
    currentText: formatUkDate(daysAgo(201)),
    apiBody: { convictionDate: daysAgo(203) },
    apiStored: { conviction_date: daysAgo(203) },
    apiBad: { convictionDate: '31/02/2020' },
    apiBadFields: ['convictionDate'],
  },
];

const row = (c: Case) =>
  t.db
    .selectFrom(c.table)
    .selectAll()
    .where('id', '=', c.id())
    .executeTakeFirstOrThrow() as Promise<Record<string, unknown>>;

const audits = (c: Case, action: 'read' | 'update') =>
  t.db
    .selectFrom('audit_event')
    .select('id')
    .where('action', '=', action)
    .where('record_type', '=', c.table)
    .where('record_id', '=', String(c.id()))
    .execute();

describe('correcting 903 PrevPerm and OC2 facts', () => {
  it.each(CASES)(
    '$name: opens with the stored values, refuses, saves, conflicts, answers the API, 404 outside scope',
    async (c) => {
      const path = `/children/${String(childA)}/${c.path()}/edit`;
      const before = await row(c);
      const reads = (await audits(c, 'read')).length;

      const page = await sw.agent.get(path);
      expect(page.status).toBe(200);
      const $ = cheerio.load(page.text);
      expect($('input[name="version"]').val()).toBe('1');
      for (const [name, value] of Object.entries(c.opened)) {
        const input = $(`[name="${name}"]`);
        const shown = input.is('select')
          ? input.find('option[selected]').val()
          : input.attr('type') === 'radio'
            ? $(`[name="${name}"]:checked`).val()
            : input.val();
        expect(shown ?? '', name).toBe(value);
      }
      expect((await audits(c, 'read')).length).toBe(reads + 1);
      const csrf = csrfFrom(page.text);
      const post = (body: Record<string, string>) =>
        sw.agent
          .post(path)
          .type('form')
          .send({ _csrf: csrf, ...body });

      const bad = await post({ version: '1', ...c.bad });
      expect(bad.status).toBe(400);
      expect(errorSummary(bad.text)).toEqual([c.badMessage]);
      expect(await row(c)).toEqual(before);

      const ok = await post({ version: '1', ...c.good });
      expect(ok.status).toBe(303);
      expect(ok.headers.location).toBe(`/children/${String(childA)}`);
      const saved = await row(c);
      expect(saved).toMatchObject({ ...c.stored, version: 2 });
      expect(await audits(c, 'update')).toHaveLength(1);

      // Someone still holding version 1: conflict with the current values, nothing overwritten.
      const stale = await post({ version: '1', ...c.other });
      expect(stale.status).toBe(409);
      const s$ = cheerio.load(stale.text);
      expect(s$('.govuk-notification-banner').text()).toContain(
        'This record was changed by someone else since you opened it',
      );
      expect(s$('.govuk-summary-list').text()).toContain(c.currentText);
      expect(s$('input[name="version"]').val()).toBe('2');
      expect(await row(c)).toEqual(saved);
      expect(await audits(c, 'update')).toHaveLength(1);

      const staleApi = await api('put', c.path(), { ...c.apiBody, version: 1 });
      expect(staleApi.status).toBe(409);
      expect((staleApi.body as { current: { version: number } }).current.version).toBe(2);
      expect(await row(c)).toEqual(saved);

      const badApi = await api('put', c.path(), { ...c.apiBad, version: 2 });
      expect(badApi.status).toBe(400);
      const fields = (badApi.body as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect(fields.sort()).toEqual([...c.apiBadFields].sort());
      expect(await row(c)).toEqual(saved);

      const okApi = await api('put', c.path(), { ...c.apiBody, version: 2 });
      expect(okApi.status).toBe(200);
      expect(await row(c)).toMatchObject({ ...c.apiStored, version: 3 });
      const current = await api('get', c.path());
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({ ...c.apiBody, version: 3 });

      expect((await sw.agent.get(`/children/${String(childOut)}/${c.path()}/edit`)).status).toBe(
        404,
      );
      const outsideApi = await sw.agent
        .put(`/api/v1/children/${String(childOut)}/${c.path()}`)
        .set('x-csrf-token', sw.csrf)
        .send({ ...c.apiBody, version: 3 });
      expect(outsideApi.status).toBe(404);
      expect(await row(c)).toMatchObject({ version: 3 });
    },
  );

  it('the record links each previous permanence, substance misuse and conviction to its form', async () => {
    const base = `/children/${String(childA)}`;
    const permanence = cheerio.load((await sw.agent.get(`${base}/permanence`)).text);
    const prev = permanence('table')
      .filter((_i, el) => permanence(el).find('caption').text().includes('Previous permanence'))
      .first();
    expect(prev.find('td').first().text()).toContain('P2');
    expect(prev.find('td').eq(1).text().trim()).toBe(`March ${String(Y)}`);
    expect(prev.find('a').attr('href')).toBe(
      `${base}/previous-permanence/${String(ids.previous)}/edit`,
    );
    expect(permanence('a[href$="/previous-permanence/new"]').length).toBe(1);

    const health = cheerio.load((await sw.agent.get(`${base}/health`)).text);
    expect(
      health(`a[href="${base}/substance-misuse/${String(ids.substance)}/edit"]`).text(),
    ).toContain('Change');
    expect(health(`a[href="${base}/convictions/${String(ids.conviction)}/edit"]`).text()).toContain(
      'Change',
    );
  });
});
