// Fostering households: list and household pages, and the same data under /api/v1/carers.
import { z } from 'zod';
import { defineRoute } from '../../platform/api/registry.ts';
import type { Feature } from '../../platform/http/features.ts';
import { scopeOf } from '../children/api.ts';
import { childIdParam } from '../children/routes.ts';
import { listHouseholds, readHousehold } from './carerService.ts';
import { HouseholdQuery, carerRoutes } from './routes.ts';

const Household = z.object({
  id: z.number().int(),
  name: z.string(),
  approvalType: z.string(),
  status: z.string(),
  places: z.number().int(),
  ageRange: z.string(),
  skillsLevel: z.number().int().nullable(),
  postcodeDistrict: z.string().nullable(),
  approvalDate: z.string().nullable(),
  reg24Start: z.string().nullable(),
  lastReviewDate: z.string().nullable(),
  supervisingWorker: z
    .object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
  carers: z.array(z.object({ name: z.string(), mainCarer: z.boolean() })),
  children: z.array(
    z.object({ id: z.number().int(), name: z.string(), placeType: z.string(), since: z.string() }),
  ),
  otherChildren: z.number().int(),
});

export const feature: Feature = {
  name: 'carers',
  nav: [{ text: 'Carers', href: '/carers', permission: 'carer:read', order: 20 }],
  routes: ({ db, config }) => carerRoutes(db, config),
  api: [
    defineRoute({
      method: 'get',
      path: '/carers',
      summary:
        'Fostering households: search q (name or postcode district), status, mine=yes, 50 a page.',
      tags: ['carers'],
      permission: 'carer:read',
      query: HouseholdQuery,
      response: z.object({
        households: z.array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            approvalType: z.string(),
            status: z.string(),
            places: z.number().int(),
            placedNow: z.number().int(),
            postcodeDistrict: z.string().nullable(),
            supervisingWorker: z.string().nullable(),
          }),
        ),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
      }),
      handler: ({ db, actor, query }) => listHouseholds(db, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/carers/:id',
      summary:
        'A fostering household: approval, places, carers, supervising social worker, and children placed now (named only when in the caller’s scope).',
      tags: ['carers'],
      permission: 'carer:read',
      params: z.object({ id: z.string() }),
      response: Household,
      handler: ({ db, actor, params, config }) =>
        readHousehold(db, actor, childIdParam(params.id), scopeOf(config)),
    }),
  ],
};
