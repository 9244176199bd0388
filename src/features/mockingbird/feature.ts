// Mockingbird constellations: pages under /mockingbird and the same under /api/v1/mockingbird.
// The demo's constellations are written by the fostering area's demo hook (after its households).
import { z } from 'zod';
import { closureReasons, satelliteLeavingReasons } from '../../db/tables/fostering.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import type { Feature } from '../../platform/http/features.ts';
import { scopeOf } from '../children/api.ts';
import { asProblem } from '../fostering/errors.ts';
import { idParam, mockingbirdRoutes } from './routes.ts';
import {
  ClosureInput,
  ConstellationInput,
  GetTogetherInput,
  LeavingInput,
  MemberInput,
  SleepoverInput,
} from './schemas.ts';
import { readConstellation } from './constellationView.ts';
import { closeConstellation, leaveConstellation } from './endings.ts';
import {
  addMember,
  createConstellation,
  listConstellations,
  recordGetTogether,
  recordSleepover,
} from './service.ts';

const Id = z.object({ id: z.string() });
const MemberId = z.object({ id: z.string(), memberId: z.string() });
const today = () => todayInLondon(new Date());
const tags = ['mockingbird'];
const Ok = z.object({ ok: z.literal(true) });
const Group = z.object({
  endings: z.number().int(),
  unplanned: z.number().int(),
  unplannedPercent: z.number().nullable(),
  households: z.number().int(),
  left: z.number().int(),
  retainedPercent: z.number().nullable(),
});

