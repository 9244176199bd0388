// A looked-after child's agreement to social worker visits at intervals of up to 6 months in a
// designated long-term foster placement after its first year (CPPCR 2010 reg 28(3A)): recorded
// against one placement with the date, the child's view and who recorded it; later withdrawn with
// its date and view. The child must be in the actor's scope (else "not found"); every read and
// write is audited in the same transaction; a withdrawal names the version it was read at, and a
// stale one is refused with the stored values. The engine reads the rows through load.ts, and the
// due-item cache goes stale through its trigger on visit_agreement.
import type { Db } from '../../db/connect.ts';
import { addYears, type IsoDate } from '../../domain/dates/index.ts';
import { NotFoundError, can } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childInScope, type ScopeOptions } from '../children/scope.ts';
import type { AgreementInput, WithdrawalInput } from './visitAgreementSchema.ts';

/** Problems found against the stored record (field → message). */
export class AgreementProblems extends Error {
  readonly problems: Record<string, string>;
  constructor(problems: Record<string, string>) {
    super(Object.values(problems).join('; '));
    this.problems = problems;
  }
}

/** The agreement changed since the form was opened; `current` is what is stored now. */
export class StaleAgreement extends Error {
  readonly current: VisitAgreementView;
  constructor(current: VisitAgreementView) {
    super(
      'This agreement was changed by someone else since you opened it. Nothing you entered has been saved.',
    );
    this.current = current;
  }
}

export interface PlacementChoice {
  id: number;
  placeType: string;
  start: IsoDate;
  end: IsoDate | null;
  longTermDesignated: boolean;
  /** The date the placement's first year ends (6-monthly visits can apply from then). */
  firstYearEnds: IsoDate;
}

export interface VisitAgreementView {
  id: number;
  placementId: number;
  agreedOn: IsoDate;
  childView: string;
  recordedBy: string;
  withdrawnOn: IsoDate | null;
  withdrawnView: string | null;
  withdrawnRecordedBy: string | null;
  version: number;
}

export interface ChildAgreements {
  child: { id: number; localId: string; name: string; dateOfBirth: IsoDate };
  placements: PlacementChoice[];
  agreements: VisitAgreementView[];
}

function mayRecord(actor: Actor): boolean {
  return can(actor, 'child:write');
}

async function requireChild(db: Db, actor: Actor, childId: number, opts: ScopeOptions) {
  if (!can(actor, 'child:read') || !(await childInScope(db, actor, childId, opts)))
    throw new NotFoundError();
  const child = await db
    .selectFrom('child')
    .select(['id', 'local_id', 'first_name', 'last_name', 'date_of_birth'])
    .where('id', '=', childId)
    .executeTakeFirst();
  if (!child) throw new NotFoundError();
  return child;
}

async function agreementsOf(db: Db, childId: number): Promise<VisitAgreementView[]> {
  const rows = await db
    .selectFrom('visit_agreement as a')
    .innerJoin('app_user as r', 'r.id', 'a.recorded_by')
    .leftJoin('app_user as w', 'w.id', 'a.withdrawn_recorded_by')
    .select([
      'a.id',
      'a.placement_id',
      'a.agreed_on',
      'a.child_view',
      'r.display_name as recorded_by',
      'a.withdrawn_on',
      'a.withdrawn_view',
      'w.display_name as withdrawn_by',
      'a.version',
    ])
    .where('a.child_id', '=', childId)
    .orderBy('a.agreed_on', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    placementId: r.placement_id,
    agreedOn: r.agreed_on,
    childView: r.child_view,
    recordedBy: r.recorded_by,
    withdrawnOn: r.withdrawn_on,
    withdrawnView: r.withdrawn_view,
    withdrawnRecordedBy: r.withdrawn_by,
    version: r.version,
  }));
}

