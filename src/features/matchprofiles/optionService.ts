// Placement options and their match profiles (the languages and religions matching scores,
// src/domain/matching/match.ts). The list is every option matching considers today, filtered by
// kind and "not recorded" and paged in SQL; one option is read by its key (any household, home or
// supported accommodation service, or an independent fostering agency); a change checks the
// version read (0 when nothing was recorded), inserts on the first save and is audited with the
// values before and after, in one transaction.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import {
  can,
  ForbiddenError,
  NotFoundError,
  type Permission,
} from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireAny } from '../recording/childLock.ts';
import { StaleVersion } from '../recording/problems.ts';
import type { KeyKind, OptionKey } from './keys.ts';
import {
  LIST_KINDS,
  type ListKind,
  type OptionList,
  type OptionsQuery,
  type PlacementOption,
  type ProfileInput,
} from './schemas.ts';

type Q = Db | Transaction<Database>;

export const OPTIONS_PAGE_SIZE = 50;

/** Who may see placement options. */
export const READERS: readonly Permission[] = ['placement:read', 'carer:read', 'home:read'];

/** Who may change the profile of each kind of option. */
export const WRITERS: Record<KeyKind, readonly Permission[]> = {
  household: ['carer:write', 'placement:manage'],
  home: ['home:write', 'placement:manage'],
  supported: ['home:write', 'placement:manage'],
  provider: ['placement:manage'],
};

export function mayChange(actor: Actor, kind: KeyKind): boolean {
  return WRITERS[kind].some((p) => can(actor, p));
}

const keyKindOf = (key: string): KeyKind => key.slice(0, key.indexOf(':')) as KeyKind;

interface Row {
  key: string;
  kind: ListKind;
  name: string;
  postcode: string | null;
  languages: string[] | null;
  religions: string[] | null;
  version: number | null;
}

function toOption(actor: Actor, r: Row): PlacementOption {
  return {
    key: r.key,
    kind: r.kind,
    kindLabel: LIST_KINDS[r.kind],
    name: r.name,
    postcode: r.postcode,
    languages: r.version === null ? null : (r.languages ?? []),
    religions: r.version === null ? null : (r.religions ?? []),
    version: r.version ?? 0,
    canChange: mayChange(actor, keyKindOf(r.key)),
  };
}

/**
 * Every option matching considers today (src/features/placements/candidates.ts): mainstream
 * households approved, under Regulation 24 or on hold; homes and supported accommodation not
 * closed; independent fostering agencies. Names as the matches page shows them.
 */
const options = (today: string) => sql`
  select 'household:' || h.id as key, 'in_house_fostering' as kind, h.name as name,
    h.postcode as postcode, 1 as ord
  from fostering_household h
  where h.approval_type = 'mainstream' and h.status in ('approved', 'reg24', 'on_hold')
  union all
  select 'home:' || h.id,
    case when p.kind = 'in_house' then 'in_house_home' else 'external_home' end,
    case when p.kind = 'in_house' then h.name else h.name || ' (' || p.name || ')' end,
    h.postcode, case when p.kind = 'in_house' then 2 else 3 end
  from home h join provider p on p.id = h.provider_id
  where h.closed_on is null or h.closed_on > ${today}::date
  union all
  select 'supported:' || s.id, 'supported_accommodation', s.name || ' (' || p.name || ')',
    s.postcode, 4
  from supported_accommodation s join provider p on p.id = s.provider_id
  where s.closed_on is null or s.closed_on > ${today}::date
  union all
  select 'provider:' || p.id, 'ifa', p.name, p.postcode, 5
  from provider p
  where p.kind = 'ifa'`;

export async function listOptions(
  db: Db,
  actor: Actor,
  f: OptionsQuery,
  today: string,
): Promise<OptionList> {
  requireAny(actor, READERS);
  return db.transaction().execute(async (trx) => {
    const where = sql`where ${f.kind ? sql`o.kind = ${f.kind}` : sql`true`}
      and ${f.notRecorded ? sql`mp.option_key is null` : sql`true`}`;
    const from = sql`from (${options(today)}) o
      left join match_profile mp on mp.option_key = o.key ${where}`;
    const total = await sql<{ n: number }>`select count(*)::int as n ${from}`.execute(trx);
    const rows = await sql<Row>`
      select o.key, o.kind, o.name, o.postcode, mp.languages, mp.religions, mp.version
      ${from}
      order by o.ord, lower(o.name), o.key
      limit ${OPTIONS_PAGE_SIZE} offset ${(f.page - 1) * OPTIONS_PAGE_SIZE}`.execute(trx);
    await audit(trx, actor, { action: 'list', recordType: 'match_profile' });
    return {
      options: rows.rows.map((r) => toOption(actor, r)),
      page: f.page,
      pageSize: OPTIONS_PAGE_SIZE,
      total: total.rows[0]?.n ?? 0,
    };
  });
}

