// The report of an uploaded return: GET /returns/903/reports/:id (by rule, by child, skipped rules)
// and GET /returns/903/reports/:id/report.csv (every finding). Only the session and user that
// uploaded it can open it, for 30 minutes (reportCache.ts); after that, or for anyone else, it is
// "not found". Children are linked to their records when in the record and in the user's scope.
import { Router, type Request, type Response } from 'express';
import { requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import type { FeatureDeps } from '../../platform/http/features.ts';
import { renderCsv } from '../../domain/returns/ssda903/render.ts';
import { childLinks } from './childLinks.ts';
import type { ReportCache } from './reportCache.ts';
import { childrenShown, reportView } from './reportView.ts';
import type { UploadValidation } from './validateUpload.ts';

export interface StoredReport {
  validation: UploadValidation;
  /** The LA code the return was validated for. */
  la: string | undefined;
}

const REPORT_PATH = '/returns/903/reports/:id';

export function reportRoutes(deps: FeatureDeps, reports: ReportCache<StoredReport>): Router {
  const router = Router();

  /** The report, or undefined after answering 404 with what to do. */
  const find = (req: Request, res: Response): StoredReport | undefined => {
    const actor = actorOf(req);
    requirePermission(actor, '903:validate');
    const stored = reports.get(String(req.params.id), {
      sessionId: req.sessionID,
      userId: actor.userId,
    });
    if (!stored)
      res.status(404).render('pages/message.njk', {
        title: 'Report not found',
        paragraphs: [
          'Reports are kept for 30 minutes, for the person who uploaded the files, in the session they used. This one has expired or is not yours.',
        ],
        link: { text: 'Validate a 903 return', href: '/returns/903' },
      });
    return stored;
  };

  router.get(REPORT_PATH, async (req, res) => {
    const stored = find(req, res);
    if (!stored) return;
    const actor = actorOf(req);
    const links =
      stored.la === deps.config.authority.code
        ? await childLinks(deps.db, actor, childrenShown(stored.validation), {
            teamScope: deps.config.teamScope,
          })
        : new Map<string, number>();
    res.render('returns/views/report.njk', {
      title: `903 return validation, ${stored.validation.report.year}`,
      report: reportView(stored.validation, stored.la, links),
      csvHref: `/returns/903/reports/${req.params.id}/report.csv`,
    });
  });

  router.get(`${REPORT_PATH}/report.csv`, (req, res) => {
    const stored = find(req, res);
    if (!stored) return;
    const year = stored.validation.report.year.replace('/', '-');
    res
      .type('text/csv; charset=utf-8')
      .attachment(`903-validation-${year}.csv`)
      .send(renderCsv(stored.validation.report));
  });

  return router;
}
