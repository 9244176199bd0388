// Pages: /sufficiency (the figures), /sufficiency/children?figure=KEY (the children behind one
// figure, in the viewer's scope) and /sufficiency.csv (the figures as CSV).
import { Router } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { NotFoundError } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { FigureQuery } from './schemas.ts';
import { drillDown, readSufficiency, sufficiencyCsv } from './service.ts';

export function sufficiencyRoutes(db: Db, config: Config): Router {
  const router = Router();
  const today = () => todayInLondon(new Date());

  router.get('/sufficiency', async (req, res) => {
    const view = await readSufficiency(db, actorOf(req), today());
    res.render('sufficiency/views/sufficiency.njk', { title: 'Sufficiency', view });
  });

  router.get('/sufficiency/children', async (req, res) => {
    const q = FigureQuery.safeParse(req.query);
    if (!q.success) throw new NotFoundError();
    const view = await drillDown(db, actorOf(req), q.data.figure, today(), {
      teamScope: config.teamScope,
    });
    res.render('sufficiency/views/children.njk', { title: view.label, view });
  });

  router.get('/sufficiency.csv', async (req, res) => {
    const csv = await sufficiencyCsv(db, actorOf(req), today());
    res.type('text/csv').attachment(`sufficiency-${today()}.csv`).send(csv);
  });

  return router;
}
