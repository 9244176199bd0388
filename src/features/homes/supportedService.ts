// 16+ supported accommodation services and the council's quality visits to them. Anyone with
// home:read sees the list; recording a visit needs home:write or placement:manage (the placement
// and commissioning team makes these visits). A visit is due QUALITY_VISIT_MONTHS after the last.
// Occupancy: the placements open today that name the service (placedInService in occupancy.ts, the
// one definition shared with the placements' matching and the sufficiency view); free places are
// its places less those.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import {
  can,
  ForbiddenError,
  NotFoundError,
  requirePermission,
} from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { postcodeDistrict } from '../children/summary.ts';
import type { QualityVisitInput } from './schemas.ts';
import { VisitProblems } from './homeService.ts';
import { placedInService } from './occupancy.ts';
import { qualityVisitDue } from './visits.ts';

export const SUPPORTED_PLACE_TYPES = ['K3', 'H5'] as const;

export interface SupportedListItem {
  id: number;
  name: string;
  provider: { id: number; name: string };
  postcodeDistrict: string | null;
  places: number;
  /** Young people whose placement open today names this service. */
  placed: number;
  /** Places less placed, never below 0 (an over-full service shows placed > places). */
  free: number;
  ofstedUrn: string | null;
  lastVisit: string | null;
  lastRating: string | null;
  due: string;
  overdue: boolean;
}

export interface SupportedView extends SupportedListItem {
  visits: {
    id: number;
    visitDate: string;
    visitor: string;
    rating: string;
    notes: string | null;
  }[];
  canRecord: boolean;
}

function query(db: Db, today: string) {
  return db
    .selectFrom('supported_accommodation as sa')
    .innerJoin('provider', 'provider.id', 'sa.provider_id')
    .select([
      'sa.id',
      'sa.name',
      'sa.postcode',
      'sa.places',
      'sa.ofsted_urn',
      'provider.id as provider_id',
      'provider.name as provider_name',
    ])
    .select(placedInService('sa', today).as('placed'))
    .select(
      sql<
        string | null
      >`(select max(q.visit_date)::text from quality_visit q where q.supported_accommodation_id = sa.id and q.visit_date <= ${today})`.as(
        'last_visit',
      ),
    )
    .select(
      sql<
        string | null
      >`(select q.rating from quality_visit q where q.supported_accommodation_id = sa.id and q.visit_date <= ${today} order by q.visit_date desc, q.id desc limit 1)`.as(
        'last_rating',
      ),
    )
    .where((eb) => eb.or([eb('sa.closed_on', 'is', null), eb('sa.closed_on', '>', today)]));
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

function item(r: Row, today: string): SupportedListItem {
  const due = qualityVisitDue(r.last_visit, today);
  return {
    id: r.id,
    name: r.name,
    provider: { id: r.provider_id, name: r.provider_name },
    postcodeDistrict: postcodeDistrict(r.postcode),
    places: r.places,
    placed: r.placed,
    free: Math.max(0, r.places - r.placed),
    ofstedUrn: r.ofsted_urn,
    lastVisit: r.last_visit,
    lastRating: r.last_rating,
    due: due.due,
    overdue: due.overdue,
  };
}

export async function listSupported(
  db: Db,
  actor: Actor,
  today: string,
): Promise<SupportedListItem[]> {
  requirePermission(actor, 'home:read');
  return db.transaction().execute(async (trx) => {
    const rows = await query(trx, today).orderBy('sa.name').execute();
    await audit(trx, actor, { action: 'list', recordType: 'supported_accommodation' });
    return rows.map((r) => item(r, today));
  });
}

export async function readSupported(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
): Promise<SupportedView> {
  requirePermission(actor, 'home:read');
  return db.transaction().execute(async (trx) => {
    const r = await query(trx, today).where('sa.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError();
    const visits = await trx
      .selectFrom('quality_visit')
      .selectAll()
      .where('supported_accommodation_id', '=', id)
      .orderBy('visit_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    await audit(trx, actor, {
      action: 'read',
      recordType: 'supported_accommodation',
      recordId: id,
    });
    return {
      ...item(r, today),
      visits: visits.map((v) => ({
        id: v.id,
        visitDate: v.visit_date,
        visitor: v.visitor,
        rating: v.rating,
        notes: v.notes,
      })),
      canRecord: canRecordQuality(actor),
    };
  });
}

export function canRecordQuality(actor: Actor): boolean {
  return can(actor, 'home:write') || can(actor, 'placement:manage');
}

export async function recordQualityVisit(
  db: Db,
  actor: Actor,
  id: number,
  input: QualityVisitInput,
  today: string,
): Promise<{ id: number }> {
  requirePermission(actor, 'home:read');
  if (!canRecordQuality(actor)) throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const r = await query(trx, today).where('sa.id', '=', id).executeTakeFirst();
    if (!r) throw new NotFoundError();
    if (input.visitDate > today)
      throw new VisitProblems({ visitDate: 'The date of the visit must be today or in the past' });
    const row = await trx
      .insertInto('quality_visit')
      .values({
        supported_accommodation_id: id,
        visit_date: input.visitDate,
        visitor: input.visitor,
        rating: input.rating,
        notes: input.notes,
        recorded_by: actor.system ? null : actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'quality_visit',
      recordId: row.id,
      detail: { supportedAccommodationId: id },
    });
    return row;
  });
}
