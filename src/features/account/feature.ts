// The signed-in user's own account: details, roles and what they may do (GET /api/v1/me too), and
// changing their password (/account/password).
import { Router } from 'express';
import { z } from 'zod';
import { permissionsOf } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { ROLE_LABELS, ROLES } from '../../platform/access/roles.ts';
import { defineRoute } from '../../platform/api/registry.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import type { Feature } from '../../platform/http/features.ts';
import { passwordRoutes } from './passwordRoutes.ts';

const MeResponse = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  teamId: z.number().int().nullable(),
  permissions: z.array(z.string()),
  authenticatedBy: z.enum(['session', 'token']),
  tokenScopes: z.array(z.string()).optional(),
});

function me(actor: Actor, via: 'session' | 'token' | undefined) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: [...actor.roles],
    teamId: actor.teamId,
    permissions: [...permissionsOf(actor)].sort(),
    authenticatedBy: via ?? 'session',
    ...(actor.tokenScopes ? { tokenScopes: [...actor.tokenScopes] } : {}),
  };
}

export const feature: Feature = {
  name: 'account',
  nav: [{ text: 'Your account', href: '/account', order: 980 }],
  routes: ({ db }) => {
    const router = Router();
    router.use(passwordRoutes(db));
    router.get('/account', (req, res) => {
      const actor = actorOf(req);
      res.render('account/views/account.njk', {
        title: 'Your account',
        me: me(actor, req.authVia),
        roleLabels: actor.roles.map((r) => ROLE_LABELS[r]),
      });
    });
    return router;
  },
  api: [
    defineRoute({
      method: 'get',
      path: '/me',
      summary: 'Who you are signed in as, your roles and what they let you do.',
      tags: ['account'],
      permission: 'signed-in',
      response: MeResponse,
      handler: ({ actor, req }) => Promise.resolve(me(actor, req.authVia)),
    }),
  ],
};
