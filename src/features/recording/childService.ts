// A new child: the record everything else hangs on. The child joins the recording worker's team and,
// for a social worker, is allocated to them from today, so they can go on to record their care.
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from './careService.ts';
import { requireAny } from './childLock.ts';
import { RecordProblems, dateProblems } from './problems.ts';
import type { NewChildInput } from './schemas.ts';

export async function createChild(ctx: Ctx, input: NewChildInput): Promise<number> {
  requireAny(ctx.actor, ['child:write']);
  const problems = dateProblems(
    [{ field: 'dateOfBirth', what: 'the child’s date of birth', value: input.dateOfBirth }],
    '0001-01-01',
    ctx.today,
    '',
  );
  if (problems.length > 0) throw new RecordProblems(problems);
  return ctx.db.transaction().execute(async (trx) => {
    const taken = async (column: 'local_id' | 'upn' | 'nhs_number', value: string | null) =>
      value !== null &&
      (await trx.selectFrom('child').select('id').where(column, '=', value).executeTakeFirst()) !==
        undefined;
    const dup = [
      ...((await taken('local_id', input.localId))
        ? [{ field: 'localId', message: 'There is already a child with this local identifier' }]
        : []),
      ...((await taken('upn', input.upn))
        ? [{ field: 'upn', message: 'There is already a child with this UPN' }]
        : []),
      ...((await taken('nhs_number', input.nhsNumber))
        ? [{ field: 'nhsNumber', message: 'There is already a child with this NHS number' }]
        : []),
    ];
    if (dup.length > 0) throw new RecordProblems(dup);
    const row = await trx
      .insertInto('child')
      .values({
        local_id: input.localId,
        upn: input.upn,
        nhs_number: input.nhsNumber,
        first_name: input.firstName,
        last_name: input.lastName,
        preferred_name: null,
        date_of_birth: input.dateOfBirth,
        sex: input.sex,
        ethnicity: input.ethnicity,
        uasc_start: null,
        uasc_end: null,
        home_postcode: input.homePostcode,
        team_id: ctx.actor.teamId,
        date_of_death: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (ctx.actor.roles.includes('social_worker') && !ctx.actor.system)
      await trx
        .insertInto('allocation')
        .values({
          child_id: row.id,
          user_id: ctx.actor.userId,
          role: 'social_worker',
          start_date: ctx.today,
          end_date: null,
        })
        .execute();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'child',
      recordId: row.id,
      childId: row.id,
      detail: { localId: input.localId },
    });
    return row.id;
  });
}
