// Fostering service pages: /fostering (index), /fostering/households/:id (journey, reviews,
// supervising social worker) and its forms, /fostering/enquiries/new, /fostering/allowances,
// /fostering/recruitment and /fostering/retention (both also as CSV with ?format=csv).
import { Router } from 'express';
import { leavingReasons } from '../../db/tables/fostering.ts';
import type { Db } from '../../db/connect.ts';
import { todayInLondon } from '../../domain/dates/index.ts';
import { can, NotFoundError, requirePermission } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { APPROVAL_TYPE_LABELS, HOUSEHOLD_STATUS_LABELS } from '../children/codes.ts';
import { handleForm, joinDate, renderForm, type Body, type FormPage } from './forms.ts';
import type { JourneyStage } from '../../db/tables/fostering.ts';
import {
  FUNNEL,
  MANAGER_STAGES,
  REASON_LABELS,
  STAGE_LABELS,
  type ApprovalType,
  type HouseholdStatus,
} from './journey.ts';
import { AllowanceInput, EnquiryInput, ReviewInput, StageInput, WorkerInput } from './schemas.ts';
import {
  allowanceSchedule,
  changeSupervisingWorker,
  createEnquiry,
  fosteringWorkers,
  readAllowance,
  readJourney,
  recordReview,
  recordStage,
  updateAllowance,
} from './service.ts';
import { recruitmentPage, retentionPage } from './reports.ts';

const today = () => todayInLondon(new Date());

function idParam(v: string | undefined): number {
  if (!v || !/^\d{1,9}$/.test(v)) throw new NotFoundError();
  return Number(v);
}

/**
 * The stages this user may record next, by the household's status and type: none once the journey
 * has ended; the agency decision maker's decisions only for a fostering team manager.
 */
function stageOptions(status: HouseholdStatus, type: ApprovalType, manager: boolean) {
  // While assessed: any stage of the funnel (enquiry to approved), then the ways out.
  const list: JourneyStage[] =
    status === 'assessment'
      ? [...FUNNEL, ...(type === 'connected' ? ['temporary_approval' as const] : []), 'withdrawn']
      : status === 'reg24'
        ? ['assessment', 'panel', 'adm_decision', 'approved', 'resigned', 'deregistered']
        : status === 'approved' || status === 'on_hold'
          ? ['resigned', 'deregistered']
          : [];
  return list
    .filter((s) => manager || !MANAGER_STAGES.includes(s))
    .map((s) => ({ value: s, text: STAGE_LABELS[s] }));
}

