// The Express app: a readable chain of setUpX() steps, in the order requests meet them.
import path from 'node:path';
import express, { type Express } from 'express';
import type { Config } from './config.ts';
import type { Connection } from './db/connect.ts';
import { root } from './platform/views/css.ts';
import { setUpViews } from './platform/views/nunjucks.ts';
import { version } from './version.ts';

export interface AppDeps {
  config: Config;
  conn: Connection;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  setUpViews(app, { authority: deps.config.authority, demo: deps.config.demo });
  setUpHealth(app, deps);
  setUpStatic(app);
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
