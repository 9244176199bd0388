// application/problem+json (RFC 9457) answers for the API, with a list of invalid fields.
import type { Response } from 'express';
import type { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** Thrown by API handlers (or the registry) to answer with problem+json. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  /** Extension members added to the problem body (RFC 9457 §3.2), e.g. `{ current: {...} }`. */
  readonly extensions: Record<string, unknown> | undefined;
  constructor(
    status: number,
    title: string,
    detail?: string,
    errors?: FieldError[],
    extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.extensions = extensions;
  }
}

export function sendProblem(
  res: Response,
  p: Omit<Problem, 'type'> & { extensions?: Record<string, unknown> | undefined },
): void {
  const { extensions, ...problem } = p;
  const body: Problem = { ...extensions, type: 'about:blank', ...problem };
  res.status(p.status).type('application/problem+json').send(JSON.stringify(body));
}

/** zod issues as {field, message}; unknown fields are named one by one. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ field: base ? `${base}.${key}` : key, message: 'Unknown field' });
    } else {
      out.push({ field: base || '(body)', message: issue.message });
    }
  }
  return out;
}
