// /api/v1/users: the administrators' user list and user creation.
import { z } from 'zod';
import { ROLES } from '../../platform/access/roles.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { NewUserInput } from './schemas.ts';
import { FieldProblem, createUser, listUsers } from './userService.ts';

export const UserResponse = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  teamId: z.number().int().nullable(),
  teamName: z.string().nullable(),
  fte: z.number(),
  agency: z.boolean(),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  version: z.number().int(),
});

function asProblem(err: unknown): never {
  if (err instanceof FieldProblem)
    throw new ProblemError(400, 'Invalid request', err.message, [
      { field: err.field, message: err.message },
    ]);
  throw err;
}

export const adminApi = [
  defineRoute({
    method: 'get',
    path: '/users',
    summary: 'Every user account.',
    tags: ['users'],
    permission: 'user:manage',
    response: z.object({ users: z.array(UserResponse) }),
    handler: async ({ db, actor }) => ({ users: await listUsers(db, actor) }),
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    summary: 'Add a user. Without a password, one is generated and returned once.',
    tags: ['users'],
    permission: 'user:manage',
    body: NewUserInput,
    status: 201,
    response: z.object({ id: z.number().int(), password: z.string() }),
    handler: async ({ db, actor, body }) => createUser(db, actor, body).catch(asProblem),
  }),
];
