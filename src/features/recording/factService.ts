// New facts with no history of their own to adjust: permanence orders (SGO, child arrangements,
// adoption), previous permanence (903 PrevPerm), substance misuse and convictions (903 OC2). Each is
// checked against the child's birth and today, written and audited in one locked transaction; each
// can be corrected through recordEdit.ts (optimistic locking on its version).
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from './careService.ts';
import type { LockedChild, Trx } from './childLock.ts';
import type {
  ConvictionInput,
  EditConvictionInput,
  EditPermanenceOrderInput,
  EditPreviousPermanenceInput,
  EditSubstanceMisuseInput,
  PermanenceOrderInput,
  PreviousPermanenceInput,
  SubstanceMisuseInput,
} from './editSchemas.ts';
import { PERMISSIONS_FOR, write } from './eventService.ts';
import type { FieldProblem } from './fields.ts';
import { RecordProblems } from './problems.ts';
import { saveEdit, type RecordKind, type Values } from './recordEdit.ts';

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

type PartialOrderDate = PreviousPermanenceInput['orderDate'];

/**
 * Previous permanence: the order was before the child's first period of care (903 rule 632) and,
 * when only its month or year is known, not wholly before the child's birth.
 */
async function previousPermanenceProblems(
  trx: Trx,
  childId: number,
  child: LockedChild,
  date: PartialOrderDate,
): Promise<FieldProblem[]> {
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
  return problems;
}

const fullDateChecks = (date: PartialOrderDate) =>
  date?.iso ? [{ field: 'orderDate', what: 'the date of the order', value: date.iso }] : [];

export async function addPreviousPermanence(
  ctx: Ctx,
  childId: number,
  input: PreviousPermanenceInput,
): Promise<number> {
  const date = input.orderDate;
  return write(ctx, childId, PERMISSIONS_FOR.casework, fullDateChecks(date), async (trx, child) => {
    const problems = await previousPermanenceProblems(trx, childId, child, date);
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

/**
 * A stored previous permanence date in the API's form: '2019-05-12', or with reduced precision
 * '2019-05' / '2019' for the 903's 'ZZ/05/2019' / 'ZZ/ZZ/2019'.
 */
export function orderDateValue(iso: string | null, partial: string | null): string | null {
  if (iso) return iso;
  const m = partial ? /^ZZ\/(ZZ|\d{2})\/(\d{4})$/.exec(partial) : null;
  if (!m) return null;
  return m[1] === 'ZZ' ? (m[2] ?? null) : `${m[2] ?? ''}-${m[1] ?? ''}`;
}

export const PREVIOUS_PERMANENCE: RecordKind<Values> = {
  recordType: 'previous_permanence',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('previous_permanence')
      .select(['prev_perm', 'order_date', 'order_date_partial', 'la_code', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return (
      r && {
        prevPerm: r.prev_perm,
        orderDate: orderDateValue(r.order_date, r.order_date_partial),
        laCode: r.la_code,
        version: r.version,
      }
    );
  },
};

export async function editPreviousPermanence(
  ctx: Ctx,
  childId: number,
  id: number,
  input: EditPreviousPermanenceInput,
): Promise<void> {
  const date = input.orderDate;
  await saveEdit(ctx, PREVIOUS_PERMANENCE, childId, id, {
    version: input.version,
    dates: fullDateChecks(date),
    checks: (_stored, child, trx) => previousPermanenceProblems(trx, childId, child, date),
    write: (trx) =>
      trx
        .updateTable('previous_permanence')
        .set((eb) => ({
          prev_perm: input.prevPerm,
          order_date: date?.iso ?? null,
          order_date_partial: date?.partial ?? null,
          la_code: input.laCode,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: {
      prevPerm: input.prevPerm,
      orderDate: date?.iso ?? date?.partial ?? null,
      laCode: input.laCode,
    },
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

export const SUBSTANCE_MISUSE: RecordKind<Values> = {
  recordType: 'substance_misuse',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('substance_misuse')
      .select(['identified_date', 'intervention_offered', 'intervention_received', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return (
      r && {
        identifiedDate: r.identified_date,
        interventionOffered: r.intervention_offered,
        interventionReceived: r.intervention_received,
        version: r.version,
      }
    );
  },
};

export async function editSubstanceMisuse(
  ctx: Ctx,
  childId: number,
  id: number,
  input: EditSubstanceMisuseInput,
): Promise<void> {
  await saveEdit(ctx, SUBSTANCE_MISUSE, childId, id, {
    version: input.version,
    dates: [
      {
        field: 'identifiedDate',
        what: 'the date the substance misuse was identified',
        value: input.identifiedDate,
      },
    ],
    write: (trx) =>
      trx
        .updateTable('substance_misuse')
        .set((eb) => ({
          identified_date: input.identifiedDate,
          intervention_offered: input.interventionOffered,
          intervention_received: input.interventionReceived,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}

export const CONVICTION: RecordKind<Values> = {
  recordType: 'conviction',
  permissions: PERMISSIONS_FOR.casework,
  load: async (trx, childId, id) => {
    const r = await trx
      .selectFrom('conviction')
      .select(['conviction_date', 'version'])
      .where('id', '=', id)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    return r && { convictionDate: r.conviction_date, version: r.version };
  },
};

export async function editConviction(
  ctx: Ctx,
  childId: number,
  id: number,
  input: EditConvictionInput,
): Promise<void> {
  await saveEdit(ctx, CONVICTION, childId, id, {
    version: input.version,
    dates: [
      { field: 'convictionDate', what: 'the date of the conviction', value: input.convictionDate },
    ],
    write: (trx) =>
      trx
        .updateTable('conviction')
        .set((eb) => ({ conviction_date: input.convictionDate, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
    detail: { ...input },
  });
}