export function fosteringRoutes(db: Db): Router {
  const router = Router();

  router.get('/fostering', (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:read');
    res.render('fostering/views/index.njk', {
      title: 'Fostering service',
      canWrite: can(actor, 'carer:write'),
    });
  });

  router.get('/fostering/households/:id', async (req, res) => {
    const actor = actorOf(req);
    const j = await readJourney(db, actor, idParam(req.params.id));
    const workers = await fosteringWorkers(db);
    res.render('fostering/views/household.njk', {
      title: `${j.name}: journey and reviews`,
      j,
      statusLabel: HOUSEHOLD_STATUS_LABELS[j.status],
      typeLabel: APPROVAL_TYPE_LABELS[j.approvalType],
      reasonLabels: REASON_LABELS,
      worker: workers.find((w) => w.id === j.supervisingWorkerId)?.name ?? null,
      canWrite: can(actor, 'carer:write'),
      canRecordStage:
        can(actor, 'carer:write') &&
        stageOptions(j.status, j.approvalType, can(actor, 'fostering:manage')).length > 0,
    });
  });

  // Record a stage of the journey.
  const stagePage = async (
    id: number,
    req: Parameters<typeof actorOf>[0],
  ): Promise<{ page: FormPage; version: number }> => {
    const j = await readJourney(db, actorOf(req), id);
    return {
      version: j.version,
      page: {
        title: 'Record a stage of the journey',
        caption: j.name,
        backHref: `/fostering/households/${String(id)}`,
        submit: 'Save stage',
        intro: j.stages.length
          ? [`Recorded so far: ${j.stages.map((s) => `${s.label} (${s.date})`).join(', ')}.`]
          : ['Nothing is recorded yet.'],
        fields: [
          { kind: 'hidden', name: 'version' },
          {
            kind: 'radios',
            name: 'stage',
            label: 'Stage reached',
            options: stageOptions(j.status, j.approvalType, can(actorOf(req), 'fostering:manage')),
          },
          { kind: 'date', name: 'date', label: 'Date' },
          {
            kind: 'select',
            name: 'skillsLevel',
            label: 'Skills level (on approval)',
            hint: 'Needed to approve mainstream and short breaks carers',
            options: [1, 2, 3, 4].map((l) => ({ value: String(l), text: `Level ${String(l)}` })),
          },
          {
            kind: 'select',
            name: 'reasonCode',
            label: 'Reason for leaving (withdrawal, resignation or deregistration)',
            options: leavingReasons.map((r) => ({ value: r, text: REASON_LABELS[r] })),
          },
          { kind: 'textarea', name: 'note', label: 'Note (optional)' },
        ],
      },
    };
  };
  router.get('/fostering/households/:id/stages/new', async (req, res) => {
    requirePermission(actorOf(req), 'carer:write');
    const id = idParam(req.params.id);
    const { page, version } = await stagePage(id, req);
    renderForm(res, 200, page, { version: String(version) });
  });
  router.post('/fostering/households/:id/stages/new', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const id = idParam(req.params.id);
    const { page } = await stagePage(id, req);
    const body = req.body as Body;
    const raw = { ...body, date: joinDate(body, 'date') };
    const ok = await handleForm(req, res, page, StageInput, raw, (input) =>
      recordStage(db, actor, id, input, today()),
    );
    if (ok) {
      req.session.flash = `${STAGE_LABELS[body.stage as keyof typeof STAGE_LABELS]} recorded`;
      res.redirect(303, `/fostering/households/${String(id)}`);
    }
  });

  // Foster carer review.
  router.get('/fostering/households/:id/reviews/new', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const id = idParam(req.params.id);
    const j = await readJourney(db, actor, id);
    renderForm(res, 200, reviewPage(j.name, id, j.reviews.length === 0 && !j.lastReviewDate), {});
  });
  router.post('/fostering/households/:id/reviews/new', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const id = idParam(req.params.id);
    const j = await readJourney(db, actor, id);
    const body = req.body as Body;
    const raw = {
      reviewDate: joinDate(body, 'reviewDate'),
      panelDate: joinDate(body, 'panelDate'),
    };
    const page = reviewPage(j.name, id, j.reviews.length === 0 && !j.lastReviewDate);
    const ok = await handleForm(req, res, page, ReviewInput, raw, (input) =>
      recordReview(db, actor, id, input, today()),
    );
    if (ok) {
      req.session.flash = 'Foster carer review recorded';
      res.redirect(303, `/fostering/households/${String(id)}`);
    }
  });

  // Supervising social worker.
  const workerPage = async (name: string, id: number): Promise<FormPage> => ({
    title: 'Change supervising social worker',
    caption: name,
    backHref: `/fostering/households/${String(id)}`,
    submit: 'Save',
    fields: [
      { kind: 'hidden', name: 'version' },
      {
        kind: 'select',
        name: 'workerId',
        label: 'Supervising social worker',
        options: (await fosteringWorkers(db)).map((w) => ({ value: String(w.id), text: w.name })),
      },
    ],
  });
  router.get('/fostering/households/:id/supervising-worker', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const id = idParam(req.params.id);
    const j = await readJourney(db, actor, id);
    renderForm(res, 200, await workerPage(j.name, id), {
      version: String(j.version),
      workerId: j.supervisingWorkerId ? String(j.supervisingWorkerId) : '',
    });
  });
  router.post('/fostering/households/:id/supervising-worker', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const id = idParam(req.params.id);
    const j = await readJourney(db, actor, id);
    const ok = await handleForm(
      req,
      res,
      await workerPage(j.name, id),
      WorkerInput,
      req.body as Body,
      (input) => changeSupervisingWorker(db, actor, id, input),
    );
    if (ok) {
      req.session.flash = 'Supervising social worker changed';
      res.redirect(303, `/fostering/households/${String(id)}`);
    }
  });

  // A new enquiry.
  const enquiryPage: FormPage = {
    title: 'Record a fostering enquiry',
    backHref: '/fostering',
    submit: 'Save enquiry',
    fields: [
      {
        kind: 'text',
        name: 'name',
        label: 'Household name',
        hint: 'For example, the Khan household',
      },
      { kind: 'text', name: 'postcode', label: 'Postcode', width: 'govuk-input--width-10' },
      {
        kind: 'radios',
        name: 'approvalType',
        label: 'Type of fostering',
        options: Object.entries(APPROVAL_TYPE_LABELS).map(([value, text]) => ({ value, text })),
      },
      { kind: 'date', name: 'date', label: 'Date of enquiry' },
    ],
  };
  router.get('/fostering/enquiries/new', (req, res) => {
    requirePermission(actorOf(req), 'carer:write');
    renderForm(res, 200, enquiryPage, {});
  });
  router.post('/fostering/enquiries/new', async (req, res) => {
    const actor = actorOf(req);
    requirePermission(actor, 'carer:write');
    const body = req.body as Body;
    let id = 0;
    const ok = await handleForm(
      req,
      res,
      enquiryPage,
      EnquiryInput,
      { ...body, date: joinDate(body, 'date') },
      async (input) => {
        id = await createEnquiry(db, actor, input, today());
      },
    );
    if (ok) {
      req.session.flash = 'Enquiry recorded';
      res.redirect(303, `/fostering/households/${String(id)}`);
    }
  });

  // The allowance schedule.
  router.get('/fostering/allowances', async (req, res) => {
    const actor = actorOf(req);
    const schedule = await allowanceSchedule(db, actor, today());
    res.render('fostering/views/allowances.njk', {
      title: 'Fostering allowances and fees',
      schedule,
      canWrite: can(actor, 'fostering:manage'),
    });
  });
  const allowancePage = (r: {
    ageFrom: number;
    ageTo: number;
    skillsLevel: number | null;
    validFrom: string;
  }): FormPage => ({
    title: 'Change an allowance and fee',
    caption: `Ages ${String(r.ageFrom)} to ${String(r.ageTo)}, ${r.skillsLevel ? `level ${String(r.skillsLevel)}` : 'family and friends'}, from ${r.validFrom}`,
    backHref: '/fostering/allowances',
    submit: 'Save',
    fields: [
      { kind: 'hidden', name: 'version' },
      {
        kind: 'text',
        name: 'weeklyAllowance',
        label: 'Weekly allowance (£)',
        width: 'govuk-input--width-5',
      },
      { kind: 'text', name: 'weeklyFee', label: 'Weekly fee (£)', width: 'govuk-input--width-5' },
    ],
  });
  router.get('/fostering/allowances/:id', async (req, res) => {
    const r = await readAllowance(db, actorOf(req), idParam(req.params.id));
    renderForm(res, 200, allowancePage(r), {
      version: String(r.version),
      weeklyAllowance: String(r.weeklyAllowance),
      weeklyFee: String(r.weeklyFee),
    });
  });
  router.post('/fostering/allowances/:id', async (req, res) => {
    const actor = actorOf(req);
    const id = idParam(req.params.id);
    const r = await readAllowance(db, actor, id);
    const ok = await handleForm(
      req,
      res,
      allowancePage(r),
      AllowanceInput,
      req.body as Body,
      async (input) => {
        await updateAllowance(db, actor, id, input);
      },
    );
    if (ok) {
      req.session.flash = 'Allowance and fee saved';
      res.redirect(303, '/fostering/allowances');
    }
  });

  // Recruitment funnel and retention (reports.ts).
  router.get('/fostering/recruitment', recruitmentPage(db));
  router.get('/fostering/retention', retentionPage(db));
  return router;
}

function reviewPage(name: string, id: number, first: boolean): FormPage {
  return {
    title: 'Record a foster carer review',
    caption: name,
    backHref: `/fostering/households/${String(id)}`,
    submit: 'Save review',
    intro: [
      first
        ? 'This is the household’s first review: it must go to the fostering panel (reg 28(5)), so enter the panel date.'
        : 'Reviews are due at least once a year (Fostering Services (England) Regulations 2011, reg 28).',
    ],
    fields: [
      { kind: 'date', name: 'reviewDate', label: 'Date of the review' },
      {
        kind: 'date',
        name: 'panelDate',
        label: first
          ? 'Date it went to the fostering panel'
          : 'Date it went to the fostering panel (if it did)',
      },
    ],
  };
}
