// Placement request pages. New request (social worker, child in scope): GET/POST
// /children/:id/placement-requests/new. The request: GET /placement-requests/:id, with approval
// (POST .../approve, managers, version-checked). The queue: GET /placement-requests (placement
// team). Change and withdraw (until placed): GET/POST /placement-requests/:id/edit and
// /placement-requests/:id/withdraw. Matching and the decision: GET/POST /placement-requests/:id/matches. Problems re-render
// with the GOV.UK error summary (400); a stale version re-renders with the current state (409).
import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { formatUkDate } from '../../domain/dates/index.ts';
import { candidateKinds, type MatchResult } from '../../domain/matching/match.ts';
import {
  needCodes,
  placeTypes,
  risksFromChild,
  risksToChild,
} from '../../domain/matching/vocabulary.ts';
import { NotFoundError, can } from '../../platform/access/access.ts';
import { actorOf } from '../../platform/auth/authenticate.ts';
import { dateFromFields } from '../admin/schemas.ts';
import { childScope } from '../children/scope.ts';
import { meaning } from '../children/codes.ts';
import { requireAny } from '../recording/childLock.ts';
import { codeItems, currentCodes, today } from '../recording/codes.ts';
import { CONFLICT_MESSAGE, RecordProblems, StaleVersion } from '../recording/problems.ts';
import { decide, matchesFor } from './decisionService.ts';
import {
  approveRequest,
  changeable,
  createRequest,
  editRequest,
  getRequest,
  listQueue,
  mayApprove,
  statusWords,
  withdrawRequest,
  type Ctx,
  type RequestView,
} from './requestService.ts';
import {
  DecisionInput,
  EditRequestInput,
  QueueQuery,
  RequestInput,
  WithdrawInput,
} from './schemas.ts';

type Body = Record<string, unknown>;
interface Problem {
  field: string;
  message: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(str).filter((s) => s !== '');
const split = (v: unknown): string[] =>
  str(v)
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function positiveId(value: unknown): number {
  const n = typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n > 2_147_483_647) throw new NotFoundError();
  return n;
}

function ctxOf(req: Request, db: Db, config: Config): Ctx {
  return { db, actor: actorOf(req), scope: { teamScope: config.teamScope }, today: today() };
}

const DATE_FIELDS = new Set(['dateNeeded', 'startDate']);

/** GOV.UK error summary and field messages; a date's link goes to its day box. */
function errorsOf(problems: readonly Problem[]) {
  const errors: Record<string, { text: string }> = {};
  const errorList: { text: string; href: string }[] = [];
  for (const p of problems) {
    const field = p.field.split('.')[0] ?? p.field;
    if (errors[field]) continue;
    errors[field] = { text: p.message };
    errorList.push({
      text: p.message,
      href: `#${DATE_FIELDS.has(field) ? `${field}-day` : field}`,
    });
  }
  return { errors, errorList };
}

const zodProblems = (issues: readonly { path: PropertyKey[]; message: string }[]): Problem[] =>
  issues.map((i) => ({ field: i.path.map(String).join('.') || 'kind', message: i.message }));

/** The request form's strings as RequestInput's raw shape. */
function rawRequest(body: Body): Record<string, unknown> {
  const d = dateFromFields(
    body['dateNeeded-day'],
    body['dateNeeded-month'],
    body['dateNeeded-year'],
  );
  const n = str(body.childrenTogether);
  return {
    kind: str(body.kind) || undefined,
    dateNeeded: d === null ? undefined : d === 'invalid' ? 'not a date' : d,
    placeTypes: list(body.placeTypes),
    childrenTogether: n === '' ? 1 : /^\d+$/.test(n) ? Number(n) : n,
    siblingsNote: str(body.siblingsNote) || null,
    needs: list(body.needs),
    risksToChild: list(body.risksToChild),
    risksFromChild: list(body.risksFromChild),
    languages: split(body.languages),
    religion: str(body.religion) || null,
    cultureNote: str(body.cultureNote) || null,
    schoolPostcode: str(body.schoolPostcode) || null,
    nearPostcodes: split(body.nearPostcodes),
    avoidDistricts: str(body.avoidDistricts)
      .split(/[\s,;]+/)
      .filter((s) => s !== ''),
    notes: str(body.notes) || null,
  };
}

const items = (o: Record<string, string>, chosen: readonly string[]) =>
  Object.entries(o).map(([value, text]) => ({ value, text, checked: chosen.includes(value) }));

