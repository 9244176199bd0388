// Dated events of a child's record: reviews, visits, health, missing episodes, adoption milestones,
// care leaver contacts and allocations. Each write locks the child's row, checks the dates against
// the child's birth and today, writes and audits in one transaction.
import type { Permission } from '../../platform/access/access.ts';
import { NotFoundError } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { formatUkDate } from '../../domain/dates/index.ts';
import type { Ctx } from './careService.ts';
import { lockChild, requireAny, type LockedChild, type Trx } from './childLock.ts';
import type { FieldProblem } from './fields.ts';
import { RecordProblems, StaleVersion, dateProblems } from './problems.ts';
import type {
  AllocationInput,
  CareLeaverContactInput,
  EditPermanenceInput,
  HealthInput,
  MissingInput,
  PermanenceInput,
  ReviewInput,
  VisitInput,
} from './schemas.ts';

export const PERMISSIONS_FOR = {
  review: ['child:write', 'review:write'],
  careLeaverContact: ['child:write', 'careleaver:write'],
  casework: ['child:write'],
} as const satisfies Record<string, readonly Permission[]>;

export type Dates = { field: string; what: string; value: string | null }[];

/** Check access, lock the child, check `dates` (and `extra`), then `work`: one transaction. */
export async function write<T>(
  ctx: Ctx,
  childId: number,
  permissions: readonly Permission[],
  dates: Dates,
  work: (trx: Trx, child: LockedChild) => Promise<T>,
  extra?: (child: LockedChild) => FieldProblem[],
): Promise<T> {
  requireAny(ctx.actor, permissions);
  return ctx.db.transaction().execute(async (trx) => {
    const child = await lockChild(trx, ctx.actor, childId, ctx.scope);
    const problems = [
      ...dateProblems(dates, child.dateOfBirth, ctx.today, formatUkDate(child.dateOfBirth)),
      ...(extra?.(child) ?? []),
    ];
    if (problems.length > 0) throw new RecordProblems(problems);
    return work(trx, child);
  });
}

export function after(
  field: string,
  value: string | null,
  than: string | null,
  message: string,
): FieldProblem[] {
  return value !== null && than !== null && value < than ? [{ field, message }] : [];
}

export async function addReview(ctx: Ctx, childId: number, input: ReviewInput): Promise<number> {
  const dates = [
    { field: 'heldDate', what: 'the date the review was held', value: input.heldDate },
  ];
  return write(ctx, childId, PERMISSIONS_FOR.review, dates, async (trx) => {
    const row = await trx
      .insertInto('review')
      .values({
        child_id: childId,
        due_date: null,
        held_date: input.heldDate,
        participation: input.participation,
        iro_id: ctx.actor.roles.includes('iro') ? ctx.actor.userId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'review',
      recordId: row.id,
      childId,
      detail: { ...input },
    });
    return row.id;
  });
}

export async function addVisit(ctx: Ctx, childId: number, input: VisitInput): Promise<number> {
  const dates = [{ field: 'visitDate', what: 'the date of the visit', value: input.visitDate }];
  return write(ctx, childId, PERMISSIONS_FOR.casework, dates, async (trx) => {
    const row = await trx
      .insertInto('visit')
      .values({
        child_id: childId,
        visit_date: input.visitDate,
        seen: input.seen,
        seen_alone: input.seenAlone,
        worker_id: ctx.actor.system ? null : ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType: 'visit',
      recordId: row.id,
      childId,
      detail: { ...input },
    });
    return row.id;
  });
}

