import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import request from 'supertest';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import {
  TEST_PASSWORD,
  addUser,
  csrfFrom,
  signedIn,
  testApp,
} from '../../platform/http/testing.ts';

let t: TestDb;
let app: Express;
let admin: Awaited<ReturnType<typeof signedIn>>;
beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  await addUser(t, 'admin.one', ['admin']);
  await addUser(t, 'sw.one', ['social_worker']);
  admin = await signedIn(app, 'admin.one');
});
afterAll(async () => {
  await t.dispose();
});

const $ = (html: string) => cheerio.load(html);

describe('navigation', () => {
  it('shows each role only the links it may use', async () => {
    const nav = (html: string) =>
      $(html)('.govuk-service-navigation__list a')
        .map((_i, a) => $(html)(a).text().trim())
        .get();
    expect(nav((await admin.agent.get('/')).text)).toEqual([
      'Home',
      'Users',
      'Teams',
      'Tokens',
      'Audit log',
      'Your account',
    ]);
    const sw = await signedIn(app, 'sw.one');
    const swNav = nav((await sw.agent.get('/')).text);
    expect(swNav).toContain('Home');
    expect(swNav).not.toContain('Users');
    expect(swNav).not.toContain('Audit log');
    const forbidden = await sw.agent.get('/admin/users');
    expect(forbidden.status).toBe(403);
  });

  it('prints no crown, no Open Government Licence and no Crown copyright', async () => {
    const html = (await request(app).get('/privacy')).text;
    expect(html).not.toMatch(
      /govuk-footer__crown|Open Government Licence|Crown copyright|govuk-footer__licence-logo/,
    );
    expect($(html)('footer').text()).toContain('City of Bradford Metropolitan District Council');
  });
});

describe('users', () => {
  it('shows every problem with a new user and saves nothing', async () => {
    const page = await admin.agent.get('/admin/users/new');
    const res = await admin.agent
      .post('/admin/users/new')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        username: 'bad name',
        displayName: '',
        email: 'not-an-email',
        fte: '3',
      });
    expect(res.status).toBe(400);
    const list = $(res.text)('.govuk-error-summary__list a')
      .map((_i, a) => $(res.text)(a).text().trim())
      .get();
    expect(list).toEqual([
      'Username can only include letters, numbers, full stops, hyphens, underscores and @',
      'Enter the person’s full name',
      'Enter an email address in the correct format, like name@example.gov.uk',
      'Select at least one role',
      'Full-time equivalent must be 1.5 or less',
    ]);
    expect($(res.text)('#username').val()).toBe('bad name');
    expect(
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'bad name').execute(),
    ).toEqual([]);
  });

  it('adds a user, shows the password once, and the user can sign in with it', async () => {
    const page = await admin.agent.get('/admin/users/new');
    const res = await admin.agent
      .post('/admin/users/new')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        username: 'iro.two',
        displayName: 'Ivy Example',
        roles: ['iro', 'team_manager'],
        fte: '0.6',
        agency: 'yes',
      });
    expect(res.status).toBe(200);
    const password = $(res.text)('[data-testid="password"]').text();
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    const user = await t.db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'iro.two')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      display_name: 'Ivy Example',
      roles: ['iro', 'team_manager'],
      fte: 0.6,
      agency: true,
    });
    await signedIn(app, 'iro.two', password);
  });

  it('refuses a stale edit, shows the current values and overwrites nothing', async () => {
    const id = await addUser(t, 'pa.two', ['personal_adviser'], { displayName: 'Pat Original' });
    const first = await admin.agent.get(`/admin/users/${String(id)}`);
    const version = $(first.text)('input[name="version"]').val() as string;
    const csrf = csrfFrom(first.text);
    const ok = await admin.agent
      .post(`/admin/users/${String(id)}`)
      .type('form')
      .send({
        _csrf: csrf,
        version,
        username: 'pa.two',
        displayName: 'Pat First Edit',
        roles: 'personal_adviser',
        fte: '1',
      });
    expect(ok.status).toBe(303);
    const stale = await admin.agent
      .post(`/admin/users/${String(id)}`)
      .type('form')
      .send({
        _csrf: csrf,
        version,
        username: 'pa.two',
        displayName: 'Pat Stale Edit',
        roles: 'personal_adviser',
        fte: '1',
      });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain(
      'Someone else changed this user while you were editing. Nothing you entered has been saved.',
    );
    expect($(stale.text)('.govuk-notification-banner .govuk-summary-list').text()).toContain(
      'Pat First Edit',
    );
    const row = await t.db
      .selectFrom('app_user')
      .select(['display_name', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: 'Pat First Edit', version: Number(version) + 1 });
  });

  it('disables an account: its sessions end and it cannot sign in; enabling restores it', async () => {
    const id = await addUser(t, 'fw.two', ['fostering_worker']);
    const fw = await signedIn(app, 'fw.two');
    const page = await admin.agent.get(`/admin/users/${String(id)}`);
    const res = await admin.agent
      .post(`/admin/users/${String(id)}/disable`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    expect(res.status).toBe(303);
    expect((await fw.agent.get('/')).status).toBe(303);
    await expect(signedIn(app, 'fw.two')).rejects.toThrow(/failed: 401/);
    const again = await admin.agent.get(`/admin/users/${String(id)}`);
    await admin.agent
      .post(`/admin/users/${String(id)}/enable`)
      .type('form')
      .send({ _csrf: csrfFrom(again.text) });
    await signedIn(app, 'fw.two', TEST_PASSWORD);
  });

  it('resets a password: the old one stops working', async () => {
    const id = await addUser(t, 'rm.two', ['residential_manager']);
    const page = await admin.agent.get(`/admin/users/${String(id)}`);
    const res = await admin.agent
      .post(`/admin/users/${String(id)}/reset-password`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text) });
    const password = $(res.text)('[data-testid="password"]').text();
    await expect(signedIn(app, 'rm.two')).rejects.toThrow(/401/);
    await signedIn(app, 'rm.two', password);
  });
});