function requestFormView(body: Body) {
  return {
    placeTypeItems: items(placeTypes, list(body.placeTypes)),
    needItems: items(needCodes, list(body.needs)),
    riskToItems: items(risksToChild, list(body.risksToChild)),
    riskFromItems: items(risksFromChild, list(body.risksFromChild)),
  };
}

/** A stored request as the form's strings (for the change page). */
function formValues(r: RequestView): Body {
  const [y, m, d] = r.dateNeeded.split('-');
  return {
    kind: r.kind,
    'dateNeeded-day': String(Number(d)),
    'dateNeeded-month': String(Number(m)),
    'dateNeeded-year': y,
    placeTypes: r.placeTypes,
    childrenTogether: String(r.childrenTogether),
    siblingsNote: r.siblingsNote ?? '',
    needs: r.needs,
    risksToChild: r.risksToChild,
    risksFromChild: r.risksFromChild,
    languages: r.languages.join(', '),
    religion: r.religion ?? '',
    cultureNote: r.cultureNote ?? '',
    schoolPostcode: r.schoolPostcode ?? '',
    nearPostcodes: r.nearPostcodes.join(', '),
    avoidDistricts: r.avoidDistricts.join(', '),
    notes: r.notes ?? '',
    version: String(r.version),
  };
}

const words = (o: Record<string, string>, codes: readonly string[]) =>
  codes.length === 0 ? 'None recorded' : codes.map((c) => o[c] ?? c).join(', ');

/** Summary list rows for a request. */
function requestRows(r: RequestView) {
  const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
  return [
    row('Child', r.childName),
    row('Planned or emergency', r.kind === 'emergency' ? 'Emergency' : 'Planned'),
    row('Date needed', formatUkDate(r.dateNeeded)),
    row('Types of place sought', words(placeTypes, r.placeTypes)),
    row(
      'Children to be placed together',
      r.childrenTogether === 1
        ? 'This child only'
        : `${String(r.childrenTogether)}${r.siblingsNote ? ` (${r.siblingsNote})` : ''}`,
    ),
    row('Needs', words(needCodes, r.needs)),
    row('Risks to the child', words(risksToChild, r.risksToChild)),
    row('Risks from the child', words(risksFromChild, r.risksFromChild)),
    row('Languages besides English', r.languages.join(', ') || 'None recorded'),
    row('Religion', r.religion ?? 'None recorded'),
    row('Culture', r.cultureNote ?? 'None recorded'),
    row('School to keep', r.schoolPostcode ?? 'None'),
    row('Places to be near', r.nearPostcodes.join(', ') || 'None'),
    row('Areas to avoid', r.avoidDistricts.join(', ') || 'None'),
    row('Notes', r.notes ?? 'None'),
    row('Requested', `${formatUkDate(r.requestedOn)} by ${r.requestedBy}`),
    row(
      'Approved',
      r.approvedBy && r.approvedOn
        ? `${formatUkDate(r.approvedOn)} by ${r.approvedBy}`
        : 'Not yet approved',
    ),
    row('Status', statusWords[r.status]),
    ...(r.withdrawalReason
      ? [
          row(
            'Withdrawn',
            r.withdrawnOn && r.withdrawnBy
              ? `${formatUkDate(r.withdrawnOn)} by ${r.withdrawnBy}`
              : '',
          ),
          row('Why it was withdrawn', r.withdrawalReason),
        ]
      : []),
    ...(r.chosenName
      ? [
          row('Placed with', r.chosenName),
          row('Why', r.decisionReason ?? ''),
          row(
            'Decided',
            r.decidedOn && r.decidedBy ? `${formatUkDate(r.decidedOn)} by ${r.decidedBy}` : '',
          ),
          row(
            'Options declined',
            r.declined.length === 0
              ? 'None recorded'
              : r.declined.map((d) => `${d.name}: ${d.reason}`).join('; '),
          ),
        ]
      : []),
  ];
}

const pounds = (n: number | null) => (n === null ? 'Not known' : `£${n.toLocaleString('en-GB')}`);

