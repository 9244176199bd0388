// The 903 upload page: GET /returns/903 shows the form; POST /returns/903 validates the files and
// redirects to the report (kept in memory for this session, see reportCache.ts), or re-renders the
// form with the GOV.UK error summary. The form is multipart, so its CSRF token is in the action URL.
import { Router, type Request, type Response } from 'express';
import type { FeatureDeps } from '../../platform/http/features.ts';
import { requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import type { ReportCache } from './reportCache.ts';
import { UploadError, readUpload } from './upload.ts';
import { UPLOAD_YEARS, checkUpload, type UploadProblem } from './uploadForm.ts';
import { validateUploadedReturn } from './uploadService.ts';
import type { StoredReport } from './reportRoutes.ts';

export const UPLOAD_PATH = '/returns/903';

function renderForm(
  req: Request,
  res: Response,
  defaultLa: string,
  problems: UploadProblem[] = [],
  status = 200,
): void {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const errors: Record<string, { text: string }> = {};
  for (const p of problems) errors[p.field] ??= { text: p.message };
  res.status(status).render('returns/views/upload.njk', {
    title: 'Validate a 903 return',
    years: UPLOAD_YEARS.map((y) => ({ value: y, text: y, checked: body.year === y })),
    la: typeof body.la === 'string' ? body.la : '',
    defaultLa,
    errors,
    errorList: problems.map((p) => ({
      text: p.message,
      href: `#${p.field === 'form' ? 'files' : p.field}`,
    })),
  });
}

export function uploadRoutes(deps: FeatureDeps, reports: ReportCache<StoredReport>): Router {
  const router = Router();
  const defaultLa = deps.config.authority.code;

  router.get(UPLOAD_PATH, (req, res) => {
    requirePermission(actorOf(req), '903:validate');
    renderForm(req, res, defaultLa);
  });

  router.post(UPLOAD_PATH, async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, '903:validate');
    try {
      await readUpload(req, res);
    } catch (err) {
      if (!(err instanceof UploadError)) throw err;
      renderForm(req, res, defaultLa, [{ field: err.field, message: err.message }], err.status);
      return;
    }
    const checked = checkUpload(req, defaultLa);
    if (!checked.ok) {
      renderForm(req, res, defaultLa, checked.problems, 400);
      return;
    }
    let validation;
    try {
      validation = await validateUploadedReturn(deps.db, actor, checked.value);
    } catch (err) {
      if (!(err instanceof UploadError)) throw err;
      renderForm(req, res, defaultLa, [{ field: err.field, message: err.message }], err.status);
      return;
    }
    const id = reports.put(
      { sessionId: req.sessionID, userId: actor.userId },
      { validation, la: checked.value.la },
    );
    res.redirect(303, `${UPLOAD_PATH}/reports/${id}`);
  });

  return router;
}