export const feature: Feature = {
  name: 'mockingbird',
  nav: [{ text: 'Mockingbird', href: '/mockingbird', permission: 'carer:read', order: 22 }],
  routes: ({ db, config }) => mockingbirdRoutes(db, config),
  api: [
    defineRoute({
      method: 'get',
      path: '/mockingbird',
      summary:
        'Mockingbird constellations with their hub home, liaison worker and number of satellite households.',
      tags,
      permission: 'carer:read',
      response: z.object({
        constellations: z.array(
          z.object({
            id: z.number().int(),
            name: z.string(),
            hub: z.string(),
            liaisonWorker: z.string(),
            satellites: z.number().int(),
            minSatellites: z.number().int(),
            maxSatellites: z.number().int(),
            openedOn: z.string(),
            closedOn: z.string().nullable(),
          }),
        ),
      }),
      handler: async ({ db, actor }) => ({ constellations: await listConstellations(db, actor) }),
    }),
    defineRoute({
      method: 'post',
      path: '/mockingbird',
      summary:
        'Start a constellation: the hub must be an approved household with two spare beds, the liaison worker a fostering worker.',
      tags,
      permission: 'carer:write',
      body: ConstellationInput,
      status: 201,
      response: z.object({ id: z.number().int() }),
      handler: ({ db, actor, body }) =>
        asProblem(async () => ({ id: await createConstellation(db, actor, body, today()) })),
    }),
    defineRoute({
      method: 'get',
      path: '/mockingbird/:id',
      summary:
        'A constellation: hub, satellites and carers, children placed (named only in the caller’s scope), sleepovers and get-togethers, and unplanned endings and retention against households outside constellations (last 12 months).',
      tags,
      permission: 'carer:read',
      params: Id,
      response: z.object({
        id: z.number().int(),
        name: z.string(),
        openedOn: z.string(),
        closedOn: z.string().nullable(),
        closure: z
          .object({
            reason: z.enum(closureReasons).nullable(),
            reasonText: z.string(),
            detail: z.string().nullable(),
          })
          .nullable(),
        version: z.number().int(),
        minSatellites: z.number().int(),
        maxSatellites: z.number().int(),
        liaisonWorker: z.string(),
        hub: z.object({
          id: z.number().int(),
          name: z.string(),
          places: z.number().int(),
          placedNow: z.number().int(),
          spareBeds: z.number().int(),
        }),
        satellites: z.array(
          z.object({
            memberId: z.number().int(),
            id: z.number().int(),
            name: z.string(),
            joinedOn: z.string(),
            carers: z.string(),
            skillsLevel: z.number().int().nullable(),
            version: z.number().int(),
          }),
        ),
        formerSatellites: z.array(
          z.object({
            memberId: z.number().int(),
            id: z.number().int(),
            name: z.string(),
            joinedOn: z.string(),
            leftOn: z.string(),
            reason: z.enum(satelliteLeavingReasons).nullable(),
            reasonText: z.string(),
            detail: z.string().nullable(),
          }),
        ),
        belowMinimum: z.boolean(),
        children: z.array(
          z.object({ id: z.number().int(), name: z.string(), household: z.string() }),
        ),
        otherChildren: z.number().int(),
        sleepovers: z.object({
          planned: z.number().int(),
          emergency: z.number().int(),
          nights: z.number().int(),
          recent: z.array(
            z.object({
              childId: z.number().int().nullable(),
              child: z.string(),
              kind: z.string(),
              startDate: z.string(),
              nights: z.number().int(),
            }),
          ),
        }),
        getTogethers: z.array(
          z.object({
            heldOn: z.string(),
            households: z.number().int(),
            children: z.number().int(),
            note: z.string().nullable(),
          }),
        ),
        comparison: z.object({ from: z.string(), to: z.string(), inside: Group, outside: Group }),
      }),
      handler: ({ db, actor, params, config }) =>
        readConstellation(db, actor, idParam(params.id), scopeOf(config), today()),
    }),
    defineRoute({
      method: 'post',
      path: '/mockingbird/:id/members',
      summary:
        'Add a satellite household (refused at the constellation’s maximum, or when already in a constellation).',
      tags,
      permission: 'carer:write',
      params: Id,
      body: MemberInput,
      status: 201,
      response: Ok,
      handler: ({ db, actor, params, body }) =>
        asProblem(async () => {
          await addMember(db, actor, idParam(params.id), body, today());
          return { ok: true as const };
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/mockingbird/:id/closure',
      summary:
        'Close a constellation (date and reason, with the constellation’s version): ends every current satellite membership on the same date and frees the hub household. Refused (400) before it opened, after today, when a sleepover night, a get-together or a membership falls after the date, or when already closed; 409 on a stale version.',
      tags,
      permission: 'fostering:manage',
      params: Id,
      body: ClosureInput,
      response: z.object({ ok: z.literal(true), membersEnded: z.number().int() }),
      handler: ({ db, actor, params, body }) =>
        asProblem(async () => ({
          ok: true as const,
          ...(await closeConstellation(db, actor, idParam(params.id), body, today())),
        })),
    }),
    defineRoute({
      method: 'post',
      path: '/mockingbird/:id/members/:memberId/leaving',
      summary:
        'A satellite household leaves (date and reason, with the membership’s version). Refused (400) before it joined, after today or when it has already left; 409 on a stale version. belowMinimum warns when the constellation now has fewer satellites than its minimum.',
      tags,
      permission: 'carer:write',
      params: MemberId,
      body: LeavingInput,
      response: z.object({
        ok: z.literal(true),
        satellites: z.number().int(),
        minSatellites: z.number().int(),
        belowMinimum: z.boolean(),
      }),
      handler: ({ db, actor, params, body }) =>
        asProblem(async () => ({
          ok: true as const,
          ...(await leaveConstellation(
            db,
            actor,
            idParam(params.id),
            idParam(params.memberId),
            body,
            today(),
          )),
        })),
    }),
    defineRoute({
      method: 'post',
      path: '/mockingbird/:id/sleepovers',
      summary: 'Record a sleepover at the hub (refused when both hub beds are taken on any night).',
      tags,
      permission: 'carer:write',
      params: Id,
      body: SleepoverInput,
      status: 201,
      response: Ok,
      handler: ({ db, actor, params, body, config }) =>
        asProblem(async () => {
          await recordSleepover(db, actor, idParam(params.id), body, scopeOf(config), today());
          return { ok: true as const };
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/mockingbird/:id/get-togethers',
      summary: 'Record a constellation get-together.',
      tags,
      permission: 'carer:write',
      params: Id,
      body: GetTogetherInput,
      status: 201,
      response: Ok,
      handler: ({ db, actor, params, body }) =>
        asProblem(async () => {
          await recordGetTogether(db, actor, idParam(params.id), body, today());
          return { ok: true as const };
        }),
    }),
  ],
};
