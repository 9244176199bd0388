// Children in care: the list (search, filters, sort, pages), each child's record with its sections,
// the API for both, the social worker's "Your children" home section, and the demo's local postcodes.
import type { Feature } from '../../platform/http/features.ts';
import { childrenApi } from './api.ts';
import { caseloadSection } from './home.ts';
import { demoLocalPostcodes, loadLocalPostcodes } from './localPostcodes.ts';
import { childrenRoutes } from './routes.ts';

export const feature: Feature = {
  name: 'children',
  nav: [{ text: 'Children', href: '/children', permission: 'child:read', order: 10 }],
  routes: ({ db, config }) => childrenRoutes(db, config),
  api: childrenApi,
  home: [caseloadSection],
  // The demo authority's own postcodes, so "in area" and "out of area" work from the first start.
  demo: async (db) => {
    await loadLocalPostcodes(db, demoLocalPostcodes());
  },
};
