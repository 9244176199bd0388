// The recording forms' actions under /api/v1, with the same schemas (strict JSON bodies, ISO dates)
// and the same services, so the access checks and the refusals are identical: 400 problem+json with
// the field list, 403 for a role that may not record this, 404 for a child outside scope, 409 for a
// stale version.
import { z } from 'zod';
import { defineRoute, type AnyApiRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { today } from './codes.ts';
import { FORMS, type FormDef } from './forms.ts';
import { CONFLICT_MESSAGE, RecordProblems, StaleVersion } from './problems.ts';

const Params = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  rid: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

function route(form: FormDef): AnyApiRoute {
  return defineRoute({
    method: form.api.method,
    path: form.api.path,
    summary: form.summary,
    tags: ['recording'],
    permission: 'signed-in',
    params: Params,
    body: form.schema,
    status: form.edit ? 200 : 201,
    response: z.object({ id: z.number().int() }),
    handler: async ({ db, actor, config, params, body }) => {
      const ctx = { db, actor, scope: { teamScope: config.teamScope }, today: today() };
      const recordId = recordIdOf(form, params);
      try {
        const saved = await form.save(ctx, params.id ?? 0, body as never, recordId);
        return { id: typeof saved === 'number' ? saved : recordId };
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
    },
  });
}

function recordIdOf(form: FormDef, params: z.output<typeof Params>): number {
  return (form.editsChild ? params.id : params.rid) ?? 0;
}

/** GET the stored values (with their version) an edit starts from; audited as a read. */
function current(form: FormDef): AnyApiRoute | [] {
  const edit = form.edit;
  if (!edit || form.api.method !== 'put') return [];
  return defineRoute({
    method: 'get',
    path: form.editsChild ? `${form.api.path}/details` : form.api.path,
    summary: `The current values and version for: ${form.summary}`,
    tags: ['recording'],
    permission: 'signed-in',
    params: Params,
    response: z.record(z.string(), z.unknown()),
    handler: async ({ db, actor, config, params }) =>
      edit.load(
        { db, actor, scope: { teamScope: config.teamScope }, today: today() },
        params.id ?? 0,
        recordIdOf(form, params),
      ),
  });
}

export const recordingApi: readonly AnyApiRoute[] = [
  ...FORMS.map(route),
  ...FORMS.flatMap(current),
];
