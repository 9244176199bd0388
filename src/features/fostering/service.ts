// The fostering service: the household journey (stages with dates; approval refused until the
// required steps are recorded), enquiries, the allowance schedule, foster carer reviews (written to
// foster_carer_review, so the /work/fostering tray item clears), the supervising social worker,
// and the recruitment funnel and retention figures. Every write locks the household row, checks
// the version read with the form, and is audited in the same transaction.
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type {
  FosteringAllowanceTable,
  JourneyStage,
  LeavingReason,
} from '../../db/tables/fostering.ts';
import {
  can,
  ForbiddenError,
  NotFoundError,
  requirePermission,
} from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import {
  funnel,
  MANAGER_STAGES,
  retention,
  STAGE_LABELS,
  stageRefusal,
  statusAfter,
  type ApprovalType,
  type Funnel,
  type HouseholdStatus,
  type Retention,
} from './journey.ts';
import { Refused, Stale } from './errors.ts';
import type { StageInput } from './schemas.ts';

type Trx = Transaction<Database>;

async function lockHousehold(trx: Trx, id: number) {
  const h = await trx
    .selectFrom('fostering_household')
    .select([
      'id',
      'name',
      'approval_type',
      'status',
      'approval_date',
      'reg24_start',
      'skills_level',
      'supervising_worker_id',
      'last_review_date',
      'version',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!h) throw new NotFoundError();
  return h;
}

function checkVersion(
  h: { version: number; status: string; supervising_worker_id: number | null },
  version: number,
) {
  if (h.version !== version)
    throw new Stale({
      version: h.version,
      status: h.status,
      supervisingWorkerId: h.supervising_worker_id,
    });
}

export interface JourneyView {
  id: number;
  name: string;
  approvalType: ApprovalType;
  status: HouseholdStatus;
  skillsLevel: number | null;
  approvalDate: string | null;
  reg24Start: string | null;
  version: number;
  supervisingWorkerId: number | null;
  stages: {
    stage: JourneyStage;
    label: string;
    date: string;
    reason: LeavingReason | null;
    note: string | null;
    recordedBy: string;
  }[];
  reviews: { reviewDate: string; panelDate: string | null }[];
  lastReviewDate: string | null;
}

export async function readJourney(db: Db, actor: Actor, id: number): Promise<JourneyView> {
  requirePermission(actor, 'carer:read');
  return db.transaction().execute(async (trx) => {
    const h = await trx
      .selectFrom('fostering_household')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!h) throw new NotFoundError();
    const stages = await trx
      .selectFrom('fostering_stage as s')
      .innerJoin('app_user as u', 'u.id', 's.recorded_by')
      .select(['s.stage', 's.stage_date', 's.reason_code', 's.note', 'u.display_name'])
      .where('s.household_id', '=', id)
      .orderBy('s.stage_date')
      .orderBy('s.id')
      .execute();
    const reviews = await trx
      .selectFrom('foster_carer_review')
      .select(['review_date', 'panel_date'])
      .where('household_id', '=', id)
      .orderBy('review_date', 'desc')
      .execute();
    await audit(trx, actor, {
      action: 'read',
      recordType: 'fostering_household',
      recordId: id,
      detail: { view: 'journey' },
    });
    return {
      id: h.id,
      name: h.name,
      approvalType: h.approval_type,
      status: h.status,
      skillsLevel: h.skills_level,
      approvalDate: h.approval_date,
      reg24Start: h.reg24_start,
      version: h.version,
      supervisingWorkerId: h.supervising_worker_id,
      lastReviewDate: h.last_review_date,
      stages: stages.map((s) => ({
        stage: s.stage,
        label: STAGE_LABELS[s.stage],
        date: s.stage_date,
        reason: s.reason_code,
        note: s.note,
        recordedBy: s.display_name,
      })),
      reviews: reviews.map((r) => ({ reviewDate: r.review_date, panelDate: r.panel_date })),
    };
  });
}

