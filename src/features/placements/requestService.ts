// Placement requests: made by a social worker for a child in their scope (placement:request),
// approved by a team or service manager, worked by the placement team from a queue with ageing
// (placement:manage). Every read and write of a request is audited in the same transaction; a child
// outside the actor's scope is "not found"; approval checks the version (optimistic locking).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { RequestStatus } from '../../db/tables/placements.ts';
import { ageOn, daysBetween } from '../../domain/dates/index.ts';
import { ForbiddenError, NotFoundError, can } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childScope } from '../children/scope.ts';
import type { Ctx } from '../recording/careService.ts';
import { requireAny, type Trx } from '../recording/childLock.ts';
import { RecordProblems, StaleVersion } from '../recording/problems.ts';
import type {
  ApproveInput,
  EditRequestInput,
  QueueQuery,
  RequestInput,
  WithdrawInput,
} from './schemas.ts';

export type { Ctx };

const READERS = ['placement:request', 'placement:manage'] as const;

export interface RequestView extends RequestInput {
  id: number;
  childId: number;
  childName: string;
  dateOfBirth: string;
  homePostcode: string | null;
  status: RequestStatus;
  requestedBy: string;
  requestedOn: string;
  approvedBy: string | null;
  approvedOn: string | null;
  decidedBy: string | null;
  decidedOn: string | null;
  chosenOption: string | null;
  chosenName: string | null;
  decisionReason: string | null;
  placementId: number | null;
  declined: { option: string; name: string; reason: string }[];
  withdrawnBy: string | null;
  withdrawnOn: string | null;
  withdrawalReason: string | null;
  version: number;
}

const dateOf = (d: Date | string | null): string | null =>
  d === null ? null : (d instanceof Date ? d.toISOString() : d).slice(0, 10);

/**
 * Dates and the one-open-request rule; field problems, as a page and the API show them. An edit
 * (`editing`) may keep the date needed it already has, even once that has passed.
 */
async function requestProblems(
  trx: Trx,
  childId: number,
  input: RequestInput,
  today: string,
  editing?: { id: number; dateNeeded: string },
): Promise<{ field: string; message: string }[]> {
  const out: { field: string; message: string }[] = [];
  if (input.dateNeeded < today && input.dateNeeded !== editing?.dateNeeded)
    out.push({
      field: 'dateNeeded',
      message:
        input.kind === 'planned'
          ? 'The date a planned placement is needed must be today or in the future'
          : 'The date an emergency placement is needed must be today or in the future',
    });
  let others = trx
    .selectFrom('placement_request')
    .select('id')
    .where('child_id', '=', childId)
    .where('status', 'in', ['awaiting_approval', 'open', 'placing']);
  if (editing) others = others.where('id', '<>', editing.id);
  const open = await others.executeTakeFirst();
  if (open)
    out.push({
      field: 'kind',
      message: `This child already has an open placement request (number ${String(open.id)}); change or withdraw that one`,
    });
  return out;
}

/** The request's columns from the form (shared by making and changing a request). */
function requestColumns(input: RequestInput) {
  return {
    kind: input.kind,
    date_needed: input.dateNeeded,
    place_types: input.placeTypes,
    children_together: input.childrenTogether,
    siblings_note: input.siblingsNote,
    needs: input.needs,
    risks_to_child: input.risksToChild,
    risks_from_child: input.risksFromChild,
    languages: input.languages,
    religion: input.religion,
    culture_note: input.cultureNote,
    school_postcode: input.schoolPostcode,
    near_postcodes: input.nearPostcodes,
    avoid_districts: input.avoidDistricts,
    notes: input.notes,
  };
}

