// Statutory timescales in the product: the work trays (pages, CSV and API), extensions and
// exemptions recorded against due items, the child's agreement to 6-monthly visits, and the home
// page counts.
import { Router } from 'express';
import type { Feature } from '../../platform/http/features.ts';
import { trayApi } from './api.ts';
import { extensionRoutes } from './extensionRoutes.ts';
import { homeSections } from './home.ts';
import { trayRoutes } from './routes.ts';
import { visitAgreementApi } from './visitAgreementApi.ts';
import { visitAgreementRoutes } from './visitAgreementRoutes.ts';

export const feature: Feature = {
  name: 'timescales',
  nav: [
    { text: 'My work', href: '/work', permission: 'child:write', order: 5 },
    { text: 'Reviews due', href: '/work/reviews', permission: 'review:write', order: 6 },
    { text: 'Carer reviews due', href: '/work/fostering', permission: 'carer:write', order: 7 },
    {
      text: 'Care leavers due',
      href: '/work/care-leavers',
      permission: 'careleaver:write',
      order: 8,
    },
  ],
  routes: ({ db, config }) =>
    Router().use(
      extensionRoutes(db, config),
      visitAgreementRoutes(db, config),
      trayRoutes(db, config),
    ),
  api: [...trayApi, ...visitAgreementApi],
  home: homeSections,
};
