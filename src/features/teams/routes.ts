// Team pages: /teams and /teams/:id (each worker's caseload against the cap).
import { Router } from 'express';
import type { Db } from '../../db/connect.ts';
import { can } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { childIdParam as idParam } from '../children/routes.ts';
import { listTeams, readTeam } from './teamService.ts';

export function teamRoutes(db: Db): Router {
  const router = Router();
  router.get('/teams', async (req, res) => {
    res.render('teams/views/list.njk', { title: 'Teams', ...(await listTeams(db, actorOf(req))) });
  });
  router.get('/teams/:id', async (req, res) => {
    const actor = actorOf(req);
    const team = await readTeam(db, actor, idParam(req.params.id));
    res.render('teams/views/team.njk', {
      title: team.name,
      team,
      canListChildren: can(actor, 'child:read'),
    });
  });
  return router;
}
