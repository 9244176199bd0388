// The fostering service: household journey, reviews, supervising social worker, the allowance
// schedule, the recruitment funnel and retention; pages under /fostering and the same under
// /api/v1/fostering; the demo authority's journeys, reviews, allowances (demo.ts).
import { z } from 'zod';
import { journeyStages, leavingReasons } from '../../db/tables/fostering.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { NotFoundError } from '../../platform/access/access.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import type { Feature } from '../../platform/http/features.ts';
import { fosteringDemo } from './demo.ts';
import { asProblem } from './errors.ts';
import {
  AllowanceInput,
  EnquiryInput,
  RangeQuery,
  ReviewInput,
  StageInput,
  WorkerInput,
} from './schemas.ts';
import { fosteringRoutes } from './routes.ts';
import { rangeOf } from './reports.ts';
import {
  allowanceSchedule,
  changeSupervisingWorker,
  createEnquiry,
  readJourney,
  recordReview,
  recordStage,
  recruitment,
  retentionView,
  updateAllowance,
} from './service.ts';

const Id = z.object({ id: z.string() });
const id = (p: { id: string }) => {
  if (!/^\d{1,9}$/.test(p.id)) throw new NotFoundError();
  return Number(p.id);
};
const today = () => todayInLondon(new Date());

const Journey = z.object({
  id: z.number().int(),
  name: z.string(),
  approvalType: z.string(),
  status: z.string(),
  skillsLevel: z.number().int().nullable(),
  approvalDate: z.string().nullable(),
  reg24Start: z.string().nullable(),
  version: z.number().int(),
  supervisingWorkerId: z.number().int().nullable(),
  lastReviewDate: z.string().nullable(),
  stages: z.array(
    z.object({
      stage: z.enum(journeyStages),
      label: z.string(),
      date: z.string(),
      reason: z.enum(leavingReasons).nullable(),
      note: z.string().nullable(),
      recordedBy: z.string(),
    }),
  ),
  reviews: z.array(z.object({ reviewDate: z.string(), panelDate: z.string().nullable() })),
});

const Allowance = z.object({
  id: z.number().int(),
  ageFrom: z.number().int(),
  ageTo: z.number().int(),
  skillsLevel: z.number().int().nullable(),
  weeklyAllowance: z.number().int(),
  weeklyFee: z.number().int(),
  weeklyTotal: z.number().int(),
  validFrom: z.string(),
  version: z.number().int(),
});

const Ok = z.object({ ok: z.literal(true) });
const tags = ['fostering'];

export const feature: Feature = {
  name: 'fostering',
  nav: [{ text: 'Fostering', href: '/fostering', permission: 'carer:read', order: 21 }],
  routes: ({ db }) => fosteringRoutes(db),
  demo: fosteringDemo,
  api: [
    defineRoute({
      method: 'get',
      path: '/fostering/households/:id',
      summary: 'A household’s journey (stages with dates), reviews and supervising social worker.',
      tags,
      permission: 'carer:read',
      params: Id,
      response: Journey,
      handler: ({ db, actor, params }) => readJourney(db, actor, id(params)),
    }),
    defineRoute({
      method: 'post',
      path: '/fostering/households/:id/stages',
      summary:
        'Record a stage of the journey. The agency decision maker’s decision, approval and deregistration need fostering:manage (403 otherwise). Approval is refused (400) unless the required earlier stages are recorded, and any stage of a household that withdrew; a stale version answers 409 with the current values.',
      tags,
      permission: 'carer:write',
      params: Id,
      body: StageInput,
      status: 201,
      response: Ok,
      handler: ({ db, actor, params, body }) =>
        asProblem(async () => {
          await recordStage(db, actor, id(params), body, today());
          return { ok: true as const };
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/fostering/households/:id/reviews',
      summary: 'Record a foster carer review (the first must give its fostering panel date).',
      tags,
      permission: 'carer:write',
      params: Id,
      body: ReviewInput,
      status: 201,
      response: Ok,
      handler: ({ db, actor, params, body }) =>
        asProblem(async () => {
          await recordReview(db, actor, id(params), body, today());
          return { ok: true as const };
        }),
    }),
    defineRoute({
      method: 'put',
      path: '/fostering/households/:id/supervising-worker',
      summary: 'Change the supervising social worker (a fostering worker).',
      tags,
      permission: 'carer:write',
      params: Id,
      body: WorkerInput,
      response: Ok,
      handler: ({ db, actor, params, body }) =>
        asProblem(async () => {
          await changeSupervisingWorker(db, actor, id(params), body);
          return { ok: true as const };
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/fostering/enquiries',
      summary: 'Record a fostering enquiry: a new household in assessment, with its enquiry stage.',
      tags,
      permission: 'carer:write',
      body: EnquiryInput,
      status: 201,
      response: z.object({ id: z.number().int() }),
      handler: ({ db, actor, body }) =>
        asProblem(async () => ({ id: await createEnquiry(db, actor, body, today()) })),
    }),
    defineRoute({
      method: 'get',
      path: '/fostering/allowances',
      summary:
        'The weekly allowance and fee schedule in force today, by skills level and age band.',
      tags,
      permission: 'carer:read',
      response: z.object({ validFrom: z.string().nullable(), rows: z.array(Allowance) }),
      handler: ({ db, actor }) => allowanceSchedule(db, actor, today()),
    }),
    defineRoute({
      method: 'put',
      path: '/fostering/allowances/:id',
      summary:
        'Change one row of the allowance schedule (a fostering team manager; optimistic locking on version).',
      tags,
      permission: 'fostering:manage',
      params: Id,
      body: AllowanceInput,
      response: Allowance,
      handler: ({ db, actor, params, body }) =>
        asProblem(() => updateAllowance(db, actor, id(params), body)),
    }),
    defineRoute({
      method: 'get',
      path: '/fostering/recruitment',
      summary:
        'Recruitment funnel: households by stage reached, conversion and median days between stages, by month of enquiry, and where the enquiries are now (approved, withdrew before approval, still being assessed) (from/to, default the last 24 months).',
      tags,
      permission: 'carer:read',
      query: RangeQuery,
      response: z.object({
        from: z.string(),
        to: z.string(),
        stages: z.array(
          z.object({
            stage: z.string(),
            label: z.string(),
            reached: z.number().int(),
            conversion: z.number().nullable(),
            ofEnquiries: z.number().nullable(),
            medianDaysFromPrevious: z.number().nullable(),
          }),
        ),
        months: z.array(z.object({ month: z.string(), counts: z.array(z.number().int()) })),
        outcomes: z.object({
          approved: z.number().int(),
          withdrawn: z.number().int(),
          inAssessment: z.number().int(),
        }),
      }),
      handler: ({ db, actor, query }) => {
        const { from, to } = rangeOf(query, 24);
        return recruitment(db, actor, from, to);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/fostering/retention',
      summary:
        'Approved households leaving (resigned, deregistered) by reason and by month or year (by=month|year).',
      tags,
      permission: 'carer:read',
      query: RangeQuery,
      response: z.object({
        from: z.string(),
        to: z.string(),
        total: z.number().int(),
        byReason: z.array(
          z.object({
            reason: z.string(),
            label: z.string(),
            resigned: z.number().int(),
            deregistered: z.number().int(),
          }),
        ),
        byPeriod: z.array(
          z.object({
            period: z.string(),
            resigned: z.number().int(),
            deregistered: z.number().int(),
          }),
        ),
      }),
      handler: ({ db, actor, query }) => {
        const { from, to } = rangeOf(query, 24);
        return retentionView(db, actor, from, to, query.by);
      },
    }),
  ],
};
