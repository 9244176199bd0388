// A placement's agreed weekly cost (placement.weekly_cost, whole pounds; null = not known), listed
// and changed by placement officers (placement:manage). Children outside the viewer's scope are
// "not found"; every read and change is audited; changes use the placement's version.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { IsoDate } from '../../domain/care/index.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';
import type { CostInput } from './schemas.ts';

export interface PlacementCost {
  id: number;
  childId: number;
  childName: string;
  localId: string;
  placeType: string;
  start: string;
  end: string | null;
  weeklyCost: number | null;
  version: number;
}

/** Someone else changed the placement since it was read: `current` is what is stored now. */
export class StaleCost extends Error {
  readonly current: PlacementCost;
  constructor(current: PlacementCost) {
    super('The placement was changed by someone else');
    this.current = current;
  }
}

function base(db: Db, actor: Actor, opts: ScopeOptions) {
  return db
    .selectFrom('placement')
    .innerJoin('child', 'child.id', 'placement.child_id')
    .select([
      'placement.id',
      'placement.child_id',
      'child.first_name',
      'child.last_name',
      'child.local_id',
      'placement.place_type',
      'placement.start_date',
      'placement.end_date',
      'placement.weekly_cost',
      'placement.version',
    ])
    .where(childScope(actor, opts));
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function toCost(r: Row): PlacementCost {
  return {
    id: r.id,
    childId: r.child_id,
    childName: `${r.first_name} ${r.last_name}`,
    localId: r.local_id,
    placeType: r.place_type,
    start: r.start_date,
    end: r.end_date,
    weeklyCost: r.weekly_cost,
    version: r.version,
  };
}

export interface CostList {
  placements: PlacementCost[];
  notRecorded: number;
}

/** Placements open on `today` (not ended by it), those with no cost first. */
export async function listCosts(
  db: Db,
  actor: Actor,
  today: IsoDate,
  opts: ScopeOptions,
  onlyMissing: boolean,
): Promise<CostList> {
  requirePermission(actor, 'placement:manage');
  return db.transaction().execute(async (trx) => {
    let q = base(trx, actor, opts)
      .where('placement.start_date', '<=', today)
      .where((eb) =>
        eb.or([eb('placement.end_date', 'is', null), eb('placement.end_date', '>', today)]),
      );
    if (onlyMissing) q = q.where('placement.weekly_cost', 'is', null);
    const rows = await q
      .orderBy(sql`placement.weekly_cost is null`, 'desc')
      .orderBy('child.last_name')
      .orderBy('placement.id')
      .execute();
    await audit(trx, actor, {
      action: 'list',
      recordType: 'placement-costs',
      detail: { today, onlyMissing, count: rows.length },
    });
    const placements = rows.map(toCost);
    return { placements, notRecorded: placements.filter((p) => p.weeklyCost === null).length };
  });
}

export async function readCost(
  db: Db,
  actor: Actor,
  placementId: number,
  opts: ScopeOptions,
): Promise<PlacementCost> {
  requirePermission(actor, 'placement:manage');
  return db.transaction().execute(async (trx) => {
    const r = await base(trx, actor, opts)
      .where('placement.id', '=', placementId)
      .executeTakeFirst();
    if (!r) throw new NotFoundError();
    await audit(trx, actor, {
      action: 'read',
      recordType: 'placement',
      recordId: r.id,
      childId: r.child_id,
      detail: { what: 'weekly cost' },
    });
    return toCost(r);
  });
}

export async function saveCost(
  db: Db,
  actor: Actor,
  placementId: number,
  input: CostInput,
  opts: ScopeOptions,
): Promise<PlacementCost> {
  requirePermission(actor, 'placement:manage');
  return db.transaction().execute(async (trx) => {
    const r = await base(trx, actor, opts)
      .where('placement.id', '=', placementId)
      .forUpdate('placement')
      .executeTakeFirst();
    if (!r) throw new NotFoundError();
    const current = toCost(r);
    if (current.version !== input.version) throw new StaleCost(current);
    await trx
      .updateTable('placement')
      .set({ weekly_cost: input.weeklyCost, version: current.version + 1 })
      .where('id', '=', placementId)
      .where('version', '=', current.version)
      .execute();
    await audit(trx, actor, {
      action: 'update',
      recordType: 'placement',
      recordId: placementId,
      childId: current.childId,
      detail: {
        weeklyCost: { from: current.weeklyCost, to: input.weeklyCost },
        fromVersion: current.version,
      },
    });
    return { ...current, weeklyCost: input.weeklyCost, version: current.version + 1 };
  });
}
