// Ending an allocation (with the 903 reason when a social worker's ends) and changing a child's
// social worker: the current allocation ends and the new one starts on the same day, in one
// transaction with one audit event each, so the child is never left with two or none.
import { formatUkDate } from '../../domain/dates/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from './careService.ts';
import type { ChangeSocialWorkerInput, EndAllocationInput } from './editSchemas.ts';
import { PERMISSIONS_FOR, write } from './eventService.ts';
import { RecordProblems, StaleVersion } from './problems.ts';
import { saveEdit, type RecordKind } from './recordEdit.ts';

interface AllocationValues extends Record<string, unknown> {
  role: string;
  startDate: string;
  endDate: string | null;
  reason: string | null;
  version: number;
}

export const ALLOCATION: RecordKind<AllocationValues> = {
  recordType: 'allocation',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('allocation')
      .select(['role', 'start_date', 'end_date', 'end_reason', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return (
      r && {
        role: r.role,
        startDate: r.start_date,
        endDate: r.end_date,
        reason: r.end_reason,
        version: r.version,
      }
    );
  },
};

export async function endAllocation(
  ctx: Ctx,
  childId: number,
  id: number,
  input: EndAllocationInput,
): Promise<void> {
  await saveEdit(ctx, ALLOCATION, childId, id, {
    version: input.version,
    dates: [{ field: 'endDate', what: 'the date the allocation ends', value: input.endDate }],
    checks: (stored) => [
      ...(stored.endDate !== null
        ? [{ field: 'endDate', message: 'This allocation has already ended' }]
        : []),
      ...(input.endDate < stored.startDate
        ? [
            {
              field: 'endDate',
              message: `The date the allocation ends must be the same as or after it started (${formatUkDate(stored.startDate)})`,
            },
          ]
        : []),
      ...(stored.role === 'social_worker' && input.reason === null
        ? [{ field: 'reason', message: 'Select the reason the social worker’s allocation ends' }]
        : []),
    ],
    write: (trx) =>
      trx
        .updateTable('allocation')
        .set((eb) => ({
          end_date: input.endDate,
          end_reason: input.reason,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

/** End the current social worker's allocation and start the new one on the same day. */
export async function changeSocialWorker(
  ctx: Ctx,
  childId: number,
  input: ChangeSocialWorkerInput,
): Promise<number> {
  const dates = [
    {
      field: 'startDate',
      what: 'the date the new social worker starts',
      value: input.startDate,
    },
  ];
  return write(ctx, childId, PERMISSIONS_FOR.casework, dates, async (trx) => {
    const user = await trx
      .selectFrom('app_user')
      .select(['roles', 'disabled'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!user || user.disabled || !user.roles.includes('social_worker'))
      throw new RecordProblems([
        { field: 'userId', message: 'Select a social worker from the list' },
      ]);
    const current = await trx
      .selectFrom('allocation')
      .select(['id', 'user_id', 'start_date', 'version'])
      .where('child_id', '=', childId)
      .where('role', '=', 'social_worker')
      .where('end_date', 'is', null)
      .executeTakeFirst();
    if (!current)
      throw new RecordProblems([
        { field: 'userId', message: 'The child has no social worker now: allocate one instead' },
      ]);
    if (current.user_id === input.userId)
      throw new RecordProblems([
        { field: 'userId', message: 'This social worker is already allocated' },
      ]);
    if (input.startDate < current.start_date)
      throw new RecordProblems([
        {
          field: 'startDate',
          message: `The date the new social worker starts must be the same as or after the current one started (${formatUkDate(current.start_date)})`,
        },
      ]);
    const ended = await trx
      .updateTable('allocation')
      .set((eb) => ({
        end_date: input.startDate,
        end_reason: input.reason,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (ended.numUpdatedRows !== 1n) throw new StaleVersion({});
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: 'allocation',
      recordId: current.id,
      childId,
      detail: { endDate: input.startDate, reason: input.reason },
    });
    const row = await trx
      .insertInto('allocation')
      .values({
        child_id: childId,
        user_id: input.userId,
        role: 'social_worker',
        start_date: input.startDate,
        end_date: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'allocation',
      recordId: row.id,
      childId,
      detail: { ...input, ended: current.id },
    });
    return row.id;
  });
}