function matchView(result: MatchResult, body: Body) {
  const chosen = str(body.chosenOption);
  return {
    requiredLevel: result.requiredLevel,
    ranked: result.ranked.map((m, i) => ({
      rank: i + 1,
      key: m.candidate.key,
      name: m.candidate.name,
      kind: candidateKinds[m.candidate.kind],
      score: m.score,
      max: m.max,
      cost: pounds(m.candidate.weeklyCost),
      factors: m.factors.map((f) => ({
        label: f.label,
        points: f.points > 0 ? `+${String(f.points)}` : String(f.points),
        max: String(f.max),
        explanation: f.explanation,
      })),
      declinedReason: str(body[`declined-${m.candidate.key}`]),
    })),
    excluded: result.excluded.map((e) => ({
      name: e.candidate.name,
      kind: candidateKinds[e.candidate.kind],
      reasons: e.reasons,
    })),
    optionItems: result.ranked.slice(0, 20).map((m) => ({
      value: m.candidate.key,
      text: m.candidate.name,
      hint: { text: `${candidateKinds[m.candidate.kind]}, score ${String(m.score)}` },
      checked: m.candidate.key === chosen,
    })),
    reasonItems: [
      { value: '', text: 'Not applicable (the child has no current placement)', selected: false },
    ].concat(
      [...currentCodes('Episodes.REASON_PLACE_CHANGE')].map((c) => ({
        value: c,
        text: meaning('REASON_PLACE_CHANGE', c) ?? c,
        selected: c === str(body.reasonForChange),
      })),
    ),
  };
}

