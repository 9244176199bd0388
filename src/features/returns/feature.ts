// Statutory returns: the SSDA903 validator in the browser (upload, report, CSV) and its API. Other
// 903 pages (export, import) add their routers to `pages` and their routes to `api` below.
import { Router } from 'express';
import type { Feature, FeatureDeps } from '../../platform/http/features.ts';
import { exportSummaryApi, exportZipApi } from './exportApi.ts';
import { exportRoutes } from './exportRoutes.ts';
import { ReportCache } from './reportCache.ts';
import { reportRoutes, type StoredReport } from './reportRoutes.ts';
import { validationApi } from './uploadApi.ts';
import { uploadRoutes } from './uploadRoutes.ts';

/** The validator's pages, sharing one in-memory report cache (reportCache.ts). */
function validatorPages(deps: FeatureDeps): Router {
  const reports = new ReportCache<StoredReport>();
  const router = Router();
  router.use(uploadRoutes(deps, reports));
  router.use(reportRoutes(deps, reports));
  return router;
}

const pages: ((deps: FeatureDeps) => Router)[] = [validatorPages, exportRoutes];

export const feature: Feature = {
  name: 'returns',
  nav: [
    { text: '903 return', href: '/returns/903', permission: '903:validate', order: 600 },
    { text: '903 export', href: '/returns/903/export', permission: '903:export', order: 601 },
  ],
  routes: (deps) => {
    const router = Router();
    for (const page of pages) router.use(page(deps));
    return router;
  },
  api: [validationApi, exportSummaryApi, exportZipApi],
};
