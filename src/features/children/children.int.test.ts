// Children list and record through the pages and the API: scope (404, never 403, for a child out of
// scope), search, filters and sort in SQL, what the summary says, and the audit trail of reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { signedIn, testApp } from '../../platform/http/testing.ts';
import { seedCareFixture, type CareFixture } from './testData.ts';

let t: TestDb;
let app: Express;
let fx: CareFixture;
let sw: Awaited<ReturnType<typeof signedIn>>;
let po: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await freshDb();
  fx = await seedCareFixture(t);
  app = testApp(t);
  sw = await signedIn(app, 'sw.north');
  po = await signedIn(app, 'po.one');
});
afterAll(async () => {
  await t.dispose();
});

/** The child names in the list's table, in order. */
function names(html: string): string[] {
  const $ = cheerio.load(html);
  return $('table.govuk-table tbody tr td:first-child a')
    .map((_i, a) => $(a).text().trim())
    .get();
}

describe('children list', () => {
  it('shows a social worker only their team’s children, with a count', async () => {
    const res = await sw.agent.get('/children');
    expect(res.status).toBe(200);
    expect(names(res.text)).toEqual(['Ava Brook', 'Cara Dale']);
    expect(cheerio.load(res.text)('#results').text().trim()).toBe('2 children');
  });

  it.each([
    ['q=brook', ['Ava Brook']],
    ['q=ca', ['Ben Carter', 'Cara Dale']],
    ['q=cara%20dale', ['Cara Dale']],
    ['q=27%2F03%2F2012', ['Ava Brook']],
    ['q=5%20November%202010', ['Ben Carter']],
    ['q=zzz', []],
    ['legal=C2', ['Ava Brook', 'Cara Dale']],
    ['legal=V2', ['Ben Carter']],
    ['place=K2', ['Ben Carter']],
    ['area=out', ['Ben Carter']],
    ['area=in', ['Ava Brook', 'Cara Dale']],
    ['team=TEAM_SOUTH', ['Ben Carter']],
    ['worker=SW_NORTH', ['Ava Brook', 'Cara Dale']],
    ['sort=dob', ['Ben Carter', 'Ava Brook', 'Cara Dale']],
    ['sort=dob&order=desc', ['Cara Dale', 'Ava Brook', 'Ben Carter']],
    ['sort=entered', ['Ben Carter', 'Ava Brook', 'Cara Dale']],
    ['sort=name&order=desc', ['Cara Dale', 'Ben Carter', 'Ava Brook']],
    ['q=ca&sort=name&order=desc', ['Cara Dale', 'Ben Carter']],
    ['q=ca&sort=dob', ['Ben Carter', 'Cara Dale']],
    ['q=ca&sort=entered&order=desc', ['Cara Dale', 'Ben Carter']],
  ])('a placement officer searching %s sees %j', async (query, expected) => {
    const q = query
      .replace('TEAM_SOUTH', String(fx.teams.south))
      .replace('SW_NORTH', String(fx.users.swNorth));
    const page = await po.agent.get(`/children?${q}`);
    expect(page.status).toBe(200);
    expect(names(page.text)).toEqual(expected);
    const api = await po.agent.get(`/api/v1/children?${q}`);
    expect(api.status).toBe(200);
    expect((api.body as { children: { name: string }[] }).children.map((c) => c.name)).toEqual(
      expected,
    );
  });

  it('offers the social workers of the chosen team, else of the user’s own team', async () => {
    const options = (html: string) => {
      const $ = cheerio.load(html);
      return {
        workers: $('#worker option')
          .map((_i, o) => $(o).text().trim())
          .get(),
        hint: $('#worker-hint').text().trim(),
      };
    };
    // A placement officer has no team: no list of every social worker in the authority.
    expect(options((await po.agent.get('/children')).text)).toEqual({
      workers: ['Any social worker'],
      hint: 'Choose a team to list its social workers.',
    });
    const north = options((await po.agent.get(`/children?team=${String(fx.teams.north)}`)).text);
    expect(north).toEqual({ workers: ['Any social worker', 'Sam Northcote'], hint: '' });
    // The worker already chosen stays offered (and selected) without a team.
    const chosen = await po.agent.get(`/children?worker=${String(fx.users.swSouth)}`);
    expect(options(chosen.text).workers).toEqual(['Any social worker', 'Sol Southey']);
    expect(cheerio.load(chosen.text)('#worker option[selected]').text()).toBe('Sol Southey');
    expect(options((await sw.agent.get('/children')).text)).toEqual({
      workers: ['Any social worker', 'Sam Northcote'],
      hint: 'Social workers in your team. Choose a team to list its social workers.',
    });
  });

  it('scopes search in SQL: a social worker cannot find another team’s child by name', async () => {
    expect(names((await sw.agent.get('/children?q=carter')).text)).toEqual([]);
    const api = await sw.agent.get('/api/v1/children?q=carter');
    expect(api.body).toMatchObject({ total: 0, children: [] });
  });

  it('goes straight to the record when the search is a local id', async () => {
    const res = await sw.agent.get('/children?q=bfd0003');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/children/${String(fx.children.cara)}`);
  });

  it('refuses a filter value that is not on the list, on the page and in the API', async () => {
    const res = await po.agent.get('/children?legal=XX&page=0');
    expect(res.status).toBe(400);
    const $ = cheerio.load(res.text);
    expect(
      $('.govuk-error-summary__list a')
        .map((_i, a) => $(a).text().trim())
        .get(),
    ).toEqual(['Select a legal status from the list', 'Page must be 1 or more']);
    const api = await po.agent.get('/api/v1/children?legal=XX');
    expect(api.status).toBe(400);
  });

  it('audits each search as a list event with no child', async () => {
    await sw.agent.get('/children?q=dale');
    const row = await t.db
      .selectFrom('audit_event')
      .select(['action', 'record_type', 'child_id', 'actor_name', 'detail'])
      .where('actor_name', '=', 'sw.north')
      .where('action', '=', 'list')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'list', record_type: 'child', child_id: null });
    expect(row.detail).toMatchObject({ q: 'dale', page: 1 });
  });
});

describe('child record', () => {
  it('answers who, where, what status and when next review in the summary', async () => {
    const res = await sw.agent.get(`/children/${String(fx.children.ava)}`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text().trim()).toBe('Ava Brook');
    const row = (key: string) =>
      $('.govuk-summary-list__row')
        .filter((_i, r) => $(r).find('.govuk-summary-list__key').text().trim() === key)
        .find('.govuk-summary-list__value')
        .text()
        .replace(/\s+/g, ' ')
        .trim();
    expect(row('Social worker')).toBe(
      'Sam Northcote (North Children in Care) sam.northcote@example.gov.uk 01274 000 111',
    );
    expect(row('Where they live')).toBe(
      'Foster placement with another foster carer: not long-term or fostering for adoption (U6) Oakwood household Postcode district BD9 Since 10 January 2023',
    );
    expect(row('Legal status')).toBe('Full care order (C2), since 1 May 2023');
    // First review held 3 Feb 2023; the second was due 3 months later and was never held.
    expect(row('Next review')).toBe('3 May 2023 Overdue');
    expect(res.text).not.toContain('BD9 4AA');
  });

  it('shows the chronology, 903 episodes and due items in words', async () => {
    const id = String(fx.children.ava);
    const chron = cheerio.load((await sw.agent.get(`/children/${id}/chronology`)).text);
    const rows = chron('tbody tr')
      .map((_i, r) =>
        chron(r)
          .find('td')
          .map((_j, td) => chron(td).text().trim())
          .get()
          .join(' | '),
      )
      .get();
    expect(rows.slice(0, 4)).toEqual([
      '10 January 2023 | Started to be looked after | N1: Abuse or neglect',
      '10 January 2023 | Legal status | C1: Interim care order',
      '10 January 2023 | Placement started | U6: Foster placement with another foster carer: not long-term or fostering for adoption (Oakwood household, BD9)',
      '10 January 2023 | Allocated social worker | Sam Northcote',
    ]);
    expect(rows).toContain(
      '3 February 2023 | Review held | PN1: Child physically attended and spoke for themselves',
    );
    expect(rows).toContain('1 May 2023 | Legal status | C2: Full care order');
    const episodes = (await sw.agent.get(`/children/${id}/episodes`)).text;
    expect(episodes).toContain('L: Change of legal status only');
    expect(episodes).toContain('C2: Full care order');
    const due = cheerio.load((await sw.agent.get(`/children/${id}/due`)).text);
    expect(due('tbody').text()).toContain('Overdue');
  });

  it('links each section to the forms that record its facts', async () => {
    const id = String(fx.children.ava);
    const links = async (path: string) => {
      const $ = cheerio.load((await sw.agent.get(`/children/${id}${path}`)).text);
      return $('main .govuk-button-group a')
        .map((_i, a) => `${$(a).text().trim()} ${$(a).attr('href') ?? ''}`)
        .get();
    };
    expect(await links('/placements')).toEqual([
      `Record a new placement /children/${id}/placements/new`,
      `Record a placement disruption meeting /children/${id}/disruption-meetings/new`,
    ]);
    expect(await links('/visits')).toEqual([
      `Record a visit /children/${id}/visits/new`,
      `Agreement to 6-monthly visits /children/${id}/visit-agreements`,
    ]);
    // The forms other areas own answer from the record's links.
    for (const path of ['/disruption-meetings/new', '/visit-agreements'])
      expect((await sw.agent.get(`/children/${id}${path}`)).status).toBe(200);
    expect(await links('/legal-status')).toEqual([
      `Start a period of care /children/${id}/periods/new`,
      `Record a new legal status /children/${id}/legal-statuses/new`,
    ]);
    expect(await links('/chronology')).toEqual([]);
  });

  it('links each stored fact to its form: Change for a placement, End only for an open period', async () => {
    const id = String(fx.children.ava);
    const rowLinks = async (path: string) => {
      const $ = cheerio.load((await sw.agent.get(`/children/${id}${path}`)).text);
      return $('main tbody a')
        .map((_i, a) => `${$(a).text().trim()} ${$(a).attr('href') ?? ''}`)
        .get();
    };
    const placements = await rowLinks('/placements');
    expect(placements.length).toBeGreaterThan(0);
    for (const link of placements) {
      expect(link).toMatch(
        new RegExp(`^Change placement from .+ /children/${id}/placements/\\d+/edit$`),
      );
    }
    const legal = await rowLinks('/legal-status');
    const ends = legal.filter((l) => l.startsWith('End '));
    expect(ends.length).toBeLessThanOrEqual(1);
    for (const link of ends) expect(link).toMatch(new RegExp(`/children/${id}/periods/\\d+/end$`));
  });

  it('answers 404 "Page not found", never 403, for another team’s child and for no child', async () => {
    for (const path of [
      `/children/${String(fx.children.ben)}`,
      `/children/${String(fx.children.ben)}/placements`,
      '/children/999999',
      '/children/abc',
    ]) {
      const res = await sw.agent.get(path);
      expect(res.status, path).toBe(404);
      expect(cheerio.load(res.text)('h1').text().trim()).toBe('Page not found');
    }
    for (const path of ['', '/chronology', '/episodes', '/due']) {
      const res = await sw.agent.get(`/api/v1/children/${String(fx.children.ben)}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('gives the same summary in the API', async () => {
    const res = await sw.agent.get(`/api/v1/children/${String(fx.children.ava)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: fx.children.ava,
      summary: {
        name: 'Ava Brook',
        socialWorker: { name: 'Sam Northcote', email: 'sam.northcote@example.gov.uk' },
        home: { placeType: 'U6', carer: 'Oakwood household', postcodeDistrict: 'BD9' },
        legalStatus: { code: 'C2', meaning: 'Full care order', since: '2023-05-01' },
        nextReview: { due: '2023-05-03', status: 'overdue' },
      },
    });
    const eps = await sw.agent.get(`/api/v1/children/${String(fx.children.ava)}/episodes`);
    expect(
      (eps.body as { episodes: { RNE: string; LS: string }[] }).episodes.map((e) => [e.RNE, e.LS]),
    ).toEqual([
      ['S', 'C1'],
      ['L', 'C2'],
    ]);
  });

  it('audits every read of the record, page and API, with the child id', async () => {
    const before = await t.db
      .selectFrom('audit_event')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await sw.agent.get(`/children/${String(fx.children.cara)}/visits`);
    await sw.agent.get(`/api/v1/children/${String(fx.children.cara)}/due`);
    await sw.agent.get(`/children/${String(fx.children.ben)}`); // out of scope: nothing read
    const rows = await t.db
      .selectFrom('audit_event')
      .select(['action', 'record_type', 'record_id', 'child_id', 'actor_name', 'detail'])
      .where('id', '>', before.id)
      .where('action', '=', 'read')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        action: 'read',
        record_type: 'child',
        record_id: String(fx.children.cara),
        child_id: fx.children.cara,
        actor_name: 'sw.north',
        detail: { section: 'visits' },
      },
      {
        action: 'read',
        record_type: 'child',
        record_id: String(fx.children.cara),
        child_id: fx.children.cara,
        actor_name: 'sw.north',
        detail: { section: 'due' },
      },
    ]);
  });

  it('keeps panel members and analysts out of the list, records and API', async () => {
    for (const username of ['panel.one', 'analyst.one']) {
      const user = await signedIn(app, username);
      for (const path of ['/children', `/children/${String(fx.children.ava)}`]) {
        expect((await user.agent.get(path)).status, `${username} ${path}`).toBe(403);
        expect((await user.agent.get(`/api/v1${path}`)).status, `${username} api ${path}`).toBe(
          403,
        );
      }
      const nav = await user.agent.get('/');
      expect(nav.text).not.toContain('href="/children"');
    }
  });

  it('shows a social worker their caseload on the home page', async () => {
    const $ = cheerio.load((await sw.agent.get('/')).text);
    expect(
      $(`a[href="/children?worker=${String(fx.users.swNorth)}"]`)
        .text()
        .trim(),
    ).toBe('2 children allocated to you');
  });
});
