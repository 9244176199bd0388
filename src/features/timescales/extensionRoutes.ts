// GET/POST /work/extensions/new?child=ID|household=ID&rule=R&item=K: record an extension or an
// exemption for one due item (post/redirect/get; errors re-render with the GOV.UK error summary).
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { NotFoundError } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { dateItems, joinDate, problemsView } from '../../platform/http/dateInput.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { ExtensionInput } from './extensionSchema.ts';
import {
  authorisers,
  ExtensionProblems,
  extensionTarget,
  recordExtension,
  type ExtensionTarget,
  type Whom,
} from './extensionService.ts';
import { RULE_LABELS } from './labels.ts';

const Target = z.union([
  z.object({ child: z.coerce.number().int().positive(), rule: z.string(), item: z.string() }),
  z.object({ household: z.coerce.number().int().positive(), rule: z.string(), item: z.string() }),
]);

const DATE_FIELDS = [
  'newDue',
  'authorisedOn',
  'nominatedOfficerApproved',
  'panelViewsSought',
  'iroInformed',
] as const;

type Body = Record<string, string | undefined>;

function whomOf(q: z.output<typeof Target>): Whom {
  return 'child' in q ? { child: q.child } : { household: q.household };
}

export function extensionRoutes(db: Db, config: Config): Router {
  const router = Router();
  const opts = { teamScope: config.teamScope };

  async function load(req: Request): Promise<ExtensionTarget> {
    const q = Target.safeParse(req.query);
    if (!q.success) throw new NotFoundError();
    return extensionTarget(
      db,
      actorOf(req),
      whomOf(q.data),
      q.data.rule,
      q.data.item,
      todayInLondon(new Date()),
      opts,
    );
  }

  async function render(
    res: Response,
    status: number,
    target: ExtensionTarget,
    body: Body,
    errors: Record<string, { text: string }>,
    errorList?: { text: string; href: string }[],
  ) {
    const managers = await authorisers(db);
    const back =
      'child' in target.whom ? `/children/${String(target.whom.child)}` : '/work/fostering';
    res.status(status).render('timescales/views/extension.njk', {
      title: 'Extend or exempt a due date',
      target,
      ruleLabel: RULE_LABELS[target.item.rule],
      connected: target.item.rule === 'connected-person-approval',
      backHref: back,
      values: body,
      errors,
      errorList,
      dates: Object.fromEntries(
        DATE_FIELDS.map((f) => [f, dateItems(body, f, errors[f] !== undefined)]),
      ),
      managers: [{ value: '', text: 'Select a manager' }].concat(
        managers.map((m) => ({
          value: String(m.id),
          text: m.name,
          selected: body.authorisedBy === String(m.id),
        })),
      ),
    });
  }

  router.get('/work/extensions/new', async (req, res) => {
    const target = await load(req);
    await render(res, 200, target, {}, {});
  });

  router.post('/work/extensions/new', async (req, res) => {
    const actor = actorOf(req);
    const target = await load(req);
    const body = req.body as Body;
    const raw: Record<string, unknown> = {
      decision: body.decision,
      kind: body.kind,
      reason: body.reason,
      authorisedBy: body.authorisedBy === '' ? undefined : body.authorisedBy,
    };
    for (const f of DATE_FIELDS) raw[f] = joinDate(body, f);
    const parsed = ExtensionInput.safeParse(raw);
    const fail = async (problems: Record<string, string>) => {
      const { errors, errorList } = problemsView(problems, DATE_FIELDS);
      await render(res, 400, target, body, errors, errorList);
    };
    if (!parsed.success) {
      const { errors } = formErrors(parsed.error);
      await fail(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.text])));
      return;
    }
    try {
      await recordExtension(db, actor, target, parsed.data, todayInLondon(new Date()));
    } catch (err) {
      if (err instanceof ExtensionProblems) {
        await fail(err.problems);
        return;
      }
      throw err;
    }
    req.session.flash =
      parsed.data.decision === 'refused'
        ? 'The refused extension has been recorded'
        : parsed.data.kind === 'exemption'
          ? 'The exemption has been recorded'
          : 'The extension has been recorded';
    res.redirect(
      303,
      'child' in target.whom ? `/children/${String(target.whom.child)}` : '/work/fostering',
    );
  });

  return router;
}
