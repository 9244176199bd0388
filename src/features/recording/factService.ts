// New facts with no history of their own to adjust: permanence orders (SGO, child arrangements,
// adoption), previous permanence (903 PrevPerm), substance misuse and convictions (903 OC2). Each is
// checked against the child's birth and today, written and audited in one locked transaction.
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from './careService.ts';
import type {
  ConvictionInput,
  EditPermanenceOrderInput,
  PermanenceOrderInput,
  PreviousPermanenceInput,
  SubstanceMisuseInput,
} from './editSchemas.ts';
import { PERMISSIONS_FOR, write } from './eventService.ts';
import type { FieldProblem } from './fields.ts';
import { RecordProblems } from './problems.ts';
import { saveEdit, type RecordKind } from './recordEdit.ts';

export async function addPermanenceOrder(
  ctx: Ctx,
  childId: number,
  input: PermanenceOrderInput,
): Promise<number> {
  const dates = [
    { field: 'orderDate', what: 'the date the order was made', value: input.orderDate },
  ];
  return write(ctx, childId, PERMISSIONS_FOR.casework, dates, async (trx) => {
    const row = await trx
      .insertInto('permanence_order')
      .values({ child_id: childId, kind: input.kind, order_date: input.orderDate })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'permanence_order',
      recordId: row.id,
      childId,
      detail: { ...input },
    });
    return row.id;
  });
}

export const PERMANENCE_ORDER: RecordKind<EditPermanenceOrderInput> = {
  recordType: 'permanence_order',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('permanence_order')
      .select(['kind', 'order_date', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return r && { kind: r.kind, orderDate: r.order_date, version: r.version };
  },
};

export async function editPermanenceOrder(
  ctx: Ctx,
  childId: number,
  id: number,
  input: EditPermanenceOrderInput,
): Promise<void> {
  await saveEdit(ctx, PERMANENCE_ORDER, childId, id, {
    version: input.version,
    dates: [{ field: 'orderDate', what: 'the date the order was made', value: input.orderDate }],
    write: (trx) =>
      trx
        .updateTable('permanence_order')
        .set((eb) => ({
          kind: input.kind,
          order_date: input.orderDate,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

/** Previous permanence: the order was before the child's first period of care (903 rule 632). */
export async function addPreviousPermanence(
  ctx: Ctx,
  childId: number,
  input: PreviousPermanenceInput,
): Promise<number> {
  const date = input.orderDate;
  const dates = date?.iso
    ? [{ field: 'orderDate', what: 'the date of the order', value: date.iso }]
    : [];
  return write(ctx, childId, PERMISSIONS_FOR.casework, dates, async (trx, child) => {
    const problems: FieldProblem[] = [];
    if (date && date.latest < child.dateOfBirth && !date.iso)
      problems.push({
        field: 'orderDate',
        message: 'The date of the order must be on or after the child’s date of birth',
      });
    const first = await trx
      .selectFrom('period_of_care')
      .select((eb) => eb.fn.min<string>('start_date').as('start'))
      .where('child_id', '=', childId)
      .executeTakeFirst();
    const start = first?.start ?? null;
    if (date && start !== null && date.latest >= start)
      problems.push({
        field: 'orderDate',
        message: 'The date of the order must be before the child first started to be looked after',
      });
    if (problems.length > 0) throw new RecordProblems(problems);
    const row = await trx
      .insertInto('previous_permanence')
      .values({
        child_id: childId,
        prev_perm: input.prevPerm,
        order_date: date?.iso ?? null,
        order_date_partial: date?.partial ?? null,
        la_code: input.laCode,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'previous_permanence',
      recordId: row.id,
      childId,
      detail: {
        prevPerm: input.prevPerm,
        orderDate: date?.iso ?? date?.partial ?? null,
        laCode: input.laCode,
      },
    });
    return row.id;
  });
}

export async function addSubstanceMisuse(
  ctx: Ctx,
  childId: number,
  input: SubstanceMisuseInput,
): Promise<number> {
  const dates = [
    {
      field: 'identifiedDate',
      what: 'the date the substance misuse was identified',
      value: input.identifiedDate,
    },
  ];
  return write(ctx, childId, PERMISSIONS_FOR.casework, dates, async (trx) => {
    const row = await trx
      .insertInto('substance_misuse')
      .values({
        child_id: childId,
        identified_date: input.identifiedDate,
        intervention_offered: input.interventionOffered,
        intervention_received: input.interventionReceived,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'substance_misuse',
      recordId: row.id,
      childId,
      detail: { ...input },
    });
    return row.id;
  });
}

export async function addConviction(
  ctx: Ctx,
  childId: number,
  input: ConvictionInput,
): Promise<number> {
  const dates = [
    { field: 'convictionDate', what: 'the date of the conviction', value: input.convictionDate },
  ];
  return write(ctx, childId, PERMISSIONS_FOR.casework, dates, async (trx) => {
    const row = await trx
      .insertInto('conviction')
      .values({ child_id: childId, conviction_date: input.convictionDate })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'conviction',
      recordId: row.id,
      childId,
      detail: { ...input },
    });
    return row.id;
  });
}