/** The option behind a key, whatever its status (a household in assessment may be recorded). */
async function optionRow(
  db: Q,
  k: OptionKey,
): Promise<Omit<Row, 'languages' | 'religions' | 'version'> | undefined> {
  if (k.kind === 'household') {
    const h = await db
      .selectFrom('fostering_household')
      .select(['name', 'postcode'])
      .where('id', '=', k.id)
      .executeTakeFirst();
    return h && { key: k.key, kind: 'in_house_fostering', name: h.name, postcode: h.postcode };
  }
  if (k.kind === 'home') {
    const h = await db
      .selectFrom('home')
      .innerJoin('provider', 'provider.id', 'home.provider_id')
      .select(['home.name', 'home.postcode', 'provider.kind', 'provider.name as provider_name'])
      .where('home.id', '=', k.id)
      .executeTakeFirst();
    if (!h) return undefined;
    const inHouse = h.kind === 'in_house';
    return {
      key: k.key,
      kind: inHouse ? 'in_house_home' : 'external_home',
      name: inHouse ? h.name : `${h.name} (${h.provider_name})`,
      postcode: h.postcode,
    };
  }
  if (k.kind === 'supported') {
    const s = await db
      .selectFrom('supported_accommodation as s')
      .innerJoin('provider', 'provider.id', 's.provider_id')
      .select(['s.name', 's.postcode', 'provider.name as provider_name'])
      .where('s.id', '=', k.id)
      .executeTakeFirst();
    return (
      s && {
        key: k.key,
        kind: 'supported_accommodation',
        name: `${s.name} (${s.provider_name})`,
        postcode: s.postcode,
      }
    );
  }
  const p = await db
    .selectFrom('provider')
    .select(['name', 'postcode'])
    .where('id', '=', k.id)
    .where('kind', '=', 'ifa')
    .executeTakeFirst();
  return p && { key: k.key, kind: 'ifa', name: p.name, postcode: p.postcode };
}

async function loadOption(trx: Transaction<Database>, actor: Actor, k: OptionKey, lock = false) {
  const row = await optionRow(trx, k);
  if (!row) throw new NotFoundError();
  let q = trx
    .selectFrom('match_profile')
    .select(['languages', 'religions', 'version'])
    .where('option_key', '=', k.key);
  if (lock) q = q.forUpdate();
  const profile = await q.executeTakeFirst();
  return toOption(actor, {
    ...row,
    languages: profile?.languages ?? null,
    religions: profile?.religions ?? null,
    version: profile?.version ?? null,
  });
}

export async function readOption(db: Db, actor: Actor, k: OptionKey): Promise<PlacementOption> {
  requireAny(actor, READERS);
  return db.transaction().execute(async (trx) => {
    const option = await loadOption(trx, actor, k);
    await audit(trx, actor, { action: 'read', recordType: 'match_profile', recordId: k.key });
    return option;
  });
}

const profileOf = (o: PlacementOption) =>
  o.version === 0 ? null : { languages: o.languages, religions: o.religions };

/**
 * Save the option's languages and religions. 403 without a reader's or this kind's writer's
 * permission; 404 for an unknown option; StaleVersion (with what is stored) when `version` is not
 * the one stored, and nothing is saved.
 */
export async function saveProfile(
  db: Db,
  actor: Actor,
  k: OptionKey,
  input: ProfileInput,
): Promise<PlacementOption> {
  requireAny(actor, READERS);
  return db.transaction().execute(async (trx) => {
    const before = await loadOption(trx, actor, k, true);
    if (!before.canChange) throw new ForbiddenError();
    if (before.version !== input.version) throw new StaleVersion(before);
    const values = { languages: input.languages, religions: input.religions };
    if (before.version === 0) {
      const made = await trx
        .insertInto('match_profile')
        .values({ option_key: k.key, ...values, version: 1 })
        .onConflict((oc) => oc.column('option_key').doNothing())
        .returning('version')
        .executeTakeFirst();
      // Someone else saved the first profile after this one was read (and after the lock above).
      if (!made) throw new StaleVersion(await loadOption(trx, actor, k));
    } else {
      await trx
        .updateTable('match_profile')
        .set({ ...values, version: before.version + 1 })
        .where('option_key', '=', k.key)
        .where('version', '=', before.version)
        .execute();
    }
    const after = await loadOption(trx, actor, k);
    await audit(trx, actor, {
      action: before.version === 0 ? 'create' : 'update',
      recordType: 'match_profile',
      recordId: k.key,
      detail: { name: after.name, before: profileOf(before), after: profileOf(after) },
    });
    return after;
  });
}
