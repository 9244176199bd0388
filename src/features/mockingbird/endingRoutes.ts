// Pages that end things: /mockingbird/:id/close (close the constellation) and
// /mockingbird/:id/members/:memberId/leave (a satellite household leaves). Both carry the record's
// version in a hidden field; a stale one re-renders the form with 409 and the stored values.
import { Router } from 'express';
import { closureReasons } from '../../db/tables/fostering.ts';
import type { Db } from '../../db/connect.ts';
import { formatUkDate, todayInLondon } from '../../domain/dates/index.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import type { ScopeOptions } from '../children/scope.ts';
import { handleForm, joinDate, renderForm, type Body, type FormPage } from '../fostering/forms.ts';
import { readConstellation, type ConstellationView } from './constellationView.ts';
import {
  closeConstellation,
  closureReasonText,
  leaveConstellation,
  leavingReasonText,
  type LeavingResult,
} from './endings.ts';
import { ClosureInput, LeavingInput, leavingChoices } from './schemas.ts';

const today = () => todayInLondon(new Date());
const back = (id: number) => `/mockingbird/${String(id)}`;
const satellites = (n: number) => `${String(n)} satellite ${n === 1 ? 'household' : 'households'}`;

function closePage(c: ConstellationView): FormPage {
  return {
    title: 'Close the constellation',
    caption: c.name,
    backHref: back(c.id),
    submit: 'Close constellation',
    intro: [
      c.satellites.length
        ? `Closing ends the membership of its ${satellites(c.satellites.length)} on the same date, and frees the hub household for another constellation.`
        : 'Closing frees the hub household for another constellation.',
      'Its history stays on its page. No more sleepovers, satellite households or get-togethers can be added.',
    ],
    fields: [
      { kind: 'date', name: 'closedOn', label: 'Closed on' },
      {
        kind: 'radios',
        name: 'reason',
        label: 'Why is it closing?',
        options: closureReasons.map((r) => ({ value: r, text: closureReasonText[r] })),
      },
      {
        kind: 'textarea',
        name: 'detail',
        label: 'Details',
        hint: 'Needed when the reason is Other',
      },
      { kind: 'hidden', name: 'version' },
    ],
  };
}

function leavePage(c: ConstellationView, household: string): FormPage {
  const after = c.satellites.length - 1;
  return {
    title: `${household} leaves the constellation`,
    caption: c.name,
    backHref: back(c.id),
    submit: 'Record leaving',
    intro: [
      'If the household joins again later, that is a new membership.',
      ...(c.closedOn === null && after < c.minSatellites
        ? [
            `The constellation will then have ${satellites(after)}, fewer than its minimum of ${String(c.minSatellites)}.`,
          ]
        : []),
    ],
    fields: [
      { kind: 'date', name: 'leftOn', label: 'Left on' },
      {
        kind: 'radios',
        name: 'reason',
        label: 'Why is the household leaving?',
        options: leavingChoices.map((r) => ({ value: r, text: leavingReasonText[r] })),
      },
      {
        kind: 'textarea',
        name: 'detail',
        label: 'Details',
        hint: 'Needed when the reason is Other',
      },
      { kind: 'hidden', name: 'version' },
    ],
  };
}

function param(v: string | undefined): number {
  if (!v || !/^\d{1,9}$/.test(v)) throw new NotFoundError();
  return Number(v);
}

export function endingRoutes(db: Db, scope: ScopeOptions): Router {
  const router = Router();

  router.get('/mockingbird/:id/close', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'fostering:manage');
    const c = await readConstellation(db, actor, param(req.params.id), scope, today());
    if (c.closedOn) {
      req.session.flash = `This constellation has already closed, on ${formatUkDate(c.closedOn)}`;
      res.redirect(303, back(c.id));
      return;
    }
    renderForm(res, 200, closePage(c), { version: String(c.version) });
  });
  router.post('/mockingbird/:id/close', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'fostering:manage');
    const id = param(req.params.id);
    const c = await readConstellation(db, actor, id, scope, today());
    const body = req.body as Body;
    let ended = 0;
    const ok = await handleForm(
      req,
      res,
      closePage(c),
      ClosureInput,
      { ...body, closedOn: joinDate(body, 'closedOn') },
      async (input) => {
        ({ membersEnded: ended } = await closeConstellation(db, actor, id, input, today()));
      },
    );
    if (ok) {
      req.session.flash = ended
        ? `Constellation closed. The membership of ${satellites(ended)} ended on the same date.`
        : 'Constellation closed';
      res.redirect(303, back(id));
    }
  });

  const member = (c: ConstellationView, memberId: number) => {
    const m =
      c.satellites.find((s) => s.memberId === memberId) ??
      c.formerSatellites.find((s) => s.memberId === memberId);
    if (!m) throw new NotFoundError();
    return m;
  };
  router.get('/mockingbird/:id/members/:memberId/leave', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const c = await readConstellation(db, actor, param(req.params.id), scope, today());
    const m = member(c, param(req.params.memberId));
    renderForm(res, 200, leavePage(c, m.name), {
      version: 'version' in m ? String(m.version) : '',
    });
  });
  router.post('/mockingbird/:id/members/:memberId/leave', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const id = param(req.params.id);
    const memberId = param(req.params.memberId);
    const c = await readConstellation(db, actor, id, scope, today());
    const m = member(c, memberId);
    const body = req.body as Body;
    let result: LeavingResult | undefined;
    const ok = await handleForm(
      req,
      res,
      leavePage(c, m.name),
      LeavingInput,
      { ...body, leftOn: joinDate(body, 'leftOn') },
      async (input) => {
        result = await leaveConstellation(db, actor, id, memberId, input, today());
      },
    );
    if (ok && result) {
      req.session.flash = result.belowMinimum
        ? `${m.name} has left the constellation. It now has ${satellites(result.satellites)}, fewer than its minimum of ${String(result.minSatellites)}.`
        : `${m.name} has left the constellation`;
      res.redirect(303, back(id));
    }
  });

  return router;
}

/** For the add forms: a closed constellation's page explains instead of offering the form. */
export function closedFlash(c: ConstellationView): string {
  return `This constellation closed on ${formatUkDate(c.closedOn ?? '')}: nothing more can be added to it`;
}
