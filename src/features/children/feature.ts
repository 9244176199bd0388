// Children in care: the list (search, filters, sort, pages), each child's record with its sections,
// the API for both, and the social worker's "Your children" home section.
import type { Feature } from '../../platform/http/features.ts';
import { childrenApi } from './api.ts';
import { caseloadSection } from './home.ts';
import { childrenRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'children',
  nav: [{ text: 'Children', href: '/children', permission: 'child:read', order: 10 }],
  routes: ({ db, config }) => childrenRoutes(db, config),
  api: childrenApi,
  home: [caseloadSection],
};
