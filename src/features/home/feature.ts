// The home page per role (and GET /api/v1/home with the same data).
import { Router } from 'express';
import { z } from 'zod';
import { defineRoute } from '../../platform/api/registry.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { loadFeatures, type Feature, type HomeSection } from '../../platform/http/features.ts';
import { homeFor } from './homeService.ts';
import { PLACEHOLDER_SECTIONS } from './sections.ts';
import { ADMIN_SECTION } from './adminSection.ts';

async function allSections(): Promise<HomeSection[]> {
  const features = await loadFeatures();
  return [
    ...PLACEHOLDER_SECTIONS,
    ADMIN_SECTION,
    ...features.filter((f) => f.name !== 'home').flatMap((f) => f.home ?? []),
  ];
}

const HomeResponse = z.object({
  displayName: z.string(),
  roles: z.array(z.string()),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      emptyText: z.string(),
      items: z.array(z.object({ text: z.string(), href: z.string().optional() })),
    }),
  ),
});

export const feature: Feature = {
  name: 'home',
  nav: [{ text: 'Home', href: '/', order: 0 }],
  routes: ({ db }) => {
    const router = Router();
    router.get('/', async (req, res) => {
      res.render('home/views/home.njk', {
        title: 'Home',
        home: await homeFor(db, actorOf(req), await allSections()),
      });
    });
    return router;
  },
  api: [
    defineRoute({
      method: 'get',
      path: '/home',
      summary:
        'The signed-in user’s home page: the sections their roles see, with items or an empty state.',
      tags: ['home'],
      permission: 'signed-in',
      response: HomeResponse,
      handler: async ({ db, actor }) => homeFor(db, actor, await allSections()),
    }),
  ],
};