export async function createRequest(
  ctx: Ctx,
  childId: number,
  input: RequestInput,
): Promise<number> {
  requireAny(ctx.actor, ['placement:request']);
  return ctx.db.transaction().execute(async (trx) => {
    const child = await trx
      .selectFrom('child')
      .select('child.id')
      .where('child.id', '=', childId)
      .where(childScope(ctx.actor, ctx.scope))
      .forUpdate()
      .executeTakeFirst();
    if (!child) throw new NotFoundError();
    const problems = await requestProblems(trx, childId, input, ctx.today);
    if (problems.length > 0) throw new RecordProblems(problems);
    const row = await trx
      .insertInto('placement_request')
      .values({
        child_id: childId,
        ...requestColumns(input),
        requested_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'placement_request',
      recordId: row.id,
      childId,
      detail: { kind: input.kind, dateNeeded: input.dateNeeded },
    });
    return row.id;
  });
}

/** The request with its child, in scope (else "not found"), row-locked when `lock`. */
export async function loadRequest(
  trx: Trx,
  ctx: Ctx,
  id: number,
  lock = false,
): Promise<RequestView> {
  let q = trx
    .selectFrom('placement_request as r')
    .innerJoin('child', 'child.id', 'r.child_id')
    .innerJoin('app_user as rb', 'rb.id', 'r.requested_by')
    .leftJoin('app_user as ab', 'ab.id', 'r.approved_by')
    .leftJoin('app_user as db', 'db.id', 'r.decided_by')
    .leftJoin('app_user as wb', 'wb.id', 'r.withdrawn_by')
    .selectAll('r')
    .select([
      'child.first_name',
      'child.last_name',
      'child.date_of_birth',
      'child.home_postcode',
      'rb.display_name as requested_by_name',
      'ab.display_name as approved_by_name',
      'db.display_name as decided_by_name',
      'wb.display_name as withdrawn_by_name',
    ])
    .where('r.id', '=', id)
    .where(childScope(ctx.actor, ctx.scope));
  if (lock) q = q.forUpdate('r');
  const r = await q.executeTakeFirst();
  if (!r) throw new NotFoundError();
  const declined = await trx
    .selectFrom('placement_request_declined')
    .select(['option_key', 'option_name', 'reason'])
    .where('request_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    id: r.id,
    childId: r.child_id,
    childName: `${r.first_name} ${r.last_name}`,
    dateOfBirth: r.date_of_birth,
    homePostcode: r.home_postcode,
    status: r.status,
    kind: r.kind,
    dateNeeded: r.date_needed,
    placeTypes: r.place_types as RequestInput['placeTypes'],
    childrenTogether: r.children_together,
    siblingsNote: r.siblings_note,
    needs: r.needs as RequestInput['needs'],
    risksToChild: r.risks_to_child as RequestInput['risksToChild'],
    risksFromChild: r.risks_from_child as RequestInput['risksFromChild'],
    languages: r.languages,
    religion: r.religion,
    cultureNote: r.culture_note,
    schoolPostcode: r.school_postcode,
    nearPostcodes: r.near_postcodes,
    avoidDistricts: r.avoid_districts,
    notes: r.notes,
    requestedBy: r.requested_by_name,
    requestedOn: dateOf(r.requested_at) ?? '',
    approvedBy: r.approved_by_name,
    approvedOn: dateOf(r.approved_at),
    decidedBy: r.decided_by_name,
    decidedOn: dateOf(r.decided_at),
    chosenOption: r.chosen_option,
    chosenName: r.chosen_name,
    decisionReason: r.decision_reason,
    placementId: r.placement_id,
    declined: declined.map((d) => ({
      option: d.option_key,
      name: d.option_name,
      reason: d.reason,
    })),
    withdrawnBy: r.withdrawn_by_name,
    withdrawnOn: dateOf(r.withdrawn_at),
    withdrawalReason: r.withdrawal_reason,
    version: r.version,
  };
}

export async function getRequest(ctx: Ctx, id: number): Promise<RequestView> {
  requireAny(ctx.actor, READERS);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await loadRequest(trx, ctx, id);
    await audit(trx, ctx.actor, {
      action: 'read',
      recordType: 'placement_request',
      recordId: id,
      childId: r.childId,
    });
    return r;
  });
}

