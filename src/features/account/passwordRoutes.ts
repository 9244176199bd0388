// GET/POST /account/password: change your own password (post/redirect/get; errors re-render the
// form with the GOV.UK error summary and keep nothing typed).
import { Router, type Response } from 'express';
import type { Db } from '../../db/connect.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { MIN_PASSWORD_LENGTH } from '../../platform/auth/password.ts';
import { formErrors, type FormErrors } from '../../platform/http/forms.ts';
import { PasswordChange, changePassword, hasLocalPassword } from './passwordService.ts';

const VIEW = 'account/views/password.njk';

function render(res: Response, status: number, locals: Partial<FormErrors> & { local: boolean }) {
  res.status(status).render(VIEW, {
    title: 'Change your password',
    minLength: MIN_PASSWORD_LENGTH,
    errors: {},
    ...locals,
  });
}

export function passwordRoutes(db: Db): Router {
  const router = Router();

  router.get('/account/password', async (req, res) => {
    render(res, 200, { local: await hasLocalPassword(db, actorOf(req).userId) });
  });

  router.post('/account/password', async (req, res) => {
    const actor = actorOf(req);
    if (!(await hasLocalPassword(db, actor.userId))) {
      render(res, 400, { local: false });
      return;
    }
    const parsed = PasswordChange.safeParse(req.body);
    if (!parsed.success) {
      render(res, 400, { ...formErrors(parsed.error), local: true });
      return;
    }
    const outcome = await changePassword(db, actor, parsed.data, req.sessionID);
    if (!outcome.ok) {
      render(res, 400, {
        local: true,
        errorList: [{ text: outcome.message, href: `#${outcome.field}` }],
        errors: { [outcome.field]: { text: outcome.message } },
      });
      return;
    }
    req.session.flash =
      outcome.sessionsEnded > 0
        ? `Your password has been changed. You have been signed out everywhere else (${String(outcome.sessionsEnded)} other ${outcome.sessionsEnded === 1 ? 'session' : 'sessions'}).`
        : 'Your password has been changed.';
    res.redirect(303, '/account');
  });

  return router;
}
