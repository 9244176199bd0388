// The two halves of every edit form, in one place: reading a stored record for its form (a 'read'
// audited in the same transaction) and saving a change with optimistic locking (the version read
// with the form must still be the stored one, else StaleVersion with the current values and nothing
// written). Both run in a transaction that has locked the child's row, so checks and writes for one
// child happen one after the other.
import { formatUkDate } from '../../domain/dates/index.ts';
import { NotFoundError, type Permission } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Ctx } from './careService.ts';
import { lockChild, requireAny, type LockedChild, type Trx } from './childLock.ts';
import type { FieldProblem } from './fields.ts';
import { RecordProblems, StaleVersion, dateProblems } from './problems.ts';

export type Values = Record<string, unknown> & { version: number };

export interface RecordKind<V extends Values> {
  /** The audit record type, e.g. 'review'. */
  recordType: string;
  permissions: readonly Permission[];
  /** The record of this child as the form's values (undefined when it is not this child's). */
  load: (trx: Trx, childId: number, recordId: number) => Promise<V | undefined>;
}

/** The stored record for its edit form; audited as a read of the child's record. */
export async function readForEdit<V extends Values>(
  ctx: Ctx,
  kind: RecordKind<V>,
  childId: number,
  recordId: number,
): Promise<V> {
  requireAny(ctx.actor, kind.permissions);
  return ctx.db.transaction().execute(async (trx) => {
    await lockChild(trx, ctx.actor, childId, ctx.scope);
    const values = await kind.load(trx, childId, recordId);
    if (!values) throw new NotFoundError();
    await audit(trx, ctx.actor, {
      action: 'read',
      recordType: kind.recordType,
      recordId,
      childId,
      detail: { purpose: 'edit' },
    });
    return values;
  });
}

export interface Change<V extends Values> {
  version: number;
  /** Dates to check against the child's birth and today. */
  dates?: { field: string; what: string; value: string | null }[];
  /** Further checks with the stored values and the locked child; problems refuse the change. */
  checks?: (stored: V, child: LockedChild, trx: Trx) => Promise<FieldProblem[]> | FieldProblem[];
  /** Writes the change; must bump the version and match `version` in its WHERE. */
  write: (trx: Trx, child: LockedChild) => Promise<{ numUpdatedRows: bigint } | undefined>;
  detail: Record<string, unknown>;
}

/** Save a change to a stored record unless someone else saved it since `change.version` was read. */
export async function saveEdit<V extends Values>(
  ctx: Ctx,
  kind: RecordKind<V>,
  childId: number,
  recordId: number,
  change: Change<V>,
): Promise<void> {
  requireAny(ctx.actor, kind.permissions);
  await ctx.db.transaction().execute(async (trx) => {
    const child = await lockChild(trx, ctx.actor, childId, ctx.scope);
    const stored = await kind.load(trx, childId, recordId);
    if (!stored) throw new NotFoundError();
    if (stored.version !== change.version) throw new StaleVersion(stored);
    const problems = [
      ...dateProblems(
        change.dates ?? [],
        child.dateOfBirth,
        ctx.today,
        formatUkDate(child.dateOfBirth),
      ),
      ...(change.checks ? await change.checks(stored, child, trx) : []),
    ];
    if (problems.length > 0) throw new RecordProblems(problems);
    const result = await change.write(trx, child);
    if (result && result.numUpdatedRows !== 1n) throw new StaleVersion(stored);
    await audit(trx, ctx.actor, {
      action: 'update',
      recordType: kind.recordType,
      recordId,
      childId,
      detail: { ...change.detail, fromVersion: change.version },
    });
  });
}

/** readForEdit for one kind, in the shape FormDef.edit.load takes. */
export const reader =
  <V extends Values>(kind: RecordKind<V>) =>
  (ctx: Ctx, childId: number, recordId: number): Promise<V> =>
    readForEdit(ctx, kind, childId, recordId);
