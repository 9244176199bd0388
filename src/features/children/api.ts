import type { Config } from '../../config.ts';
// /api/v1 for children: the list with the page's query parameters, and each part of a child's record.
// Same services as the pages, so the same scope checks and audit events.
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates/index.ts';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import { chronology } from './chronology.ts';
import { ChildListQuery } from './listQuery.ts';
import { listChildren } from './listService.ts';
import { readChildRecord } from './recordService.ts';
import { childIdParam } from './routes.ts';
import type { ScopeOptions } from './scope.ts';
import { summarise } from './summary.ts';

/** The scope options (HEARTH_TEAM_SCOPE) an API handler reads from its config. */
export function scopeOf(config: Config): ScopeOptions {
  return { teamScope: config.teamScope };
}

const Coded = z.object({ code: z.string(), meaning: z.string() });
const IdParams = z.object({ id: z.string() });

const ChildListItem = z.object({
  id: z.number().int(),
  localId: z.string(),
  name: z.string(),
  dateOfBirth: z.string(),
  enteredCare: z.string().nullable(),
  leftCare: z.string().nullable(),
  legalStatus: Coded.nullable(),
  placement: Coded.nullable(),
  socialWorker: z.string().nullable(),
  team: z.string().nullable(),
});

const Summary = z.object({
  name: z.string(),
  localId: z.string(),
  dateOfBirth: z.string(),
  socialWorker: z
    .object({
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      team: z.string().nullable(),
    })
    .nullable(),
  iro: z.string().nullable(),
  personalAdviser: z.string().nullable(),
  home: z
    .object({
      placeType: z.string(),
      placeTypeMeaning: z.string(),
      carer: z.string().nullable(),
      postcodeDistrict: z.string().nullable(),
      since: z.string(),
    })
    .nullable(),
  legalStatus: z.object({ code: z.string(), meaning: z.string(), since: z.string() }).nullable(),
  inCare: z.boolean(),
  nextReview: z.object({ due: z.string(), status: z.string() }).nullable(),
});

const EpisodeSchema = z.object({
  CHILD: z.string(),
  DECOM: z.string(),
  RNE: z.string(),
  LS: z.string(),
  CIN: z.string(),
  PLACE: z.string(),
  PLACE_PROVIDER: z.string().nullable(),
  DEC: z.string().nullable(),
  REC: z.string().nullable(),
  REASON_PLACE_CHANGE: z.string().nullable(),
  HOME_POST: z.string().nullable(),
  PL_POST: z.string().nullable(),
  URN: z.string().nullable(),
});

const DueItemSchema = z.object({
  rule: z.string(),
  what: z.string(),
  due: z.string(),
  status: z.enum(['done', 'due', 'overdue', 'upcoming']),
  doneOn: z.string().nullable(),
  late: z.boolean(),
  basis: z.string(),
  source: z.string(),
});

function read(db: Db, actor: Actor, config: Config, id: string, section: string) {
  return readChildRecord(db, actor, childIdParam(id), {
    ...scopeOf(config),
    today: todayInLondon(new Date()),
    section,
  });
}

export const childrenApi = [
  defineRoute({
    method: 'get',
    path: '/children',
    summary:
      'Children the caller may see: search q (name, local id or date of birth in a UK format), filters team, worker, legal (LS code), place (PLACE code), area (in|out), sort name|dob|entered, order asc|desc, 50 a page.',
    tags: ['children'],
    permission: 'child:read',
    query: ChildListQuery,
    response: z.object({
      children: z.array(ChildListItem),
      page: z.number().int(),
      pageSize: z.number().int(),
      total: z.number().int(),
    }),
    handler: ({ db, actor, query, config }) => listChildren(db, actor, query, scopeOf(config)),
  }),
  defineRoute({
    method: 'get',
    path: '/children/:id',
    summary:
      'A child’s summary: social worker and how to reach them, where they live (postcode district only), legal status, next review. 404 if not there or not in the caller’s scope.',
    tags: ['children'],
    permission: 'child:read',
    params: IdParams,
    response: z.object({ id: z.number().int(), summary: Summary }),
    handler: async ({ db, actor, params, config }) => {
      const record = await read(db, actor, config, params.id, 'summary');
      return { id: record.child.id, summary: summarise(record) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/children/:id/chronology',
    summary: 'Every recorded event for a child, oldest first.',
    tags: ['children'],
    permission: 'child:read',
    params: IdParams,
    response: z.object({
      events: z.array(
        z.object({ date: z.string(), what: z.string(), detail: z.string(), section: z.string() }),
      ),
    }),
    handler: async ({ db, actor, params, config }) => {
      const record = await read(db, actor, config, params.id, 'chronology');
      return { events: chronology(record.facts) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/children/:id/episodes',
    summary: 'The child’s SSDA903 episodes, derived from legal status and placements (read only).',
    tags: ['children'],
    permission: 'child:read',
    params: IdParams,
    response: z.object({ episodes: z.array(EpisodeSchema) }),
    handler: async ({ db, actor, params, config }) => {
      const record = await read(db, actor, config, params.id, 'episodes');
      return { episodes: record.episodes };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/children/:id/due',
    summary:
      'The child’s statutory due items as at today (Europe/London): what, due date, status, basis and legal source.',
    tags: ['children'],
    permission: 'child:read',
    params: IdParams,
    response: z.object({ today: z.string(), items: z.array(DueItemSchema) }),
    handler: async ({ db, actor, params, config }) => {
      const record = await read(db, actor, config, params.id, 'due');
      return {
        today: record.today,
        items: record.due.map((i) => ({
          rule: i.rule,
          what: i.what,
          due: i.due,
          status: i.status,
          doneOn: i.doneOn ?? null,
          late: i.late ?? false,
          basis: i.basis,
          source: i.source,
        })),
      };
    },
  }),
];
