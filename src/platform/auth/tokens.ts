// Personal access tokens: `hearth_` + 32 random bytes. Only the sha256 is stored; the first 12
// characters (the prefix) are kept so people can tell their tokens apart.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../access/actor.ts';
import { actorForUser } from './users.ts';

export const TOKEN_PREFIX_LENGTH = 12;

export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `hearth_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX_LENGTH) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The actor a bearer token acts as, or undefined if it is unknown, revoked, expired or disabled. */
export async function actorForToken(
  db: Db,
  token: string,
  address: string | null,
  now = new Date(),
): Promise<Actor | undefined> {
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'scopes', 'revoked_at', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  if (row.expires_at && new Date(row.expires_at).getTime() <= now.getTime()) return undefined;
  const actor = await actorForUser(db, row.user_id, address);
  if (!actor) return undefined;
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return { ...actor, tokenScopes: row.scopes };
}
