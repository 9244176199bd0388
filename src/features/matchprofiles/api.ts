// /api/v1/placement-options: the same list, option and change as the pages, with the same
// permissions (read: placement:read, carer:read or home:read; change: by the option's kind) and
// schemas. A stale version answers 409 with the stored option as `current`; bad input answers 400
// with the field list; an unknown or malformed key 404.
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute, type AnyApiRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { CONFLICT_MESSAGE, StaleVersion } from '../recording/problems.ts';
import { keyOr404 } from './keys.ts';
import { listOptions, readOption, saveProfile } from './optionService.ts';
import { OptionList, OptionsQuery, PlacementOption, ProfileInput } from './schemas.ts';

const Key = z.object({ key: z.string() });
const WHO_READS = 'Needs placement:read, carer:read or home:read.';

export const matchProfileApi: readonly AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/placement-options',
    summary: `Every option matching considers today (mainstream households approved, under Regulation 24 or on hold; homes and supported accommodation not closed; independent fostering agencies) with its languages and religions (null when not recorded). Filters: kind, notRecorded=true; 50 a page. ${WHO_READS}`,
    tags: ['placement-options'],
    permission: 'signed-in',
    query: OptionsQuery,
    response: OptionList,
    handler: ({ db, actor, query }) => listOptions(db, actor, query, todayInLondon(new Date())),
  }),
  defineRoute({
    method: 'get',
    path: '/placement-options/:key',
    summary: `One option by its key (household:N, home:N, provider:N for an agency, supported:N), with its languages, religions and version (0 when nothing is recorded). ${WHO_READS}`,
    tags: ['placement-options'],
    permission: 'signed-in',
    params: Key,
    response: PlacementOption,
    handler: ({ db, actor, params }) => readOption(db, actor, keyOr404(params.key)),
  }),
  defineRoute({
    method: 'put',
    path: '/placement-options/:key',
    summary:
      'Set the languages (up to 5, 40 characters each) and religions or cultures (up to 5, 60 characters each) matching scores an option on; stored trimmed and lower case, as a placement request stores them. `version` must be the stored one (0 for the first save), else 409 with `current`. A household needs carer:write or placement:manage; a home or supported accommodation service home:write or placement:manage; an agency placement:manage.',
    tags: ['placement-options'],
    permission: 'signed-in',
    params: Key,
    body: ProfileInput,
    response: PlacementOption,
    handler: async ({ db, actor, params, body }) => {
      try {
        return await saveProfile(db, actor, keyOr404(params.key), body);
      } catch (err) {
        if (err instanceof StaleVersion)
          throw new ProblemError(409, 'Conflict', CONFLICT_MESSAGE, undefined, {
            current: err.current,
          });
        throw err;
      }
    },
  }),
];
