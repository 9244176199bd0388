// Changing your own password at /account/password: GOV.UK errors for each bad input (nothing
// changes), and on success the new password works, the old one does not, the change is audited
// and the user's other sessions end while this one stays signed in.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_PASSWORD, addUser, signedIn, testApp } from '../../platform/http/testing.ts';

let t: TestDb;
let app: Express;

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  await addUser(t, 'pat.worker', ['social_worker']);
  await addUser(t, 'sam.worker', ['social_worker']);
});

afterAll(async () => {
  await t.dispose();
});

async function hashOf(username: string): Promise<string | null> {
  const row = await t.db
    .selectFrom('app_user')
    .select('password_hash')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

function errorsOn(html: string): { summary: string[]; fields: Record<string, string> } {
  const $ = cheerio.load(html);
  const summary = $('.govuk-error-summary__list a')
    .map((_, a) => `${$(a).attr('href') ?? ''} ${$(a).text().trim()}`)
    .get();
  const fields: Record<string, string> = {};
  $('.govuk-error-message').each((_, el) => {
    const id = ($(el).attr('id') ?? '').replace(/-error$/, '');
    fields[id] = $(el).text().replace('Error:', '').trim();
  });
  return { summary, fields };
}

describe('the change password page', () => {
  it('is linked from Your account and asks for the current password and the new one twice', async () => {
    const { agent } = await signedIn(app, 'pat.worker');
    const account = cheerio.load((await agent.get('/account')).text);
    expect(account('a[href="/account/password"]').text()).toBe('Change your password');
    const res = await agent.get('/account/password');
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).toBe('Change your password');
    expect(
      $('label')
        .map((_, l) => $(l).text().trim())
        .get(),
    ).toEqual(['Current password', 'New password', 'Confirm new password']);
    expect(
      $('input[type=password]')
        .map((_, i) => $(i).attr('autocomplete'))
        .get(),
    ).toEqual(['current-password', 'new-password', 'new-password']);
  });

  it('needs sign-in', async () => {
    const { default: request } = await import('supertest');
    const res = await request(app).get('/account/password');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/sign-in?returnTo=%2Faccount%2Fpassword');
  });

  const good = 'Plum kettle orbit 42';
  it.each([
    [
      { currentPassword: '', newPassword: good, confirmPassword: good },
      'currentPassword',
      'Enter your current password',
    ],
    [
      { currentPassword: 'wrong password!', newPassword: good, confirmPassword: good },
      'currentPassword',
      'Your current password is not correct',
    ],
    [
      { currentPassword: TEST_PASSWORD, newPassword: '', confirmPassword: '' },
      'newPassword',
      'Enter a new password',
    ],
    [
      {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short 11 ch',
        confirmPassword: 'short 11 ch',
      },
      'newPassword',
      'Password must be 12 characters or more',
    ],
    [
      { currentPassword: TEST_PASSWORD, newPassword: good, confirmPassword: '' },
      'confirmPassword',
      'Enter the new password again',
    ],
    [
      { currentPassword: TEST_PASSWORD, newPassword: good, confirmPassword: `${good}!` },
      'confirmPassword',
      'Enter the same new password twice',
    ],
    [
      {
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
        confirmPassword: TEST_PASSWORD,
      },
      'newPassword',
      'Your new password must be different from your current password',
    ],
  ])('refuses %j with "%s: %s" and changes nothing', async (form, field, message) => {
    const before = await hashOf('pat.worker');
    const { agent, csrf } = await signedIn(app, 'pat.worker');
    const res = await agent
      .post('/account/password')
      .type('form')
      .send({ ...form, _csrf: csrf });
    expect(res.status).toBe(400);
    const { summary, fields } = errorsOn(res.text);
    expect(summary[0]).toBe(`#${field} ${message}`);
    expect(fields[field]).toBe(message);
    expect(cheerio.load(res.text)('title').text()).toMatch(/^Error: Change your password/);
    expect(
      cheerio
        .load(res.text)('input[type=password]')
        .map((_, i) => cheerio.load(i)('input').val() ?? '')
        .get(),
    ).toEqual(['', '', '']);
    expect(await hashOf('pat.worker')).toBe(before);
  });

  it('refuses a new password that is the username, in any case', async () => {
    await addUser(t, 'long.username1', ['social_worker']);
    const { agent, csrf } = await signedIn(app, 'long.username1');
    const res = await agent.post('/account/password').type('form').send({
      currentPassword: TEST_PASSWORD,
      newPassword: 'LONG.USERNAME1',
      confirmPassword: 'LONG.USERNAME1',
      _csrf: csrf,
    });
    expect(res.status).toBe(400);
    expect(errorsOn(res.text).fields.newPassword).toBe(
      'Your new password must not be your username',
    );
  });

  it('refuses a forged CSRF token', async () => {
    const { agent } = await signedIn(app, 'pat.worker');
    const res = await agent.post('/account/password').type('form').send({
      currentPassword: TEST_PASSWORD,
      newPassword: good,
      confirmPassword: good,
      _csrf: 'forged',
    });
    expect(res.status).toBe(403);
  });

  it('changes the password: audited, other sessions end, this one stays, old password no longer works', async () => {
    const elsewhere = await signedIn(app, 'sam.worker'); // the same user on another device
    const other = await signedIn(app, 'pat.worker'); // someone else: unaffected
    const { agent, csrf } = await signedIn(app, 'sam.worker');
    const res = await agent.post('/account/password').type('form').send({
      currentPassword: TEST_PASSWORD,
      newPassword: good,
      confirmPassword: good,
      _csrf: csrf,
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/account');
    const account = cheerio.load((await agent.get('/account')).text);
    expect(account('.govuk-notification-banner').text()).toContain(
      'Your password has been changed. You have been signed out everywhere else (1 other session).',
    );
    expect((await agent.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.agent.get('/api/v1/me')).status).toBe(401);
    expect((await other.agent.get('/api/v1/me')).status).toBe(200);
    expect(await hashOf('sam.worker')).toMatch(/^\$argon2id\$/);
    await signedIn(app, 'sam.worker', good);
    await expect(signedIn(app, 'sam.worker', TEST_PASSWORD)).rejects.toThrow('failed: 401');
    const events = await t.db
      .selectFrom('audit_event')
      .innerJoin('app_user', 'app_user.id', 'audit_event.actor_id')
      .select(['app_user.username', 'audit_event.action', 'audit_event.detail'])
      .where('audit_event.record_type', '=', 'user')
      .where('audit_event.action', '=', 'update')
      .execute();
    expect(events).toEqual([
      {
        username: 'sam.worker',
        action: 'update',
        detail: { passwordChanged: true, otherSessionsEnded: 1 },
      },
    ]);
  });

  it('tells a user without a Hearth password (council account sign-in) there is none to change', async () => {
    await addUser(t, 'council.user', ['social_worker']);
    const { agent, csrf } = await signedIn(app, 'council.user');
    await t.db
      .updateTable('app_user')
      .set({ password_hash: null })
      .where('username', '=', 'council.user')
      .execute();
    const page = cheerio.load((await agent.get('/account/password')).text);
    expect(page('form[action="/account/password"]').length).toBe(0);
    expect(page('main p').first().text()).toBe(
      'You sign in with your council account, so there is no Hearth password to change. Change your password with your council’s IT service.',
    );
    const res = await agent
      .post('/account/password')
      .type('form')
      .send({ currentPassword: 'anything', newPassword: good, confirmPassword: good, _csrf: csrf });
    expect(res.status).toBe(400);
    expect(await hashOf('council.user')).toBe(null);
  });
});
