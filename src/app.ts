// The Express app: a readable chain of setUpX() steps, in the order requests meet them.
import path from 'node:path';
import express, { Router, type Express } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Connection } from './db/connect.ts';
import { openApiDocument } from './platform/api/openapi.ts';
import { apiRouter } from './platform/api/registry.ts';
import { requireSignIn, setUpAuthentication } from './platform/auth/authenticate.ts';
import { demoAccountsWanted } from './platform/auth/demoAccounts.ts';
import { oidcRoutes } from './platform/auth/oidc.ts';
import { signInRoutes } from './platform/auth/signIn.ts';
import { setUpCsrf } from './platform/http/csrf.ts';
import { formatUkDateTime } from './platform/http/dates.ts';
import { errorHandler, notFound } from './platform/http/errors.ts';
import { loadFeatures, type Feature, type FeatureDeps } from './platform/http/features.ts';
import { lazy } from './platform/http/lazy.ts';
import { createLogger, setUpLogging } from './platform/http/logging.ts';
import { navigationFor } from './platform/http/navigation.ts';
import {
  setUpBodyParsing,
  setUpCompression,
  setUpNoCache,
  setUpSecurityHeaders,
} from './platform/http/security.ts';
import { setUpSessions } from './platform/session/session.ts';
import { root } from './platform/views/css.ts';
import { setUpViews } from './platform/views/nunjucks.ts';
import { version } from './version.ts';

export interface AppDeps {
  config: Config;
  conn: Connection;
  logger?: Logger;
}

export function createApp(deps: AppDeps): Express {
  const { config, conn } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const featureDeps: FeatureDeps = { config, db: conn.db, engine: conn.engine, logger };
  const features = loadFeatures();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  setUpViews(app, { authority: config.authority, demo: demoAccountsWanted(config) }).addFilter(
    'ukDateTime',
    formatUkDateTime,
  );
  setUpLogging(app, logger);
  setUpSecurityHeaders(app, { secureCookies: config.secureCookies });
  setUpCompression(app);
  setUpHealth(app, deps);
  setUpStatic(app);
  setUpNoCache(app);
  setUpBodyParsing(app);
  setUpSessions(app, conn.db, config, logger);
  setUpAuthentication(app, conn.db);
  setUpCsrf(app);
  setUpNavigation(app, features);
  setUpPublicPages(app, featureDeps, features);
  setUpApiDocument(app, features);
  app.use(requireSignIn);
  setUpApi(app, featureDeps, features);
  setUpFeaturePages(app, featureDeps, features);
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

function setUpHealth(app: Express, { conn }: AppDeps): void {
  app.get('/health', async (_req, res) => {
    try {
      await conn.db.selectFrom('setting').select('key').limit(1).execute();
      res.json({ status: 'ok', database: conn.engine, version });
    } catch {
      res.status(503).json({ status: 'unavailable', database: conn.engine, version });
    }
  });
}

function setUpStatic(app: Express): void {
  const opts = { maxAge: '1h', index: false as const };
  app.use(express.static(path.join(root, 'public'), opts));
  app.use(
    '/assets',
    express.static(path.join(root, 'node_modules/govuk-frontend/dist/govuk/assets'), opts),
  );
  app.use(
    '/assets/govuk-frontend.min.js',
    express.static(
      path.join(root, 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js'),
      opts,
    ),
  );
}

function setUpNavigation(app: Express, features: Promise<Feature[]>): void {
  app.use(
    lazy(async () => {
      const items = (await features).flatMap((f) => f.nav ?? []);
      return (req, res, next) => {
        res.locals.navigation = navigationFor(items, req.actor, req.path);
        next();
      };
    }),
  );
}

/** Sign-in, sign-out and the pages anyone may read (privacy, accessibility). */
function setUpPublicPages(app: Express, deps: FeatureDeps, features: Promise<Feature[]>): void {
  app.use(signInRoutes(deps.db, deps.config, deps.config.oidc !== undefined));
  if (deps.config.oidc) app.use(oidcRoutes(deps.db, deps.config.oidc));
  app.use(
    lazy(async () => {
      const router = Router();
      for (const f of await features) if (f.publicRoutes) router.use(f.publicRoutes(deps));
      return router;
    }),
  );
}

/** The OpenAPI document, generated from every feature's registered API routes; public. */
function setUpApiDocument(app: Express, features: Promise<Feature[]>): void {
  app.get(
    '/api/v1/openapi.json',
    lazy(async () => {
      const doc = openApiDocument(
        (await features).flatMap((f) => f.api ?? []),
        version,
      );
      return (_req, res) => {
        res.json(doc);
      };
    }),
  );
}

/** /api/v1: every feature's registered routes, behind sign-in or a bearer token. */
function setUpApi(app: Express, deps: FeatureDeps, features: Promise<Feature[]>): void {
  app.use(
    '/api/v1',
    lazy(async () =>
      apiRouter(
        (await features).flatMap((f) => f.api ?? []),
        deps.db,
        deps.config,
      ),
    ),
  );
}

function setUpFeaturePages(app: Express, deps: FeatureDeps, features: Promise<Feature[]>): void {
  app.use(
    lazy(async () => {
      const router = Router();
      for (const f of await features) if (f.routes) router.use(f.routes(deps));
      return router;
    }),
  );
}
