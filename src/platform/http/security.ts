// Security headers (helmet, with a per-request CSP nonce), no caching of pages, compression and
// body limits. Forms and JSON are limited to 100 KB; larger bodies answer 413.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import nocache from 'nocache';

export const BODY_LIMIT = '100kb';

export function setUpSecurityHeaders(app: Express, opts: { secureCookies: boolean }): void {
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    next();
  });
  const nonce = (_req: IncomingMessage, res: ServerResponse): string =>
    `'nonce-${(res as unknown as { locals: { cspNonce: string } }).locals.cspNonce}'`;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", nonce],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: opts.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: opts.secureCookies,
    }),
  );
}

export function setUpCompression(app: Express): void {
  app.use(compression());
}

/** Pages and API answers hold personal data: never cached by browsers or proxies. */
export function setUpNoCache(app: Express): void {
  app.use(nocache());
}

export function setUpBodyParsing(app: Express): void {
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 500 }));
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
}
