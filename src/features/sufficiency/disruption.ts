// Recording a placement disruption (stability) meeting for a child: the sufficiency view flags the
// child's placement as fragile for 12 months after it. Needs child:write and the child in scope
// (outside scope: not found). The meeting is linked to the child's placement open on its date.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { disruptionOutcomes } from '../../db/tables/homes.ts';
import { isIsoDate } from '../../domain/dates/index.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childInScope, type ScopeOptions } from '../children/scope.ts';

export const DisruptionInput = z.object({
  meetingDate: z
    .string({ error: 'Enter the date of the meeting' })
    .trim()
    .min(1, 'Enter the date of the meeting')
    .refine(isIsoDate, 'Enter the date of the meeting as a real date'),
  outcome: z.enum(disruptionOutcomes, { error: 'Select what the meeting decided' }),
});
export type DisruptionInput = z.output<typeof DisruptionInput>;

export const OUTCOME_LABELS: Record<string, string> = {
  continues: 'The placement continues, with support',
  ends: 'The placement will end',
  not_decided: 'Not decided yet',
};

export class DisruptionProblems extends Error {
  readonly problems: Record<string, string>;
  constructor(problems: Record<string, string>) {
    super('The meeting could not be recorded');
    this.problems = problems;
  }
}

export async function childForDisruption(
  db: Db,
  actor: Actor,
  childId: number,
  opts: ScopeOptions,
): Promise<{ id: number; name: string }> {
  requirePermission(actor, 'child:write');
  if (!(await childInScope(db, actor, childId, opts))) throw new NotFoundError();
  const c = await db
    .selectFrom('child')
    .select(['id', 'first_name', 'preferred_name', 'last_name'])
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
  return { id: c.id, name: `${c.preferred_name ?? c.first_name} ${c.last_name}` };
}

export async function recordDisruptionMeeting(
  db: Db,
  actor: Actor,
  childId: number,
  input: DisruptionInput,
  today: string,
  opts: ScopeOptions,
): Promise<{ id: number; placementId: number | null }> {
  requirePermission(actor, 'child:write');
  return db.transaction().execute(async (trx) => {
    if (!(await childInScope(trx, actor, childId, opts))) throw new NotFoundError();
    if (input.meetingDate > today)
      throw new DisruptionProblems({
        meetingDate: 'The date of the meeting must be today or in the past',
      });
    const placement = await trx
      .selectFrom('placement')
      .select('id')
      .where('child_id', '=', childId)
      .where('start_date', '<=', input.meetingDate)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', input.meetingDate)]))
      .orderBy('start_date', 'desc')
      .executeTakeFirst();
    if (!placement)
      throw new DisruptionProblems({
        meetingDate: 'The child had no placement on that date: check the date',
      });
    const row = await trx
      .insertInto('disruption_meeting')
      .values({
        child_id: childId,
        placement_id: placement.id,
        meeting_date: input.meetingDate,
        outcome: input.outcome,
        recorded_by: actor.system ? null : actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'disruption_meeting',
      recordId: row.id,
      childId,
    });
    return { id: row.id, placementId: placement.id };
  });
}
