// Action plans: strategies with actions (owner, timescale, RAG, dated progress updates, linked
// measures, overdue flags, RAG history), CSV import, pages and API. Guide: docs/plans-and-reports.md.
import type { Feature } from '../../platform/http/features.ts';
import { planApi } from './api.ts';
import { addDemoPlans } from './demo.ts';
import { planRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'plans',
  nav: [{ text: 'Action plans', href: '/plans', permission: 'plan:read', order: 60 }],
  routes: ({ db }) => planRoutes(db),
  api: planApi,
  demo: addDemoPlans,
};
