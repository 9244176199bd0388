// `hearth token create` run through the command on a fresh database: the token is printed once,
// works against /api/v1/me, is narrowed by --scope, and an expiry in the past is refused.
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addUser, testApp } from '../../platform/http/testing.ts';
import { UsageError, type CliIo } from '../command.ts';
import { makeCommand } from './token.ts';

let t: TestDb;
let app: Express;

function captured(): CliIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (s) => out_.push(s), err: (s) => err_.push(s) };
}

async function create(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = captured();
  const code = await makeCommand(t).run(['create', ...args], io);
  return { code, out: io.out_, err: io.err_ };
}

const me = (token: string) =>
  request(app).get('/api/v1/me').set('Authorization', `Bearer ${token}`);

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  await addUser(t, 'admin.one', ['admin']);
  await addUser(t, 'gone.away', ['social_worker'], { disabled: true });
});

afterAll(async () => {
  await t.dispose();
});

describe('hearth token create', () => {
  it('prints the token alone on standard output, keeps only its hash, and it authenticates', async () => {
    const r = await create(['--user', 'Admin.One', '--name', 'Nightly export']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const token = r.out[0] ?? '';
    const stored = await t.db
      .selectFrom('api_token')
      .select(['name', 'token_hash', 'prefix', 'scopes'])
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe('Nightly export');
    expect(stored.token_hash).not.toContain(token);
    expect(token.startsWith(stored.prefix)).toBe(true);
    expect(stored.scopes).toEqual([]);
    expect(r.err).toEqual([
      `Token ${stored.prefix}… created for Admin.One. Copy it now: it is not shown again.`,
    ]);
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: 'admin.one',
      authenticatedBy: 'token',
      tokenScopes: [],
      permissions: [],
    });
    expect(
      (await request(app).get('/api/v1/users').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(403);
  });

  it('narrows the token to its --scope: user:manage lists users but cannot read the audit log', async () => {
    const r = await create([
      '--user',
      'admin.one',
      '--name',
      'Users sync',
      '--scope',
      'user:manage',
    ]);
    expect(r.code).toBe(0);
    const token = r.out[0] ?? '';
    expect((await me(token)).body).toMatchObject({
      tokenScopes: ['user:manage'],
      permissions: ['user:manage'],
    });
    const auth = { Authorization: `Bearer ${token}` };
    expect((await request(app).get('/api/v1/users').set(auth)).status).toBe(200);
    expect((await request(app).get('/api/v1/audit-events').set(auth)).status).toBe(403);
  });

  it('refuses an expiry date in the past with exit code 1 and creates nothing', async () => {
    const before = await t.db.selectFrom('api_token').select('id').execute();
    const r = await create(['--user', 'admin.one', '--name', 'Old', '--expires', '2020-01-31']);
    expect(r).toEqual({
      code: 1,
      out: [],
      err: ['hearth token create: Expiry date must be in the future'],
    });
    expect(await t.db.selectFrom('api_token').select('id').execute()).toEqual(before);
  });

  it('sets the expiry to the end of the given day', async () => {
    const r = await create([
      '--user',
      'admin.one',
      '--name',
      'Until 2099',
      '--expires',
      '2099-12-31',
    ]);
    expect(r.code).toBe(0);
    const row = await t.db
      .selectFrom('api_token')
      .select('expires_at')
      .where('name', '=', 'Until 2099')
      .executeTakeFirstOrThrow();
    expect(new Date(row.expires_at ?? 0).toISOString()).toBe('2099-12-31T23:59:59.999Z');
    expect((await me(r.out[0] ?? '')).status).toBe(200);
  });

  it('refuses an unknown or disabled user with exit code 1', async () => {
    expect(await create(['--user', 'nobody', '--name', 'x'])).toEqual({
      code: 1,
      out: [],
      err: ['hearth token create: there is no user "nobody"'],
    });
    expect(await create(['--user', 'gone.away', '--name', 'x'])).toEqual({
      code: 1,
      out: [],
      err: ['hearth token create: Select an active user'],
    });
  });

  it.each([
    [['create', '--name', 'x'], '--user is needed'],
    [['create', '--user', 'admin.one', '--name', 'x', '--scope', 'everything'], 'scopes.0'],
    [['revoke'], 'unknown sub-command "revoke"'],
  ])('refuses %j as a usage error', async (args, message) => {
    await expect(makeCommand(t).run(args, captured())).rejects.toThrow(UsageError);
    await expect(makeCommand(t).run(args, captured())).rejects.toThrow(message);
  });
});
