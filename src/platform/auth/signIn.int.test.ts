import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { TEST_PASSWORD, addUser, csrfFrom, signedIn, testApp } from '../http/testing.ts';
import { THROTTLE_MESSAGE } from './throttle.ts';
import { WRONG_CREDENTIALS } from './signIn.ts';

let t: TestDb;
let app: Express;
beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  await addUser(t, 'sw.one', ['social_worker']);
  await addUser(t, 'gone', ['social_worker'], { disabled: true });
  await addUser(t, 'throttled', ['social_worker']);
});
afterAll(async () => {
  await t.dispose();
});

function sessionCookie(res: request.Response): string | undefined {
  const set = res.headers['set-cookie'] as unknown as string[] | undefined;
  return set?.find((c) => c.startsWith('hearth.sid='))?.split(';')[0];
}

async function attempt(
  agent: ReturnType<typeof request.agent>,
  username: string,
  password: string,
) {
  const page = await agent.get('/sign-in');
  return agent
    .post('/sign-in')
    .type('form')
    .send({ username, password, _csrf: csrfFrom(page.text) });
}

function summary(html: string): string {
  return cheerio.load(html)('.govuk-error-summary__list').text().trim();
}

describe('sign-in', () => {
  it('sends a signed-out visitor to the sign-in page, and back after signing in', async () => {
    const agent = request.agent(app);
    const res = await agent.get('/admin/users');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/sign-in?returnTo=%2Fadmin%2Fusers');
    const page = await agent.get('/sign-in?returnTo=%2Faccount');
    const ok = await agent
      .post('/sign-in')
      .type('form')
      .send({
        username: 'SW.ONE',
        password: TEST_PASSWORD,
        returnTo: '/account',
        _csrf: csrfFrom(page.text),
      });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/account');
  });

  it('never redirects off-site after sign-in', async () => {
    const agent = request.agent(app);
    const page = await agent.get('/sign-in');
    const ok = await agent
      .post('/sign-in')
      .type('form')
      .send({
        username: 'sw.one',
        password: TEST_PASSWORD,
        returnTo: '//evil.example/x',
        _csrf: csrfFrom(page.text),
      });
    expect(ok.headers.location).toBe('/');
  });

  it('changes the session id at sign-in (no session fixation)', async () => {
    const agent = request.agent(app);
    const page = await agent.get('/sign-in');
    const before = sessionCookie(page);
    expect(before).toBeDefined();
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ username: 'sw.one', password: TEST_PASSWORD, _csrf: csrfFrom(page.text) });
    const after = sessionCookie(res);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // The old session id no longer signs anyone in.
    const fixated = await request(app)
      .get('/account')
      .set('Cookie', before ?? '');
    expect(fixated.status).toBe(303);
    const fresh = await request(app)
      .get('/account')
      .set('Cookie', after ?? '');
    expect(fresh.status).toBe(200);
  });

  it('gives the same answer for a wrong password, an unknown username and a disabled account', async () => {
    const agent = request.agent(app);
    const answers = [
      await attempt(agent, 'sw.one', 'wrong password'),
      await attempt(agent, 'nobody', TEST_PASSWORD),
      await attempt(agent, 'gone', TEST_PASSWORD),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(summary(res.text)).toBe(WRONG_CREDENTIALS);
      expect(res.text).not.toMatch(/password is wrong|unknown user|disabled|not found/i);
    }
  });

  it('asks for missing fields by name', async () => {
    const res = await attempt(request.agent(app), '', '');
    expect(res.status).toBe(400);
    expect(summary(res.text)).toMatch(/Enter your username\s+Enter your password/);
  });

  it('throttles after 5 failures for a username, even with the right password', async () => {
    const agent = request.agent(app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(agent, 'throttled', 'nope')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const fifth = await attempt(agent, 'throttled', 'nope');
    expect(fifth.status).toBe(429);
    expect(summary(fifth.text)).toBe(THROTTLE_MESSAGE);
    const right = await attempt(agent, 'throttled', TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(summary(right.text)).toBe('Too many attempts. Wait 15 minutes and try again.');
  });

  it('audits sign-in, failures and sign-out', async () => {
    const { agent, csrf } = await signedIn(app, 'sw.one');
    const out = await agent.post('/sign-out').type('form').send({ _csrf: csrf });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/sign-in?signedOut=1');
    expect((await agent.get('/account')).status).toBe(303);
    const actions = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_name'])
      .orderBy('id')
      .execute();
    const kinds = new Set(actions.map((a) => a.action));
    expect(kinds).toEqual(new Set(['sign-in', 'sign-in-failed', 'sign-out']));
    expect(actions.at(-1)).toEqual({ action: 'sign-out', actor_name: 'sw.one' });
  });

  it('refuses a form posted without, or with a forged, CSRF token', async () => {
    const { agent } = await signedIn(app, 'sw.one');
    for (const token of [undefined, 'forged-token']) {
      const res = await agent
        .post('/sign-out')
        .type('form')
        .send(token ? { _csrf: token } : {});
      expect(res.status).toBe(403);
      expect(cheerio.load(res.text)('h1').text()).toBe('Your form could not be sent');
      expect(res.text).toContain(
        'Your form could not be sent. Go back, reload the page and try again.',
      );
    }
    expect((await agent.get('/account')).status).toBe(200);
  });
});
