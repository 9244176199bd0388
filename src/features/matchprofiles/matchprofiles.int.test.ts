// Placement options: the list of every option matching considers (kinds, "Not recorded", filters
// and paging in SQL), the form and API that change an option's languages and religions (first save
// inserts, version check, 400/403/404/409, audit before and after), and the effect a placement
// officer sees: a household's language factor goes from "not recorded" to met.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addDays, addYears } from '../../domain/dates/index.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { addUser, signedIn, testApp } from '../../platform/http/testing.ts';
import { matchesFor } from '../placements/decisionService.ts';
import { TODAY, addCare, addChild, makeWorld, type World } from '../recording/fixtures.ts';

let t: TestDb;
let app: Express;
let w: World;
type Agent = Awaited<ReturnType<typeof signedIn>>;
const as: Record<string, Agent> = {};
const ids = { inHouseHome: 0, privateHome: 0, closedHome: 0, ifa: 0, privateProvider: 0 };
let supported = 0;
let assessed = 0;

const agent = (user: string): Agent => {
  const a = as[user];
  if (!a) throw new Error(`not signed in: ${user}`);
  return a;
};
const api = (user: string) => ({
  get: (path: string) => agent(user).agent.get(`/api/v1${path}`),
  put: (path: string, body: object) =>
    agent(user).agent.put(`/api/v1${path}`).set('x-csrf-token', agent(user).csrf).send(body),
  post: (path: string, body: object) =>
    agent(user).agent.post(`/api/v1${path}`).set('x-csrf-token', agent(user).csrf).send(body),
});
const page = (user: string, path: string) => agent(user).agent.get(path);
/** Post the option's form as a browser would (repeated names for the boxes). */
const postForm = (user: string, path: string, fields: [string, string][]) =>
  agent(user)
    .agent.post(path)
    .type('form')
    .send(
      ([['_csrf', agent(user).csrf], ...fields] as [string, string][])
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&'),
    );

