// The child scope setting (HEARTH_TEAM_SCOPE) for the API handlers, which get no config: a
// middleware mounted with the public routes (before /api/v1) puts it on res.locals for every request.
import { Router, type Response } from 'express';
import type { Config } from '../../config.ts';
import type { ScopeOptions } from '../children/scope.ts';

export function scopeSetting(config: Config): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.locals.recordingScope = { teamScope: config.teamScope } satisfies ScopeOptions;
    next();
  });
  return router;
}

/** Refuses to guess: a request that did not pass the middleware is a wiring fault. */
export function scopeOf(res: Response): ScopeOptions {
  const scope = res.locals.recordingScope as ScopeOptions | undefined;
  if (!scope) throw new Error('recording scope setting missing: scopeSetting() not mounted');
  return scope;
}