export async function addHealth(ctx: Ctx, childId: number, input: HealthInput): Promise<number> {
  const dates = [{ field: 'date', what: 'the date of the assessment', value: input.date }];
  return write(ctx, childId, PERMISSIONS_FOR.casework, dates, async (trx) => {
    let recordType: string;
    let id: number;
    if (input.kind === 'immunisations') {
      recordType = 'immunisation_status';
      ({ id } = await trx
        .insertInto('immunisation_status')
        .values({ child_id: childId, as_at: input.date, up_to_date: input.upToDate === true })
        .returning('id')
        .executeTakeFirstOrThrow());
    } else if (input.kind === 'sdq') {
      recordType = 'sdq';
      ({ id } = await trx
        .insertInto('sdq')
        .values({
          child_id: childId,
          sdq_date: input.date,
          score: input.score ?? null,
          reason: input.sdqReason,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    } else {
      recordType = 'health_assessment';
      ({ id } = await trx
        .insertInto('health_assessment')
        .values({ child_id: childId, kind: input.kind, assessment_date: input.date })
        .returning('id')
        .executeTakeFirstOrThrow());
    }
    await audit(trx, ctx.actor, {
      action: 'create',
      recordType,
      recordId: id,
      childId,
      detail: { ...input },
    });
    return id;
  });
}

/** A missing episode's dates in order: returned and interview offered not before it started. */
export function missingOrder(input: MissingInput): FieldProblem[] {
  return [
    ...after(
      'endDate',
      input.endDate,
      input.startDate,
      'The date the child returned must be the same as or after the date they went missing or away',
    ),
    ...after(
      'interviewOffered',
      input.interviewOffered,
      input.startDate,
      'The date the return interview was offered must be the same as or after the date the child went missing or away',
    ),
  ];
}

export async function addMissing(ctx: Ctx, childId: number, input: MissingInput): Promise<number> {
  const dates = [
    { field: 'startDate', what: 'the date the child went missing or away', value: input.startDate },
    { field: 'endDate', what: 'the date the child returned', value: input.endDate },
    {
      field: 'interviewOffered',
      what: 'the date the return interview was offered',
      value: input.interviewOffered,
    },
  ];
  const order = () => missingOrder(input);
  return write(
    ctx,
    childId,
    PERMISSIONS_FOR.casework,
    dates,
    async (trx) => {
      const row = await trx
        .insertInto('missing_episode')
        .values({
          child_id: childId,
          kind: input.kind,
          start_date: input.startDate,
          end_date: input.endDate,
          return_interview_offered: input.interviewOffered,
          return_interview_accepted: input.interviewAccepted,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'create',
        recordType: 'missing_episode',
        recordId: row.id,
        childId,
        detail: { ...input },
      });
      return row.id;
    },
    order,
  );
}

const MILESTONES = [
  ['placementOrderDate', 'the date of the placement order', 'decisionDate'],
  ['matchedDate', 'the date the child was matched', 'decisionDate'],
  ['placedDate', 'the date the child was placed for adoption', 'matchedDate'],
  ['orderDate', 'the date the adoption order was granted', 'placedDate'],
  ['reversedDate', 'the date the decision was reversed', 'decisionDate'],
] as const;

const PREVIOUS_WHAT: Record<string, string> = {
  decisionDate: 'the date of the decision',
  matchedDate: 'the date the child was matched',
  placedDate: 'the date the child was placed for adoption',
};

function permanenceChecks(input: PermanenceInput): { dates: Dates; order: FieldProblem[] } {
  const dates: Dates = [
    { field: 'decisionDate', what: 'the date of the decision', value: input.decisionDate },
    ...MILESTONES.map(([field, what]) => ({ field, what, value: input[field] })),
  ];
  const order: FieldProblem[] = [];
  for (const [field, what, prev] of MILESTONES) {
    const value = input[field];
    if (value === null) continue;
    const prevValue = input[prev];
    if (prevValue === null) {
      order.push({
        field: prev,
        message: `Enter ${PREVIOUS_WHAT[prev] ?? prev} before ${what}`,
      });
      continue;
    }
    const What = what.charAt(0).toUpperCase() + what.slice(1);
    order.push(
      ...after(
        field,
        value,
        prevValue,
        `${What} must be the same as or after ${PREVIOUS_WHAT[prev] ?? prev}`,
      ),
    );
  }
  if ((input.reversedDate === null) !== (input.reversedReason === null))
    order.push(
      input.reversedDate === null
        ? { field: 'reversedDate', message: 'Enter the date the decision was reversed' }
        : { field: 'reversedReason', message: 'Select why the decision was reversed' },
    );
  return { dates, order };
}

function permanenceRow(input: PermanenceInput) {
  return {
    decision_date: input.decisionDate,
    placement_order_date: input.placementOrderDate,
    matched_date: input.matchedDate,
    placed_date: input.placedDate,
    order_granted_date: input.orderDate,
    decision_reversed_date: input.reversedDate,
    reversed_reason: input.reversedReason,
  };
}

export async function addPermanence(
  ctx: Ctx,
  childId: number,
  input: PermanenceInput,
): Promise<number> {
  const { dates, order } = permanenceChecks(input);
  return write(
    ctx,
    childId,
    PERMISSIONS_FOR.casework,
    dates,
    async (trx) => {
      const row = await trx
        .insertInto('adoption_plan')
        .values({ child_id: childId, ...permanenceRow(input) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'create',
        recordType: 'adoption_plan',
        recordId: row.id,
        childId,
        detail: { ...input },
      });
      return row.id;
    },
    () => order,
  );
}

type PlanRow = {
  decision_date: string;
  placement_order_date: string | null;
  matched_date: string | null;
  placed_date: string | null;
  order_granted_date: string | null;
  decision_reversed_date: string | null;
  reversed_reason: string | null;
  version: number;
};

export function permanenceValues(r: PlanRow): EditPermanenceInput {
  return {
    decisionDate: r.decision_date,
    placementOrderDate: r.placement_order_date,
    matchedDate: r.matched_date,
    placedDate: r.placed_date,
    orderDate: r.order_granted_date,
    reversedDate: r.decision_reversed_date,
    reversedReason: r.reversed_reason,
    version: r.version,
  };
}

export async function getPermanence(
  ctx: Ctx,
  childId: number,
  planId: number,
): Promise<EditPermanenceInput> {
  return write(ctx, childId, PERMISSIONS_FOR.casework, [], async (trx) => {
    const row = await trx
      .selectFrom('adoption_plan')
      .selectAll()
      .where('id', '=', planId)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    await audit(trx, ctx.actor, {
      action: 'read',
      recordType: 'adoption_plan',
      recordId: planId,
      childId,
      detail: { purpose: 'edit' },
    });
    return permanenceValues(row);
  });
}

/** Correct or add milestones, unless someone else saved the plan since `version` was read. */
export async function editPermanence(
  ctx: Ctx,
  childId: number,
  planId: number,
  input: EditPermanenceInput,
): Promise<void> {
  const { dates, order } = permanenceChecks(input);
  await write(
    ctx,
    childId,
    PERMISSIONS_FOR.casework,
    dates,
    async (trx) => {
      const row = await trx
        .selectFrom('adoption_plan')
        .selectAll()
        .where('id', '=', planId)
        .where('child_id', '=', childId)
        .executeTakeFirst();
      if (!row) throw new NotFoundError();
      if (row.version !== input.version) throw new StaleVersion(permanenceValues(row));
      await trx
        .updateTable('adoption_plan')
        .set((eb) => ({ ...permanenceRow(input), version: eb('version', '+', 1) }))
        .where('id', '=', planId)
        .where('version', '=', input.version)
        .execute();
      await audit(trx, ctx.actor, {
        action: 'update',
        recordType: 'adoption_plan',
        recordId: planId,
        childId,
        detail: { ...input, fromVersion: input.version },
      });
    },
    () => order,
  );
}

/** A young person in touch needs their activity and accommodation. */
export function contactDetail(input: CareLeaverContactInput): FieldProblem[] {
  return input.inTouch === 'YES'
    ? [
        ...(input.activity === null
          ? [{ field: 'activity', message: 'Select the young person’s main activity' }]
          : []),
        ...(input.accommodation === null
          ? [{ field: 'accommodation', message: 'Select the young person’s accommodation' }]
          : []),
      ]
    : [];
}

export async function addCareLeaverContact(
  ctx: Ctx,
  childId: number,
  input: CareLeaverContactInput,
): Promise<number> {
  const dates = [
    { field: 'contactDate', what: 'the date of the contact', value: input.contactDate },
  ];
  const needsDetail = () => contactDetail(input);
  return write(
    ctx,
    childId,
    PERMISSIONS_FOR.careLeaverContact,
    dates,
    async (trx) => {
      const row = await trx
        .insertInto('care_leaver_contact')
        .values({
          child_id: childId,
          contact_date: input.contactDate,
          in_touch: input.inTouch,
          activity: input.activity,
          accommodation: input.accommodation,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, ctx.actor, {
        action: 'create',
        recordType: 'care_leaver_contact',
        recordId: row.id,
        childId,
        detail: { ...input },
      });
      return row.id;
    },
    needsDetail,
  );
}

/** Allocate a worker from a date: the current allocation in that role ends that day. */
export async function addAllocation(
  ctx: Ctx,
  childId: number,
  input: AllocationInput,
): Promise<number> {
  const dates = [
    { field: 'startDate', what: 'the date the allocation starts', value: input.startDate },
  ];
  return write(ctx, childId, PERMISSIONS_FOR.casework, dates, async (trx) => {
    const user = await trx
      .selectFrom('app_user')
      .select(['id', 'roles', 'disabled'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!user || user.disabled || !user.roles.includes(input.role))
      throw new RecordProblems([{ field: 'userId', message: 'Select a worker from the list' }]);
    const current = await trx
      .selectFrom('allocation')
      .select(['id', 'start_date', 'user_id'])
      .where('child_id', '=', childId)
      .where('role', '=', input.role)
      .where('end_date', 'is', null)
      .executeTakeFirst();
    if (current?.user_id === input.userId)
      throw new RecordProblems([{ field: 'userId', message: 'This worker is already allocated' }]);
    if (current && input.startDate < current.start_date)
      throw new RecordProblems([
        {
          field: 'startDate',
          message: `The date the allocation starts must be the same as or after the current allocation started (${formatUkDate(current.start_date)})`,
        },
      ]);
    if (current)
      await trx
        .updateTable('allocation')
        .set((eb) => ({ end_date: input.startDate, version: eb('version', '+', 1) }))
        .where('id', '=', current.id)
        .execute();
    const row = await trx
      .insertInto('allocation')
      .values({
        child_id: childId,
        user_id: input.userId,
        role: input.role,
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
      detail: { ...input, ended: current?.id ?? null },
    });
    return row.id;
  });
}
