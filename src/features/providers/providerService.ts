// Providers and their homes: beds, occupancy now (open placements), Ofsted URN and grade. Children
// in a home are named only when the actor may see them (childScope, in SQL); the rest are counted.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import {
  OFSTED_GRADE_LABELS,
  PROVIDER_KIND_LABELS,
  codeAndMeaning,
  meaning,
} from '../children/codes.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';
import { postcodeDistrict } from '../children/summary.ts';

const occupied = sql<number>`(select count(*)::int from placement p where p.home_id = home.id and p.start_date <= current_date and (p.end_date is null or p.end_date >= current_date))`;

export interface HomeSummary {
  id: number;
  name: string;
  beds: number;
  occupied: number;
  urn: string | null;
  grade: string | null;
  postcodeDistrict: string | null;
  closedOn: string | null;
}

export interface ProviderView {
  id: number;
  name: string;
  kind: string;
  placeProvider: string;
  ofstedUrn: string | null;
  grade: string | null;
  postcodeDistrict: string | null;
  /** An independent fostering agency: matching offers it, with its languages and religions. */
  isAgency: boolean;
  homes: HomeSummary[];
}

export async function readProvider(db: Db, actor: Actor, id: number): Promise<ProviderView> {
  requirePermission(actor, 'placement:read');
  return db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('provider').selectAll().where('id', '=', id).executeTakeFirst();
    if (!p) throw new NotFoundError();
    const homes = await trx
      .selectFrom('home')
      .select([
        'home.id',
        'home.name',
        'home.beds',
        'home.urn',
        'home.grade',
        'home.postcode',
        'home.closed_on',
      ])
      .select(occupied.as('occupied'))
      .where('home.provider_id', '=', id)
      .orderBy('home.name')
      .execute();
    await audit(trx, actor, { action: 'read', recordType: 'provider', recordId: id });
    return {
      id: p.id,
      name: p.name,
      kind: PROVIDER_KIND_LABELS[p.kind] ?? p.kind,
      placeProvider: codeAndMeaning('PLACE_PROVIDER', p.place_provider),
      ofstedUrn: p.ofsted_urn,
      grade: p.grade ? (OFSTED_GRADE_LABELS[p.grade] ?? p.grade) : null,
      postcodeDistrict: postcodeDistrict(p.postcode),
      isAgency: p.kind === 'ifa',
      homes: homes.map((h) => ({
        id: h.id,
        name: h.name,
        beds: h.beds,
        occupied: h.occupied,
        urn: h.urn,
        grade: h.grade ? (OFSTED_GRADE_LABELS[h.grade] ?? h.grade) : null,
        postcodeDistrict: postcodeDistrict(h.postcode),
        closedOn: h.closed_on,
      })),
    };
  });
}

export interface HomeView extends HomeSummary {
  provider: { id: number; name: string; kind: string };
  specialist: boolean;
  categories: string[];
  children: { id: number; name: string; placeType: string; since: string }[];
  otherChildren: number;
}

export async function readHome(
  db: Db,
  actor: Actor,
  id: number,
  opts: ScopeOptions,
): Promise<HomeView> {
  requirePermission(actor, 'placement:read');
  return db.transaction().execute(async (trx) => {
    const h = await trx
      .selectFrom('home')
      .innerJoin('provider as pr', 'pr.id', 'home.provider_id')
      .selectAll('home')
      .select(['pr.name as provider_name', 'pr.kind as provider_kind'])
      .select(occupied.as('occupied'))
      .where('home.id', '=', id)
      .executeTakeFirst();
    if (!h) throw new NotFoundError();
    const placed = await trx
      .selectFrom('placement as p')
      .innerJoin('child', 'child.id', 'p.child_id')
      .select([
        'child.id',
        'child.first_name',
        'child.preferred_name',
        'child.last_name',
        'p.place_type',
        'p.start_date',
      ])
      .select(sql<boolean>`${childScope(actor, opts)}`.as('visible'))
      .where('p.home_id', '=', id)
      .where('p.start_date', '<=', sql<string>`current_date`)
      .where((eb) =>
        eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', sql<string>`current_date`)]),
      )
      .orderBy('p.start_date')
      .execute();
    await audit(trx, actor, { action: 'read', recordType: 'home', recordId: id });
    const visible = placed.filter((p) => p.visible);
    return {
      id: h.id,
      name: h.name,
      beds: h.beds,
      occupied: h.occupied,
      urn: h.urn,
      grade: h.grade ? (OFSTED_GRADE_LABELS[h.grade] ?? h.grade) : null,
      postcodeDistrict: postcodeDistrict(h.postcode),
      closedOn: h.closed_on,
      provider: {
        id: h.provider_id,
        name: h.provider_name,
        kind: PROVIDER_KIND_LABELS[h.provider_kind] ?? h.provider_kind,
      },
      specialist: h.specialist,
      categories: h.categories,
      children: visible.map((p) => ({
        id: p.id,
        name: `${p.preferred_name ?? p.first_name} ${p.last_name}`,
        placeType: `${p.place_type}: ${meaning('PLACE', p.place_type) ?? ''}`,
        since: p.start_date,
      })),
      otherChildren: placed.length - visible.length,
    };
  });
}
