// The 903 upload's text fields (collection year, LA code) and the checks on its files, shared by the
// page (GOV.UK error summary) and the API (problem+json).
import type { Request } from 'express';
import { z } from 'zod';
import type { Year } from '../../domain/returns/ssda903/types.ts';
import {
  REFERENCE_FIELDS,
  UploadError,
  checkFileKinds,
  checkReferenceKind,
  uploadedFiles,
} from './upload.ts';

export const UPLOAD_YEARS = ['2025/26', '2024/25', '2023/24'] as const satisfies readonly Year[];

export const UploadFields = z.object({
  year: z.enum(UPLOAD_YEARS, { error: 'Select the collection year' }),
  la: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(
          /^(\d{3}|E\d{8})$/,
          'Enter the local authority code as 3 digits, like 380, or its ONS code, like E08000032',
        )
        .optional(),
    ),
});

export interface UploadRequest {
  year: Year;
  /** The LA code given, else the default (the page gives the authority's; the API, like the CLI, none). */
  la: string | undefined;
  files: Express.Multer.File[];
  prev: Express.Multer.File[];
  /** Ofsted's children's homes list, providers list (either or both), and an ONS postcode directory. */
  ofstedHomes?: Express.Multer.File | undefined;
  ofstedProviders?: Express.Multer.File | undefined;
  postcodes?: Express.Multer.File | undefined;
}

export interface UploadProblem {
  field: string;
  message: string;
}

/** The upload's fields and files, or every problem with them (in the order of the form). */
export function checkUpload(
  req: Request,
  defaultLa: string | undefined,
): { ok: true; value: UploadRequest } | { ok: false; problems: UploadProblem[] } {
  const problems: UploadProblem[] = [];
  const files = uploadedFiles(req, 'files');
  const prev = uploadedFiles(req, 'prev');
  if (files.length === 0) problems.push({ field: 'files', message: 'Select at least one file' });
  for (const [field, list] of [
    ['files', files],
    ['prev', prev],
  ] as const) {
    try {
      checkFileKinds(list, field);
    } catch (err) {
      if (!(err instanceof UploadError)) throw err;
      problems.push({ field, message: err.message });
    }
  }
  const reference: Partial<Record<(typeof REFERENCE_FIELDS)[number], Express.Multer.File>> = {};
  for (const field of REFERENCE_FIELDS) {
    const [file, ...more] = uploadedFiles(req, field);
    if (!file) continue;
    try {
      if (more.length > 0) throw new UploadError('Select only one file', field);
      checkReferenceKind(file, field);
      reference[field] = file;
    } catch (err) {
      if (!(err instanceof UploadError)) throw err;
      problems.push({ field, message: err.message });
    }
  }
  const fields = UploadFields.safeParse(req.body ?? {});
  if (!fields.success)
    for (const issue of fields.error.issues)
      problems.push({ field: issue.path.map(String).join('.') || 'form', message: issue.message });
  if (!fields.success || problems.length > 0) {
    const order = ['files', 'year', 'prev', 'la', ...REFERENCE_FIELDS, 'form'];
    problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: { year: fields.data.year, la: fields.data.la ?? defaultLa, files, prev, ...reference },
  };
}