describe('teams and tokens', () => {
  it('adds a team, refusing a duplicate name', async () => {
    const page = await admin.agent.get('/admin/teams');
    const send = (body: object) =>
      admin.agent
        .post('/admin/teams')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), ...body });
    expect(
      (await send({ name: 'Children in care 1', service: 'Children in care', caseloadCap: '18' }))
        .status,
    ).toBe(303);
    const dup = await send({
      name: 'children in care 1',
      service: 'Children in care',
      caseloadCap: '18',
    });
    expect(dup.status).toBe(400);
    expect($(dup.text)('.govuk-error-summary').text()).toContain(
      'There is already a team with that name',
    );
    const bad = await send({ name: '', service: '', caseloadCap: 'lots' });
    expect($(bad.text)('.govuk-error-summary__list li').length).toBe(3);
  });

  it('creates a token shown once, lists it by prefix, and revokes it', async () => {
    const page = await admin.agent.get('/admin/tokens');
    const adminId = (
      await t.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'admin.one')
        .executeTakeFirstOrThrow()
    ).id;
    const past = await admin.agent
      .post('/admin/tokens')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        userId: String(adminId),
        name: 'Old',
        scopes: 'audit:read',
        'expires-day': '1',
        'expires-month': '1',
        'expires-year': '2020',
      });
    expect(past.status).toBe(400);
    expect($(past.text)('.govuk-error-summary').text()).toContain(
      'Expiry date must be in the future',
    );
    const res = await admin.agent
      .post('/admin/tokens')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        userId: String(adminId),
        name: 'Reporting',
        scopes: ['audit:read', 'user:manage'],
      });
    expect(res.status).toBe(200);
    const token = $(res.text)('[data-testid="token"]').text();
    expect(token).toMatch(/^hearth_/);
    expect(
      (await request(app).get('/api/v1/users').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(200);
    const list = await admin.agent.get('/admin/tokens');
    expect(list.text).toContain(token.slice(0, 12));
    expect(list.text).not.toContain(token);
    const row = await t.db
      .selectFrom('api_token')
      .select('id')
      .where('name', '=', 'Reporting')
      .executeTakeFirstOrThrow();
    await admin.agent
      .post(`/admin/tokens/${String(row.id)}/revoke`)
      .type('form')
      .send({ _csrf: csrfFrom(list.text) });
    expect(
      (await request(app).get('/api/v1/users').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(401);
  });
});
