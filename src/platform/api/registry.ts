// The API route registry. Each route declares its method, path, permission and zod schemas; the
// router validates requests and responses with them and /api/v1/openapi.json is generated from
// the same schemas. Features export their routes as `api` in src/features/<area>/feature.ts.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { can, type Permission } from '../access/access.ts';
import type { Actor } from '../access/actor.ts';
import { actorOf } from '../auth/authenticate.ts';
import { ProblemError, fieldErrors } from '../http/problem.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * A multipart/form-data request (file uploads). `parse` (e.g. multer) runs after the permission
 * check and before validation: it fills req.body with the text fields, which `body` then validates,
 * and req.files, which the handler reads. It reports bad input by passing a ProblemError to next.
 * OpenAPI documents the text fields from `body` and each file field as binary.
 */
export interface MultipartBody {
  parse: RequestHandler;
  files: Record<string, { description: string; multiple?: boolean; required?: boolean }>;
}

export interface ApiContext<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  db: Db;
  /** The service's settings (e.g. teamScope for who sees which children). */
  config: Config;
  req: Request;
  res: Response;
}

export interface ApiRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Below /api/v1, Express style: '/users/:id'. */
  path: string;
  summary: string;
  tags?: string[];
  /** The permission required, or 'signed-in' for any signed-in user (e.g. GET /me). */
  permission: Permission | 'signed-in';
  params?: P;
  query?: Q;
  /** Object bodies are made strict: unknown fields answer 400. */
  body?: B;
  /** Set for a multipart/form-data body (files); `body` then describes its text fields. */
  multipart?: MultipartBody;
  response: R;
  /**
   * Set for a file download: the handler returns a Buffer (response `z.instanceof(Buffer)`), sent
   * with this content type (and `filename` as an attachment). OpenAPI describes it as binary.
   */
  binary?: { contentType: string; filename: (params: z.output<P>) => string };
  /** Success status; 200 unless given (201 for creation). */
  status?: number;
  handler: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>;
}

/** An ApiRoute with its types erased, as kept in a list. */
export interface AnyApiRoute extends Omit<ApiRoute, 'handler' | 'binary'> {
  binary?: { contentType: string; filename: (params: unknown) => string };
  handler: (ctx: ApiContext<unknown, unknown, unknown>) => Promise<unknown>;
}

/** Declare a route with its handler's types inferred from its schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodObject,
  Q extends z.ZodType = z.ZodObject,
  B extends z.ZodType = z.ZodUnknown,
  R extends z.ZodType = z.ZodType,
>(route: ApiRoute<P, Q, B, R>): AnyApiRoute {
  return route as unknown as AnyApiRoute;
}

export function strictBody(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}

function parseOr400(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ProblemError(
    400,
    'Invalid request',
    `The ${where} has ${result.error.issues.length === 1 ? 'a problem' : 'problems'}: see errors.`,
    fieldErrors(result.error, where === 'body' ? '' : where),
  );
}

function runParser(parse: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void parse(req, res, (err?: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error('the request body could not be read'));
      else resolve();
    });
  });
}

export function apiRouter(routes: readonly AnyApiRoute[], db: Db, config: Config): Router {
  const router = Router();
  for (const route of routes) {
    const body = route.body ? strictBody(route.body) : undefined;
    router[route.method](route.path, async (req, res) => {
      const actor = actorOf(req);
      if (route.permission !== 'signed-in' && !can(actor, route.permission)) {
        throw new ProblemError(
          403,
          'Forbidden',
          actor.tokenScopes
            ? `This needs the "${route.permission}" permission, which this token's scopes or its user's roles do not give.`
            : `This needs the "${route.permission}" permission, which your roles do not give.`,
        );
      }
      if (route.multipart) await runParser(route.multipart.parse, req, res);
      const ctx: ApiContext<unknown, unknown, unknown> = {
        actor,
        params: parseOr400(route.params, req.params, 'params'),
        query: parseOr400(route.query, req.query, 'query'),
        body: body ? parseOr400(body, req.body ?? {}, 'body') : undefined,
        db,
        config,
        req,
        res,
      };
      const result = route.response.parse(await route.handler(ctx));
      if (route.binary) {
        res
          .status(route.status ?? 200)
          .type(route.binary.contentType)
          .attachment(route.binary.filename(ctx.params))
          .send(result);
        return;
      }
      res.status(route.status ?? 200).json(result);
    });
  }
  return router;
}
