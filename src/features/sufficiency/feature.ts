// The sufficiency view: children in care by age, need and placement type against the council's
// capacity; in-house versus external share and weekly cost; distance from home; fragile
// placements. Pages, /api/v1/sufficiency (JSON, children behind a figure, CSV).
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import type { Feature } from '../../platform/http/features.ts';
import { scopeOf } from '../children/api.ts';
import { sufficiencyRoutes } from './routes.ts';
import { DisruptionInput, DisruptionProblems, recordDisruptionMeeting } from './disruption.ts';
import { DrillDownView, FigureCsvQuery, FigureQuery, SufficiencyView } from './schemas.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { childIdParam } from '../children/routes.ts';
import { drillDown, drillDownCsv, readSufficiency, sufficiencyCsv } from './service.ts';

const today = () => todayInLondon(new Date());

export const feature: Feature = {
  name: 'sufficiency',
  nav: [{ text: 'Sufficiency', href: '/sufficiency', permission: 'figures:read', order: 50 }],
  routes: ({ db, config }) => sufficiencyRoutes(db, config),
  api: [
    defineRoute({
      method: 'get',
      path: '/sufficiency',
      summary:
        'Children in care today by age, need and placement type; capacity of in-house provision; in-house and external share with weekly cost (and how many costs are not known); distance from home; fragile placements. Small counts withheld for panel members; each figure has a key for /sufficiency/children.',
      tags: ['sufficiency'],
      permission: 'figures:read',
      response: SufficiencyView,
      handler: ({ db, actor }) => readSufficiency(db, actor, today()),
    }),
    defineRoute({
      method: 'get',
      path: '/sufficiency/children',
      summary:
        'The children behind one figure (figure=KEY), named only where in the caller’s scope (50 a page, page=N, sorted by name); the rest counted. Needs child:read.',
      tags: ['sufficiency'],
      permission: 'figures:read',
      query: FigureQuery,
      response: DrillDownView,
      handler: ({ db, actor, query, config }) =>
        drillDown(db, actor, query.figure, today(), scopeOf(config), query.page),
    }),
    defineRoute({
      method: 'get',
      path: '/sufficiency/children/csv',
      summary:
        'Every child behind one figure (figure=KEY) in the caller’s scope as CSV: local id, name, age, placement, placement area. Needs child:read; audited as an export.',
      tags: ['sufficiency'],
      permission: 'figures:read',
      query: FigureCsvQuery,
      response: z.instanceof(Buffer),
      binary: { contentType: 'text/csv', filename: () => `sufficiency-children-${today()}.csv` },
      handler: ({ db, actor, query, config }) =>
        drillDownCsv(db, actor, query.figure, today(), scopeOf(config)),
    }),
    defineRoute({
      method: 'get',
      path: '/sufficiency/csv',
      summary: 'The sufficiency figures as CSV (small counts withheld for panel members).',
      tags: ['sufficiency'],
      permission: 'figures:read',
      response: z.instanceof(Buffer),
      binary: { contentType: 'text/csv', filename: () => `sufficiency-${today()}.csv` },
      handler: ({ db, actor }) => sufficiencyCsv(db, actor, today()),
    }),
    defineRoute({
      method: 'post',
      path: '/children/:id/disruption-meetings',
      summary:
        'Record a placement disruption meeting for a child in scope (child:write); linked to the placement open on its date. The sufficiency view flags the placement as fragile for 12 months.',
      tags: ['sufficiency'],
      permission: 'child:write',
      params: z.object({ id: z.string() }),
      body: DisruptionInput,
      status: 201,
      response: z.object({ id: z.number().int(), placementId: z.number().int().nullable() }),
      handler: async ({ db, actor, params, body, config }) => {
        try {
          return await recordDisruptionMeeting(
            db,
            actor,
            childIdParam(params.id),
            body,
            today(),
            scopeOf(config),
          );
        } catch (err) {
          if (err instanceof DisruptionProblems)
            throw new ProblemError(
              400,
              'Invalid request',
              'The body has problems: see errors.',
              Object.entries(err.problems).map(([field, message]) => ({ field, message })),
            );
          throw err;
        }
      },
    }),
  ],
};
