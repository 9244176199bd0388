// Children's homes (the council's own, with Regulation 44 visits) and 16+ supported accommodation
// (with quality visits): pages, /api/v1/homes, /api/v1/supported-accommodation and the demo rows.
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import type { Feature } from '../../platform/http/features.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { childIdParam as idParam } from '../children/routes.ts';
import { homesDemo } from './demo.ts';
import {
  listHomes,
  readHomeVisits,
  recordReg44Visit,
  updateReg44Visit,
  VisitProblems,
} from './homeService.ts';
import { homesRoutes } from './routes.ts';
import {
  HomeListItem,
  HomeVisitsView,
  QualityVisitInput,
  Reg44Input,
  Reg44Update,
  Reg44VisitView,
  SupportedListItem,
  SupportedView,
} from './schemas.ts';
import { listSupported, readSupported, recordQualityVisit } from './supportedService.ts';

const today = () => todayInLondon(new Date());
const Id = z.object({ id: z.string() });

async function as400<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof VisitProblems)
      throw new ProblemError(
        400,
        'Invalid request',
        'The body has problems: see errors.',
        Object.entries(err.problems).map(([field, message]) => ({ field, message })),
      );
    throw err;
  }
}

export const feature: Feature = {
  name: 'homes',
  demo: homesDemo,
  nav: [
    { text: 'Homes', href: '/homes', permission: 'home:read', order: 40 },
    {
      text: 'Supported accommodation',
      href: '/supported-accommodation',
      permission: 'home:read',
      order: 41,
    },
  ],
  routes: ({ db }) => homesRoutes(db),
  api: [
    defineRoute({
      method: 'get',
      path: '/homes',
      summary:
        'The council’s own children’s homes (a residential manager: the homes they manage) with beds, children now, vacancies, grade, needs, and the last Regulation 44 visit and missed months in the last 12.',
      tags: ['homes'],
      permission: 'home:read',
      response: z.object({ homes: z.array(HomeListItem) }),
      handler: async ({ db, actor }) => ({ homes: await listHomes(db, actor, today()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/homes/:id/visits',
      summary:
        'One in-house home with its Regulation 44 visits and each of the last 12 months as visited, missed or due.',
      tags: ['homes'],
      permission: 'home:read',
      params: Id,
      response: HomeVisitsView,
      handler: ({ db, actor, params }) => readHomeVisits(db, actor, idParam(params.id), today()),
    }),
    defineRoute({
      method: 'post',
      path: '/homes/:id/visits',
      summary: 'Record a Regulation 44 visit to an in-house home.',
      tags: ['homes'],
      permission: 'home:write',
      params: Id,
      body: Reg44Input,
      status: 201,
      response: z.object({ id: z.number().int() }),
      handler: ({ db, actor, params, body }) =>
        as400(recordReg44Visit(db, actor, idParam(params.id), body, today())),
    }),
    defineRoute({
      method: 'put',
      path: '/homes/:id/visits/:visitId',
      summary:
        'Record a visit’s report (date received) and recommendations. Send the version you read; a stale version answers 409 with the current values.',
      tags: ['homes'],
      permission: 'home:write',
      params: z.object({ id: z.string(), visitId: z.string() }),
      body: Reg44Update,
      response: Reg44VisitView,
      handler: ({ db, actor, params, body }) =>
        as400(
          updateReg44Visit(db, actor, idParam(params.id), idParam(params.visitId), body, today()),
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/supported-accommodation',
      summary:
        '16+ supported accommodation services with places, young people placed with the provider now, and quality visits (due every 3 months; overdue flagged).',
      tags: ['homes'],
      permission: 'home:read',
      response: z.object({ services: z.array(SupportedListItem) }),
      handler: async ({ db, actor }) => ({ services: await listSupported(db, actor, today()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/supported-accommodation/:id',
      summary: 'One supported accommodation service with its quality visits.',
      tags: ['homes'],
      permission: 'home:read',
      params: Id,
      response: SupportedView,
      handler: ({ db, actor, params }) => readSupported(db, actor, idParam(params.id), today()),
    }),
    defineRoute({
      method: 'post',
      path: '/supported-accommodation/:id/visits',
      summary:
        'Record a quality visit to a supported accommodation service (home:write or placement:manage).',
      tags: ['homes'],
      permission: 'home:read',
      params: Id,
      body: QualityVisitInput,
      status: 201,
      response: z.object({ id: z.number().int() }),
      handler: ({ db, actor, params, body }) =>
        as400(recordQualityVisit(db, actor, idParam(params.id), body, today())),
    }),
  ],
};
