// Links from a report to children's records, for a return exported from Hearth: a CHILD id that is
// a child's local_id, for a child in the actor's scope (filtered in SQL, so a child the user may not
// see is never linked, nor its existence revealed). Only when the return's LA code is this
// authority's: another council's CHILD ids are not ours.
import type { Db } from '../../db/connect.ts';
import { can } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';

const CHUNK = 1000;

/** local_id → child.id for the ids given that are in the record and in scope. */
export async function childLinks(
  db: Db,
  actor: Actor,
  localIds: readonly string[],
  opts: ScopeOptions,
): Promise<Map<string, number>> {
  const links = new Map<string, number>();
  if (!can(actor, 'child:read') || localIds.length === 0) return links;
  for (let at = 0; at < localIds.length; at += CHUNK) {
    const rows = await db
      .selectFrom('child')
      .select(['child.id', 'child.local_id'])
      .where('child.local_id', 'in', localIds.slice(at, at + CHUNK))
      .where(childScope(actor, opts))
      .execute();
    for (const r of rows) links.set(r.local_id, r.id);
  }
  return links;
}
