// The OpenAPI 3.1 document, generated from the registered routes' zod schemas (z.toJSONSchema).
import { z } from 'zod';
import { strictBody, type AnyApiRoute } from './registry.ts';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  delete out.$schema;
  return out;
}

const problemSchema: Json = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): Json[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || !s.safeParse(undefined).success,
    schema: jsonSchema(s, 'input'),
  }));
}

/** A multipart/form-data body: the text fields from `body`, each file field as binary. */
function multipartBody(r: AnyApiRoute): Json {
  const fields = r.body ? jsonSchema(strictBody(r.body), 'input') : {};
  const properties = { ...((fields.properties as Json | undefined) ?? {}) };
  const required = [...((fields.required as string[] | undefined) ?? [])];
  for (const [name, f] of Object.entries(r.multipart?.files ?? {})) {
    const file = { type: 'string', format: 'binary' };
    properties[name] = f.multiple
      ? { type: 'array', items: file, description: f.description }
      : { ...file, description: f.description };
    if (f.required) required.push(name);
  }
  return {
    required: true,
    content: { 'multipart/form-data': { schema: { type: 'object', properties, required } } },
  };
}

export function openApiDocument(routes: readonly AnyApiRoute[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = `/api/v1${r.path.replace(/:(\w+)/g, '{$1}')}`;
    const status = String(r.status ?? 200);
    const op: Json = {
      summary: r.summary,
      tags: r.tags ?? [],
      'x-permission': r.permission,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses: {
        [status]: {
          description: 'Success',
          content: r.binary
            ? { [r.binary.contentType]: { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: jsonSchema(r.response, 'output') } },
        },
        default: {
          description: 'An error, as problem+json',
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        },
      },
    };
    if (r.multipart) op.requestBody = multipartBody(r);
    else if (r.body)
      op.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(strictBody(r.body), 'input') } },
      };
    (paths[path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hearth API',
      version,
      description:
        'Every page’s data as JSON. Authenticate with a session cookie (send the CSRF token in x-csrf-token for changes) or a personal access token: Authorization: Bearer <token>.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'hearth.sid' },
      },
      schemas: { Problem: problemSchema },
    },
    paths,
  };
}
