// Providers and homes: pages and /api/v1/providers, /api/v1/providers/:id, /api/v1/homes/:id.
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import type { Feature } from '../../platform/http/features.ts';
import { scopeOf } from '../children/api.ts';
import { childIdParam as idParam } from '../children/routes.ts';
import { listProviders, ProviderList, ProviderQuery } from './listService.ts';
import { readHome, readProvider } from './providerService.ts';
import { providerRoutes } from './routes.ts';

const HomeSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  beds: z.number().int(),
  occupied: z.number().int(),
  urn: z.string().nullable(),
  grade: z.string().nullable(),
  postcodeDistrict: z.string().nullable(),
  closedOn: z.string().nullable(),
});

export const feature: Feature = {
  name: 'providers',
  nav: [{ text: 'Providers', href: '/providers', permission: 'placement:read', order: 35 }],
  routes: ({ db, config }) => providerRoutes(db, config),
  api: [
    defineRoute({
      method: 'get',
      path: '/providers',
      summary:
        'Providers: search q (name), kind, grade (an Ofsted grade or none), 50 a page; with homes, beds, children placed now and the usual weekly fee.',
      tags: ['providers'],
      permission: 'placement:read',
      query: ProviderQuery,
      response: ProviderList,
      handler: ({ db, actor, query }) => listProviders(db, actor, query, todayInLondon(new Date())),
    }),
    defineRoute({
      method: 'get',
      path: '/providers/:id',
      summary:
        'A provider: kind, 903 provider code, Ofsted URN and grade, and its homes with beds and occupancy now.',
      tags: ['providers'],
      permission: 'placement:read',
      params: z.object({ id: z.string() }),
      response: z.object({
        id: z.number().int(),
        name: z.string(),
        kind: z.string(),
        placeProvider: z.string(),
        ofstedUrn: z.string().nullable(),
        grade: z.string().nullable(),
        postcodeDistrict: z.string().nullable(),
        homes: z.array(HomeSummary),
      }),
      handler: ({ db, actor, params }) => readProvider(db, actor, idParam(params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/homes/:id',
      summary:
        'A home: beds, occupancy now, Ofsted URN and grade, and children living there (named only when in the caller’s scope).',
      tags: ['providers'],
      permission: 'placement:read',
      params: z.object({ id: z.string() }),
      response: HomeSummary.extend({
        provider: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }),
        specialist: z.boolean(),
        categories: z.array(z.string()),
        children: z.array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            placeType: z.string(),
            since: z.string(),
          }),
        ),
        otherChildren: z.number().int(),
      }),
      handler: ({ db, actor, params, config }) =>
        readHome(db, actor, idParam(params.id), scopeOf(config)),
    }),
  ],
};
