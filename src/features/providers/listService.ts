// The providers list: search by name, filter by kind and Ofsted grade, 50 a page, all in SQL.
// Each provider shows its homes, beds and children placed with it now (open placements naming it).
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { OFSTED_GRADE_LABELS, PROVIDER_KIND_LABELS } from '../children/codes.ts';
import { postcodeDistrict } from '../children/summary.ts';

export const PROVIDER_PAGE_SIZE = 50;

const blank = (v: unknown) => (v === '' ? undefined : v);

export const ProviderQuery = z.object({
  q: z.preprocess(
    blank,
    z.string().trim().max(100, 'Search must be 100 characters or fewer').optional(),
  ),
  kind: z.preprocess(
    blank,
    z
      .enum(Object.keys(PROVIDER_KIND_LABELS) as [string, ...string[]], {
        error: 'Select a kind of provider from the list',
      })
      .optional(),
  ),
  grade: z.preprocess(
    blank,
    z
      .enum(['none', ...Object.keys(OFSTED_GRADE_LABELS)] as [string, ...string[]], {
        error: 'Select an Ofsted grade from the list',
      })
      .optional(),
  ),
  page: z.preprocess(
    blank,
    z.coerce.number().int().min(1, 'Page must be 1 or more').max(100_000).default(1),
  ),
});
export type ProviderQuery = z.output<typeof ProviderQuery>;

export const ProviderListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  grade: z.string().nullable(),
  postcodeDistrict: z.string().nullable(),
  homes: z.number().int(),
  beds: z.number().int(),
  placedNow: z.number().int(),
  weeklyFee: z.number().int().nullable(),
});
export type ProviderListItem = z.output<typeof ProviderListItem>;

export const ProviderList = z.object({
  providers: z.array(ProviderListItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listProviders(
  db: Db,
  actor: Actor,
  f: ProviderQuery,
  today: string,
): Promise<z.output<typeof ProviderList>> {
  requirePermission(actor, 'placement:read');
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('provider');
    if (f.q)
      q = q.where(sql<boolean>`lower(provider.name) like ${`%${escapeLike(f.q.toLowerCase())}%`}`);
    if (f.kind) q = q.where('provider.kind', '=', f.kind as never);
    if (f.grade === 'none') q = q.where('provider.grade', 'is', null);
    else if (f.grade) q = q.where('provider.grade', '=', f.grade as never);
    const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select([
        'provider.id',
        'provider.name',
        'provider.kind',
        'provider.grade',
        'provider.postcode',
        'provider.weekly_fee',
      ])
      .select(
        sql<number>`(select count(*)::int from home h where h.provider_id = provider.id and (h.closed_on is null or h.closed_on > ${today}::date))`.as(
          'homes',
        ),
      )
      .select(
        sql<number>`(select coalesce(sum(h.beds), 0)::int from home h where h.provider_id = provider.id and (h.closed_on is null or h.closed_on > ${today}::date))`.as(
          'beds',
        ),
      )
      .select(
        sql<number>`(select count(*)::int from placement p where p.provider_id = provider.id and p.start_date <= ${today}::date and (p.end_date is null or p.end_date > ${today}::date))`.as(
          'placed',
        ),
      )
      .orderBy(sql`lower(provider.name)`)
      .orderBy('provider.id')
      .limit(PROVIDER_PAGE_SIZE)
      .offset((f.page - 1) * PROVIDER_PAGE_SIZE)
      .execute();
    await audit(trx, actor, { action: 'list', recordType: 'provider' });
    return {
      providers: rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: PROVIDER_KIND_LABELS[r.kind] ?? r.kind,
        grade: r.grade ? (OFSTED_GRADE_LABELS[r.grade] ?? r.grade) : null,
        postcodeDistrict: postcodeDistrict(r.postcode),
        homes: r.homes,
        beds: r.beds,
        placedNow: r.placed,
        weeklyFee: r.weekly_fee,
      })),
      page: f.page,
      pageSize: PROVIDER_PAGE_SIZE,
      total: total.n,
    };
  });
}
