// Local sign-in and sign-out. A failure never says whether the username or the password was wrong;
// repeated failures are throttled; the session id changes at sign-in (no fixation) and the session
// is destroyed at sign-out. Each outcome is audited.
import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.ts';
import { formError, formErrors, type FormErrors } from '../http/forms.ts';
import { SESSION_COOKIE, destroy, regenerate, save } from '../session/session.ts';
import { anonymousActor, clientAddress, safeReturnTo } from './authenticate.ts';
import { DEMO_PASSWORD, demoAccountsWanted } from './demoAccounts.ts';
import { forgetActivity, inactiveMessage, timedOut } from './idle.ts';
import { verifyPassword } from './password.ts';
import {
  THROTTLE_MESSAGE,
  clearFailures,
  isThrottled,
  recordFailure,
  throttleKeys,
} from './throttle.ts';
import { actorForUser, findUserByUsername } from './users.ts';

export const WRONG_CREDENTIALS = 'Enter a correct username and password';

const SignInForm = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'Enter your username')
    .max(200, 'Enter a correct username and password'),
  password: z.string().min(1, 'Enter your password').max(1000, WRONG_CREDENTIALS),
  returnTo: z.string().optional(),
});

/** Start a fresh session for a user who has proved who they are (local or OpenID Connect). */
export async function startSession(
  db: Db,
  req: Request,
  userId: number,
  method: string,
): Promise<Actor> {
  await regenerate(req);
  req.session.userId = userId;
  req.session.signedInAt = Date.now();
  const actor = await actorForUser(db, userId, clientAddress(req));
  if (!actor) throw new Error('user vanished during sign-in');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ last_sign_in_at: new Date() })
      .where('id', '=', userId)
      .execute();
    await audit(trx, actor, {
      action: 'sign-in',
      recordType: 'user',
      recordId: userId,
      detail: { method },
    });
  });
  await save(req);
  return actor;
}

export function signInRoutes(db: Db, config: Config, oidcEnabled: boolean): Router {
  const router = Router();
  const demo = demoAccountsWanted(config);

  const render = (
    res: Response,
    status: number,
    locals: Partial<FormErrors> & Record<string, unknown>,
  ) => {
    res.status(status).render('auth/sign-in.njk', {
      errors: {},
      oidcEnabled,
      demoPassword: demo ? DEMO_PASSWORD : undefined,
      ...locals,
    });
  };

  const backstop = rateLimit({
    windowMs: 15 * 60_000,
    limit: 60,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      render(res, 429, {
        ...formError(THROTTLE_MESSAGE, 'username'),
        returnTo: safeReturnTo(req.body && (req.body as { returnTo?: unknown }).returnTo),
      });
    },
  });

  router.get('/sign-in', (req, res) => {
    if (req.actor) {
      res.redirect(303, '/');
      return;
    }
    const inactive = timedOut(req, config.idleTimeoutMinutes);
    forgetActivity(req, res);
    render(res, 200, {
      returnTo: safeReturnTo(req.query.returnTo),
      signedOut: req.query.signedOut === '1',
      inactiveMessage: inactive ? inactiveMessage(config.idleTimeoutMinutes) : undefined,
    });
  });

  router.post('/sign-in', backstop, async (req, res) => {
    const parsed = SignInForm.safeParse(req.body);
    const body = req.body as Record<string, unknown> | undefined;
    const returnTo = safeReturnTo(body?.returnTo);
    const typed = typeof body?.username === 'string' ? body.username : '';
    if (!parsed.success) {
      render(res, 400, { ...formErrors(parsed.error), username: typed, returnTo });
      return;
    }
    const { username, password } = parsed.data;
    const address = clientAddress(req);
    const keys = throttleKeys(username, address);
    const user = await findUserByUsername(db, username);
    const who: Actor = user
      ? {
          userId: user.id,
          username: user.username,
          displayName: user.display_name,
          roles: [],
          teamId: null,
          address,
        }
      : anonymousActor(address);
    const fail = async (why: string, message: string, status: number) => {
      await db.transaction().execute((trx) =>
        audit(trx, who, {
          action: 'sign-in-failed',
          recordType: 'user',
          recordId: user?.id ?? null,
          detail: { username, why },
        }),
      );
      render(res, status, { ...formError(message, 'username'), username, returnTo });
    };

    if (await isThrottled(db, keys)) {
      await fail('throttled', THROTTLE_MESSAGE, 429);
      return;
    }
    const passwordOk = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !passwordOk || user.disabled) {
      await recordFailure(db, keys);
      const why = !user ? 'unknown username' : !passwordOk ? 'wrong password' : 'account disabled';
      if (await isThrottled(db, keys)) await fail(why, THROTTLE_MESSAGE, 429);
      else await fail(why, WRONG_CREDENTIALS, 401);
      return;
    }
    await clearFailures(db, keys);
    await startSession(db, req, user.id, 'password');
    res.redirect(303, returnTo);
  });

  router.post('/sign-out', async (req, res) => {
    const actor = req.actor;
    if (actor && req.authVia === 'session') {
      await db
        .transaction()
        .execute((trx) =>
          audit(trx, actor, { action: 'sign-out', recordType: 'user', recordId: actor.userId }),
        );
    }
    forgetActivity(req, res, true);
    await destroy(req);
    res.clearCookie(SESSION_COOKIE, {
      httpOnly: true,
      secure: config.secureCookies,
      sameSite: 'lax',
    });
    res.redirect(303, '/sign-in?signedOut=1');
  });

  return router;
}
