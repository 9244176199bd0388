// The idle timeout: after HEARTH_IDLE_TIMEOUT_MINUTES without a request the session has expired,
// and the sign-in page says why. Time is moved on with a fake clock (Date only), which the cookie
// jar, express-session and the session store all read.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addUser, signedIn, testApp } from '../http/testing.ts';

let t: TestDb;
let app: Express;

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t, { HEARTH_IDLE_TIMEOUT_MINUTES: '20' });
  await addUser(t, 'idle.worker', ['social_worker']);
});

afterAll(async () => {
  await t.dispose();
});

afterEach(() => {
  vi.useRealTimers();
});

const statusText = (html: string) => cheerio.load(html)('main [role=status]').text().trim();

async function afterMinutes(minutes: number) {
  const { agent } = await signedIn(app, 'idle.worker');
  expect((await agent.get('/account')).status).toBe(200);
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + minutes * 60_000 });
  const page = await agent.get('/account');
  return { agent, page };
}

describe('idle timeout', () => {
  it('signs out after 20 idle minutes and the sign-in page says so, once', async () => {
    const { agent, page } = await afterMinutes(20.5);
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Faccount');
    const signIn = await agent.get('/sign-in?returnTo=%2Faccount');
    expect(statusText(signIn.text)).toBe(
      'You were signed out because you were inactive for 20 minutes.',
    );
    expect(statusText((await agent.get('/sign-in')).text)).toBe('');
  });

  it('keeps the user signed in within the timeout (each request restarts it)', async () => {
    const { agent, page } = await afterMinutes(19);
    expect(page.status).toBe(200);
    vi.setSystemTime(Date.now() + 19 * 60_000);
    expect((await agent.get('/account')).status).toBe(200);
  });

  it('says nothing about inactivity after signing out', async () => {
    const { agent, csrf } = await signedIn(app, 'idle.worker');
    const out = await agent.post('/sign-out').type('form').send({ _csrf: csrf });
    expect(out.headers.location).toBe('/sign-in?signedOut=1');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60 * 60_000 });
    expect(statusText((await agent.get('/sign-in?signedOut=1')).text)).toBe('You have signed out.');
  });

  it('says nothing to someone who was never signed in', async () => {
    const { default: request } = await import('supertest');
    expect(statusText((await request(app).get('/sign-in')).text)).toBe('');
  });
});
