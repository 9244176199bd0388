// Teams: caseloads against the cap, as pages and under /api/v1/teams.
import { z } from 'zod';
import { defineRoute } from '../../platform/api/registry.ts';
import type { Feature } from '../../platform/http/features.ts';
import { childIdParam as idParam } from '../children/routes.ts';
import { teamRoutes } from './routes.ts';
import { listTeams, readTeam } from './teamService.ts';

export const feature: Feature = {
  name: 'teams',
  nav: [{ text: 'Caseloads', href: '/teams', permission: 'child:read', order: 30 }],
  routes: ({ db }) => teamRoutes(db),
  api: [
    defineRoute({
      method: 'get',
      path: '/teams',
      summary:
        'Teams with their social workers, children allocated, cap and how many workers are over it.',
      tags: ['teams'],
      permission: 'signed-in',
      response: z.object({
        teams: z.array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            service: z.string(),
            caseloadCap: z.number().int(),
            workers: z.number().int(),
            children: z.number().int(),
            overCap: z.number().int(),
          }),
        ),
      }),
      handler: ({ db, actor }) => listTeams(db, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/teams/:id',
      summary:
        'A team’s social workers: FTE, agency, current allocations, cap (team cap × FTE, rounded down) and whether over it.',
      tags: ['teams'],
      permission: 'signed-in',
      params: z.object({ id: z.string() }),
      response: z.object({
        id: z.number().int(),
        name: z.string(),
        service: z.string(),
        caseloadCap: z.number().int(),
        workers: z.array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            fte: z.number(),
            agency: z.boolean(),
            caseload: z.number().int(),
            cap: z.number().int(),
            overCap: z.boolean(),
          }),
        ),
      }),
      handler: ({ db, actor, params }) => readTeam(db, actor, idParam(params.id)),
    }),
  ],
};
