// The corporate parenting scorecard: every measure with trends, England, comparators, targets and
// RAG; the children behind a figure; CSV and XLSX; placement costs.
import type { Feature } from '../../platform/http/features.ts';
import { scorecardApi } from './api.ts';
import { scorecardDemo } from './demo.ts';
import { scorecardRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'scorecard',
  nav: [
    { text: 'Scorecard', href: '/scorecard', permission: 'figures:read', order: 40 },
    {
      text: 'Placement costs',
      href: '/scorecard/costs',
      permission: 'placement:manage',
      order: 41,
    },
  ],
  routes: ({ db, config }) => scorecardRoutes(db, config),
  api: scorecardApi,
  demo: scorecardDemo,
};
