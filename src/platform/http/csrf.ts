// CSRF protection (synchroniser token in the session) on every state-changing request, always on,
// tests included. Forms send `_csrf`; scripts send the `x-csrf-token` header; multipart forms (file
// uploads, whose body is read later by multer) may send `?_csrf=` in the action URL. Requests
// authenticated by a bearer token carry no cookie, so they are exempt.
import type { Express, Request } from 'express';
import { csrfSync } from 'csrf-sync';
import { CSRF_MESSAGE, isApi } from './errors.ts';

function tokenFrom(req: Request): string | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body._csrf === 'string') return body._csrf;
  const header = req.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  if (req.is('multipart/form-data') && typeof req.query._csrf === 'string') return req.query._csrf;
  return undefined;
}

export function setUpCsrf(app: Express): void {
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: tokenFrom,
    // Unauthenticated API calls are answered 401 by requireSignIn rather than 403 here.
    skipCsrfProtection: (req) => req.authVia === 'token' || (!req.actor && isApi(req)),
    errorConfig: { statusCode: 403, message: CSRF_MESSAGE, code: 'EBADCSRFTOKEN' },
  });
  app.use(csrfSynchronisedProtection);
  app.use((req, res, next) => {
    if (req.authVia !== 'token') res.locals.csrfToken = generateToken(req);
    next();
  });
}
