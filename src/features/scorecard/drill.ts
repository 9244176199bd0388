// The children behind one figure, for staff with access to children: each child's part in the
// numerator and the denominator (src/domain/measures/drill.ts), limited in SQL to the children the
// viewer may see (childScope), with the view audited in the same transaction.
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/care/index.ts';
import { measureById, type Measure } from '../../domain/measures/index.ts';
import { childShares, DENOMINATOR_NOT_CHILDREN } from '../../domain/measures/drill.ts';
import { sliceAt } from '../../domain/measures/slice.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';
import { loadFor } from './service.ts';

export interface DrillChild {
  id: number;
  localId: string;
  name: string;
  dateOfBirth: string;
  numerator: number;
  denominator: number | null;
}

export interface Drill {
  measure: Measure;
  at: IsoDate;
  /** The denominator counts children (false for the child population and social workers). */
  denominatorIsChildren: boolean;
  /** Children with a part in the figure, across the whole authority. */
  total: number;
  /** Of those, the ones this viewer may see. */
  children: DrillChild[];
}

export function measureOr404(id: string): Measure {
  const m = measureById(id);
  if (!m) throw new NotFoundError();
  return m;
}

export async function drillDown(
  db: Db,
  actor: Actor,
  measureId: string,
  at: IsoDate,
  opts: ScopeOptions,
): Promise<Drill> {
  requirePermission(actor, 'child:read');
  const measure = measureOr404(measureId);
  const data = sliceAt(await loadFor(db, [at]), at);
  const shares = childShares(measure, data, at);
  const byLocal = new Map(shares.map((s) => [s.id, s]));
  return db.transaction().execute(async (trx) => {
    const rows =
      shares.length === 0
        ? []
        : await trx
            .selectFrom('child')
            .select([
              'child.id',
              'child.local_id',
              'child.first_name',
              'child.last_name',
              'child.date_of_birth',
            ])
            .where(
              'child.local_id',
              'in',
              shares.map((s) => s.id),
            )
            .where(childScope(actor, opts))
            .orderBy('child.last_name')
            .orderBy('child.first_name')
            .orderBy('child.id')
            .execute();
    await audit(trx, actor, {
      action: 'list',
      recordType: 'scorecard-children',
      recordId: measure.id,
      detail: { at, shown: rows.length, total: shares.length },
    });
    return {
      measure,
      at,
      denominatorIsChildren: !DENOMINATOR_NOT_CHILDREN.has(measure.id) && measure.unit !== 'count',
      total: shares.length,
      children: rows.map((r) => {
        const s = byLocal.get(r.local_id);
        return {
          id: r.id,
          localId: r.local_id,
          name: `${r.first_name} ${r.last_name}`,
          dateOfBirth: r.date_of_birth,
          numerator: s?.numerator ?? 0,
          denominator: s?.denominator ?? null,
        };
      }),
    };
  });
}
