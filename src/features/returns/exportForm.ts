// The export's collection year, as the page's query (?year=2025/26) and the API's path
// (/exports/2025-26) give it; shared by both.
import { z } from 'zod';
import type { Year } from '../../domain/returns/ssda903/types.ts';
import { UPLOAD_YEARS } from './uploadForm.ts';

export const EXPORT_YEARS = UPLOAD_YEARS;

/** '2025/26' or '2025-26' → '2025/26'. */
export const ExportYear = z
  .string({ error: 'Select the collection year' })
  .transform((v) => v.replace('-', '/'))
  .pipe(z.enum(EXPORT_YEARS, { error: 'Select the collection year' }));

export const ExportYearParams = z.object({
  year: z
    .enum(
      EXPORT_YEARS.map((y) => y.replace('/', '-')) as [string, ...string[]],
      'The year is one of ' + EXPORT_YEARS.map((y) => y.replace('/', '-')).join(', '),
    )
    .transform((v) => v.replace('-', '/') as Year),
});

/** '2025/26' → '2025-26', for addresses. */
export const yearSlug = (year: string): string => year.replace('/', '-');
