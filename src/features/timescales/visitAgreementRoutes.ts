// The child's agreement to 6-monthly visits (CPPCR 2010 reg 28(3A)), from the child's record:
//   GET/POST /children/:id/visit-agreements                      the agreements and the form
//   GET/POST /children/:id/visit-agreements/:aid/withdraw        record a withdrawal
// Post/redirect/get; errors re-render with the GOV.UK error summary; a stale withdrawal (someone
// else changed the agreement) re-renders with the stored values and nothing saved.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { formatUkDate, todayInLondon } from '../../domain/dates/index.ts';
import { NotFoundError, can } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { dateItems, joinDate, problemsView } from '../../platform/http/dateInput.ts';
import { formErrors } from '../../platform/http/forms.ts';
import { AgreementInput, WithdrawalInput } from './visitAgreementSchema.ts';
import {
  AgreementProblems,
  readAgreements,
  recordAgreement,
  StaleAgreement,
  withdrawAgreement,
  type ChildAgreements,
} from './visitAgreementService.ts';

type Body = Record<string, string | undefined>;

const Ids = z.object({
  id: z.coerce.number().int().positive(),
  aid: z.coerce.number().int().positive().optional(),
});

function placementText(p: ChildAgreements['placements'][number]): string {
  return `${p.placeType} from ${formatUkDate(p.start)}${p.end ? ` to ${formatUkDate(p.end)}` : ''}${p.longTermDesignated ? ' (designated long-term)' : ''}`;
}

export function visitAgreementRoutes(db: Db, config: Config): Router {
  const router = Router();
  const opts = { teamScope: config.teamScope };

  function ids(req: Request) {
    const p = Ids.safeParse(req.params);
    if (!p.success) throw new NotFoundError();
    return p.data;
  }

  async function renderList(
    req: Request,
    res: Response,
    status: number,
    body: Body,
    problems: Record<string, string> = {},
  ) {
    const actor = actorOf(req);
    const data = await readAgreements(db, actor, ids(req).id, opts);
    const placementOf = new Map(data.placements.map((p) => [p.id, p]));
    res.status(status).render('timescales/views/visit-agreements.njk', {
      title: 'Child’s agreement to 6-monthly visits',
      data,
      canRecord: can(actor, 'child:write'),
      agreements: data.agreements.map((a) => {
        const p = placementOf.get(a.placementId);
        return { ...a, placement: p ? placementText(p) : '' };
      }),
      placements: [{ value: '', text: 'Select a placement' }].concat(
        data.placements.map((p) => ({
          value: String(p.id),
          text: placementText(p),
          selected: body.placementId === String(p.id),
        })),
      ),
      values: body,
      dates: { agreedOn: dateItems(body, 'agreedOn', problems.agreedOn !== undefined) },
      ...problemsView(problems, ['agreedOn']),
    });
  }

  router.get('/children/:id/visit-agreements', async (req, res) => {
    await renderList(req, res, 200, {});
  });

  router.post('/children/:id/visit-agreements', async (req, res) => {
    const { id } = ids(req);
    const body = req.body as Body;
    const parsed = AgreementInput.safeParse({
      placementId: body.placementId || undefined,
      agreedOn: joinDate(body, 'agreedOn'),
      childView: body.childView,
    });
    if (!parsed.success) {
      const { errors } = formErrors(parsed.error);
      await renderList(
        req,
        res,
        400,
        body,
        Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.text])),
      );
      return;
    }
    try {
      await recordAgreement(db, actorOf(req), id, parsed.data, todayInLondon(new Date()), opts);
    } catch (err) {
      if (err instanceof AgreementProblems) {
        await renderList(req, res, 400, body, err.problems);
        return;
      }
      throw err;
    }
    req.session.flash = 'The child’s agreement has been recorded';
    res.redirect(303, `/children/${String(id)}/visit-agreements`);
  });

  async function renderWithdraw(
    req: Request,
    res: Response,
    status: number,
    body: Body,
    problems: Record<string, string> = {},
    conflict = false,
  ) {
    const actor = actorOf(req);
    const { id, aid } = ids(req);
    if (!can(actor, 'child:write')) throw new NotFoundError();
    const data = await readAgreements(db, actor, id, opts);
    const agreement = data.agreements.find((a) => a.id === aid);
    if (!agreement) throw new NotFoundError();
    res.status(status).render('timescales/views/visit-agreement-withdraw.njk', {
      title: 'Record that the child withdrew their agreement',
      data,
      agreement,
      conflict,
      version: conflict ? String(agreement.version) : (body.version ?? String(agreement.version)),
      values: body,
      dates: { withdrawnOn: dateItems(body, 'withdrawnOn', problems.withdrawnOn !== undefined) },
      ...problemsView(problems, ['withdrawnOn']),
    });
  }

  router.get('/children/:id/visit-agreements/:aid/withdraw', async (req, res) => {
    await renderWithdraw(req, res, 200, {});
  });

  router.post('/children/:id/visit-agreements/:aid/withdraw', async (req, res) => {
    const { id, aid } = ids(req);
    const body = req.body as Body;
    const parsed = WithdrawalInput.safeParse({
      withdrawnOn: joinDate(body, 'withdrawnOn'),
      withdrawnView: body.withdrawnView,
      version: body.version,
    });
    if (!parsed.success) {
      const { errors } = formErrors(parsed.error);
      await renderWithdraw(
        req,
        res,
        400,
        body,
        Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.text])),
      );
      return;
    }
    try {
      await withdrawAgreement(
        db,
        actorOf(req),
        id,
        aid ?? 0,
        parsed.data,
        todayInLondon(new Date()),
        opts,
      );
    } catch (err) {
      if (err instanceof AgreementProblems) {
        await renderWithdraw(req, res, 400, body, err.problems);
        return;
      }
      if (err instanceof StaleAgreement) {
        await renderWithdraw(req, res, 409, body, {}, true);
        return;
      }
      throw err;
    }
    req.session.flash = 'The withdrawal has been recorded';
    res.redirect(303, `/children/${String(id)}/visit-agreements`);
  });

  return router;
}
