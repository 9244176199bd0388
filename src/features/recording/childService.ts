// A new child: the record everything else hangs on. The child joins the recording worker's team and,
// for a social worker, is allocated to them from today, so they can go on to record their care.
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from './careService.ts';
import { requireAny } from './childLock.ts';
import { RecordProblems, dateProblems } from './problems.ts';
import type { NewChildInput } from './schemas.ts';
import type { ChildDetailsInput } from './editSchemas.ts';
import { loadCareFacts, newProblems } from './careFacts.ts';
import type { FieldProblem } from './fields.ts';
import { saveEdit, type RecordKind, type Values } from './recordEdit.ts';

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

export const CHILD_DETAILS: RecordKind<Values> = {
  recordType: 'child',
  permissions: ['child:write'],
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('child')
      .selectAll()
      .where('id', '=', id)
      .where('id', '=', childId)
      .executeTakeFirst();
    return (
      r && {
        firstName: r.first_name,
        lastName: r.last_name,
        dateOfBirth: r.date_of_birth,
        sex: r.sex,
        ethnicity: r.ethnicity,
        upn: r.upn,
        nhsNumber: r.nhs_number,
        homePostcode: r.home_postcode,
        uasc: r.uasc,
        uascStart: r.uasc_start,
        uascEnd: r.uasc_end,
        version: r.version,
      }
    );
  },
};

/**
 * Correct the child's own details. A new date of birth must not put any of their care record
 * (periods, legal statuses, placements) before their birth; UPN and NHS number stay unique.
 */
export async function editChildDetails(
  ctx: Ctx,
  childId: number,
  _id: number,
  input: ChildDetailsInput,
): Promise<void> {
  const dobProblems = dateProblems(
    [{ field: 'dateOfBirth', what: 'the child’s date of birth', value: input.dateOfBirth }],
    '0001-01-01',
    ctx.today,
    '',
  );
  if (dobProblems.length > 0) throw new RecordProblems(dobProblems);
  await saveEdit(ctx, CHILD_DETAILS, childId, childId, {
    version: input.version,
    dates: [
      {
        field: 'uascStart',
        what: 'the date the child became an unaccompanied asylum-seeking child',
        value: input.uascStart,
      },
      {
        field: 'uascEnd',
        what: 'the date the child stopped being an unaccompanied asylum-seeking child',
        value: input.uascEnd,
      },
    ].map((d) => ({
      ...d,
      value: d.value !== null && d.value < input.dateOfBirth ? null : d.value,
    })),
    checks: async (_stored, child, trx) => {
      const out: FieldProblem[] = [];
      for (const [field, column, value, what] of [
        ['upn', 'upn', input.upn, 'UPN'],
        ['nhsNumber', 'nhs_number', input.nhsNumber, 'NHS number'],
      ] as const) {
        if (value === null) continue;
        const other = await trx
          .selectFrom('child')
          .select('id')
          .where(column, '=', value)
          .where('id', '!=', childId)
          .executeTakeFirst();
        if (other) out.push({ field, message: `There is already a child with this ${what}` });
      }
      for (const [field, value, what] of [
        [
          'uascStart',
          input.uascStart,
          'The date the child became an unaccompanied asylum-seeking child',
        ],
        [
          'uascEnd',
          input.uascEnd,
          'The date the child stopped being an unaccompanied asylum-seeking child',
        ],
      ] as const)
        if (value !== null && value < input.dateOfBirth)
          out.push({ field, message: `${what} must be on or after their date of birth` });
      if (input.dateOfBirth !== child.dateOfBirth) {
        const before = await loadCareFacts(trx, childId, child.dateOfBirth);
        out.push(
          ...newProblems(
            before,
            { ...before, dateOfBirth: input.dateOfBirth },
            ctx.today,
            () => 'dateOfBirth',
            'dateOfBirth',
          ),
        );
      }
      return out;
    },
    write: (trx) =>
      trx
        .updateTable('child')
        .set((eb) => ({
          first_name: input.firstName,
          last_name: input.lastName,
          date_of_birth: input.dateOfBirth,
          sex: input.sex,
          ethnicity: input.ethnicity,
          upn: input.upn,
          nhs_number: input.nhsNumber,
          home_postcode: input.homePostcode,
          uasc: input.uasc,
          uasc_start: input.uascStart,
          uasc_end: input.uascEnd,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', childId)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}
