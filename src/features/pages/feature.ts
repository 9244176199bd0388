// Pages anyone may read, signed in or not: privacy notice and accessibility statement.
import { Router } from 'express';
import type { Feature } from '../../platform/http/features.ts';

export const feature: Feature = {
  name: 'pages',
  publicRoutes: () => {
    const router = Router();
    router.get('/privacy', (_req, res) => {
      res.render('pages/views/privacy.njk');
    });
    router.get('/accessibility', (_req, res) => {
      res.render('pages/views/accessibility.njk');
    });
    return router;
  },
};
