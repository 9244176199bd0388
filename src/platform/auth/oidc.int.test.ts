// OpenID Connect sign-in against a local mock issuer: discovery, authorization code with PKCE, an
// RS256 id_token signed with a key made here, and the JWKS to check it.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express, { type Express } from 'express';
import request from 'supertest';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addUser, testApp } from '../http/testing.ts';
import { rolesFromClaim } from './oidc.ts';

const CLIENT_ID = 'hearth-test';
const CLIENT_SECRET = 'test-secret';
const REDIRECT = 'http://127.0.0.1:3999/sign-in/oidc/callback';

interface Pending {
  nonce: string;
  challenge: string;
  claims: Record<string, unknown>;
}

function mockIssuer(privateKey: KeyObject, publicKey: KeyObject) {
  const app = express();
  const codes = new Map<string, Pending>();
  const state = { issuer: '', nextClaims: {} as Record<string, unknown> };
  const b64 = (v: object | Buffer) =>
    (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');
  app.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer: state.issuer,
      authorization_endpoint: `${state.issuer}/authorize`,
      token_endpoint: `${state.issuer}/token`,
      jwks_uri: `${state.issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    });
  });
  app.get('/jwks', (_req, res) => {
    res.json({
      keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }],
    });
  });
  app.get('/authorize', (req, res) => {
    const q = req.query as Record<string, string>;
    if (q.client_id !== CLIENT_ID || q.code_challenge_method !== 'S256' || !q.code_challenge) {
      res.status(400).send('bad request');
      return;
    }
    const code = randomBytes(8).toString('hex');
    codes.set(code, {
      nonce: q.nonce ?? '',
      challenge: q.code_challenge,
      claims: state.nextClaims,
    });
    res.redirect(`${q.redirect_uri ?? ''}?code=${code}&state=${encodeURIComponent(q.state ?? '')}`);
  });
  app.post('/token', express.urlencoded({ extended: false }), (req, res) => {
    const body = req.body as Record<string, string>;
    const pending = codes.get(body.code ?? '');
    codes.delete(body.code ?? '');
    const verifier = createHash('sha256')
      .update(body.code_verifier ?? '')
      .digest('base64url');
    if (!pending || verifier !== pending.challenge) {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const header = b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' });
    const payload = b64({
      iss: state.issuer,
      aud: CLIENT_ID,
      iat: now,
      exp: now + 300,
      nonce: pending.nonce,
      ...pending.claims,
    });
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), privateKey).toString(
      'base64url',
    );
    res.json({
      access_token: 'at',
      token_type: 'Bearer',
      expires_in: 300,
      id_token: `${header}.${payload}.${signature}`,
    });
  });
  return { app, state };
}

let t: TestDb;
let issuer: ReturnType<typeof mockIssuer>;
let server: Server;
let app: Express;

beforeAll(async () => {
  t = await freshDb();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  issuer = mockIssuer(privateKey, publicKey);
  server = await new Promise<Server>((resolve) => {
    const s = issuer.app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  issuer.state.issuer = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  app = testApp(t, {
    HEARTH_OIDC_ISSUER: issuer.state.issuer,
    HEARTH_OIDC_CLIENT_ID: CLIENT_ID,
    HEARTH_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    HEARTH_OIDC_REDIRECT_URI: REDIRECT,
  });
  await addUser(t, 'tm.local', ['social_worker']);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.dispose();
});

/** Walk the redirects: Hearth → issuer /authorize → Hearth callback. */
async function oidcSignIn(claims: Record<string, unknown>, tamper = false) {
  issuer.state.nextClaims = claims;
  const agent = request.agent(app);
  const start = await agent.get('/sign-in/oidc?returnTo=%2Faccount');
  expect(start.status).toBe(303);
  const authorize = new URL(String(start.headers.location));
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(String(back.headers.get('location')));
  if (tamper) callback.searchParams.set('state', 'forged');
  const done = await agent.get(`${callback.pathname}${callback.search}`);
  return { agent, done };
}

describe('OpenID Connect sign-in', () => {
  it('offers the council sign-in on the sign-in page', async () => {
    const page = await request(app).get('/sign-in');
    expect(page.text).toContain('Sign in with your council account');
  });

  it('creates a user from the claims, with roles from the role claim', async () => {
    const { agent, done } = await oidcSignIn({
      sub: 'entra-1',
      preferred_username: 'new.worker@council.example',
      email: 'new.worker@council.example',
      name: 'New Worker',
      roles: ['Hearth.SocialWorker', 'Other.App.Role'],
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/account');
    const me = await agent.get('/api/v1/me');
    expect(me.body).toMatchObject({
      username: 'new.worker@council.example',
      displayName: 'New Worker',
      roles: ['social_worker'],
    });
  });

  it('links an existing account by username on first sign-in and takes roles from the claim', async () => {
    const { agent, done } = await oidcSignIn({
      sub: 'entra-2',
      preferred_username: 'TM.LOCAL',
      roles: ['team_manager'],
    });
    expect(done.status).toBe(303);
    expect((await agent.get('/api/v1/me')).body).toMatchObject({
      username: 'tm.local',
      roles: ['team_manager'],
    });
    const row = await t.db
      .selectFrom('app_user')
      .select('oidc_subject')
      .where('username', '=', 'tm.local')
      .executeTakeFirstOrThrow();
    expect(row.oidc_subject).toBe('entra-2');
  });

  it('refuses someone with no Hearth role and no account', async () => {
    const { done } = await oidcSignIn({
      sub: 'entra-3',
      preferred_username: 'visitor@council.example',
      roles: [],
    });
    expect(done.status).toBe(403);
    expect(done.text).toContain(
      'Your account has no Hearth role. Ask your administrator to give you one.',
    );
  });

  it('refuses a callback whose state does not match', async () => {
    const { agent, done } = await oidcSignIn({ sub: 'entra-1', roles: ['social_worker'] }, true);
    expect(done.status).toBe(401);
    expect(done.text).not.toMatch(/at .*\.ts:\d+/);
    expect((await agent.get('/api/v1/me')).status).toBe(401);
  });
});

describe('rolesFromClaim', () => {
  it.each([
    [['social_worker'], ['social_worker']],
    [
      ['Hearth.TeamManager', 'Hearth.IRO'],
      ['team_manager', 'iro'],
    ],
    [
      ['hearth-panel-member', 'admin'],
      ['panel_member', 'admin'],
    ],
    ['analyst personal_adviser', ['analyst', 'personal_adviser']],
    [undefined, []],
    [42, []],
  ])('%j → %j', (claim, roles) => {
    expect(rolesFromClaim(claim)).toEqual(roles);
  });
});
