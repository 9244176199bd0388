// Not-found and error answers: a GOV.UK page for browsers, problem+json under /api. Never a stack
// trace; unexpected errors are logged with the request id and answered with a plain 500.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ForbiddenError, NotFoundError } from '../access/access.ts';
import { ProblemError, sendProblem, type FieldError } from './problem.ts';

export const CSRF_MESSAGE = 'Your form could not be sent. Go back, reload the page and try again.';

interface Answer {
  status: number;
  title: string;
  detail: string;
  errors?: FieldError[] | undefined;
  extensions?: Record<string, unknown> | undefined;
}

function hasCode(err: unknown): err is { code?: unknown; type?: unknown; status?: unknown } {
  return typeof err === 'object' && err !== null;
}

export function classify(err: unknown): Answer | undefined {
  if (err instanceof ProblemError)
    return {
      status: err.status,
      title: err.title,
      detail: err.detail ?? err.title,
      errors: err.errors,
      extensions: err.extensions,
    };
  if (err instanceof NotFoundError)
    return { status: 404, title: 'Page not found', detail: 'There is nothing at this address.' };
  if (err instanceof ForbiddenError)
    return { status: 403, title: 'You cannot do this', detail: err.message };
  if (!hasCode(err)) return undefined;
  if (err.code === 'EBADCSRFTOKEN')
    return { status: 403, title: 'Your form could not be sent', detail: CSRF_MESSAGE };
  if (err.type === 'entity.too.large')
    return {
      status: 413,
      title: 'Too much information sent',
      detail: 'What you sent is larger than 100 KB. Send less and try again.',
    };
  if (err.type === 'entity.parse.failed')
    return {
      status: 400,
      title: 'Malformed request',
      detail: 'The request body is not valid JSON.',
    };
  if (
    typeof err.status === 'number' &&
    err.status >= 400 &&
    err.status < 500 &&
    typeof err.type === 'string'
  )
    return { status: err.status, title: 'Bad request', detail: 'The request could not be read.' };
  return undefined;
}

export function isApi(req: Request): boolean {
  return req.originalUrl === '/api' || req.originalUrl.startsWith('/api/');
}

function answer(req: Request, res: Response, a: Answer): void {
  if (isApi(req)) {
    sendProblem(res, {
      status: a.status,
      title: a.title,
      detail: a.detail,
      errors: a.errors,
      extensions: a.extensions,
    });
    return;
  }
  res.status(a.status).render('pages/message.njk', { title: a.title, paragraphs: [a.detail] });
}

export const notFound: RequestHandler = (req, res) => {
  answer(req, res, {
    status: 404,
    title: 'Page not found',
    detail:
      'If you typed the web address, check it is correct. If you pasted it, check you copied all of it.',
  });
};

export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const known = classify(err);
  if (res.headersSent) {
    req.log.error({ err }, 'error after the response started');
    res.end();
    return;
  }
  if (known) {
    answer(req, res, known);
    return;
  }
  req.log.error({ err }, 'unexpected error');
  answer(req, res, {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    detail: 'Try again later. Nothing you sent was saved unless you were told it was.',
  });
};
