// Recording and changing Regulation 45 quality-of-care reviews of a children's home. Needs
// home:write and a home the actor may see (a residential manager: one they manage; any other home
// is "not found"). Dates after today are refused; the order of the dates is checked by the schema
// and again by the table. Changes use optimistic locking (version); every write is audited.
import type { Db } from '../../db/connect.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { loadHome, VisitProblems } from './homeService.ts';
import type { Reg45Status } from './reg45.ts';
import { reg45ByHome, reviewsOf, reviewView, type Reg45ReviewView } from './reg45Load.ts';
import type { Reg45Input, Reg45Update } from './schemas.ts';

export const REVIEW_CONFLICT_MESSAGE =
  'Someone else changed this review after you opened it. Check the current values and try again.';

/** Dates that cannot be after today: the review's completion and the report sent. */
function futureProblems(input: Reg45Input, today: string): void {
  const problems: Record<string, string> = {};
  if (input.completedOn > today)
    problems.completedOn = 'The date the review was completed must be today or in the past';
  if (input.sentToOfstedOn !== null && input.sentToOfstedOn > today)
    problems.sentToOfstedOn = 'The date the report was sent to Ofsted must be today or in the past';
  if (Object.keys(problems).length) throw new VisitProblems(problems);
}

function columns(input: Reg45Input) {
  return {
    period_start: input.periodStart,
    period_end: input.periodEnd,
    completed_on: input.completedOn,
    sent_to_ofsted_on: input.sentToOfstedOn,
    summary: input.summary,
    actions: input.actions,
  };
}

export async function recordReg45Review(
  db: Db,
  actor: Actor,
  homeId: number,
  input: Reg45Input,
  today: string,
): Promise<{ id: number }> {
  requirePermission(actor, 'home:write');
  return db.transaction().execute(async (trx) => {
    await loadHome(trx, actor, homeId, today);
    futureProblems(input, today);
    const row = await trx
      .insertInto('reg45_review')
      .values({
        home_id: homeId,
        ...columns(input),
        recorded_by: actor.system ? null : actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'reg45_review',
      recordId: row.id,
      detail: { homeId },
    });
    return row;
  });
}

/** A home's reviews, newest period first, with its position (next review due, reports overdue). */
export async function listReg45Reviews(
  db: Db,
  actor: Actor,
  homeId: number,
  today: string,
): Promise<{ status: Reg45Status; reviews: Reg45ReviewView[] }> {
  requirePermission(actor, 'home:read');
  return db.transaction().execute(async (trx) => {
    await loadHome(trx, actor, homeId, today);
    const status = (await reg45ByHome(trx, [homeId], today)).get(homeId);
    const reviews = await reviewsOf(trx, homeId, today);
    await audit(trx, actor, {
      action: 'list',
      recordType: 'reg45_review',
      detail: { homeId },
    });
    if (!status) throw new NotFoundError();
    return { status, reviews };
  });
}

/** Changes a review, with optimistic locking: a stale version answers 409 with the current values. */
export async function updateReg45Review(
  db: Db,
  actor: Actor,
  homeId: number,
  reviewId: number,
  input: Reg45Update,
  today: string,
): Promise<Reg45ReviewView> {
  requirePermission(actor, 'home:write');
  return db.transaction().execute(async (trx) => {
    await loadHome(trx, actor, homeId, today);
    const current = await trx
      .selectFrom('reg45_review')
      .selectAll()
      .where('id', '=', reviewId)
      .where('home_id', '=', homeId)
      .executeTakeFirst();
    if (!current) throw new NotFoundError();
    const conflict = () =>
      new ProblemError(409, 'Conflict', REVIEW_CONFLICT_MESSAGE, undefined, {
        current: reviewView(current, today),
      });
    if (current.version !== input.version) throw conflict();
    futureProblems(input, today);
    const updated = await trx
      .updateTable('reg45_review')
      .set({ ...columns(input), version: current.version + 1 })
      .where('id', '=', reviewId)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict();
    await audit(trx, actor, {
      action: 'update',
      recordType: 'reg45_review',
      recordId: reviewId,
      detail: { homeId },
    });
    return reviewView(updated, today);
  });
}
