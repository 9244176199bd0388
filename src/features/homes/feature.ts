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
import { listReg45Reviews, recordReg45Review, updateReg45Review } from './reg45Service.ts';
import { homesRoutes } from './routes.ts';
import {
  HomeListItem,
  HomesQuery,
  HomeVisitsView,
  QualityVisitInput,
  Reg44Input,
  Reg44Update,
  Reg44VisitView,
  Reg45Input,
  Reg45ReviewView,
  Reg45StatusView,
  Reg45Update,
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
        'The council’s own children’s homes (a residential manager: the homes they manage) with beds, children now, vacancies, grade, needs, the last Regulation 44 visit and missed months in the last 12, and the Regulation 45 position (next review due, overdue, reports overdue to Ofsted). flag=review-overdue or report-overdue keeps only those homes.',
      tags: ['homes'],
      permission: 'home:read',
      query: HomesQuery,
      response: z.object({ homes: z.array(HomeListItem) }),
      handler: async ({ db, actor, query }) => ({
        homes: await listHomes(db, actor, today(), query.flag),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/homes/:id/reviews',
      summary:
        'A home’s Regulation 45 quality-of-care reviews, newest period first, each with when its report to Ofsted is due and whether it was sent (sent, sent_late, due, overdue); with the home’s next review due.',
      tags: ['homes'],
      permission: 'home:read',
      params: Id,
      response: z.object({ status: Reg45StatusView, reviews: z.array(Reg45ReviewView) }),
      handler: ({ db, actor, params }) => listReg45Reviews(db, actor, idParam(params.id), today()),
    }),
    defineRoute({
      method: 'post',
      path: '/homes/:id/reviews',
      summary:
        'Record a Regulation 45 review of an in-house home (period, completion, report sent to Ofsted, summary, actions).',
      tags: ['homes'],
      permission: 'home:write',
      params: Id,
      body: Reg45Input,
      status: 201,
      response: z.object({ id: z.number().int() }),
      handler: ({ db, actor, params, body }) =>
        as400(recordReg45Review(db, actor, idParam(params.id), body, today())),
    }),
    defineRoute({
      method: 'put',
      path: '/homes/:id/reviews/:reviewId',
      summary:
        'Change a Regulation 45 review (e.g. the date its report was sent to Ofsted). Send the version you read; a stale version answers 409 with the current values.',
      tags: ['homes'],
      permission: 'home:write',
      params: z.object({ id: z.string(), reviewId: z.string() }),
      body: Reg45Update,
      response: Reg45ReviewView,
      handler: ({ db, actor, params, body }) =>
        as400(
          updateReg45Review(db, actor, idParam(params.id), idParam(params.reviewId), body, today()),
        ),
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
        '16+ supported accommodation services with places, young people placed in the service now (their open placement names it) and free places, and quality visits (due every 3 months; overdue flagged).',
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
