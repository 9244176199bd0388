// Administration pages: users, teams and personal access tokens. Post/redirect/get; a form with
// problems re-renders with the GOV.UK error summary and nothing is saved.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { NotFoundError, PERMISSIONS, requirePermission } from '../../platform/access/access.ts';
import { ROLES, ROLE_LABELS } from '../../platform/access/roles.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { asArray, formError, formErrors } from '../../platform/http/forms.ts';
import {
  NewUserInput,
  TeamInput,
  TokenInput,
  UserInput,
  dateFromFields,
  userFromForm,
} from './schemas.ts';
import { createTeam, listTeams } from './teamService.ts';
import { createToken, listTokens, revokeToken } from './tokenService.ts';
import {
  FieldProblem,
  createUser,
  getUser,
  listUsers,
  resetPassword,
  setDisabled,
  updateUser,
  type UserView,
} from './userService.ts';

const V = 'admin/views';
const Id = z.coerce.number().int().positive();

function idParam(req: Request): number {
  const id = Id.safeParse(req.params.id);
  if (!id.success) throw new NotFoundError();
  return id.data;
}

const roleOptions = ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r] }));

async function teamItems(db: Db, selected: number | null | undefined) {
  const teams = await listTeams(db);
  return [
    { value: '', text: 'No team' },
    ...teams.map((t) => ({ value: String(t.id), text: t.name, selected: t.id === selected })),
  ];
}

function formValues(u: UserView): Record<string, unknown> {
  return { ...u };
}

