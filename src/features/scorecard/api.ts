// /api/v1/scorecard: the same figures, drill-down, targets and costs as the pages, with the same
// permissions, scope, suppression and audit.
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute, type AnyApiRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { scopeOf } from '../children/api.ts';
import { saveCost, StaleCost } from './costs.ts';
import { drillDown } from './drill.ts';
import { AtQuery, CostInput, DrillResponse, ScorecardResponse, TargetInput } from './schemas.ts';
import { buildScorecard, checkDate, ScorecardDateError } from './service.ts';
import { saveTarget, StaleTarget } from './targets.ts';
import type { Db } from '../../db/connect.ts';

async function dateOr400(db: Db, at: string | undefined): Promise<string> {
  const today = todayInLondon(new Date());
  try {
    return await checkDate(db, at ?? today, today);
  } catch (e) {
    if (!(e instanceof ScorecardDateError)) throw e;
    throw new ProblemError(400, 'Invalid request', e.message, [
      { field: 'at', message: e.message },
    ]);
  }
}

const MeasureParams = z.object({ id: z.string().regex(/^[a-z0-9-]+$/) });

export const scorecardApi: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/scorecard',
    summary:
      'Every measure on a date (default today) with its monthly and yearly trend, England, comparators, target and RAG. Small numbers are withheld for callers without access to children.',
    tags: ['scorecard'],
    permission: 'figures:read',
    query: AtQuery,
    response: ScorecardResponse,
    handler: async ({ db, actor, query }) => {
      const card = await buildScorecard(db, actor, await dateOr400(db, query.at));
      const { rows, ...rest } = card;
      return { ...rest, measures: rows };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/scorecard/measures/:id/children',
    summary:
      "The children with a part in a measure's numerator or denominator on a date, limited to the caller's caseload (audited).",
    tags: ['scorecard'],
    permission: 'child:read',
    params: MeasureParams,
    query: AtQuery,
    response: DrillResponse,
    handler: async ({ db, actor, params, query, config }) => {
      const d = await drillDown(
        db,
        actor,
        params.id,
        await dateOr400(db, query.at),
        scopeOf(config),
      );
      return { ...d, measure: { id: d.measure.id, title: d.measure.title } };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/scorecard/measures/:id/target',
    summary:
      "Set a measure's target, direction and amber tolerance. Send the version you read (0 for a new target); a stale version answers 409 with the current target.",
    tags: ['scorecard'],
    permission: 'plan:write',
    params: MeasureParams,
    body: TargetInput,
    response: z.object({
      target: z.number(),
      direction: z.enum(['at-least', 'at-most']),
      amberWithin: z.number(),
      note: z.string(),
      version: z.number(),
    }),
    handler: async ({ db, actor, params, body }) => {
      try {
        return await saveTarget(db, actor, params.id, body);
      } catch (e) {
        if (!(e instanceof StaleTarget)) throw e;
        throw new ProblemError(409, 'Conflict', e.message, undefined, { current: e.current });
      }
    },
  }),
  defineRoute({
    method: 'put',
    path: '/scorecard/costs/:placementId',
    summary:
      "Record or change a placement's agreed weekly cost in whole pounds (null: not known). Send the placement's version; a stale one answers 409 with the current cost.",
    tags: ['scorecard'],
    permission: 'placement:manage',
    params: z.object({ placementId: z.coerce.number().int().positive() }),
    body: CostInput,
    response: z.object({ id: z.number(), weeklyCost: z.number().nullable(), version: z.number() }),
    handler: async ({ db, actor, params, body, config }) => {
      try {
        const p = await saveCost(db, actor, params.placementId, body, scopeOf(config));
        return { id: p.id, weeklyCost: p.weeklyCost, version: p.version };
      } catch (e) {
        if (!(e instanceof StaleCost)) throw e;
        throw new ProblemError(409, 'Conflict', e.message, undefined, {
          current: { weeklyCost: e.current.weeklyCost, version: e.current.version },
        });
      }
    },
  }),
];
