import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { systemActor } from '../access/actor.ts';
import { addUser, signedIn, testApp } from '../http/testing.ts';
import { createToken, revokeToken } from '../../features/admin/tokenService.ts';

let t: TestDb;
let app: Express;
let adminId: number;
let analystId: number;
beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  adminId = await addUser(t, 'admin.one', ['admin']);
  analystId = await addUser(t, 'analyst.one', ['analyst']);
});
afterAll(async () => {
  await t.dispose();
});

async function token(userId: number, scopes: string[], expiresOn: string | null = null) {
  return (
    await createToken(t.db, systemActor('test'), {
      userId,
      name: 'test',
      scopes: scopes as never,
      expiresOn,
    })
  ).token;
}

function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.body as {
    status: number;
    title: string;
    detail: string;
    errors?: { field: string; message: string }[];
  };
  expect(body.status).toBe(status);
  expect(res.text).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  return body;
}

describe('API authentication', () => {
  it('answers 401 problem+json without a session or token', async () => {
    expectProblem(await request(app).get('/api/v1/me'), 401);
    expectProblem(await request(app).post('/api/v1/users').send({}), 401);
  });

  it('accepts a bearer token, narrowed to its scopes', async () => {
    const tk = await token(adminId, ['user:manage']);
    const me = await request(app).get('/api/v1/me').set('Authorization', `Bearer ${tk}`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'admin.one',
      authenticatedBy: 'token',
      permissions: ['user:manage'],
    });
    const users = await request(app).get('/api/v1/users').set('Authorization', `Bearer ${tk}`);
    expect(users.status).toBe(200);
    expect(
      (users.body as { users: { username: string }[] }).users.map((u) => u.username),
    ).toContain('analyst.one');
  });

  it('refuses a token without the scope, even for an administrator', async () => {
    const tk = await token(adminId, ['audit:read']);
    const body = expectProblem(
      await request(app).get('/api/v1/users').set('Authorization', `Bearer ${tk}`),
      403,
    );
    expect(body.detail).toMatch(/user:manage/);
  });

  it('refuses a scope the user’s roles do not give', async () => {
    const tk = await token(analystId, ['user:manage']);
    expectProblem(
      await request(app).get('/api/v1/users').set('Authorization', `Bearer ${tk}`),
      403,
    );
  });

  it('refuses revoked, unknown and expired tokens with 401', async () => {
    const tk = await token(adminId, ['user:manage']);
    const row = await t.db
      .selectFrom('api_token')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await revokeToken(t.db, systemActor('test'), row.id);
    expectProblem(await request(app).get('/api/v1/me').set('Authorization', `Bearer ${tk}`), 401);
    expectProblem(
      await request(app).get('/api/v1/me').set('Authorization', 'Bearer hearth_made-up'),
      401,
    );
    const expiring = await token(adminId, ['user:manage']);
    await t.db
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '!=', '')
      .where('revoked_at', 'is', null)
      .execute();
    expectProblem(
      await request(app).get('/api/v1/me').set('Authorization', `Bearer ${expiring}`),
      401,
    );
  });

  it('stores only the sha256 of a token', async () => {
    const tk = await token(adminId, []);
    const rows = await t.db.selectFrom('api_token').select(['token_hash', 'prefix']).execute();
    expect(rows.some((r) => r.token_hash === tk)).toBe(false);
    expect(rows.some((r) => r.prefix === tk.slice(0, 12))).toBe(true);
  });
});

describe('API with a session', () => {
  it('needs the CSRF token in a header to change anything', async () => {
    const { agent, csrf } = await signedIn(app, 'admin.one');
    const body = { username: 'new.one', displayName: 'New Example', roles: ['iro'] };
    const without = await agent.post('/api/v1/users').send(body);
    expect(without.status).toBe(403);
    const ok = await agent.post('/api/v1/users').set('x-csrf-token', csrf).send(body);
    expect(ok.status).toBe(201);
    expect((ok.body as { password: string }).password).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
  });

  it('answers bad input with problem+json and nothing saved', async () => {
    const tk = await token(adminId, ['user:manage']);
    const auth = { Authorization: `Bearer ${tk}` };
    const malformed = await request(app)
      .post('/api/v1/users')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"username": ');
    expect(expectProblem(malformed, 400).detail).toBe('The request body is not valid JSON.');

    const unknown = await request(app)
      .post('/api/v1/users')
      .set(auth)
      .send({ username: 'x.y', displayName: 'X', roles: ['iro'], isSuperuser: true });
    expect(expectProblem(unknown, 400).errors).toEqual([
      { field: 'isSuperuser', message: 'Unknown field' },
    ]);

    const invalid = await request(app)
      .post('/api/v1/users')
      .set(auth)
      .send({ username: '', displayName: 'X', roles: ['wizard'] });
    const errors = expectProblem(invalid, 400).errors ?? [];
    expect(errors.map((e) => e.field).sort()).toEqual(['roles.0', 'username']);

    const big = await request(app)
      .post('/api/v1/users')
      .set(auth)
      .send({ username: 'big', displayName: 'x'.repeat(200_000), roles: ['iro'] });
    expectProblem(big, 413);

    const taken = await request(app)
      .post('/api/v1/users')
      .set(auth)
      .send({ username: 'ADMIN.ONE', displayName: 'Dup', roles: ['iro'] });
    expect(expectProblem(taken, 400).errors).toEqual([
      { field: 'username', message: 'That username is already taken: choose another' },
    ]);

    const names = (await t.db.selectFrom('app_user').select('username').execute()).map(
      (u) => u.username,
    );
    expect(names).not.toContain('x.y');
    expect(names).not.toContain('big');
    expectProblem(await request(app).get('/api/v1/nothing-here').set(auth), 404);
  });

  it('answers an oversized form with a 413 page', async () => {
    const res = await request(app)
      .post('/sign-in')
      .type('form')
      .send({ username: 'x'.repeat(150_000), password: 'y' });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('Too much information sent');
  });
});

describe('OpenAPI document', () => {
  it('is generated from the registered routes’ schemas', async () => {
    const res = await request(app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            'x-permission': string;
            requestBody?: {
              content: {
                'application/json': {
                  schema: { additionalProperties: boolean; required: string[] };
                };
              };
            };
          }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/me',
        '/api/v1/users',
        '/api/v1/audit-events',
        '/api/v1/home',
      ]),
    );
    expect(doc.paths['/api/v1/users']?.get?.['x-permission']).toBe('user:manage');
    const body = doc.paths['/api/v1/users']?.post?.requestBody?.content['application/json'].schema;
    expect(body?.additionalProperties).toBe(false);
    expect(body?.required).toEqual(expect.arrayContaining(['username', 'displayName', 'roles']));
  });
});

describe('home API', () => {
  it('gives an analyst the figures section, empty, and no casework', async () => {
    const tk = await token(analystId, ['figures:read']);
    const res = await request(app).get('/api/v1/home').set('Authorization', `Bearer ${tk}`);
    expect(res.status).toBe(200);
    const home = res.body as { sections: { id: string; items: unknown[] }[] };
    expect(home.sections.map((s) => s.id)).toContain('figures');
    expect(home.sections.map((s) => s.id)).not.toContain('caseload');
  });
});
