// Placement requests under /api/v1, with the same schemas and services as the pages: 400
// problem+json with the field list, 403 for a role that may not do this, 404 for a child (or its
// request) outside scope, 409 with the current values for a stale version.
import { z } from 'zod';
import { defineRoute, type AnyApiRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { scopeOf } from '../children/api.ts';
import { today } from '../recording/codes.ts';
import { CONFLICT_MESSAGE, RecordProblems, StaleVersion } from '../recording/problems.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { decide, matchesFor } from './decisionService.ts';
import {
  approveRequest,
  createRequest,
  editRequest,
  getRequest,
  listQueue,
  withdrawRequest,
  type Ctx,
} from './requestService.ts';
import {
  ApproveInput,
  DecisionInput,
  EditRequestInput,
  QueueQuery,
  RequestInput,
  WithdrawInput,
} from './schemas.ts';

const Id = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

function ctxOf(db: Db, actor: Actor, config: Config): Ctx {
  return { db, actor, scope: scopeOf(config), today: today() };
}

/** The services' refusals as problem+json. */
export async function asProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RecordProblems)
      throw new ProblemError(
        400,
        'Invalid request',
        err.problems.map((p) => p.message).join('. '),
        err.problems,
      );
    if (err instanceof StaleVersion)
      throw new ProblemError(409, 'Conflict', CONFLICT_MESSAGE, undefined, {
        current: err.current,
      });
    throw err;
  }
}

const Request = z.object({
  id: z.number().int(),
  childId: z.number().int(),
  childName: z.string(),
  status: z.string(),
  kind: z.enum(['planned', 'emergency']),
  dateNeeded: z.string(),
  placeTypes: z.array(z.string()),
  childrenTogether: z.number().int(),
  siblingsNote: z.string().nullable(),
  needs: z.array(z.string()),
  risksToChild: z.array(z.string()),
  risksFromChild: z.array(z.string()),
  languages: z.array(z.string()),
  religion: z.string().nullable(),
  cultureNote: z.string().nullable(),
  schoolPostcode: z.string().nullable(),
  nearPostcodes: z.array(z.string()),
  avoidDistricts: z.array(z.string()),
  notes: z.string().nullable(),
  requestedBy: z.string(),
  requestedOn: z.string(),
  approvedBy: z.string().nullable(),
  approvedOn: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
  chosenOption: z.string().nullable(),
  chosenName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  placementId: z.number().int().nullable(),
  declined: z.array(z.object({ option: z.string(), name: z.string(), reason: z.string() })),
  withdrawnBy: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  version: z.number().int(),
});

const Option = z.object({
  key: z.string(),
  kind: z.string(),
  name: z.string(),
  weeklyCost: z.number().int().nullable(),
});