/** Team and service managers approve (the request then joins the placement team's queue). */
export function mayApprove(ctx: Pick<Ctx, 'actor'>): boolean {
  return ctx.actor.roles.some((r) => r === 'team_manager' || r === 'service_manager');
}

export async function approveRequest(ctx: Ctx, id: number, input: ApproveInput): Promise<void> {
  if (!mayApprove(ctx)) throw new ForbiddenError();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await loadRequest(trx, ctx, id, true);
    if (r.version !== input.version) throw new StaleVersion(currentValues(r));
    if (r.status !== 'awaiting_approval')
      throw new RecordProblems([
        {
          field: 'version',
          message: `This request is not awaiting approval (it is ${statusWords[r.status].toLowerCase()})`,
        },
      ]);
    await trx
      .updateTable('placement_request')
      .set((eb) => ({
        status: 'open',
        approved_by: ctx.actor.userId,
        approved_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: 'placement_request',
      recordId: id,
      childId: r.childId,
      detail: { approved: true },
    });
  });
}

/** A request may be changed or withdrawn until it is placed. */
export const changeable = (status: RequestStatus): boolean =>
  status === 'awaiting_approval' || status === 'open';

function refuseUnchangeable(r: RequestView, field: string): void {
  if (!changeable(r.status))
    throw new RecordProblems([
      {
        field,
        message: `This request can no longer be changed (it is ${statusWords[r.status].toLowerCase()})`,
      },
    ]);
}

/**
 * Changes a request not yet placed (version-checked). The approval stands: the manager approved
 * the need for a placement, and the placement team sees the request as it now is.
 */
export async function editRequest(ctx: Ctx, id: number, input: EditRequestInput): Promise<void> {
  requireAny(ctx.actor, ['placement:request']);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await loadRequest(trx, ctx, id, true);
    if (r.version !== input.version) throw new StaleVersion(currentValues(r));
    refuseUnchangeable(r, 'kind');
    const problems = await requestProblems(trx, r.childId, input, ctx.today, {
      id,
      dateNeeded: r.dateNeeded,
    });
    if (problems.length > 0) throw new RecordProblems(problems);
    await trx
      .updateTable('placement_request')
      .set((eb) => ({
        ...requestColumns(input),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    const changed = (Object.keys(input) as (keyof RequestInput | 'version')[]).filter(
      (k) => k !== 'version' && JSON.stringify(input[k]) !== JSON.stringify(r[k]),
    );
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: 'placement_request',
      recordId: id,
      childId: r.childId,
      detail: { changed },
    });
  });
}

/** Withdraws a request not yet placed, with the reason (version-checked). */
export async function withdrawRequest(ctx: Ctx, id: number, input: WithdrawInput): Promise<void> {
  requireAny(ctx.actor, ['placement:request']);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await loadRequest(trx, ctx, id, true);
    if (r.version !== input.version) throw new StaleVersion(currentValues(r));
    refuseUnchangeable(r, 'reason');
    await trx
      .updateTable('placement_request')
      .set((eb) => ({
        status: 'withdrawn',
        withdrawn_by: ctx.actor.userId,
        withdrawn_at: new Date(),
        withdrawal_reason: input.reason,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: 'placement_request',
      recordId: id,
      childId: r.childId,
      detail: { withdrawn: true },
    });
  });
}

export const statusWords: Record<RequestStatus, string> = {
  awaiting_approval: 'Awaiting approval',
  open: 'Open',
  placing: 'Being placed',
  placed: 'Placed',
  withdrawn: 'Withdrawn',
};

/** What a conflict shows: the stored state of the request. */
export function currentValues(r: RequestView): Record<string, unknown> {
  return {
    status: r.status,
    approvedBy: r.approvedBy,
    approvedOn: r.approvedOn,
    decidedBy: r.decidedBy,
    chosenName: r.chosenName,
    withdrawnBy: r.withdrawnBy,
    withdrawalReason: r.withdrawalReason,
    version: r.version,
  };
}