/** The child's placements and agreements (audited as a read of the child's agreements). */
export async function readAgreements(
  db: Db,
  actor: Actor,
  childId: number,
  opts: ScopeOptions,
): Promise<ChildAgreements> {
  return db.transaction().execute(async (trx) => {
    const c = await requireChild(trx, actor, childId, opts);
    const placements = await trx
      .selectFrom('placement')
      .select(['id', 'place_type', 'start_date', 'end_date', 'long_term_designated'])
      .where('child_id', '=', childId)
      .orderBy('start_date', 'desc')
      .execute();
    const agreements = await agreementsOf(trx, childId);
    await audit(trx, actor, {
      action: 'read',
      recordType: 'visit-agreement',
      childId,
      detail: { count: agreements.length },
    });
    return {
      child: {
        id: c.id,
        localId: c.local_id,
        name: `${c.first_name} ${c.last_name}`,
        dateOfBirth: c.date_of_birth,
      },
      placements: placements.map((p) => ({
        id: p.id,
        placeType: p.place_type,
        start: p.start_date,
        end: p.end_date,
        longTermDesignated: p.long_term_designated,
        firstYearEnds: addYears(p.start_date, 1),
      })),
      agreements,
    };
  });
}

/** Records an agreement; answers its id. Nothing is saved when anything is wrong. */
export async function recordAgreement(
  db: Db,
  actor: Actor,
  childId: number,
  input: AgreementInput,
  today: IsoDate,
  opts: ScopeOptions,
): Promise<number> {
  if (!mayRecord(actor)) throw new NotFoundError();
  return db.transaction().execute(async (trx) => {
    await requireChild(trx, actor, childId, opts);
    const placement = await trx
      .selectFrom('placement')
      .select(['id', 'start_date', 'end_date', 'long_term_designated'])
      .where('id', '=', input.placementId)
      .where('child_id', '=', childId)
      .executeTakeFirst();
    const problems: Record<string, string> = {};
    if (!placement) problems.placementId = 'Select one of the child’s placements';
    if (input.agreedOn > today)
      problems.agreedOn = 'The date the child agreed must be today or in the past';
    if (placement && input.agreedOn < placement.start_date)
      problems.agreedOn = 'The date the child agreed must be on or after the placement started';
    if (placement?.end_date && input.agreedOn > placement.end_date)
      problems.agreedOn = 'The date the child agreed must be on or before the placement ended';
    if (Object.keys(problems).length > 0) throw new AgreementProblems(problems);
    const { id } = await trx
      .insertInto('visit_agreement')
      .values({
        child_id: childId,
        placement_id: input.placementId,
        agreed_on: input.agreedOn,
        child_view: input.childView,
        recorded_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'visit-agreement',
      recordId: id,
      childId,
      detail: { placementId: input.placementId, agreedOn: input.agreedOn },
    });
    return id;
  });
}

/** Records the child withdrawing an agreement, at the version the form was read at. */
export async function withdrawAgreement(
  db: Db,
  actor: Actor,
  childId: number,
  agreementId: number,
  input: WithdrawalInput,
  today: IsoDate,
  opts: ScopeOptions,
): Promise<void> {
  if (!mayRecord(actor)) throw new NotFoundError();
  await db.transaction().execute(async (trx) => {
    await requireChild(trx, actor, childId, opts);
    const current = (await agreementsOf(trx, childId)).find((a) => a.id === agreementId);
    if (!current) throw new NotFoundError();
    if (current.version !== input.version || current.withdrawnOn !== null)
      throw new StaleAgreement(current);
    const problems: Record<string, string> = {};
    if (input.withdrawnOn > today)
      problems.withdrawnOn = 'The date the child withdrew must be today or in the past';
    if (input.withdrawnOn < current.agreedOn)
      problems.withdrawnOn = 'The date the child withdrew must be on or after the date they agreed';
    if (Object.keys(problems).length > 0) throw new AgreementProblems(problems);
    const updated = await trx
      .updateTable('visit_agreement')
      .set({
        withdrawn_on: input.withdrawnOn,
        withdrawn_view: input.withdrawnView,
        withdrawn_recorded_by: actor.userId,
        version: input.version + 1,
      })
      .where('id', '=', agreementId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new StaleAgreement(current);
    await audit(trx, actor, {
      action: 'update',
      recordType: 'visit-agreement',
      recordId: agreementId,
      childId,
      detail: { withdrawnOn: input.withdrawnOn },
    });
  });
}
