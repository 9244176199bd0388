// /api/v1/plans: the same strategies, actions, updates, RAG history and CSV import as the pages,
// with the same permissions (plan:read, plan:write) and schemas. A stale version answers 409 with
// the stored action as `current`; an import with any bad row answers 400 listing every problem
// (field "<file>:<line>:<column>") and saves nothing.
import type { RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { todayInLondon } from '../../domain/dates/index.ts';
import { defineRoute, type AnyApiRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import {
  addUpdate,
  CONFLICT_MESSAGE,
  createAction,
  createStrategy,
  editAction,
  getAction,
  getStrategy,
  importActions,
  listStrategies,
  PlanProblems,
  StaleAction,
} from './planService.ts';
import { MAX_IMPORT_BYTES } from './routes.ts';
import {
  ActionDetail,
  ActionEdit,
  ActionFilter,
  ImportProblemSchema,
  NewActionInput,
  StrategyDetail,
  StrategyInput,
  StrategySummary,
  UpdateInput,
} from './schemas.ts';

const today = () => todayInLondon(new Date());
const Id = z.object({ id: z.coerce.number().int().positive() });
const Created = z.object({ id: z.number() });

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PlanProblems)
      throw new ProblemError(
        400,
        'Invalid request',
        err.message,
        Object.entries(err.problems).map(([field, message]) => ({ field, message })),
      );
    if (err instanceof StaleAction)
      throw new ProblemError(409, 'Conflict', CONFLICT_MESSAGE, undefined, {
        current: err.current,
      });
    throw err;
  }
}

const parseCsvUpload: RequestHandler = (req, res, next) => {
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
  }).single('file')(req, res, (err: unknown) => {
    if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE')
      next(new ProblemError(413, 'Too much sent', 'The file must be smaller than 5 MB'));
    else if (err) next(new ProblemError(400, 'Invalid upload', 'The file could not be read'));
    else next();
  });
};

export const planApi: readonly AnyApiRoute[] = [
  defineRoute({
    method: 'get',
    path: '/plans',
    summary: 'Every strategy or plan, with its actions counted by RAG and overdue.',
    tags: ['plans'],
    permission: 'plan:read',
    response: z.array(StrategySummary),
    handler: ({ db, actor }) => listStrategies(db, actor, today()),
  }),
  defineRoute({
    method: 'post',
    path: '/plans',
    summary: 'Add a strategy or plan.',
    tags: ['plans'],
    permission: 'plan:write',
    status: 201,
    body: StrategyInput,
    response: Created,
    handler: ({ db, actor, body }) =>
      guarded(async () => ({ id: await createStrategy(db, actor, body) })),
  }),
  defineRoute({
    method: 'get',
    path: '/plans/actions/:id',
    summary: 'One action with its progress updates (latest first) and RAG history.',
    tags: ['plans'],
    permission: 'plan:read',
    params: Id,
    response: ActionDetail,
    handler: ({ db, actor, params }) => getAction(db, actor, params.id, today()),
  }),
  defineRoute({
    method: 'put',
    path: '/plans/actions/:id',
    summary:
      'Change an action (theme, title, owner, due date, measures). `version` must be the stored one, else 409 with `current`. RAG changes only with a progress update.',
    tags: ['plans'],
    permission: 'plan:write',
    params: Id,
    body: ActionEdit,
    response: ActionDetail,
    handler: ({ db, actor, params, body }) =>
      guarded(async () => {
        await editAction(db, actor, params.id, body, today());
        return getAction(db, actor, params.id, today());
      }),
  }),
  defineRoute({
    method: 'post',
    path: '/plans/actions/:id/updates',
    summary:
      'Add a dated progress update with the RAG from that date (a change is kept in the history). `version` as for PUT.',
    tags: ['plans'],
    permission: 'plan:write',
    status: 201,
    params: Id,
    body: UpdateInput,
    response: ActionDetail,
    handler: ({ db, actor, params, body }) =>
      guarded(async () => {
        await addUpdate(db, actor, params.id, body, today());
        return getAction(db, actor, params.id, today());
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/plans/:id',
    summary: 'A strategy with its actions, filtered by RAG, owner (user id) and overdue.',
    tags: ['plans'],
    permission: 'plan:read',
    params: Id,
    query: ActionFilter,
    response: StrategyDetail,
    handler: ({ db, actor, params, query }) => getStrategy(db, actor, params.id, query, today()),
  }),
  defineRoute({
    method: 'post',
    path: '/plans/:id/actions',
    summary: 'Add an action to a strategy, with its first RAG.',
    tags: ['plans'],
    permission: 'plan:write',
    status: 201,
    params: Id,
    body: NewActionInput,
    response: Created,
    handler: ({ db, actor, params, body }) =>
      guarded(async () => ({ id: await createAction(db, actor, params.id, body, today()) })),
  }),
  defineRoute({
    method: 'post',
    path: '/plans/:id/imports',
    summary:
      'Import actions from a CSV action plan (multipart, field `file`). All or nothing: any problem answers 400 with every problem and nothing is saved.',
    tags: ['plans'],
    permission: 'plan:write',
    status: 201,
    params: Id,
    body: z.object({}),
    multipart: {
      parse: parseCsvUpload,
      files: { file: { description: 'The action plan as CSV', required: true } },
    },
    response: z.object({ imported: z.number(), problems: z.array(ImportProblemSchema) }),
    handler: async ({ db, actor, params, req }) => {
      const file = (req as typeof req & { file?: Express.Multer.File }).file;
      if (!file)
        throw new ProblemError(400, 'Invalid upload', 'Send the CSV file in the field "file"', [
          { field: 'file', message: 'Select a CSV file' },
        ]);
      const outcome = await importActions(
        db,
        actor,
        params.id,
        file.originalname,
        file.buffer,
        today(),
      );
      if (!outcome.ok)
        throw new ProblemError(
          400,
          'Invalid file',
          `${String(outcome.problems.length)} problem(s) in the file: nothing has been imported.`,
          outcome.problems.map((p) => ({
            field: `${p.file}:${String(p.line)}:${p.field}`,
            message: p.message,
          })),
        );
      return { imported: outcome.count, problems: [] };
    },
  }),
];
