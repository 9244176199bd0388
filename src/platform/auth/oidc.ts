// OpenID Connect sign-in (authorization code + PKCE) with openid-client, for councils whose staff
// sign in with Microsoft Entra ID or another identity provider. Enabled when HEARTH_OIDC_* are set.
// Users are matched by subject, or on first sign-in by username = preferred_username or email;
// roles come from the configured claim (HEARTH_OIDC_ROLE_CLAIM) when the token carries it.
import { Router, type Response } from 'express';
import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { systemActor } from '../access/actor.ts';
import { isRole, type Role } from '../access/roles.ts';
import { audit } from '../audit/audit.ts';
import { save } from '../session/session.ts';
import { anonymousActor, clientAddress, safeReturnTo } from './authenticate.ts';
import { startSession } from './signIn.ts';

type OidcConfig = NonNullable<Config['oidc']>;

/** Claim values to Hearth roles: "social_worker", "Hearth.SocialWorker", "team-manager" all work. */
export function rolesFromClaim(value: unknown): Role[] {
  const values = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];
  const roles = new Set<Role>();
  for (const v of values) {
    const name = v
      .replace(/^hearth[._:-]/i, '')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .replace(/[\s-]+/g, '_')
      .toLowerCase();
    if (isRole(name)) roles.add(name);
  }
  return [...roles];
}

export type OidcMatch = { userId: number } | { refused: string };

/** Find (or link, or create) the Hearth user for an identity provider's claims. */
export async function matchOidcUser(
  db: Db,
  claims: Record<string, unknown>,
  roleClaim: string,
): Promise<OidcMatch> {
  const sub = String(claims.sub);
  const preferred =
    typeof claims.preferred_username === 'string' ? claims.preferred_username : undefined;
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  const name = typeof claims.name === 'string' ? claims.name : (preferred ?? email ?? sub);
  const hasRoleClaim = roleClaim in claims;
  const roles = rolesFromClaim(claims[roleClaim]);
  const actor = systemActor('oidc');
  return db.transaction().execute(async (trx) => {
    let user = await trx
      .selectFrom('app_user')
      .select(['id', 'disabled', 'roles'])
      .where('oidc_subject', '=', sub)
      .executeTakeFirst();
    if (!user) {
      const names = [preferred, email].filter((n): n is string => !!n).map((n) => n.toLowerCase());
      if (names.length) {
        user = await trx
          .selectFrom('app_user')
          .select(['id', 'disabled', 'roles'])
          .where((eb) => eb(eb.fn('lower', ['username']), 'in', names))
          .where('oidc_subject', 'is', null)
          .orderBy('id')
          .executeTakeFirst();
        if (user) {
          await trx
            .updateTable('app_user')
            .set({ oidc_subject: sub })
            .where('id', '=', user.id)
            .execute();
          await audit(trx, actor, {
            action: 'update',
            recordType: 'user',
            recordId: user.id,
            detail: { linked: 'oidc_subject' },
          });
        }
      }
    }
    if (!user) {
      if (roles.length === 0)
        return {
          refused: 'Your account has no Hearth role. Ask your administrator to give you one.',
        };
      const created = await trx
        .insertInto('app_user')
        .values({
          username: preferred ?? email ?? sub,
          display_name: name,
          email: email ?? null,
          phone: null,
          password_hash: null,
          oidc_subject: sub,
          roles,
          team_id: null,
          fte: 1,
          created_at: new Date(),
          last_sign_in_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, actor, {
        action: 'create',
        recordType: 'user',
        recordId: created.id,
        detail: { via: 'oidc', roles },
      });
      return { userId: created.id };
    }
    if (user.disabled)
      return { refused: 'Your Hearth account is disabled. Ask your administrator.' };
    if (hasRoleClaim && [...user.roles].sort().join() !== [...roles].sort().join()) {
      await trx.updateTable('app_user').set({ roles }).where('id', '=', user.id).execute();
      await audit(trx, actor, {
        action: 'update',
        recordType: 'user',
        recordId: user.id,
        detail: { roles, via: 'oidc' },
      });
    }
    return { userId: user.id };
  });
}

function insecureAllowed(issuer: string): boolean {
  const u = new URL(issuer);
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

export function oidcRoutes(db: Db, oidc: OidcConfig): Router {
  const router = Router();
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret,
        oidc.clientSecret ? undefined : client.None(),
        // Plain http only for an issuer on this machine (a test or development issuer).
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate, local issuers only
        insecureAllowed(oidc.issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        discovered = undefined;
        throw err;
      });
    return discovered;
  };
  const refuse = (res: Response, status: number, text: string) => {
    res.status(status).render('pages/message.njk', {
      title: 'You could not be signed in',
      paragraphs: [text],
      link: { href: '/sign-in', text: 'Go to the sign-in page' },
    });
  };

  router.get('/sign-in/oidc', async (req, res) => {
    const config = await configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    req.session.oidc = { state, nonce, codeVerifier, returnTo: safeReturnTo(req.query.returnTo) };
    await save(req);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: oidc.redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    res.redirect(303, url.href);
  });

  router.get(new URL(oidc.redirectUri).pathname, async (req, res) => {
    const pending = req.session.oidc;
    delete req.session.oidc;
    if (!pending) {
      refuse(res, 400, 'Your sign-in took too long or was started in another window. Try again.');
      return;
    }
    const config = await configuration();
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(
        config,
        new URL(req.originalUrl, oidc.redirectUri),
        {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
      );
      claims = tokens.claims();
    } catch (err) {
      req.log.warn({ err }, 'OpenID Connect sign-in failed');
    }
    if (!claims) {
      await db.transaction().execute((trx) =>
        audit(trx, anonymousActor(clientAddress(req)), {
          action: 'sign-in-failed',
          recordType: 'user',
          detail: { method: 'oidc' },
        }),
      );
      refuse(res, 401, 'Your council account could not be confirmed. Try again.');
      return;
    }
    const match = await matchOidcUser(db, claims, oidc.roleClaim);
    if ('refused' in match) {
      await db.transaction().execute((trx) =>
        audit(trx, anonymousActor(clientAddress(req)), {
          action: 'sign-in-failed',
          recordType: 'user',
          detail: { method: 'oidc', subject: String(claims.sub), why: match.refused },
        }),
      );
      refuse(res, 403, match.refused);
      return;
    }
    await startSession(db, req, match.userId, 'oidc');
    res.redirect(303, pending.returnTo);
  });
  return router;
}
