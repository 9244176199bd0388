// The 903 export page: GET /returns/903/export (choose the collection year), with ?year=2025/26 the
// year's return built from the record: each table's row count, its validation by rule, and every
// error as a fact to fix with a link to the child's record section; GET
// /returns/903/export/2025-26.zip downloads the 11 DfE CSV files as one zip. Both read every child
// of the return, so each is audited (one 'export' event, service.ts). Permission 903:export.
import { Router, type Request, type Response } from 'express';
import { requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import type { FeatureDeps } from '../../platform/http/features.ts';
import { exportReturn } from './export/service.ts';
import { exportAndCheck, exportSummary, type ExportSummary } from './export/summary.ts';
import { returnZip, zipName } from './export/zip.ts';
import { EXPORT_YEARS, ExportYear, ExportYearParams, yearSlug } from './exportForm.ts';
import { skipReason } from './reportView.ts';

export const EXPORT_PATH = '/returns/903/export';
/** Errors listed on the page; the API has them all. */
export const MAX_TO_FIX = 500;

function render(
  res: Response,
  year: string | undefined,
  summary?: ExportSummary,
  error?: string,
): void {
  const skipped = new Map<string, string[]>();
  for (const s of summary?.skipped ?? []) {
    const reason = skipReason(s.reason);
    let l = skipped.get(reason);
    if (!l) skipped.set(reason, (l = []));
    l.push(s.code);
  }
  res.status(error ? 400 : 200).render('returns/views/export.njk', {
    title: summary ? `903 return export, ${summary.year}` : 'Export the 903 return',
    years: EXPORT_YEARS.map((y) => ({ value: y, text: y, checked: y === year })),
    errors: error ? { year: { text: error } } : {},
    errorList: error ? [{ text: error, href: '#year' }] : [],
    summary,
    toFix: summary?.toFix.slice(0, MAX_TO_FIX) ?? [],
    moreToFix: Math.max(0, (summary?.toFix.length ?? 0) - MAX_TO_FIX),
    skipped: [...skipped].map(([reason, codes]) => ({ reason, codes })),
    zipHref: summary ? `${EXPORT_PATH}/${yearSlug(summary.year)}.zip` : undefined,
  });
}

export function exportRoutes(deps: FeatureDeps): Router {
  const router = Router();

  router.get(EXPORT_PATH, async (req: Request, res) => {
    const actor = actorOf(req);
    requirePermission(actor, '903:export');
    // The form sends build=1, so a form sent without a year is an error; a bare address is not.
    if (req.query.year === undefined && req.query.build === undefined) {
      render(res, undefined);
      return;
    }
    const year = ExportYear.safeParse(req.query.year);
    if (!year.success) {
      render(res, undefined, undefined, 'Select the collection year');
      return;
    }
    render(res, year.data, exportSummary(await exportAndCheck(deps.db, actor, year.data)));
  });

  router.get(`${EXPORT_PATH}/:year.zip`, async (req: Request, res) => {
    const actor = actorOf(req);
    requirePermission(actor, '903:export');
    const params = ExportYearParams.safeParse(req.params);
    if (!params.success) {
      res.status(404).render('pages/message.njk', {
        title: 'Page not found',
        paragraphs: [`There is no export for that year: choose one of ${EXPORT_YEARS.join(', ')}.`],
        link: { text: 'Export the 903 return', href: EXPORT_PATH },
      });
      return;
    }
    const ret = await exportReturn(deps.db, actor, params.data.year);
    res
      .type('application/zip')
      .attachment(zipName(ret.year))
      .send(await returnZip(ret));
  });

  return router;
}