export function placementRoutes(db: Db, config: Config): Router {
  const router = Router();

  // --- A new request -------------------------------------------------------------------------
  const childName = async (ctx: Ctx, childId: number) => {
    const row = await ctx.db
      .selectFrom('child')
      .select(['child.first_name', 'child.last_name'])
      .where('child.id', '=', childId)
      .where(childScope(ctx.actor, ctx.scope))
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    return `${row.first_name} ${row.last_name}`;
  };
  const renderForm = async (
    req: Request,
    res: Response,
    status: number,
    body: Body,
    problems: Problem[] = [],
  ) => {
    const ctx = ctxOf(req, db, config);
    const childId = positiveId(req.params.id);
    res.status(status).render('placements/views/request-form.njk', {
      title: 'Request a placement',
      childName: await childName(ctx, childId),
      backHref: `/children/${String(childId)}`,
      values: body,
      ...requestFormView(body),
      ...errorsOf(problems),
    });
  };
  router.get('/children/:id/placement-requests/new', async (req, res) => {
    requireAny(actorOf(req), ['placement:request']);
    await renderForm(req, res, 200, {});
  });
  router.post('/children/:id/placement-requests/new', async (req, res) => {
    const ctx = ctxOf(req, db, config);
    requireAny(ctx.actor, ['placement:request']);
    const childId = positiveId(req.params.id);
    const body = req.body as Body;
    const again: Again = (status, extra) =>
      renderForm(req, res, status, body, extra.problems ?? []);
    const parsed = RequestInput.safeParse(rawRequest(body));
    if (!parsed.success) return again(400, { problems: zodProblems(parsed.error.issues) });
    return submit(req, res, again, async () => ({
      flash: 'Placement request made. A manager needs to approve it.',
      to: `/placement-requests/${String(await createRequest(ctx, childId, parsed.data))}`,
    }));
  });

  // --- The queue -----------------------------------------------------------------------------
  router.get('/placement-requests', async (req, res) => {
    const ctx = ctxOf(req, db, config);
    const query = QueueQuery.parse(req.query);
    const rows = await listQueue(ctx, query);
    const opt = (o: Record<string, string>, sel: string) =>
      Object.entries(o).map(([value, text]) => ({ value, text, selected: value === sel }));
    res.render('placements/views/queue.njk', {
      title: 'Placement requests',
      statusItems: opt(
        {
          open: 'Open',
          awaiting_approval: 'Awaiting approval',
          placed: 'Placed',
          withdrawn: 'Withdrawn',
          all: 'All',
        },
        query.status,
      ),
      kindItems: opt(
        { any: 'Planned or emergency', emergency: 'Emergency', planned: 'Planned' },
        query.kind,
      ),
      placeTypeItems: opt({ any: 'Any type', ...placeTypes }, query.placeType),
      rows: rows.map((r) => ({
        ...r,
        kindText: r.kind === 'emergency' ? 'Emergency' : 'Planned',
        statusText: statusWords[r.status],
        types: r.placeTypes.map((t) => placeTypes[t as keyof typeof placeTypes]).join(', '),
        neededText:
          r.daysToNeeded < 0
            ? `${String(-r.daysToNeeded)} days overdue`
            : r.daysToNeeded === 0
              ? 'Today'
              : `In ${String(r.daysToNeeded)} day${r.daysToNeeded === 1 ? '' : 's'}`,
      })),
    });
  });

  // --- One request, and its approval ---------------------------------------------------------
  const renderRequest = async (
    req: Request,
    res: Response,
    status: number,
    extra: { problems?: Problem[]; conflict?: boolean } = {},
  ) => {
    const ctx = ctxOf(req, db, config);
    const r = await getRequest(ctx, positiveId(req.params.id));
    res.status(status).render('placements/views/request.njk', {
      title: `Placement request ${String(r.id)}`,
      request: r,
      rows: requestRows(r),
      canApprove: mayApprove(ctx) && r.status === 'awaiting_approval',
      canMatch: can(ctx.actor, 'placement:manage') && r.status === 'open',
      canChange: can(ctx.actor, 'placement:request') && changeable(r.status),
      conflict: extra.conflict ? CONFLICT_MESSAGE : undefined,
      ...errorsOf(extra.problems ?? []),
    });
  };
  router.get('/placement-requests/:id', async (req, res) => {
    await renderRequest(req, res, 200);
  });
  router.post('/placement-requests/:id/approve', async (req, res) => {
    const ctx = ctxOf(req, db, config);
    const id = positiveId(req.params.id);
    const version = Number(str((req.body as Body).version));
    return submit(
      req,
      res,
      (status, extra) => renderRequest(req, res, status, extra),
      async () => {
        await approveRequest(ctx, id, { version });
        return {
          flash: 'Request approved. It is now in the placement team’s queue.',
          to: `/placement-requests/${String(id)}`,
        };
      },
    );
  });

  // --- Changing and withdrawing a request (until it is placed) ------------------------------
  const renderEdit = async (
    req: Request,
    res: Response,
    status: number,
    body: Body | null,
    extra: { problems?: Problem[]; conflict?: boolean } = {},
  ) => {
    const ctx = ctxOf(req, db, config);
    requireAny(ctx.actor, ['placement:request']);
    const r = await getRequest(ctx, positiveId(req.params.id));
    // A conflict shows the request as it is now, with its current version.
    const values = body === null || extra.conflict ? formValues(r) : body;
    res.status(status).render('placements/views/request-form.njk', {
      title: `Change placement request ${String(r.id)}`,
      childName: r.childName,
      backHref: `/placement-requests/${String(r.id)}`,
      submitText: 'Save the changes',
      values,
      conflict: extra.conflict ? CONFLICT_MESSAGE : undefined,
      ...requestFormView(values),
      ...errorsOf(extra.problems ?? []),
    });
  };
  router.get('/placement-requests/:id/edit', async (req, res) => {
    await renderEdit(req, res, 200, null);
  });
  router.post('/placement-requests/:id/edit', async (req, res) => {
    const ctx = ctxOf(req, db, config);
    requireAny(ctx.actor, ['placement:request']);
    const id = positiveId(req.params.id);
    const body = req.body as Body;
    const parsed = EditRequestInput.safeParse({
      ...rawRequest(body),
      version: Number(str(body.version)),
    });
    const again: Again = (status, extra) => renderEdit(req, res, status, body, extra);
    if (!parsed.success) return again(400, { problems: zodProblems(parsed.error.issues) });
    return submit(req, res, again, async () => {
      await editRequest(ctx, id, parsed.data);
      return { flash: 'Placement request changed.', to: `/placement-requests/${String(id)}` };
    });
  });

  const renderWithdraw = async (
    req: Request,
    res: Response,
    status: number,
    body: Body,
    extra: { problems?: Problem[]; conflict?: boolean } = {},
  ) => {
    const ctx = ctxOf(req, db, config);
    requireAny(ctx.actor, ['placement:request']);
    const r = await getRequest(ctx, positiveId(req.params.id));
    res.status(status).render('placements/views/withdraw.njk', {
      title: `Withdraw placement request ${String(r.id)}`,
      request: r,
      rows: requestRows(r),
      changeable: changeable(r.status),
      values: body,
      conflict: extra.conflict ? CONFLICT_MESSAGE : undefined,
      ...errorsOf(extra.problems ?? []),
    });
  };
  router.get('/placement-requests/:id/withdraw', async (req, res) => {
    await renderWithdraw(req, res, 200, {});
  });
  router.post('/placement-requests/:id/withdraw', async (req, res) => {
    const ctx = ctxOf(req, db, config);
    requireAny(ctx.actor, ['placement:request']);
    const id = positiveId(req.params.id);
    const body = req.body as Body;
    const parsed = WithdrawInput.safeParse({
      version: Number(str(body.version)),
      reason: str(body.reason) || undefined,
    });
    const again: Again = (status, extra) => renderWithdraw(req, res, status, body, extra);
    if (!parsed.success) return again(400, { problems: zodProblems(parsed.error.issues) });
    return submit(req, res, again, async () => {
      await withdrawRequest(ctx, id, parsed.data);
      return { flash: 'Placement request withdrawn.', to: `/placement-requests/${String(id)}` };
    });
  });

  // --- Matching and the decision -------------------------------------------------------------
  const renderMatches = async (
    req: Request,
    res: Response,
    status: number,
    body: Body,
    extra: { problems?: Problem[]; conflict?: boolean } = {},
  ) => {
    const ctx = ctxOf(req, db, config);
    // A placement is recorded when it starts: the form offers today.
    const start = str(body['startDate-day']) ? body : { ...body, ...dateParts(ctx.today) };
    const typed = dateFromFields(
      start['startDate-day'],
      start['startDate-month'],
      start['startDate-year'],
    );
    const { request, result, startsCare } = await matchesFor(
      ctx,
      positiveId(req.params.id),
      typed === null || typed === 'invalid' ? ctx.today : typed,
    );
    res.status(status).render('placements/views/matches.njk', {
      title: `Options for ${request.childName}`,
      request,
      kindText: request.kind === 'emergency' ? 'Emergency' : 'Planned',
      values: start,
      open: request.status === 'open',
      conflict: extra.conflict ? CONFLICT_MESSAGE : undefined,
      ...matchView(result, body),
      // A child not looked after on the start date: the decision starts the period of care.
      startsCare,
      legalStatusItems: codeItems('Episodes.LS', str(body.legalStatus)),
      categoryOfNeedItems: codeItems('Episodes.CIN', str(body.categoryOfNeed)),
      ...errorsOf(extra.problems ?? []),
    });
  };
  router.get('/placement-requests/:id/matches', async (req, res) => {
    await renderMatches(req, res, 200, {});
  });
  router.post('/placement-requests/:id/matches', async (req, res) => {
    const ctx = ctxOf(req, db, config);
    const id = positiveId(req.params.id);
    const body = req.body as Body;
    const d = dateFromFields(
      body['startDate-day'],
      body['startDate-month'],
      body['startDate-year'],
    );
    const declined = Object.entries(body)
      .filter(([k, v]) => k.startsWith('declined-') && str(v) !== '')
      .map(([k, v]) => ({ option: k.slice('declined-'.length), reason: str(v) }));
    const parsed = DecisionInput.safeParse({
      version: Number(str(body.version)),
      chosenOption: str(body.chosenOption) || undefined,
      reason: str(body.reason) || undefined,
      startDate: d === null ? undefined : d === 'invalid' ? 'not a date' : d,
      reasonForChange: str(body.reasonForChange) || null,
      legalStatus: str(body.legalStatus) || null,
      categoryOfNeed: str(body.categoryOfNeed) || null,
      declined,
    });
    const again: Again = (status, extra) => renderMatches(req, res, status, body, extra);
    if (!parsed.success) return again(400, { problems: zodProblems(parsed.error.issues) });
    return submit(req, res, again, async () => {
      const placementId = await decide(ctx, id, parsed.data);
      return {
        flash: `Placement made (placement ${String(placementId)}). The request is closed.`,
        to: `/placement-requests/${String(id)}`,
      };
    });
  });
  return router;
}

/** Shows the form again with a status: 400 with problems, 409 with the conflict message. */
type Again = (status: number, extra: { problems?: Problem[]; conflict?: boolean }) => Promise<void>;

/**
 * Saves a form: on success flashes and redirects (303); a stale version shows the form again with
 * the conflict (409) and the record's refusals with their problems (400).
 */
async function submit(
  req: Request,
  res: Response,
  again: Again,
  save: () => Promise<{ flash: string; to: string }>,
): Promise<void> {
  try {
    const done = await save();
    req.session.flash = done.flash;
    res.redirect(303, done.to);
  } catch (err) {
    if (err instanceof StaleVersion) return again(409, { conflict: true });
    if (err instanceof RecordProblems) return again(400, { problems: err.problems });
    throw err;
  }
}

function dateParts(iso: string): Body {
  const [y, m, d] = iso.split('-');
  return {
    'startDate-day': String(Number(d)),
    'startDate-month': String(Number(m)),
    'startDate-year': y,
  };
}
