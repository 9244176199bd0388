// The recording pages, one pair of routes per form in forms.ts: GET shows the form (an edit form
// with the stored values and their version), POST checks it and saves, then redirects to the
// child's record with a success message (post/redirect/get). Problems re-render the form with the
// GOV.UK error summary (400); a stale edit re-renders with the current values (409). Nothing is
// saved unless everything is right.
import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { NotFoundError } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { formatUkDate } from '../../platform/views/nunjucks.ts';
import { childScope } from '../children/scope.ts';
import type { Ctx } from './careService.ts';
import { requireAny } from './childLock.ts';
import { today } from './codes.ts';
import {
  asText,
  errorsFor,
  fieldParams,
  formFromValues,
  problemsFromZod,
  rawFromForm,
  type Body,
  type FieldProblem,
  type FieldSpec,
} from './fields.ts';
import { FORMS, loadOptions, type FormDef } from './forms.ts';
import { CONFLICT_MESSAGE, RecordProblems, StaleVersion } from './problems.ts';

function positiveId(value: unknown): number {
  const n = typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n > 2_147_483_647) throw new NotFoundError();
  return n;
}

export function ctxOf(req: Request, db: Db, config: Config): Ctx {
  return { db, actor: actorOf(req), scope: { teamScope: config.teamScope }, today: today() };
}

/** The child's name for the page's caption; "not found" outside the actor's scope. */
async function childName(ctx: Ctx, childId: number): Promise<string> {
  const row = await ctx.db
    .selectFrom('child')
    .select(['child.first_name', 'child.last_name'])
    .where('child.id', '=', childId)
    .where(childScope(ctx.actor, ctx.scope))
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return `${row.first_name} ${row.last_name}`;
}

/** '2019-05-12' → '12 May 2019', '2019-05' → 'May 2019', '2019' → '2019'. */
export function partialDateText(v: string): string {
  const [y = '', m] = v.split('-');
  if (v.length === 10) return formatUkDate(v);
  return m ? formatUkDate(`${y}-${m}-01`).replace(/^1 /, '') : y;
}

/** Rows for the summary list of the current values shown with a conflict. */
function conflictRows(fields: readonly FieldSpec[], current: Body) {
  return fields.map((f) => {
    const v = current[f.name];
    let text: string;
    if (v === null || v === undefined || v === '') text = 'Not recorded';
    else if (f.kind === 'date') text = formatUkDate(v);
    else if (f.kind === 'partialDate') text = partialDateText(asText(v));
    else if (f.kind === 'yesno') text = v === true ? 'Yes' : 'No';
    else text = f.items?.find((i) => i.value === asText(v))?.text ?? asText(v);
    return { key: { text: f.label }, value: { text } };
  });
}

/** Every recording form's page (mounted with the other signed-in pages; /children/new included). */
export function recordingRoutes(db: Db, config: Config): Router {
  const router = Router();
  for (const form of FORMS) mount(router, form, db, config);
  return router;
}

function mount(router: Router, form: FormDef, db: Db, config: Config): void {
  const ids = (req: Request) => ({
    childId: form.page.startsWith('/children/:id') ? positiveId(req.params.id) : 0,
    recordId: form.editsChild
      ? positiveId(req.params.id)
      : form.edit
        ? positiveId(req.params.rid)
        : 0,
  });

  const render = async (
    req: Request,
    res: Response,
    status: number,
    locals: {
      body: Body;
      problems?: FieldProblem[];
      version?: unknown;
      conflict?: Body;
    },
  ) => {
    const ctx = ctxOf(req, db, config);
    const { childId } = ids(req);
    const fields = form.fields(await loadOptions(db, form.needs));
    const { errors, errorList } = errorsFor(fields, locals.problems ?? []);
    const back = childId ? `/children/${String(childId)}` : '/children';
    res.status(status).render('recording/views/form.njk', {
      title: form.title,
      submit: form.submit,
      childName: childId ? await childName(ctx, childId) : undefined,
      action: req.originalUrl.split('?')[0],
      backHref: back,
      version: locals.version,
      fields: fieldParams(fields, locals.body, errors),
      errorList: errorList.length > 0 ? errorList : undefined,
      conflict: locals.conflict ? conflictRows(fields, locals.conflict) : undefined,
      conflictMessage: CONFLICT_MESSAGE,
    });
  };

  router.get(form.page, async (req, res) => {
    const ctx = ctxOf(req, db, config);
    requireAny(ctx.actor, form.permissions);
    const { childId, recordId } = ids(req);
    if (childId) await childName(ctx, childId);
    if (form.edit) {
      const values = await form.edit.load(ctx, childId, recordId);
      const fields = form.fields(await loadOptions(db, form.needs));
      await render(req, res, 200, {
        body: formFromValues(fields, values),
        version: values.version,
      });
      return;
    }
    await render(req, res, 200, { body: {} });
  });

  router.post(form.page, async (req, res) => {
    const ctx = ctxOf(req, db, config);
    requireAny(ctx.actor, form.permissions);
    const { childId, recordId } = ids(req);
    const body = req.body as Body;
    const fields = form.fields(await loadOptions(db, form.needs));
    const raw = rawFromForm(fields, body);
    if (form.edit) raw.version = Number(body.version);
    const version = body.version;
    const parsed = form.schema.safeParse(raw);
    if (!parsed.success) {
      if (childId) await childName(ctx, childId);
      await render(req, res, 400, { body, version, problems: problemsFromZod(parsed.error) });
      return;
    }
    try {
      const saved = await form.save(ctx, childId, parsed.data as never, recordId);
      req.session.flash = form.flash;
      const to = childId || (saved as number);
      res.redirect(303, `/children/${String(to)}`);
    } catch (err) {
      if (err instanceof RecordProblems) {
        await render(req, res, 400, { body, version, problems: err.problems });
        return;
      }
      if (err instanceof StaleVersion) {
        await render(req, res, 409, {
          body: formFromValues(fields, err.current),
          version: err.current.version,
          conflict: err.current,
        });
        return;
      }
      throw err;
    }
  });
}