/** Records one stage of the journey; refuses (nothing saved) when the rules say no. */
export async function recordStage(
  db: Db,
  actor: Actor,
  id: number,
  input: StageInput,
  today: string,
) {
  requirePermission(actor, 'carer:write');
  if (MANAGER_STAGES.includes(input.stage) && !can(actor, 'fostering:manage'))
    throw new ForbiddenError(
      'Only a fostering team manager can record the agency decision maker’s decision, an approval or a deregistration.',
    );
  return db.transaction().execute(async (trx) => {
    const h = await lockHousehold(trx, id);
    checkVersion(h, input.version);
    const recorded = await trx
      .selectFrom('fostering_stage')
      .select(['stage', 'stage_date as date'])
      .where('household_id', '=', id)
      .execute();
    const refusal = stageRefusal(recorded, {
      stage: input.stage,
      date: input.date,
      approvalType: h.approval_type,
      status: h.status,
      today,
    });
    if (refusal) throw new Refused(refusal, input.stage === 'approved' ? 'stage' : 'date');
    const level = input.skillsLevel ?? h.skills_level;
    if (
      input.stage === 'approved' &&
      h.approval_type !== 'connected' &&
      h.approval_type !== 'staying_put' &&
      level == null
    )
      throw new Refused('Select the skills level the household is approved at', 'skillsLevel');
    await trx
      .insertInto('fostering_stage')
      .values({
        household_id: id,
        stage: input.stage,
        stage_date: input.date,
        reason_code: input.reasonCode ?? null,
        note: input.note ?? null,
        recorded_by: actor.userId,
      })
      .execute();
    const status = statusAfter(input.stage);
    await trx
      .updateTable('fostering_household')
      .set({
        version: h.version + 1,
        ...(status ? { status } : {}),
        ...(input.stage === 'approved'
          ? { approval_date: input.date, skills_level: level ?? null }
          : {}),
        ...(input.stage === 'temporary_approval' ? { reg24_start: input.date } : {}),
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'fostering_stage',
      recordId: id,
      detail: { stage: input.stage, date: input.date, reason: input.reasonCode ?? null },
    });
  });
}

export async function createEnquiry(
  db: Db,
  actor: Actor,
  input: { name: string; postcode: string; approvalType: ApprovalType; date: string },
  today: string,
): Promise<number> {
  requirePermission(actor, 'carer:write');
  if (input.date > today)
    throw new Refused('The date of the enquiry must be today or in the past', 'date');
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('fostering_household')
      .values({
        name: input.name,
        postcode: input.postcode,
        approval_type: input.approvalType,
        status: 'assessment',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('fostering_stage')
      .values({
        household_id: id,
        stage: 'enquiry',
        stage_date: input.date,
        recorded_by: actor.userId,
      })
      .execute();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'fostering_household',
      recordId: id,
      detail: { enquiry: input.date },
    });
    return id;
  });
}

export interface AllowanceRow {
  id: number;
  ageFrom: number;
  ageTo: number;
  skillsLevel: number | null;
  weeklyAllowance: number;
  weeklyFee: number;
  weeklyTotal: number;
  validFrom: string;
  version: number;
}

/** The schedule in force on `on` (the latest valid_from on or before it), by level then age. */
export async function allowanceSchedule(
  db: Db,
  actor: Actor,
  on: string,
): Promise<{ validFrom: string | null; rows: AllowanceRow[] }> {
  requirePermission(actor, 'carer:read');
  const latest = await db
    .selectFrom('fostering_allowance')
    .select((eb) => eb.fn.max('valid_from').as('v'))
    .where('valid_from', '<=', on)
    .executeTakeFirst();
  const validFrom = latest?.v ?? null;
  if (!validFrom) return { validFrom: null, rows: [] };
  const rows = await db
    .selectFrom('fostering_allowance')
    .selectAll()
    .where('valid_from', '=', validFrom)
    .orderBy(sql`coalesce(skills_level, 0)`)
    .orderBy('age_from')
    .execute();
  return { validFrom, rows: rows.map(allowanceOut) };
}

function allowanceOut(r: Selectable<FosteringAllowanceTable>): AllowanceRow {
  return {
    id: r.id,
    ageFrom: r.age_from,
    ageTo: r.age_to,
    skillsLevel: r.skills_level,
    weeklyAllowance: r.weekly_allowance,
    weeklyFee: r.weekly_fee,
    weeklyTotal: r.weekly_allowance + r.weekly_fee,
    validFrom: r.valid_from,
    version: r.version,
  };
}

export async function readAllowance(db: Db, actor: Actor, id: number): Promise<AllowanceRow> {
  requirePermission(actor, 'fostering:manage');
  const r = await db
    .selectFrom('fostering_allowance')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw new NotFoundError();
  return allowanceOut(r);
}

export async function updateAllowance(
  db: Db,
  actor: Actor,
  id: number,
  input: { weeklyAllowance: number; weeklyFee: number; version: number },
): Promise<AllowanceRow> {
  requirePermission(actor, 'fostering:manage');
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('fostering_allowance')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) throw new NotFoundError();
    if (r.version !== input.version)
      throw new Stale({
        version: r.version,
        weeklyAllowance: r.weekly_allowance,
        weeklyFee: r.weekly_fee,
      });
    const updated = await trx
      .updateTable('fostering_allowance')
      .set({
        weekly_allowance: input.weeklyAllowance,
        weekly_fee: input.weeklyFee,
        version: r.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'update',
      recordType: 'fostering_allowance',
      recordId: id,
      detail: {
        from: [r.weekly_allowance, r.weekly_fee],
        to: [input.weeklyAllowance, input.weeklyFee],
      },
    });
    return allowanceOut(updated);
  });
}

