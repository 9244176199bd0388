// Saving the authority's targets (optimistic locking) and comparator authorities' figures, audited.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { measureOr404 } from './drill.ts';
import type { ComparatorInput, TargetInput } from './schemas.ts';

export interface StoredTarget {
  target: number;
  direction: 'at-least' | 'at-most';
  amberWithin: number;
  note: string;
  version: number;
}

/** Someone else saved the target since it was read: `current` is what is stored now. */
export class StaleTarget extends Error {
  readonly current: StoredTarget | null;
  constructor(current: StoredTarget | null) {
    super('The target was changed by someone else');
    this.current = current;
  }
}

/** app_user.id of the actor; null for a system actor (CLI). */
export function userIdOf(actor: Actor): number | null {
  return actor.system ? null : actor.userId;
}

/** The same authority, measure and period already has a figure. */
export class DuplicateComparator extends Error {}

export async function readTarget(db: Db, measureId: string): Promise<StoredTarget | null> {
  const r = await db
    .selectFrom('scorecard_target')
    .selectAll()
    .where('measure_id', '=', measureId)
    .executeTakeFirst();
  return r
    ? {
        target: r.target,
        direction: r.direction,
        amberWithin: r.amber_within,
        note: r.note,
        version: r.version,
      }
    : null;
}

export async function saveTarget(
  db: Db,
  actor: Actor,
  measureId: string,
  input: TargetInput,
): Promise<StoredTarget> {
  requirePermission(actor, 'plan:write');
  measureOr404(measureId);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7300040, hashtext(${measureId}))`.execute(trx);
    const current = await readTarget(trx, measureId);
    if ((current?.version ?? 0) !== input.version) throw new StaleTarget(current);
    const values = {
      target: input.target,
      direction: input.direction,
      amber_within: input.amberWithin,
      note: input.note,
      updated_by: userIdOf(actor),
      updated_at: new Date(),
    };
    if (current)
      await trx
        .updateTable('scorecard_target')
        .set({ ...values, version: current.version + 1 })
        .where('measure_id', '=', measureId)
        .where('version', '=', current.version)
        .execute();
    else
      await trx
        .insertInto('scorecard_target')
        .values({ measure_id: measureId, ...values })
        .execute();
    await audit(trx, actor, {
      action: current ? 'update' : 'create',
      recordType: 'scorecard_target',
      recordId: measureId,
      detail: { from: current, to: { ...input } },
    });
    return { ...input, version: (current?.version ?? 0) + 1 };
  });
}

export async function addComparator(
  db: Db,
  actor: Actor,
  measureId: string,
  input: ComparatorInput,
): Promise<number> {
  requirePermission(actor, 'plan:write');
  measureOr404(measureId);
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('scorecard_comparator')
      .select('id')
      .where('measure_id', '=', measureId)
      .where('area', '=', input.area)
      .where('period', '=', input.period)
      .executeTakeFirst();
    if (clash) throw new DuplicateComparator();
    const row = await trx
      .insertInto('scorecard_comparator')
      .values({ measure_id: measureId, ...input, created_by: userIdOf(actor) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'scorecard_comparator',
      recordId: row.id,
      detail: { measureId, ...input },
    });
    return row.id;
  });
}

export async function deleteComparator(
  db: Db,
  actor: Actor,
  measureId: string,
  id: number,
): Promise<boolean> {
  requirePermission(actor, 'plan:write');
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('scorecard_comparator')
      .where('id', '=', id)
      .where('measure_id', '=', measureId)
      .returning(['area', 'period', 'value'])
      .executeTakeFirst();
    if (!gone) return false;
    await audit(trx, actor, {
      action: 'delete',
      recordType: 'scorecard_comparator',
      recordId: id,
      detail: { measureId, ...gone },
    });
    return true;
  });
}
