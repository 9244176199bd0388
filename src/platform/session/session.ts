// Sessions stored in the `session` table (connect-pg-simple through Kysely's driver, so session
// I/O queues with every other query on PGlite's single connection). Cookies are httpOnly,
// sameSite=lax, secure per HEARTH_SECURE_COOKIES, and expire after the idle timeout (rolling).
import { randomBytes } from 'node:crypto';
import connectPgSimple from 'connect-pg-simple';
import type { Express, RequestHandler } from 'express';
import session from 'express-session';
import { CompiledQuery } from 'kysely';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { lazy } from '../http/lazy.ts';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    signedInAt: number;
    /** A one-off success message shown on the next page. */
    flash: string;
    /** OpenID Connect sign-in in progress. */
    oidc: { state: string; nonce: string; codeVerifier: string; returnTo: string };
  }
}

export const SESSION_COOKIE = 'hearth.sid';
const SECRET_KEY = 'session_secret';

/** HEARTH_SESSION_SECRET, or the secret generated on first start and kept in `setting`. */
export async function sessionSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto('setting')
    .values({ key: SECRET_KEY, value: randomBytes(48).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', SECRET_KEY)
    .executeTakeFirstOrThrow();
  return row.value;
}

export function createSessionMiddleware(
  db: Db,
  config: Config,
  secret: string,
  logger: Logger,
): RequestHandler {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool: {
      query: (text: string, params?: unknown[]) =>
        db.executeQuery(CompiledQuery.raw(text, params ?? [])),
    } as unknown as Pool,
    tableName: 'session',
    createTableIfMissing: false,
    pruneSessionInterval: process.env.NODE_ENV === 'test' ? false : 15 * 60,
    errorLog: (...args: unknown[]) => {
      logger.error({ args }, 'session store error');
    },
  });
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      secure: config.secureCookies,
      sameSite: 'lax',
      maxAge: config.idleTimeoutMinutes * 60_000,
    },
  });
}

/** The session middleware is built on first use, once the secret has been read or generated. */
export function setUpSessions(app: Express, db: Db, config: Config, logger: Logger): void {
  app.use(
    lazy(async () =>
      createSessionMiddleware(db, config, await sessionSecret(db, config.sessionSecret), logger),
    ),
  );
}

/** Promisified session operations. */
export function regenerate(req: { session: session.Session }): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error('session store failed'));
      else resolve();
    });
  });
}

export function destroy(req: { session: session.Session }): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.destroy((err: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error('session store failed'));
      else resolve();
    });
  });
}

export function save(req: { session: session.Session }): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.save((err: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error('session store failed'));
      else resolve();
    });
  });
}
