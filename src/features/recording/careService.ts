// Periods of care, legal status and placements: each change is checked by running checkFacts on the
// child's facts with the change applied, inside one transaction that has locked the child's row
// (and the household's, home's or supported accommodation service's, when placing there: see
// capacity.ts), then written and audited in the same transaction. Nothing partial is saved.
import type { CareFacts, FactProblem, PlacementPeriod } from '../../domain/care/index.ts';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Permission } from '../../platform/access/access.ts';
import { NotFoundError } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ScopeOptions } from '../children/scope.ts';
import { loadCareFacts, newProblems } from './careFacts.ts';
import { lockChild, requireAny, type LockedChild, type Trx } from './childLock.ts';
import type { FieldProblem } from './fields.ts';
import { capacityProblems, carerDetails, carerRef } from './placementCarer.ts';
import { RecordProblems, StaleVersion } from './problems.ts';
import type {
  EditPlacementInput,
  EndPeriodInput,
  LegalStatusInput,
  NewPlacementInput,
  StartPeriodInput,
} from './schemas.ts';
import type { EditLegalStatusInput } from './editSchemas.ts';

export interface Ctx {
  db: Db;
  actor: Actor;
  scope: ScopeOptions;
  today: string;
}

const CARE = ['child:write'] as const;
export const PLACING = ['child:write', 'placement:manage'] as const;
const NEW_PERIOD = -1;
const NEW_STATUS = -2;
const NEW_PLACEMENT = -3;

const isTrx = (db: Db): db is Trx => db.isTransaction;

async function inChildTransaction<T>(
  ctx: Ctx,
  childId: number,
  work: (trx: Trx, child: LockedChild, facts: CareFacts) => Promise<T>,
): Promise<T> {
  const run = async (trx: Trx): Promise<T> => {
    const child = await lockChild(trx, ctx.actor, childId, ctx.scope);
    const facts = await loadCareFacts(trx, childId, child.dateOfBirth);
    return work(trx, child, facts);
  };
  // A caller that is already in a transaction (e.g. a placement decision) has the change made in
  // it, so its own writes and this one commit or roll back together.
  if (isTrx(ctx.db)) return run(ctx.db);
  return ctx.db.transaction().execute(run);
}

function refuseIf(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new RecordProblems(problems);
}

/**
 * Start a period of care with its first legal status and placement. A placement decision (which
 * has checked placement:manage) passes PLACING: the placement officer starts the period of care of
 * a child placed in an emergency.
 */
export async function startPeriod(
  ctx: Ctx,
  childId: number,
  input: StartPeriodInput,
  allowed: readonly Permission[] = CARE,
): Promise<number> {
  requireAny(ctx.actor, allowed);
  return inChildTransaction(ctx, childId, async (trx, child, before) => {
    const placement: PlacementPeriod = {
      id: NEW_PLACEMENT,
      periodOfCareId: NEW_PERIOD,
      placeType: input.placeType,
      provider: input.provider,
      postcode: input.postcode,
      urn: input.urn,
      start: input.startDate,
      end: null,
      reasonForChange: null,
      categoryOfNeed: input.categoryOfNeed,
      carerRef: carerRef(input),
    };
    const after: CareFacts = {
      ...before,
      periods: [
        ...before.periods,
        { id: NEW_PERIOD, start: input.startDate, end: null, endReason: null },
      ],
      legalStatuses: [
        ...before.legalStatuses,
        {
          id: NEW_STATUS,
          periodOfCareId: NEW_PERIOD,
          status: input.legalStatus,
          start: input.startDate,
          end: null,
        },
      ],
      placements: [...before.placements, placement],
    };
    const problems = newProblems(before, after, ctx.today, () => 'startDate', 'startDate');
    refuseIf(problems);
    const carer = await carerDetails(trx, input);
    refuseIf(carer.problems);
    refuseIf(await capacityProblems(trx, input, child, input.startDate));
    const period = await trx
      .insertInto('period_of_care')
      .values({
        child_id: childId,
        start_date: input.startDate,
        category_of_need: input.categoryOfNeed,
        end_date: null,
        end_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('legal_status')
      .values({
        period_of_care_id: period.id,
        child_id: childId,
        status: input.legalStatus,
        start_date: input.startDate,
        end_date: null,
      })
      .execute();
    await insertPlacement(trx, childId, period.id, input, input.categoryOfNeed, carer);
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'period_of_care',
      recordId: period.id,
      childId,
      detail: { ...input },
    });
    return period.id;
  });
}

