// Helpers for route tests (supertest against createApp on a freshDb()). Used by every area's
// *.int.test.ts: a config, an app, users, and signing in through the real sign-in form with CSRF.
import * as cheerio from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../app.ts';
import { loadConfig, type Config } from '../../config.ts';
import type { Connection } from '../../db/connect.ts';
import type { Role } from '../access/roles.ts';
import { hashPassword } from '../auth/password.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', HEARTH_LOG_LEVEL: 'silent', HEARTH_DEMO: 'false', ...env });
}

export function testApp(conn: Connection, env: Record<string, string> = {}): Express {
  return createApp({ config: testConfig(env), conn });
}

let passwordHash: Promise<string> | undefined;

export async function addUser(
  conn: Connection,
  username: string,
  roles: Role[],
  opts: { teamId?: number | null; disabled?: boolean; displayName?: string } = {},
): Promise<number> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const row = await conn.db
    .insertInto('app_user')
    .values({
      username,
      display_name: opts.displayName ?? `${username} Example`,
      email: null,
      phone: null,
      password_hash: await passwordHash,
      oidc_subject: null,
      roles,
      team_id: opts.teamId ?? null,
      fte: 1,
      disabled: opts.disabled ?? false,
      created_at: new Date(),
      last_sign_in_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The CSRF token in a page's forms. */
export function csrfFrom(html: string): string {
  const token = cheerio.load(html)('input[name="_csrf"]').first().val();
  if (typeof token !== 'string' || !token) throw new Error('no CSRF token on the page');
  return token;
}

/** A cookie-keeping client, signed in through the sign-in form. Returns it with a fresh CSRF token. */
export async function signedIn(
  app: Express,
  username: string,
  password = TEST_PASSWORD,
): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const agent = request.agent(app);
  const page = await agent.get('/sign-in');
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ username, password, _csrf: csrfFrom(page.text) });
  if (res.status !== 303) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  const home = await agent.get('/');
  return { agent, csrf: csrfFrom(home.text) };
}