interface Option {
  key: string;
  kind: string;
  name: string;
  postcode: string | null;
  languages: string[] | null;
  religions: string[] | null;
  version: number;
  canChange: boolean;
}
interface OptionList {
  options: Option[];
  page: number;
  pageSize: number;
  total: number;
}

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  w = await makeWorld(t);
  await addUser(t, 'fw.one', ['fostering_worker']);
  await addUser(t, 'rm.one', ['residential_manager']);
  await addUser(t, 'tm.one', ['team_manager'], { teamId: w.teamId });
  const provider = (name: string, kind: 'in_house' | 'private' | 'ifa', postcode: string | null) =>
    t.db
      .insertInto('provider')
      .values({
        name,
        kind,
        place_provider: null,
        ofsted_urn: null,
        grade: null,
        postcode,
        weekly_fee: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const home = (providerId: number, name: string, closedOn: string | null) =>
    t.db
      .insertInto('home')
      .values({
        provider_id: providerId,
        name,
        beds: 3,
        postcode: 'BD7 1AA',
        urn: null,
        grade: null,
        closed_on: closedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const council = await provider('Bradford Council', 'in_house', null);
  ids.privateProvider = await provider('Hill Care Ltd', 'private', 'LS1 4AP');
  ids.ifa = await provider('Aardvark Fostering', 'ifa', 'LS2 7AB');
  ids.inHouseHome = await home(council, 'Oak House', null);
  ids.privateHome = await home(ids.privateProvider, 'Hill View', null);
  ids.closedHome = await home(council, 'Shut House', addDays(TODAY, -10));
  ({ id: supported } = await t.db
    .insertInto('supported_accommodation')
    .values({
      provider_id: ids.privateProvider,
      name: 'Canal Street flats',
      postcode: 'BD5 0AA',
      places: 3,
      ofsted_urn: null,
      closed_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  ({ id: assessed } = await t.db
    .insertInto('fostering_household')
    .values({
      name: 'Assessment household',
      approval_type: 'mainstream',
      status: 'assessment',
      approved_places: 0,
      skills_level: null,
      postcode: 'BD3 9AA',
      supervising_worker_id: null,
      approval_date: null,
      reg24_start: null,
      last_review_date: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  // 50 more agencies, so the list runs to a second page.
  await t.db
    .insertInto('provider')
    .values(
      Array.from({ length: 50 }, (_v, i) => ({
        name: `Zeta Fostering ${String(i + 1).padStart(2, '0')}`,
        kind: 'ifa' as const,
      })),
    )
    .execute();
  for (const u of ['sw.one', 'po.one', 'fw.one', 'rm.one', 'tm.one', 'pa.one', 'panel.one'])
    as[u] = await signedIn(app, u);
}, 240_000);
afterAll(async () => {
  await t.dispose();
});

const rowsOf = (html: string) => {
  const $ = cheerio.load(html);
  return $('tbody tr')
    .map((_i, tr) => $(tr).text().replace(/\s+/g, ' ').trim())
    .get();
};

describe('the list of placement options', { timeout: 120_000 }, () => {
  it('shows every option matching considers, by kind, with "Not recorded" and no closed home', async () => {
    const res = await page('po.one', '/placement-options');
    expect(res.status).toBe(200);
    const rows = rowsOf(res.text);
    expect(rows.slice(0, 6)).toEqual([
      'Roomy household In-house fostering household BD9 4AA Not recorded Not recorded Change languages and religions of Roomy household',
      'Single place household In-house fostering household BD9 4AA Not recorded Not recorded Change languages and religions of Single place household',
      'Oak House In-house children’s home BD7 1AA Not recorded Not recorded Change languages and religions of Oak House',
      'Hill View (Hill Care Ltd) External children’s home BD7 1AA Not recorded Not recorded Change languages and religions of Hill View (Hill Care Ltd)',
      'Canal Street flats (Hill Care Ltd) Supported accommodation (16+) BD5 0AA Not recorded Not recorded Change languages and religions of Canal Street flats (Hill Care Ltd)',
      'Aardvark Fostering Independent fostering agency LS2 7AB Not recorded Not recorded Change languages and religions of Aardvark Fostering',
    ]);
    expect(res.text).not.toContain('Shut House');
    expect(res.text).not.toContain('Assessment household');
    expect(cheerio.load(res.text)('#results').text()).toBe('56 options');
  });

  it('pages 50 at a time and filters by kind and by nothing recorded, in SQL', async () => {
    const first = (await api('po.one').get('/placement-options')).body as OptionList;
    expect(first).toMatchObject({ total: 56, page: 1, pageSize: 50 });
    expect(first.options).toHaveLength(50);
    const second = (await api('po.one').get('/placement-options?page=2')).body as OptionList;
    expect(second.options.map((o) => o.name)).toEqual([
      'Zeta Fostering 45',
      'Zeta Fostering 46',
      'Zeta Fostering 47',
      'Zeta Fostering 48',
      'Zeta Fostering 49',
      'Zeta Fostering 50',
    ]);
    const homes = (await api('po.one').get('/placement-options?kind=external_home'))
      .body as OptionList;
    expect(homes.options.map((o) => o.key)).toEqual([`home:${String(ids.privateHome)}`]);
    const next = await page('po.one', '/placement-options?kind=ifa&page=2');
    expect(cheerio.load(next.text)('.govuk-pagination__prev a').attr('href')).toBe(
      '/placement-options?kind=ifa',
    );
  });

  it('answers a bad filter with a GOV.UK error (page) and a 400 field list (API)', async () => {
    const res = await page('po.one', '/placement-options?kind=castle');
    expect(res.status).toBe(400);
    expect(cheerio.load(res.text)('.govuk-error-summary li').text().trim()).toBe(
      'Select a kind of placement option from the list',
    );
    const bad = await api('po.one').get('/placement-options?notRecorded=maybe');
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'query.notRecorded',
    );
  });

  it('shows a Change link only where the reader may change the option', async () => {
    const changeable = async (user: string) =>
      ((await api(user).get('/placement-options?kind=')).body as OptionList).options
        .slice(0, 6)
        .filter((o) => o.canChange)
        .map((o) => o.kind);
    expect(await changeable('fw.one')).toEqual(['in_house_fostering', 'in_house_fostering']);
    expect(await changeable('rm.one')).toEqual([
      'in_house_home',
      'external_home',
      'supported_accommodation',
    ]);
    expect(await changeable('sw.one')).toEqual([]);
    const sw = await page('sw.one', '/placement-options');
    expect(sw.status).toBe(200);
    expect(cheerio.load(sw.text)('tbody a').length).toBe(0);
  });

  it('is in the navigation for readers and refused (403) to others', async () => {
    const nav = (html: string) => cheerio.load(html)('.govuk-service-navigation a').text();
    expect(nav((await page('sw.one', '/')).text)).toContain('Placement options');
    expect(nav((await page('pa.one', '/')).text)).not.toContain('Placement options');
    for (const user of ['pa.one', 'panel.one']) {
      expect((await page(user, '/placement-options')).status).toBe(403);
      expect((await api(user).get('/placement-options')).status).toBe(403);
      expect((await page(user, `/placement-options/household:${String(w.roomy)}`)).status).toBe(
        403,
      );
      expect((await api(user).get(`/placement-options/household:${String(w.roomy)}`)).status).toBe(
        403,
      );
    }
  });
});

describe('changing an option', { timeout: 120_000 }, () => {
  it('answers 404 for a malformed or unknown key, and for a provider that is not an agency', async () => {
    for (const key of [
      'flat:1',
      'household:0',
      'household:abc',
      'household:99999999999',
      'household:999999',
      `provider:${String(ids.privateProvider)}`,
    ]) {
      expect((await page('po.one', `/placement-options/${key}`)).status, key).toBe(404);
      expect((await api('po.one').get(`/placement-options/${key}`)).status, key).toBe(404);
      expect(
        (await api('po.one').put(`/placement-options/${key}`, { version: 0, languages: [] }))
          .status,
        key,
      ).toBe(404);
    }
  });

  it('shows an option outside the list (a household in assessment) by its key', async () => {
    const res = await api('fw.one').get(`/placement-options/household:${String(assessed)}`);
    expect(res.body).toMatchObject({
      name: 'Assessment household',
      languages: null,
      religions: null,
      version: 0,
      canChange: true,
    });
  });

  it('saves the form (first save inserts), shows it, and audits before and after', async () => {
    const key = `household:${String(w.single)}`;
    const form = await page('fw.one', `/placement-options/${key}`);
    expect(form.status).toBe(200);
    const $ = cheerio.load(form.text);
    expect($('input[name="version"]').val()).toBe('0');
    expect($('#stored').text().replace(/\s+/g, ' ')).toContain(
      'Languages besides English Not recorded',
    );
    const res = await postForm('fw.one', `/placement-options/${key}`, [
      ['version', '0'],
      ['languages', ' Urdu '],
      ['languages', ''],
      ['languages', 'Punjabi'],
      ['languages', 'urdu'],
      ['languages', ''],
      ['religions', 'Muslim'],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/placement-options/${key}`);
    const shown = cheerio.load((await page('fw.one', `/placement-options/${key}`)).text);
    expect(shown('.govuk-notification-banner').text()).toContain(
      'The languages and religions of Single place household have been saved',
    );
    expect(shown('#stored').text().replace(/\s+/g, ' ')).toContain(
      'Languages besides English Urdu, Punjabi Religions or cultures Muslim',
    );
    expect(shown('#languages-1').val()).toBe('urdu');
    expect(shown('input[name="version"]').val()).toBe('1');
    const stored = await t.db
      .selectFrom('match_profile')
      .selectAll()
      .where('option_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      option_key: key,
      languages: ['urdu', 'punjabi'],
      religions: ['muslim'],
      version: 1,
    });
    const row = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_name', 'record_type', 'record_id', 'detail'])
      .where('record_type', '=', 'match_profile')
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      action: 'create',
      actor_name: 'fw.one',
      record_type: 'match_profile',
      record_id: key,
      detail: {
        name: 'Single place household',
        before: null,
        after: { languages: ['urdu', 'punjabi'], religions: ['muslim'] },
      },
    });
  });

  it('re-renders the form with GOV.UK errors on the box typed in, and saves nothing', async () => {
    const key = `home:${String(ids.inHouseHome)}`;
    const res = await postForm('rm.one', `/placement-options/${key}`, [
      ['version', '0'],
      ['languages', 'Urdu'],
      ['languages', ''],
      ['languages', 'x'.repeat(41)],
      ['religions', 'y'.repeat(61)],
    ]);
    expect(res.status).toBe(400);
    const $ = cheerio.load(res.text);
    expect(
      $('.govuk-error-summary a')
        .map((_i, a) => `${$(a).attr('href') ?? ''} ${$(a).text().trim()}`)
        .get(),
    ).toEqual([
      '#languages-3 Each language must be 40 characters or fewer',
      '#religions-1 Religion must be 60 characters or fewer',
    ]);
    expect($('#languages-3-error').text()).toContain(
      'Each language must be 40 characters or fewer',
    );
    expect($('#languages-1').val()).toBe('Urdu');
    expect($('title').text()).toMatch(/^Error: /);
    const stored = await t.db
      .selectFrom('match_profile')
      .select('option_key')
      .where('option_key', '=', key)
      .execute();
    expect(stored).toEqual([]);
  });

  it('refuses a stale form with 409, showing what is stored, and saves nothing', async () => {
    const key = `household:${String(w.single)}`;
    const res = await postForm('po.one', `/placement-options/${key}`, [
      ['version', '0'],
      ['languages', 'Polish'],
    ]);
    expect(res.status).toBe(409);
    const $ = cheerio.load(res.text);
    expect($('.govuk-warning-text').text()).toContain(
      'This record was changed by someone else since you opened it. Nothing you entered has been saved.',
    );
    expect($('#languages-1').val()).toBe('urdu');
    expect($('input[name="version"]').val()).toBe('1');
    const stored = await t.db
      .selectFrom('match_profile')
      .select(['languages', 'version'])
      .where('option_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ languages: ['urdu', 'punjabi'], version: 1 });
  });

  it('refuses (403) changes by people whose roles do not cover the kind, with no form', async () => {
    const cases: [string, string][] = [
      ['sw.one', `household:${String(w.roomy)}`],
      ['rm.one', `household:${String(w.roomy)}`],
      ['fw.one', `home:${String(ids.privateHome)}`],
      ['fw.one', `supported:${String(supported)}`],
      ['rm.one', `provider:${String(ids.ifa)}`],
      ['fw.one', `provider:${String(ids.ifa)}`],
    ];
    for (const [user, key] of cases) {
      const put = await api(user).put(`/placement-options/${key}`, { version: 0, languages: [] });
      expect(put.status, `${user} ${key}`).toBe(403);
      const form = await postForm(user, `/placement-options/${key}`, [['version', '0']]);
      expect(form.status, `${user} ${key}`).toBe(403);
      const view = await page(user, `/placement-options/${key}`);
      expect(view.status).toBe(200);
      expect(cheerio.load(view.text)('form[method="post"] input[name="version"]').length).toBe(0);
      expect(cheerio.load(view.text)('#cannot-change').text()).toContain('You can see these');
    }
    const stored = await t.db.selectFrom('match_profile').select('option_key').execute();
    expect(stored.map((s) => s.option_key)).toEqual([`household:${String(w.single)}`]);
  });

  it('API: 400 with the field problems, 409 with the stored option, then an update audited', async () => {
    const key = `provider:${String(ids.ifa)}`;
    const bad = await api('po.one').put(`/placement-options/${key}`, {
      languages: ['a', 'b', 'c', 'd', 'e', 'f'],
      religions: ['z'.repeat(61)],
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: { field: string; message: string }[] }).errors).toEqual([
      { field: 'version', message: 'Reload the page and try again' },
      { field: 'languages', message: 'Enter up to 5 languages' },
      { field: 'religions.0', message: 'Religion must be 60 characters or fewer' },
    ]);
    const first = await api('po.one').put(`/placement-options/${key}`, {
      version: 0,
      languages: ['Polish'],
      religions: ['Catholic'],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      languages: ['polish'],
      religions: ['catholic'],
      version: 1,
    });
    const stale = await api('po.one').put(`/placement-options/${key}`, {
      version: 0,
      languages: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      status: 409,
      detail:
        'This record was changed by someone else since you opened it. Nothing you entered has been saved.',
      current: { key, languages: ['polish'], version: 1 },
    });
    const second = await api('po.one').put(`/placement-options/${key}`, {
      version: 1,
      languages: ['Polish', 'Lithuanian'],
    });
    expect(second.body).toMatchObject({
      languages: ['polish', 'lithuanian'],
      religions: [],
      version: 2,
    });
    const row = await t.db
      .selectFrom('audit_event')
      .select(['action', 'detail'])
      .where('record_type', '=', 'match_profile')
      .where('record_id', '=', key)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(row.detail).toEqual({
      name: 'Aardvark Fostering',
      before: { languages: ['polish'], religions: ['catholic'] },
      after: { languages: ['polish', 'lithuanian'], religions: [] },
    });
    const recorded = (await api('po.one').get('/placement-options?notRecorded=true'))
      .body as OptionList;
    expect(recorded.total).toBe(54);
    expect(recorded.options.map((o) => o.key)).not.toContain(key);
  });
});

describe('what matching sees', { timeout: 120_000 }, () => {
  it("a household's language factor goes from not recorded to met once its languages are set", async () => {
    const childId = await addChild(t, 'MP1', {
      teamId: w.teamId,
      dob: addYears(TODAY, -9),
      allocate: { social_worker: w.users.sw },
    });
    await addCare(t, childId, addDays(TODAY, -100), null);
    const made = await api('sw.one').post(`/children/${String(childId)}/placement-requests`, {
      kind: 'planned',
      dateNeeded: addDays(TODAY, 14),
      placeTypes: ['foster'],
      languages: ['Tigrinya'],
    });
    expect(made.status).toBe(201);
    const id = (made.body as { id: number }).id;
    expect(
      (await api('tm.one').post(`/placement-requests/${String(id)}/approval`, { version: 1 }))
        .status,
    ).toBe(200);
    const po: Actor = {
      userId: w.users.po,
      username: 'po.one',
      displayName: 'po.one Example',
      roles: ['placement_officer'],
      teamId: null,
      address: null,
    };
    const key = `household:${String(w.roomy)}`;
    const language = async () => {
      const { result } = await matchesFor(
        { db: t.db, actor: po, scope: { teamScope: true }, today: TODAY },
        id,
      );
      const m = result.ranked.find((r) => r.candidate.key === key);
      return m?.factors.find((f) => f.id === 'language');
    };
    expect(await language()).toMatchObject({
      points: 0,
      explanation: 'Not recorded for the place',
    });
    const put = await api('fw.one').put(`/placement-options/${key}`, {
      version: 0,
      languages: ['Arabic', 'TIGRINYA '],
    });
    expect(put.status).toBe(200);
    expect(await language()).toMatchObject({ points: 5, max: 5, explanation: 'Shares tigrinya' });
  });
});