async function insertPlacement(
  trx: Trx,
  childId: number,
  periodId: number,
  input: {
    startDate: string;
    placeType: string;
    provider: string | null;
    householdId: number | null;
    homeId: number | null;
    supportedAccommodationId: number | null;
  },
  categoryOfNeed: string,
  carer: { postcode: string | null; urn: string | null; providerId: number | null },
): Promise<number> {
  const row = await trx
    .insertInto('placement')
    .values({
      period_of_care_id: periodId,
      child_id: childId,
      place_type: input.placeType,
      place_provider: input.provider,
      category_of_need: categoryOfNeed,
      provider_id: carer.providerId,
      fostering_household_id: input.householdId,
      home_id: input.homeId,
      supported_accommodation_id: input.supportedAccommodationId,
      postcode: carer.postcode,
      urn: carer.urn,
      start_date: input.startDate,
      end_date: null,
      reason_for_change: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** End a period of care: its open legal status and placement end on the same date. */
export async function endPeriod(
  ctx: Ctx,
  childId: number,
  periodId: number,
  input: EndPeriodInput,
): Promise<void> {
  requireAny(ctx.actor, CARE);
  await inChildTransaction(ctx, childId, async (trx, _child, before) => {
    const row = await trx
      .selectFrom('period_of_care')
      .selectAll()
      .where('id', '=', periodId)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    if (row.version !== input.version) throw new StaleVersion(periodValues(row));
    const closes = <T extends { periodOfCareId: number; end: string | null }>(r: T): T =>
      r.periodOfCareId === periodId && r.end === null ? { ...r, end: input.endDate } : r;
    const after: CareFacts = {
      ...before,
      periods: before.periods.map((p) =>
        p.id === periodId ? { ...p, end: input.endDate, endReason: input.reason } : p,
      ),
      legalStatuses: before.legalStatuses.map(closes),
      placements: before.placements.map(closes),
    };
    const fieldOf = (p: FactProblem) => (p.field === 'endReason' ? 'reason' : 'endDate');
    refuseIf(newProblems(before, after, ctx.today, fieldOf, 'endDate'));
    await trx
      .updateTable('period_of_care')
      .set((eb) => ({
        end_date: input.endDate,
        end_reason: input.reason,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', periodId)
      .execute();
    for (const table of ['legal_status', 'placement'] as const)
      await trx
        .updateTable(table)
        .set((eb) => ({ end_date: input.endDate, version: eb('version', '+', 1) }))
        .where('period_of_care_id', '=', periodId)
        .where('end_date', 'is', null)
        .execute();
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: 'period_of_care',
      recordId: periodId,
      childId,
      detail: { endDate: input.endDate, reason: input.reason, fromVersion: input.version },
    });
  });
}

export function periodValues(row: {
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  version: number;
}) {
  return {
    startDate: row.start_date,
    endDate: row.end_date,
    reason: row.end_reason,
    version: row.version,
  };
}

function openPeriod(facts: CareFacts, field: string): number {
  const open = facts.periods.find((p) => p.end === null);
  if (!open)
    throw new RecordProblems([
      { field, message: 'The child is not looked after now: start a period of care first' },
    ]);
  return open.id;
}

/** A new legal status from a date: the current one ends that day. */
export async function addLegalStatus(
  ctx: Ctx,
  childId: number,
  input: LegalStatusInput,
): Promise<number> {
  requireAny(ctx.actor, CARE);
  return inChildTransaction(ctx, childId, async (trx, _child, before) => {
    const periodId = openPeriod(before, 'startDate');
    const current = before.legalStatuses.find(
      (s) => s.periodOfCareId === periodId && s.end === null,
    );
    if (current?.status === input.status)
      throw new RecordProblems([
        { field: 'status', message: `The child’s legal status is already ${input.status}` },
      ]);
    const after: CareFacts = {
      ...before,
      legalStatuses: [
        ...before.legalStatuses.map((s) => (s === current ? { ...s, end: input.startDate } : s)),
        {
          id: NEW_STATUS,
          periodOfCareId: periodId,
          status: input.status,
          start: input.startDate,
          end: null,
        },
      ],
    };
    const fieldOf = (p: FactProblem) => (p.field === 'status' ? 'status' : 'startDate');
    refuseIf(newProblems(before, after, ctx.today, fieldOf, 'startDate'));
    if (current)
      await trx
        .updateTable('legal_status')
        .set((eb) => ({ end_date: input.startDate, version: eb('version', '+', 1) }))
        .where('id', '=', current.id)
        .execute();
    const row = await trx
      .insertInto('legal_status')
      .values({
        period_of_care_id: periodId,
        child_id: childId,
        status: input.status,
        start_date: input.startDate,
        end_date: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'legal_status',
      recordId: row.id,
      childId,
      detail: { ...input, ended: current?.id ?? null },
    });
    return row.id;
  });
}

/** A new placement from a date: the current one ends that day with the reason for the change. */
export async function addPlacement(
  ctx: Ctx,
  childId: number,
  input: NewPlacementInput,
): Promise<number> {
  requireAny(ctx.actor, PLACING);
  return inChildTransaction(ctx, childId, async (trx, child, before) => {
    const periodId = openPeriod(before, 'startDate');
    const current = before.placements.find((p) => p.periodOfCareId === periodId && p.end === null);
    if (current && input.reasonForChange === null)
      throw new RecordProblems([
        { field: 'reasonForChange', message: 'Select the reason the previous placement ended' },
      ]);
    const period = await trx
      .selectFrom('period_of_care')
      .select('category_of_need')
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow();
    const categoryOfNeed = current?.categoryOfNeed ?? period.category_of_need;
    const after: CareFacts = {
      ...before,
      placements: [
        ...before.placements.map((p) =>
          p === current
            ? { ...p, end: input.startDate, reasonForChange: input.reasonForChange }
            : p,
        ),
        {
          id: NEW_PLACEMENT,
          periodOfCareId: periodId,
          placeType: input.placeType,
          provider: input.provider,
          postcode: input.postcode,
          urn: input.urn,
          start: input.startDate,
          end: null,
          reasonForChange: null,
          categoryOfNeed,
          carerRef: carerRef(input),
        },
      ],
    };
    refuseIf(newProblems(before, after, ctx.today, () => 'startDate', 'startDate'));
    const carer = await carerDetails(trx, input);
    refuseIf(carer.problems);
    refuseIf(await capacityProblems(trx, input, child, input.startDate));
    if (current)
      await trx
        .updateTable('placement')
        .set((eb) => ({
          end_date: input.startDate,
          reason_for_change: input.reasonForChange,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', current.id)
        .execute();
    const id = await insertPlacement(trx, childId, periodId, input, categoryOfNeed, carer);
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'placement',
      recordId: id,
      childId,
      detail: { ...input, ended: current?.id ?? null },
    });
    return id;
  });
}

export interface PlacementValues extends Record<string, unknown> {
  startDate: string;
  endDate: string | null;
  placeType: string;
  provider: string | null;
  householdId: number | null;
  homeId: number | null;
  supportedAccommodationId: number | null;
  postcode: string | null;
  urn: string | null;
  reasonForChange: string | null;
  version: number;
}

async function placementRow(trx: Db | Trx, childId: number, placementId: number) {
  return trx
    .selectFrom('placement')
    .selectAll()
    .where('id', '=', placementId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
}

function placementValues(
  row: NonNullable<Awaited<ReturnType<typeof placementRow>>>,
): PlacementValues {
  return {
    startDate: row.start_date,
    endDate: row.end_date,
    placeType: row.place_type,
    provider: row.place_provider,
    householdId: row.fostering_household_id,
    homeId: row.home_id,
    supportedAccommodationId: row.supported_accommodation_id,
    postcode: row.postcode,
    urn: row.urn,
    reasonForChange: row.reason_for_change,
    version: row.version,
  };
}

/** The placement as stored, for its edit page (and a conflict). */
export async function getPlacement(
  ctx: Ctx,
  childId: number,
  placementId: number,
): Promise<PlacementValues> {
  requireAny(ctx.actor, PLACING);
  return inChildTransaction(ctx, childId, async (trx) => {
    const row = await placementRow(trx, childId, placementId);
    if (!row) throw new NotFoundError();
    await audit(trx, ctx.actor, {
      action: 'read',
      recordType: 'placement',
      recordId: placementId,
      childId,
      detail: { purpose: 'edit' },
    });
    return placementValues(row);
  });
}

/**
 * Correct a placement, unless someone changed it since `version` was read. When its start date
 * moves, a previous placement that ended on the old start date moves with it (no gap appears).
 */
export async function editPlacement(
  ctx: Ctx,
  childId: number,
  placementId: number,
  input: EditPlacementInput,
): Promise<void> {
  requireAny(ctx.actor, PLACING);
  await inChildTransaction(ctx, childId, async (trx, child, before) => {
    const row = await placementRow(trx, childId, placementId);
    if (!row) throw new NotFoundError();
    if (row.version !== input.version) throw new StaleVersion(placementValues(row));
    const previous = before.placements.find(
      (p) =>
        p.periodOfCareId === row.period_of_care_id &&
        p.end === row.start_date &&
        p.id !== placementId,
    );
    const moved = input.startDate !== row.start_date;
    const after: CareFacts = {
      ...before,
      placements: before.placements.map((p) => {
        if (p.id === placementId)
          return {
            ...p,
            placeType: input.placeType,
            provider: input.provider,
            postcode: input.postcode,
            urn: input.urn,
            start: input.startDate,
            end: input.endDate,
            reasonForChange: input.endDate === null ? null : input.reasonForChange,
            carerRef: carerRef(input),
          };
        if (moved && p === previous) return { ...p, end: input.startDate };
        return p;
      }),
    };
    const fieldOf = (p: FactProblem) =>
      p.record === 'placement' && p.id === placementId && p.field === 'end'
        ? 'endDate'
        : 'startDate';
    refuseIf(newProblems(before, after, ctx.today, fieldOf, 'startDate'));
    const carer = await carerDetails(trx, input);
    refuseIf(carer.problems);
    const stored = {
      householdId: row.fostering_household_id,
      homeId: row.home_id,
      supportedAccommodationId: row.supported_accommodation_id,
    };
    refuseIf(
      await capacityProblems(
        trx,
        input,
        child,
        input.startDate,
        (field) => !moved && input[field] === stored[field],
      ),
    );
    const updated = await trx
      .updateTable('placement')
      .set((eb) => ({
        place_type: input.placeType,
        place_provider: input.provider,
        fostering_household_id: input.householdId,
        home_id: input.homeId,
        supported_accommodation_id: input.supportedAccommodationId,
        provider_id: carer.providerId,
        postcode: carer.postcode,
        urn: carer.urn,
        start_date: input.startDate,
        end_date: input.endDate,
        reason_for_change: input.endDate === null ? null : input.reasonForChange,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', placementId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new StaleVersion(placementValues(row));
    if (moved && previous)
      await trx
        .updateTable('placement')
        .set((eb) => ({ end_date: input.startDate, version: eb('version', '+', 1) }))
        .where('id', '=', previous.id)
        .execute();
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: 'placement',
      recordId: placementId,
      childId,
      detail: { ...input, fromVersion: input.version },
    });
  });
}

/** The period as stored, for its end page. */
export async function getPeriod(ctx: Ctx, childId: number, periodId: number) {
  requireAny(ctx.actor, CARE);
  return inChildTransaction(ctx, childId, async (trx) => {
    const row = await trx
      .selectFrom('period_of_care')
      .selectAll()
      .where('id', '=', periodId)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    await audit(trx, ctx.actor, {
      action: 'read',
      recordType: 'period_of_care',
      recordId: periodId,
      childId,
      detail: { purpose: 'edit' },
    });
    return periodValues(row);
  });
}

/** A legal status as its edit form's values. */
export async function getLegalStatus(ctx: Ctx, childId: number, statusId: number) {
  requireAny(ctx.actor, CARE);
  return inChildTransaction(ctx, childId, async (trx) => {
    const row = await legalStatusRow(trx, childId, statusId);
    if (!row) throw new NotFoundError();
    await audit(trx, ctx.actor, {
      action: 'read',
      recordType: 'legal_status',
      recordId: statusId,
      childId,
      detail: { purpose: 'edit' },
    });
    return row;
  });
}

async function legalStatusRow(trx: Trx, childId: number, statusId: number) {
  const r = await trx
    .selectFrom('legal_status')
    .select(['status', 'start_date', 'version'])
    .where('id', '=', statusId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
  return r && { status: r.status, startDate: r.start_date, version: r.version };
}

/**
 * Correct a legal status's code or start date, unless someone changed it since `version` was read.
 * A previous status that ended on the old start date moves with it, so no gap appears.
 */
export async function editLegalStatus(
  ctx: Ctx,
  childId: number,
  statusId: number,
  input: EditLegalStatusInput,
): Promise<void> {
  requireAny(ctx.actor, CARE);
  await inChildTransaction(ctx, childId, async (trx, _child, before) => {
    const row = await legalStatusRow(trx, childId, statusId);
    if (!row) throw new NotFoundError();
    if (row.version !== input.version) throw new StaleVersion(row);
    const self = before.legalStatuses.find((s) => s.id === statusId);
    const previous = before.legalStatuses.find(
      (s) =>
        s.periodOfCareId === self?.periodOfCareId && s.id !== statusId && s.end === row.startDate,
    );
    const after: CareFacts = {
      ...before,
      legalStatuses: before.legalStatuses.map((s) =>
        s.id === statusId
          ? { ...s, status: input.status, start: input.startDate }
          : s === previous
            ? { ...s, end: input.startDate }
            : s,
      ),
    };
    const fieldOf = (p: FactProblem) => (p.field === 'status' ? 'status' : 'startDate');
    refuseIf(newProblems(before, after, ctx.today, fieldOf, 'startDate'));
    if (previous)
      await trx
        .updateTable('legal_status')
        .set((eb) => ({ end_date: input.startDate, version: eb('version', '+', 1) }))
        .where('id', '=', previous.id)
        .execute();
    const done = await trx
      .updateTable('legal_status')
      .set((eb) => ({
        status: input.status,
        start_date: input.startDate,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', statusId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (done.numUpdatedRows !== 1n) throw new StaleVersion(row);
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: 'legal_status',
      recordId: statusId,
      childId,
      detail: { ...input, fromVersion: input.version, movedPrevious: previous?.id ?? null },
    });
  });
}
