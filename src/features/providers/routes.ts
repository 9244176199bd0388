// Provider and home pages: /providers/:id and /homes/:id.
import { Router } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { childIdParam as idParam } from '../children/routes.ts';
import { readHome, readProvider } from './providerService.ts';

export function providerRoutes(db: Db, config: Config): Router {
  const router = Router();
  router.get('/providers/:id', async (req, res) => {
    const provider = await readProvider(db, actorOf(req), idParam(req.params.id));
    res.render('providers/views/provider.njk', { title: provider.name, provider });
  });
  router.get('/homes/:id', async (req, res) => {
    const home = await readHome(db, actorOf(req), idParam(req.params.id), {
      teamScope: config.teamScope,
    });
    res.render('providers/views/home.njk', { title: home.name, home });
  });
  return router;
}
