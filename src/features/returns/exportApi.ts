// GET /api/v1/returns/903/exports/{year}: the year's return built from the record, summed up as on
// the export page (row counts, errors by rule, every error with the record section to fix it in);
// GET /api/v1/returns/903/exports/{year}/zip: the 11 DfE CSV files as one zip. Both audited.
import { z } from 'zod';
import { defineRoute } from '../../platform/api/registry.ts';
import { exportReturn } from './export/service.ts';
import { exportAndCheck, exportSummary } from './export/summary.ts';
import { returnZip, zipName } from './export/zip.ts';
import { FIX_SECTIONS } from './export/fixes.ts';
import { ExportYearParams } from './exportForm.ts';

export const ExportSummaryJson = z.object({
  year: z.string(),
  tables: z.array(z.object({ table: z.string(), file: z.string(), rows: z.number().int() })),
  errors: z.number().int(),
  rulesRun: z.number().int(),
  rules: z.array(z.object({ code: z.string(), message: z.string(), count: z.number().int() })),
  skipped: z.array(z.object({ code: z.string(), reason: z.string() })),
  toFix: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      child: z.string(),
      table: z.string(),
      line: z.number().int(),
      fields: z.array(z.string()),
      section: z.enum(Object.keys(FIX_SECTIONS) as [keyof typeof FIX_SECTIONS]),
      sectionTitle: z.string(),
      href: z.string().optional(),
    }),
  ),
});

export const exportSummaryApi = defineRoute({
  method: 'get',
  path: '/returns/903/exports/:year',
  summary:
    "Build the year's SSDA903 return (year as 2025-26) from the record and validate it: row count per table, errors by rule, and every error with the child's record section where the fact is fixed. Audited.",
  tags: ['903'],
  permission: '903:export',
  params: ExportYearParams,
  response: ExportSummaryJson,
  handler: async ({ db, actor, params }) =>
    exportSummary(await exportAndCheck(db, actor, params.year)),
});

export const exportZipApi = defineRoute({
  method: 'get',
  path: '/returns/903/exports/:year/zip',
  summary:
    "The year's SSDA903 return (year as 2025-26) built from the record, as a zip of the 11 DfE CSV files (header.csv, episodes.csv, ... sw_episodes.csv). Audited.",
  tags: ['903'],
  permission: '903:export',
  params: ExportYearParams,
  response: z.instanceof(Buffer),
  binary: { contentType: 'application/zip', filename: (p) => zipName(p.year) },
  handler: async ({ db, actor, params }) => returnZip(await exportReturn(db, actor, params.year)),
});
