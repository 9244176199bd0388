// Who is asking: a bearer token (API clients) or the session's user. Pages and API routes behind
// requireSignIn need one or the other.
import type { Express, Request, RequestHandler } from 'express';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../access/actor.ts';
import { isApi } from '../http/errors.ts';
import { sendProblem } from '../http/problem.ts';
import './request.ts';
import { noteActivity } from './idle.ts';
import { actorForToken } from './tokens.ts';
import { actorForUser } from './users.ts';

export function clientAddress(req: Request): string | null {
  return req.ip ?? null;
}

/** An unauthenticated party (a failed sign-in by an unknown username), for the audit trail. */
export function anonymousActor(address: string | null): Actor {
  return {
    userId: 0,
    username: 'anonymous',
    displayName: 'Anonymous',
    roles: [],
    teamId: null,
    address,
  };
}

export function setUpAuthentication(app: Express, db: Db): void {
  app.use(async (req, res, next) => {
    const header = req.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) {
      const actor = await actorForToken(db, header.slice(7).trim(), clientAddress(req));
      if (!actor) {
        sendProblem(res, {
          status: 401,
          title: 'Unauthorised',
          detail: 'The token is not valid: it may be mistyped, revoked or expired.',
        });
        return;
      }
      req.actor = actor;
      req.authVia = 'token';
    } else if (req.session.userId !== undefined) {
      const actor = await actorForUser(db, req.session.userId, clientAddress(req));
      if (actor) {
        req.actor = actor;
        req.authVia = 'session';
        noteActivity(req, res);
      } else {
        delete req.session.userId;
      }
    }
    res.locals.user = req.actor;
    if (req.session.flash) {
      res.locals.flash = req.session.flash;
      delete req.session.flash;
    }
    next();
  });
}

/** Everything mounted after this needs a signed-in user or a valid token. */
export const requireSignIn: RequestHandler = (req, res, next) => {
  if (req.actor) {
    next();
    return;
  }
  if (isApi(req)) {
    sendProblem(res, {
      status: 401,
      title: 'Unauthorised',
      detail: 'Sign in, or send a personal access token as "Authorization: Bearer <token>".',
    });
    return;
  }
  res.redirect(303, `/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}`);
};

/** Only same-site paths: "/x" but not "//evil.example" or "/\\evil". */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /^\/[/\\]/.test(value)) return '/';
  return value;
}

/** The signed-in actor; routes behind requireSignIn can rely on it. */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw new Error('actorOf() used on a route not behind requireSignIn');
  return req.actor;
}