/**
 * Records a foster carer review (reg 28). The first review of a household (none on record) must
 * say when it went to the fostering panel. last_review_date follows the latest review.
 */
export async function recordReview(
  db: Db,
  actor: Actor,
  id: number,
  input: { reviewDate: string; panelDate?: string | undefined },
  today: string,
): Promise<void> {
  requirePermission(actor, 'carer:write');
  await db.transaction().execute(async (trx) => {
    const h = await lockHousehold(trx, id);
    if (h.status !== 'approved' && h.status !== 'on_hold')
      throw new Refused('Only an approved household has foster carer reviews', 'reviewDate');
    if (input.reviewDate > today)
      throw new Refused('The date of the review must be today or in the past', 'reviewDate');
    if (h.approval_date && input.reviewDate < h.approval_date)
      throw new Refused('The review cannot be before the household was approved', 'reviewDate');
    if (input.panelDate && input.panelDate < input.reviewDate)
      throw new Refused('The fostering panel date cannot be before the review', 'panelDate');
    const earlier = await trx
      .selectFrom('foster_carer_review')
      .select(['review_date'])
      .where('household_id', '=', id)
      .execute();
    if (earlier.some((r) => r.review_date === input.reviewDate))
      throw new Refused('A review on this date is already recorded', 'reviewDate');
    const first = earlier.length === 0 && h.last_review_date === null;
    if (first && !input.panelDate)
      throw new Refused('Enter the date the first review went to the fostering panel', 'panelDate');
    await trx
      .insertInto('foster_carer_review')
      .values({
        household_id: id,
        review_date: input.reviewDate,
        panel_date: input.panelDate ?? null,
      })
      .execute();
    if (!h.last_review_date || h.last_review_date < input.reviewDate)
      await trx
        .updateTable('fostering_household')
        .set({ last_review_date: input.reviewDate, version: h.version + 1 })
        .where('id', '=', id)
        .execute();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'foster_carer_review',
      recordId: id,
      detail: input,
    });
  });
}

export async function fosteringWorkers(db: Db): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('disabled', '=', false)
    .where(sql<boolean>`'fostering_worker' = any(roles)`)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** Whether the user is a fostering worker whose account is not disabled. */
export async function isFosteringWorker(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('disabled', '=', false)
    .where(sql<boolean>`'fostering_worker' = any(roles)`)
    .executeTakeFirst();
  return row !== undefined;
}

export async function changeSupervisingWorker(
  db: Db,
  actor: Actor,
  id: number,
  input: { workerId: number; version: number },
): Promise<void> {
  requirePermission(actor, 'carer:write');
  await db.transaction().execute(async (trx) => {
    const h = await lockHousehold(trx, id);
    checkVersion(h, input.version);
    if (!(await isFosteringWorker(trx, input.workerId)))
      throw new Refused(
        'Select a supervising social worker from the fostering service',
        'workerId',
      );
    await trx
      .updateTable('fostering_household')
      .set({ supervising_worker_id: input.workerId, version: h.version + 1 })
      .where('id', '=', id)
      .execute();
    await audit(trx, actor, {
      action: 'update',
      recordType: 'fostering_household',
      recordId: id,
      detail: { supervisingWorker: { from: h.supervising_worker_id, to: input.workerId } },
    });
  });
}

async function allStages(db: Db) {
  return db
    .selectFrom('fostering_stage')
    .select(['household_id', 'stage', 'stage_date', 'reason_code'])
    .execute();
}

export async function recruitment(db: Db, actor: Actor, from: string, to: string): Promise<Funnel> {
  requirePermission(actor, 'carer:read');
  const rows = await allStages(db);
  const by = new Map<number, { stage: JourneyStage; date: string }[]>();
  for (const r of rows) {
    const list = by.get(r.household_id) ?? [];
    list.push({ stage: r.stage, date: r.stage_date });
    by.set(r.household_id, list);
  }
  return funnel([...by.values()], from, to);
}

export async function retentionView(
  db: Db,
  actor: Actor,
  from: string,
  to: string,
  byPeriod: 'month' | 'year',
): Promise<Retention> {
  requirePermission(actor, 'carer:read');
  const rows = await allStages(db);
  return retention(
    rows.flatMap((r) =>
      (r.stage === 'resigned' || r.stage === 'deregistered') && r.reason_code
        ? [{ stage: r.stage, date: r.stage_date, reason: r.reason_code }]
        : [],
    ),
    from,
    to,
    byPeriod,
  );
}
