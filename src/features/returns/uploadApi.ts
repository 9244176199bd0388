// POST /api/v1/returns/903/validations: validate an uploaded return and answer with the same JSON as
// `hearth 903 validate --format json` ({year, rules, skipped} and, when there are any, problems).
// Multipart: `files` (CSV files or zips), `year`, optional `prev` (last year's files) and `la` (as
// with the CLI's --la, no LA code when it is not given), and optional reference files `ofstedHomes`,
// `ofstedProviders` (CSV) and `postcodes` (CSV or .csv.gz): the rules needing them run when given.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { reportJson } from '../../domain/returns/ssda903/engine.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { UploadError, parseUpload } from './upload.ts';
import { UploadFields, checkUpload } from './uploadForm.ts';
import { validateUploadedReturn } from './uploadService.ts';

const Finding = z.object({ table: z.string(), line: z.number().int(), child: z.string() });

export const ValidationJson = z.object({
  year: z.string(),
  rules: z.record(z.string(), z.array(Finding)),
  skipped: z.array(z.object({ code: z.string(), reason: z.string() })),
  problems: z
    .array(z.object({ file: z.string(), line: z.number().int().optional(), message: z.string() }))
    .optional(),
});

function asProblem(err: UploadError): ProblemError {
  return new ProblemError(
    err.status,
    err.status === 413 ? 'Too much sent' : 'Invalid upload',
    err.message,
    [{ field: err.field, message: err.message }],
  );
}

const parseForApi: RequestHandler = (req, res, next) => {
  void parseUpload(req, res, (err?: unknown) => {
    next(err instanceof UploadError ? asProblem(err) : err);
  });
};

export const validationApi = defineRoute({
  method: 'post',
  path: '/returns/903/validations',
  summary:
    'Validate an SSDA903 return (multipart: CSV files or zips in `files`, optional last year in `prev`, optional Ofsted lists in `ofstedHomes`/`ofstedProviders` and an ONS postcode directory in `postcodes`); answers like `hearth 903 validate --format json`. Nothing is stored except an audit event.',
  tags: ['903'],
  permission: '903:validate',
  status: 200,
  body: UploadFields,
  multipart: {
    parse: parseForApi,
    files: {
      files: {
        description: "This year's CSV files, or zips of them",
        multiple: true,
        required: true,
      },
      prev: { description: "Last year's CSV files, or zips of them (optional)", multiple: true },
      ofstedHomes: {
        description: "Ofsted's children's homes list, CSV (optional, as --ofsted-homes)",
      },
      ofstedProviders: {
        description: "Ofsted's providers list, CSV (optional, as --ofsted-providers)",
      },
      postcodes: {
        description:
          'An ONS postcode directory, CSV or gzipped CSV (optional, as --postcodes): PL_LA, PL_LOCATION, PL_DISTANCE',
      },
    },
  },
  response: ValidationJson,
  handler: async ({ db, actor, req }) => {
    const checked = checkUpload(req, undefined);
    if (!checked.ok)
      throw new ProblemError(
        400,
        'Invalid upload',
        checked.problems.map((p) => p.message).join('. '),
        checked.problems,
      );
    try {
      const result = await validateUploadedReturn(db, actor, checked.value);
      return reportJson(result.report) as z.input<typeof ValidationJson>;
    } catch (err) {
      throw err instanceof UploadError ? asProblem(err) : err;
    }
  },
});