export const placementApi: readonly AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/placement-requests',
    summary:
      'The placement team’s queue: emergency first, then by date needed; days waiting and days to the date needed. Filters: status (open, awaiting_approval, placed, withdrawn, all), kind, placeType.',
    tags: ['placements'],
    permission: 'placement:manage',
    query: QueueQuery,
    response: z.object({
      requests: z.array(
        z.object({
          id: z.number().int(),
          childId: z.number().int(),
          childName: z.string(),
          age: z.number().int(),
          kind: z.string(),
          status: z.string(),
          placeTypes: z.array(z.string()),
          dateNeeded: z.string(),
          requestedOn: z.string(),
          daysWaiting: z.number().int(),
          daysToNeeded: z.number().int(),
        }),
      ),
    }),
    handler: async ({ db, actor, config, query }) => ({
      requests: await listQueue(ctxOf(db, actor, config), query),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/children/:id/placement-requests',
    summary:
      'Request a placement for a child (needs and risks use the placement-needs vocabulary); it then awaits a manager’s approval.',
    tags: ['placements'],
    permission: 'placement:request',
    params: Id,
    body: RequestInput,
    status: 201,
    response: z.object({ id: z.number().int() }),
    handler: ({ db, actor, config, params, body }) =>
      asProblem(async () => ({
        id: await createRequest(ctxOf(db, actor, config), params.id, body),
      })),
  }),
  defineRoute({
    method: 'get',
    path: '/placement-requests/:id',
    summary: 'A placement request: needs, risks, approval and decision.',
    tags: ['placements'],
    permission: 'signed-in',
    params: Id,
    response: Request,
    handler: async ({ db, actor, config, params }) => {
      const r = await getRequest(ctxOf(db, actor, config), params.id);
      return Request.parse(r);
    },
  }),
  defineRoute({
    method: 'put',
    path: '/placement-requests/:id',
    summary:
      'Change a request that is not yet placed (the whole request, with the version it was read at); an approval stands.',
    tags: ['placements'],
    permission: 'placement:request',
    params: Id,
    body: EditRequestInput,
    response: z.object({ id: z.number().int() }),
    handler: ({ db, actor, config, params, body }) =>
      asProblem(async () => {
        await editRequest(ctxOf(db, actor, config), params.id, body);
        return { id: params.id };
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/placement-requests/:id/withdrawal',
    summary:
      'Withdraw a request that is not yet placed, with the reason (version from the request).',
    tags: ['placements'],
    permission: 'placement:request',
    params: Id,
    body: WithdrawInput,
    response: z.object({ id: z.number().int() }),
    handler: ({ db, actor, config, params, body }) =>
      asProblem(async () => {
        await withdrawRequest(ctxOf(db, actor, config), params.id, body);
        return { id: params.id };
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/placement-requests/:id/approval',
    summary: 'A team or service manager approves the request (version from the request).',
    tags: ['placements'],
    permission: 'placement:request',
    params: Id,
    body: ApproveInput,
    response: z.object({ id: z.number().int() }),
    handler: ({ db, actor, config, params, body }) =>
      asProblem(async () => {
        await approveRequest(ctxOf(db, actor, config), params.id, body);
        return { id: params.id };
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/placement-requests/:id/matches',
    summary:
      'Every option ranked for the request, each factor with its points, maximum and explanation; and the excluded options with their reasons. startsCare: the child is not looked after today, so a decision starting today starts a period of care and needs legalStatus and categoryOfNeed.',
    tags: ['placements'],
    permission: 'placement:manage',
    params: Id,
    response: z.object({
      requiredSkillsLevel: z.number().int(),
      startsCare: z.boolean(),
      ranked: z.array(
        Option.extend({
          score: z.number().int(),
          max: z.number().int(),
          factors: z.array(
            z.object({
              id: z.string(),
              label: z.string(),
              points: z.number().int(),
              max: z.number().int(),
              explanation: z.string(),
            }),
          ),
        }),
      ),
      excluded: z.array(Option.extend({ reasons: z.array(z.string()) })),
    }),
    handler: async ({ db, actor, config, params }) => {
      const { result, startsCare } = await matchesFor(ctxOf(db, actor, config), params.id);
      const opt = (c: (typeof result.ranked)[number]['candidate']) => ({
        key: c.key,
        kind: c.kind,
        name: c.name,
        weeklyCost: c.weeklyCost,
      });
      return {
        requiredSkillsLevel: result.requiredLevel,
        startsCare,
        ranked: result.ranked.map((m) => ({
          ...opt(m.candidate),
          score: m.score,
          max: m.max,
          factors: m.factors,
        })),
        excluded: result.excluded.map((e) => ({ ...opt(e.candidate), reasons: e.reasons })),
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/placement-requests/:id/decision',
    summary:
      'The placement officer records the option chosen (and why, and the options declined with reasons); the placement is made on the child’s record through the recording service, and the request closes. For a child not looked after on the start date, legalStatus and categoryOfNeed are required and the decision starts the period of care with the placement; otherwise they are ignored.',
    tags: ['placements'],
    permission: 'placement:manage',
    params: Id,
    body: DecisionInput,
    response: z.object({ placementId: z.number().int() }),
    handler: ({ db, actor, config, params, body }) =>
      asProblem(async () => ({
        placementId: await decide(ctxOf(db, actor, config), params.id, body),
      })),
  }),
];
