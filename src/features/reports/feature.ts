// Generated governance reports: the Corporate Parenting Panel report and the Improvement Board
// highlight report for a period, as an accessible page, a PDF (Chromium) and JSON. Guide:
// docs/plans-and-reports.md.
import type { Feature } from '../../platform/http/features.ts';
import { reportApi } from './api.ts';
import { reportRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'reports',
  nav: [{ text: 'Reports', href: '/reports', permission: 'report:generate', order: 61 }],
  routes: ({ db, config }) => reportRoutes(db, config),
  api: reportApi,
};