export function adminRoutes(db: Db): Router {
  const router = Router();

  router.use('/admin/users', (req, _res, next) => {
    requirePermission(actorOf(req), 'user:manage');
    next();
  });
  router.use('/admin/teams', (req, _res, next) => {
    requirePermission(actorOf(req), 'team:manage');
    next();
  });
  router.use('/admin/tokens', (req, _res, next) => {
    requirePermission(actorOf(req), 'token:manage');
    next();
  });

  // Users -------------------------------------------------------------------------------------

  router.get('/admin/users', async (req, res) => {
    res.render(`${V}/users.njk`, {
      title: 'Users',
      users: await listUsers(db, actorOf(req)),
      roleLabels: ROLE_LABELS,
    });
  });

  const renderUserForm = async (
    res: Response,
    status: number,
    locals: {
      mode: 'add' | 'edit';
      values: Record<string, unknown>;
      errors?: object;
      errorList?: object[];
      conflict?: UserView;
      userId?: number;
    },
  ) => {
    const teamId = locals.values.teamId as number | null | undefined;
    res.status(status).render(`${V}/user-form.njk`, {
      title: locals.mode === 'add' ? 'Add a user' : 'Change a user',
      roleOptions,
      teams: await teamItems(db, teamId),
      errors: {},
      ...locals,
    });
  };

  router.get('/admin/users/new', async (_req, res) => {
    await renderUserForm(res, 200, { mode: 'add', values: { roles: [], fte: 1 } });
  });

  router.post('/admin/users/new', async (req, res) => {
    const raw = userFromForm(req.body as Record<string, unknown>);
    const parsed = NewUserInput.safeParse(raw);
    if (!parsed.success) {
      await renderUserForm(res, 400, { mode: 'add', values: raw, ...formErrors(parsed.error) });
      return;
    }
    try {
      const { id, password } = await createUser(db, actorOf(req), parsed.data);
      res.render(`${V}/password.njk`, {
        title: 'User added',
        heading: `${parsed.data.displayName} has been added`,
        username: parsed.data.username,
        password,
        userId: id,
      });
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      await renderUserForm(res, 400, { mode: 'add', values: raw, ...fieldProblem(err) });
    }
  });

  router.get('/admin/users/:id', async (req, res) => {
    const user = await getUser(db, actorOf(req), idParam(req));
    await renderUserForm(res, 200, { mode: 'edit', values: formValues(user), userId: user.id });
  });

  router.post('/admin/users/:id', async (req, res) => {
    const id = idParam(req);
    const body = req.body as Record<string, unknown>;
    const raw = { ...userFromForm(body), version: body.version };
    const version = Number(body.version);
    const parsed = UserInput.safeParse(raw);
    if (!parsed.success || !Number.isInteger(version)) {
      const errs = parsed.success
        ? formError('The form was incomplete: reload the page and try again', 'username')
        : formErrors(parsed.error);
      await renderUserForm(res, 400, { mode: 'edit', values: raw, userId: id, ...errs });
      return;
    }
    try {
      const result = await updateUser(db, actorOf(req), id, version, parsed.data);
      if (!result.ok) {
        await renderUserForm(res, 409, {
          mode: 'edit',
          values: formValues(result.current),
          userId: id,
          conflict: result.current,
        });
        return;
      }
      req.session.flash = `${result.user.displayName}’s details have been saved`;
      res.redirect(303, '/admin/users');
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      await renderUserForm(res, 400, {
        mode: 'edit',
        values: raw,
        userId: id,
        ...fieldProblem(err),
      });
    }
  });

  router.post('/admin/users/:id/disable', async (req, res) => {
    const id = idParam(req);
    try {
      const user = await setDisabled(db, actorOf(req), id, true);
      req.session.flash = `${user.displayName}’s account has been disabled`;
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      req.session.flash = err.message;
    }
    res.redirect(303, '/admin/users');
  });

  router.post('/admin/users/:id/enable', async (req, res) => {
    const user = await setDisabled(db, actorOf(req), idParam(req), false);
    req.session.flash = `${user.displayName}’s account has been enabled`;
    res.redirect(303, '/admin/users');
  });

  router.post('/admin/users/:id/reset-password', async (req, res) => {
    const id = idParam(req);
    const password = await resetPassword(db, actorOf(req), id);
    const user = await getUser(db, actorOf(req), id);
    res.render(`${V}/password.njk`, {
      title: 'Password reset',
      heading: `${user.displayName}’s password has been reset`,
      username: user.username,
      password,
      userId: id,
    });
  });

  // Teams -------------------------------------------------------------------------------------

  router.get('/admin/teams', async (_req, res) => {
    res.render(`${V}/teams.njk`, {
      title: 'Teams',
      teams: await listTeams(db),
      errors: {},
      values: {},
    });
  });

  router.post('/admin/teams', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const raw = {
      name: body.name,
      service: body.service,
      caseloadCap:
        typeof body.caseloadCap === 'string' && body.caseloadCap.trim() !== ''
          ? Number(body.caseloadCap)
          : undefined,
    };
    const parsed = TeamInput.safeParse(raw);
    const render = async (errs: object) => {
      res.status(400).render(`${V}/teams.njk`, {
        title: 'Teams',
        teams: await listTeams(db),
        values: body,
        ...errs,
      });
    };
    if (!parsed.success) {
      await render(formErrors(parsed.error));
      return;
    }
    try {
      await createTeam(db, actorOf(req), parsed.data);
      req.session.flash = `${parsed.data.name} has been added`;
      res.redirect(303, '/admin/teams');
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      await render(fieldProblem(err));
    }
  });

  // Tokens ------------------------------------------------------------------------------------

  const renderTokens = async (req: Request, res: Response, status: number, locals: object) => {
    const actor = actorOf(req);
    const users = (await listUsers(db, actor)).filter((u) => !u.disabled);
    res.status(status).render(`${V}/tokens.njk`, {
      title: 'Personal access tokens',
      tokens: await listTokens(db, actor),
      userItems: [
        { value: '', text: 'Choose a user' },
        ...users.map((u) => ({ value: String(u.id), text: `${u.displayName} (${u.username})` })),
      ],
      scopeItems: PERMISSIONS.map((p) => ({ value: p, text: p })),
      errors: {},
      values: { scopes: [] },
      ...locals,
    });
  };

  router.get('/admin/tokens', async (req, res) => {
    await renderTokens(req, res, 200, {});
  });

  router.post('/admin/tokens', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const expiresOn = dateFromFields(
      body['expires-day'],
      body['expires-month'],
      body['expires-year'],
    );
    const raw = {
      userId:
        typeof body.userId === 'string' && body.userId !== '' ? Number(body.userId) : undefined,
      name: body.name,
      scopes: asArray(body.scopes),
      expiresOn: expiresOn === 'invalid' ? 'not a date' : expiresOn,
    };
    const values = { ...body, scopes: raw.scopes, userId: body.userId };
    const parsed = TokenInput.safeParse(raw);
    if (!parsed.success) {
      const errs = formErrors(parsed.error);
      if (errs.errors.expiresOn) {
        errs.errors['expires-day'] = errs.errors.expiresOn;
        errs.errorList = errs.errorList.map((e) =>
          e.href === '#expiresOn' ? { ...e, href: '#expires-day' } : e,
        );
      }
      await renderTokens(req, res, 400, { values, ...errs });
      return;
    }
    try {
      const created = await createToken(db, actorOf(req), parsed.data);
      res.render(`${V}/token-created.njk`, {
        title: 'Token created',
        token: created.token,
        name: parsed.data.name,
      });
    } catch (err) {
      if (!(err instanceof FieldProblem)) throw err;
      const errs = fieldProblem(err);
      await renderTokens(req, res, 400, { values, ...errs });
    }
  });

  router.post('/admin/tokens/:id/revoke', async (req, res) => {
    await revokeToken(db, actorOf(req), idParam(req));
    req.session.flash = 'The token has been revoked: it no longer works';
    res.redirect(303, '/admin/tokens');
  });

  return router;
}

function fieldProblem(err: FieldProblem) {
  const field = err.field === 'expiresOn' ? 'expires-day' : err.field;
  return {
    errorList: [{ text: err.message, href: `#${field}` }],
    errors: { [field]: { text: err.message } },
  };
}
