// /api/v1/children/:id/visit-agreements: the child's agreements to 6-monthly visits (reg 28(3A)),
// recorded and withdrawn through the same service, scope, checks and audit as the pages.
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute, type AnyApiRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { scopeOf } from '../children/api.ts';
import {
  AgreementInput,
  ChildAgreementsResponse,
  WithdrawalInput,
} from './visitAgreementSchema.ts';
import {
  AgreementProblems,
  readAgreements,
  recordAgreement,
  StaleAgreement,
  withdrawAgreement,
} from './visitAgreementService.ts';

const Params = z.object({ id: z.coerce.number().int().positive() });
const WithdrawParams = Params.extend({ aid: z.coerce.number().int().positive() });

function refusal(err: unknown): never {
  if (err instanceof AgreementProblems)
    throw new ProblemError(
      400,
      'Invalid request',
      Object.values(err.problems).join('. '),
      Object.entries(err.problems).map(([field, message]) => ({ field, message })),
    );
  if (err instanceof StaleAgreement)
    throw new ProblemError(409, 'Conflict', err.message, undefined, { current: err.current });
  throw err;
}

export const visitAgreementApi: AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/children/:id/visit-agreements',
    summary:
      'The child’s placements and their recorded agreements to 6-monthly social worker visits (CPPCR 2010 reg 28(3A)).',
    tags: ['timescales'],
    permission: 'child:read',
    params: Params,
    response: ChildAgreementsResponse,
    handler: ({ db, actor, params, config }) =>
      readAgreements(db, actor, params.id, scopeOf(config)),
  }),
  defineRoute({
    method: 'post',
    path: '/children/:id/visit-agreements',
    summary:
      'Record the child’s agreement to 6-monthly visits in a placement: the date, the child’s view.',
    tags: ['timescales'],
    permission: 'child:write',
    params: Params,
    body: AgreementInput,
    response: z.object({ id: z.number().int() }),
    status: 201,
    handler: async ({ db, actor, params, body, config }) => {
      try {
        const id = await recordAgreement(
          db,
          actor,
          params.id,
          body,
          todayInLondon(new Date()),
          scopeOf(config),
        );
        return { id };
      } catch (err) {
        return refusal(err);
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/children/:id/visit-agreements/:aid/withdraw',
    summary:
      'Record that the child withdrew an agreement (optimistic locking: send the version read; 409 with the stored values if it changed).',
    tags: ['timescales'],
    permission: 'child:write',
    params: WithdrawParams,
    body: WithdrawalInput,
    response: z.object({ id: z.number().int() }),
    handler: async ({ db, actor, params, body, config }) => {
      try {
        await withdrawAgreement(
          db,
          actor,
          params.id,
          params.aid,
          body,
          todayInLondon(new Date()),
          scopeOf(config),
        );
        return { id: params.aid };
      } catch (err) {
        return refusal(err);
      }
    },
  }),
];