export interface QueueItem {
  id: number;
  childId: number;
  childName: string;
  age: number;
  kind: 'planned' | 'emergency';
  status: RequestStatus;
  placeTypes: string[];
  dateNeeded: string;
  requestedOn: string;
  daysWaiting: number;
  daysToNeeded: number;
}

/** The placement team's queue: emergency first, then by the date needed, then longest waiting. */
export async function listQueue(ctx: Ctx, query: QueueQuery): Promise<QueueItem[]> {
  if (!can(ctx.actor, 'placement:manage')) throw new ForbiddenError();
  return ctx.db.transaction().execute(async (trx) => {
    let q = trx
      .selectFrom('placement_request as r')
      .innerJoin('child', 'child.id', 'r.child_id')
      .select([
        'r.id',
        'r.child_id',
        'r.kind',
        'r.status',
        'r.place_types',
        'r.date_needed',
        'r.requested_at',
        'child.first_name',
        'child.last_name',
        'child.date_of_birth',
      ])
      .where(childScope(ctx.actor, ctx.scope));
    if (query.status === 'open') q = q.where('r.status', 'in', ['open', 'placing']);
    else if (query.status !== 'all') q = q.where('r.status', '=', query.status);
    if (query.kind !== 'any') q = q.where('r.kind', '=', query.kind);
    if (query.placeType !== 'any')
      q = q.where(sql<boolean>`${query.placeType} = any(r.place_types)`);
    const rows = await q
      .orderBy((eb) => eb.case().when('r.kind', '=', 'emergency').then(0).else(1).end())
      .orderBy('r.date_needed')
      .orderBy('r.requested_at')
      .orderBy('r.id')
      .limit(500)
      .execute();
    await audit(trx, ctx.actor, {
      action: 'list',
      recordType: 'placement_request',
      detail: { ...query, count: rows.length },
    });
    return rows.map((r) => {
      const requestedOn = dateOf(r.requested_at) ?? ctx.today;
      return {
        id: r.id,
        childId: r.child_id,
        childName: `${r.first_name} ${r.last_name}`,
        age: ageOn(r.date_of_birth, ctx.today),
        kind: r.kind,
        status: r.status,
        placeTypes: r.place_types,
        dateNeeded: r.date_needed,
        requestedOn,
        daysWaiting: daysBetween(requestedOn, ctx.today),
        daysToNeeded: daysBetween(ctx.today, r.date_needed),
      };
    });
  });
}

export type { Db };

export interface ChildRequestItem {
  id: number;
  kind: 'planned' | 'emergency';
  status: RequestStatus;
  dateNeeded: string;
}

/**
 * For the child's record (placements section): whether the actor may request a placement, and the
 * child's requests not yet placed or withdrawn, when the actor may read requests. The record's own
 * read has already checked scope; the list is audited here.
 */
export async function childRequests(
  ctx: Ctx,
  childId: number,
): Promise<{ canRequest: boolean; open: ChildRequestItem[] }> {
  const canRequest = can(ctx.actor, 'placement:request');
  if (!READERS.some((p) => can(ctx.actor, p))) return { canRequest, open: [] };
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('placement_request as r')
      .innerJoin('child', 'child.id', 'r.child_id')
      .select(['r.id', 'r.kind', 'r.status', 'r.date_needed'])
      .where('r.child_id', '=', childId)
      .where('r.status', 'in', ['awaiting_approval', 'open', 'placing'])
      .where(childScope(ctx.actor, ctx.scope))
      .orderBy('r.id')
      .execute();
    if (rows.length > 0)
      await audit(trx, ctx.actor, {
        action: 'list',
        recordType: 'placement_request',
        childId,
        detail: { open: rows.length },
      });
    return {
      canRequest,
      open: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        dateNeeded: r.date_needed,
      })),
    };
  });
}
