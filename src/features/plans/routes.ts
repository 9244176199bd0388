// Action plan pages: /plans (strategies), /plans/new, /plans/:id (a strategy's actions, filtered by
// RAG, owner and overdue), /plans/:id/actions/new, /plans/:id/import (CSV upload),
// /plans/actions/:id (an action with its updates and RAG history), /plans/actions/:id/edit and
// /plans/actions/:id/updates/new. Forms post/redirect/get; errors re-render with the GOV.UK error
// summary; a stale edit re-renders 409 with the stored values and nothing saved.
import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { MEASURES } from '../../domain/measures/index.ts';
import { can, NotFoundError, requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { dateItems, joinDate, problemsView } from '../../platform/http/dateInput.ts';
import { asArray, formErrors } from '../../platform/http/forms.ts';
import type { ImportProblem } from './csv.ts';
import {
  addUpdate,
  CONFLICT_MESSAGE,
  createAction,
  createStrategy,
  editAction,
  getAction,
  getStrategy,
  importActions,
  knownUsers,
  listStrategies,
  PlanProblems,
  StaleAction,
} from './planService.ts';
import { RAG_LABELS, RAG_TAG_CLASSES, RAGS } from './rag.ts';
import {
  ActionEdit,
  ActionFilter,
  NewActionInput,
  STRATEGY_KIND_LABELS,
  STRATEGY_KINDS,
  StrategyInput,
  UpdateInput,
  type ActionDetail,
} from './schemas.ts';

type Body = Record<string, unknown>;
type Errors = Record<string, { text: string }>;

/** Most bytes one action plan CSV may have. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const today = () => todayInLondon(new Date());

function idParam(req: Request, name = 'id'): number {
  const v = req.params[name];
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) throw new NotFoundError();
  return Number(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function splitDate(iso: string | null): Body {
  if (!iso) return {};
  const [y, m, d] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y };
}

const DATE_FIELDS = new Set(['dueDate', 'date']);

function errorsFrom(problems: Record<string, string>): {
  errors: Errors;
  errorList: { text: string; href: string }[];
} {
  return problemsView(problems, DATE_FIELDS);
}

function zodProblems(error: z.ZodError): Record<string, string> {
  const { errors } = formErrors(error);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) out[k.split('.')[0] ?? k] ??= v.text;
  return out;
}

function tag(rag: string) {
  return {
    text: RAG_LABELS[rag as keyof typeof RAG_LABELS],
    classes: RAG_TAG_CLASSES[rag as keyof typeof RAG_TAG_CLASSES],
  };
}

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_IMPORT_BYTES, files: 1 },
}).single('file');

function readFile(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    upload(req, res, (err: unknown) => {
      if (err) reject(err instanceof Error ? err : new Error('the upload could not be read'));
      else resolve();
    });
  });
}

export function planRoutes(db: Db): Router {
  const router = Router();

  router.get('/plans', async (req, res) => {
    const actor = actorOf(req);
    const strategies = await listStrategies(db, actor, today());
    res.render('plans/views/list.njk', {
      title: 'Action plans',
      strategies: strategies.map((s) => ({ ...s, kindLabel: STRATEGY_KIND_LABELS[s.kind] })),
      canWrite: can(actor, 'plan:write'),
    });
  });

  // A new strategy or plan.
  const renderStrategyForm = (
    res: Response,
    status: number,
    body: Body,
    problems: Record<string, string> = {},
  ) => {
    const { errors, errorList } = errorsFrom(problems);
    res.status(status).render('plans/views/strategyForm.njk', {
      title: 'Add a plan',
      values: body,
      errors,
      errorList: errorList.length ? errorList : undefined,
      kinds: STRATEGY_KINDS.map((k) => ({
        value: k,
        text: STRATEGY_KIND_LABELS[k],
        checked: body.kind === k,
      })),
    });
  };
  router.get('/plans/new', (req, res) => {
    requirePermission(actorOf(req), 'plan:write');
    renderStrategyForm(res, 200, {});
  });
  router.post('/plans/new', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    const body = req.body as Body;
    const parsed = StrategyInput.safeParse({
      name: body.name,
      kind: body.kind,
      description: body.description ?? '',
    });
    if (!parsed.success) {
      renderStrategyForm(res, 400, body, zodProblems(parsed.error));
      return;
    }
    try {
      const id = await createStrategy(db, actor, parsed.data);
      req.session.flash = 'The plan has been added';
      res.redirect(303, `/plans/${String(id)}`);
    } catch (err) {
      if (err instanceof PlanProblems) {
        renderStrategyForm(res, 400, body, err.problems);
        return;
      }
      throw err;
    }
  });

  // An action: its updates and RAG history. Before /plans/:id so "actions" is never an id.
  router.get('/plans/actions/:id', async (req, res) => {
    const actor = actorOf(req);
    const action = await getAction(db, actor, idParam(req), today());
    res.render('plans/views/action.njk', {
      title: action.title,
      action,
      tag: tag(action.rag),
      history: action.history.map((h) => ({
        ...h,
        fromTag: h.from ? tag(h.from) : null,
        toTag: tag(h.to),
      })),
      canWrite: can(actor, 'plan:write'),
    });
  });

  // The action form (new and edit).
  const renderActionForm = async (
    res: Response,
    status: number,
    o: {
      strategyId: number;
      strategyName: string;
      body: Body;
      problems?: Record<string, string>;
      edit?: { id: number; version: unknown };
      conflict?: ActionDetail;
    },
  ) => {
    const { errors, errorList } = errorsFrom(o.problems ?? {});
    const users = await knownUsers(db);
    const chosen = new Set(asArray(o.body.measureIds));
    res.status(status).render('plans/views/actionForm.njk', {
      title: o.edit ? 'Change an action' : 'Add an action',
      strategyName: o.strategyName,
      backHref: o.edit ? `/plans/actions/${String(o.edit.id)}` : `/plans/${String(o.strategyId)}`,
      values: o.body,
      version: o.edit?.version,
      edit: Boolean(o.edit),
      errors,
      errorList: errorList.length ? errorList : undefined,
      dueDateItems: dateItems(o.body, 'dueDate', errors.dueDate !== undefined),
      owners: [{ value: '', text: 'Select the owner' }].concat(
        users.map(
          (u) =>
            ({
              value: String(u.id),
              text: `${u.displayName} (${u.username})`,
              selected: str(o.body.ownerId) === String(u.id),
            }) as never,
        ),
      ),
      rags: RAGS.map((r) => ({ value: r, text: RAG_LABELS[r], checked: o.body.rag === r })),
      measures: MEASURES.map((m) => ({ value: m.id, text: m.title, checked: chosen.has(m.id) })),
      conflict: o.conflict,
      conflictMessage: CONFLICT_MESSAGE,
    });
  };

  const actionRaw = (body: Body) => {
    const due = joinDate(body, 'dueDate');
    return {
      theme: str(body.theme),
      title: str(body.title),
      ownerId: str(body.ownerId) || undefined,
      dueDate: due === '' ? null : due,
      measureIds: asArray(body.measureIds),
    };
  };

  const strategyOr404 = async (req: Request) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    return getStrategy(db, actor, idParam(req), {}, today());
  };

  router.get('/plans/:id/actions/new', async (req, res) => {
    const s = await strategyOr404(req);
    await renderActionForm(res, 200, { strategyId: s.id, strategyName: s.name, body: {} });
  });
  router.post('/plans/:id/actions/new', async (req, res) => {
    const actor = actorOf(req);
    const s = await strategyOr404(req);
    const body = req.body as Body;
    const parsed = NewActionInput.safeParse({ ...actionRaw(body), rag: body.rag });
    const fail = (problems: Record<string, string>) =>
      renderActionForm(res, 400, { strategyId: s.id, strategyName: s.name, body, problems });
    if (!parsed.success) return fail(zodProblems(parsed.error));
    try {
      const id = await createAction(db, actor, s.id, parsed.data, today());
      req.session.flash = 'The action has been added';
      res.redirect(303, `/plans/actions/${String(id)}`);
    } catch (err) {
      if (err instanceof PlanProblems) return fail(err.problems);
      throw err;
    }
  });

  const formFromAction = (a: ActionDetail): Body => {
    const due = splitDate(a.dueDate);
    return {
      theme: a.theme,
      title: a.title,
      ownerId: String(a.owner.id),
      'dueDate-day': due.day,
      'dueDate-month': due.month,
      'dueDate-year': due.year,
      measureIds: a.measureIds,
    };
  };

  router.get('/plans/actions/:id/edit', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    const a = await getAction(db, actor, idParam(req), today());
    await renderActionForm(res, 200, {
      strategyId: a.strategyId,
      strategyName: a.strategyName,
      body: formFromAction(a),
      edit: { id: a.id, version: a.version },
    });
  });
  router.post('/plans/actions/:id/edit', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    const a = await getAction(db, actor, idParam(req), today());
    const body = req.body as Body;
    const base = { strategyId: a.strategyId, strategyName: a.strategyName };
    const parsed = ActionEdit.safeParse({ ...actionRaw(body), version: body.version });
    const fail = (problems: Record<string, string>) =>
      renderActionForm(res, 400, {
        ...base,
        body,
        problems,
        edit: { id: a.id, version: body.version },
      });
    if (!parsed.success) return fail(zodProblems(parsed.error));
    try {
      await editAction(db, actor, a.id, parsed.data, today());
      req.session.flash = 'The action has been changed';
      res.redirect(303, `/plans/actions/${String(a.id)}`);
    } catch (err) {
      if (err instanceof PlanProblems) return fail(err.problems);
      if (err instanceof StaleAction)
        return renderActionForm(res, 409, {
          ...base,
          body: formFromAction(err.current),
          edit: { id: a.id, version: err.current.version },
          conflict: err.current,
        });
      throw err;
    }
  });

  // A progress update (and RAG).
  const renderUpdateForm = (
    res: Response,
    status: number,
    a: ActionDetail,
    body: Body,
    version: unknown,
    problems: Record<string, string> = {},
    conflict = false,
  ) => {
    const { errors, errorList } = errorsFrom(problems);
    res.status(status).render('plans/views/updateForm.njk', {
      title: 'Add a progress update',
      action: a,
      tag: tag(a.rag),
      values: body,
      version,
      errors,
      errorList: errorList.length ? errorList : undefined,
      dateItems: dateItems(body, 'date', errors.date !== undefined),
      rags: RAGS.map((r) => ({
        value: r,
        text: RAG_LABELS[r],
        checked: (body.rag ?? a.rag) === r,
      })),
      conflict,
      conflictMessage: CONFLICT_MESSAGE,
    });
  };
  router.get('/plans/actions/:id/updates/new', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    const a = await getAction(db, actor, idParam(req), today());
    renderUpdateForm(res, 200, a, {}, a.version);
  });
  router.post('/plans/actions/:id/updates/new', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'plan:write');
    const a = await getAction(db, actor, idParam(req), today());
    const body = req.body as Body;
    const date = joinDate(body, 'date');
    const parsed = UpdateInput.safeParse({
      version: body.version,
      date,
      text: body.text,
      rag: body.rag,
    });
    if (!parsed.success) {
      renderUpdateForm(res, 400, a, body, body.version, zodProblems(parsed.error));
      return;
    }
    try {
      await addUpdate(db, actor, a.id, parsed.data, today());
      req.session.flash = 'The progress update has been added';
      res.redirect(303, `/plans/actions/${String(a.id)}`);
    } catch (err) {
      if (err instanceof PlanProblems) {
        renderUpdateForm(res, 400, a, body, body.version, err.problems);
        return;
      }
      if (err instanceof StaleAction) {
        renderUpdateForm(res, 409, err.current, body, err.current.version, {}, true);
        return;
      }
      throw err;
    }
  });

  // Import a CSV action plan into a strategy (multipart: the CSRF token is in the action URL).
  const renderImport = (
    res: Response,
    status: number,
    s: { id: number; name: string },
    problems: ImportProblem[] = [],
  ) => {
    res.status(status).render('plans/views/import.njk', {
      title: 'Import actions from a CSV file',
      strategy: s,
      problems,
      errors: problems.length
        ? {
            file: {
              text:
                problems.length === 1
                  ? (problems[0]?.message ?? '')
                  : `The file has ${String(problems.length)} problems: nothing has been imported`,
            },
          }
        : {},
      errorList: problems.length
        ? problems.slice(0, 50).map((p) => ({
            text: p.line > 0 ? `Line ${String(p.line)}, ${p.field}: ${p.message}` : p.message,
            href: '#file',
          }))
        : undefined,
    });
  };
  router.get('/plans/:id/import', async (req, res) => {
    const s = await strategyOr404(req);
    renderImport(res, 200, s);
  });
  router.post('/plans/:id/import', async (req, res) => {
    const actor = actorOf(req);
    const s = await strategyOr404(req);
    try {
      await readFile(req, res);
    } catch (err) {
      const tooBig = err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE';
      renderImport(res, tooBig ? 413 : 400, s, [
        {
          file: 'file',
          line: 0,
          field: 'file',
          message: tooBig
            ? 'The file must be smaller than 5 MB'
            : 'The file could not be read: choose it again',
        },
      ]);
      return;
    }
    const file = (req as Request & { file?: Express.Multer.File }).file;
    if (!file) {
      renderImport(res, 400, s, [
        { file: '', line: 0, field: 'file', message: 'Select a CSV file' },
      ]);
      return;
    }
    const outcome = await importActions(db, actor, s.id, file.originalname, file.buffer, today());
    if (!outcome.ok) {
      renderImport(res, 400, s, outcome.problems);
      return;
    }
    req.session.flash = `${String(outcome.count)} ${outcome.count === 1 ? 'action has' : 'actions have'} been imported`;
    res.redirect(303, `/plans/${String(s.id)}`);
  });

  // A strategy and its actions.
  router.get('/plans/:id', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req);
    const f = ActionFilter.safeParse({
      rag: str(req.query.rag) || undefined,
      owner: str(req.query.owner) || undefined,
      overdue: str(req.query.overdue) || undefined,
    });
    const filter = f.success ? f.data : {};
    const s = await getStrategy(db, actor, id, filter, today());
    res.render('plans/views/strategy.njk', {
      title: s.name,
      strategy: { ...s, kindLabel: STRATEGY_KIND_LABELS[s.kind] },
      actions: s.actions.map((a) => ({ ...a, tag: tag(a.rag) })),
      filtered: Boolean(filter.rag ?? filter.owner ?? filter.overdue),
      filterError: f.success
        ? undefined
        : 'The filter was not understood, so every action is shown',
      rags: [{ value: '', text: 'Any RAG' }].concat(
        RAGS.map((r) => ({ value: r, text: RAG_LABELS[r], selected: filter.rag === r }) as never),
      ),
      owners: [{ value: '', text: 'Any owner' }].concat(
        s.owners.map(
          (o) => ({ value: String(o.id), text: o.name, selected: filter.owner === o.id }) as never,
        ),
      ),
      overdueItems: [
        { value: '', text: 'Overdue or not' },
        { value: 'yes', text: 'Overdue only', selected: filter.overdue === 'yes' },
        { value: 'no', text: 'Not overdue', selected: filter.overdue === 'no' },
      ],
      canWrite: can(actor, 'plan:write'),
    });
  });

  return router;
}
