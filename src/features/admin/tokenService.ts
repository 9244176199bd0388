// Personal access tokens: created by an administrator for a user, shown once, stored as sha256,
// revocable. A token acts as its user, narrowed to its scopes.
import type { Db } from '../../db/connect.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { newToken } from '../../platform/auth/tokens.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { TokenInput } from './schemas.ts';
import { FieldProblem } from './userService.ts';

export interface TokenView {
  id: number;
  userId: number;
  username: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: 'active' | 'revoked' | 'expired';
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Expiry date 'YYYY-MM-DD' means the token works until the end of that day (UTC). */
export function expiryInstant(expiresOn: string): Date {
  return new Date(`${expiresOn}T23:59:59.999Z`);
}

export async function createToken(
  db: Db,
  actor: Actor,
  input: TokenInput,
  now = new Date(),
): Promise<{ id: number; token: string; prefix: string }> {
  requirePermission(actor, 'token:manage');
  if (input.expiresOn && expiryInstant(input.expiresOn) <= now)
    throw new FieldProblem('expiresOn', 'Expiry date must be in the future');
  const t = newToken();
  const id = await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('app_user')
      .select(['id', 'disabled'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!user || user.disabled) throw new FieldProblem('userId', 'Select an active user');
    const row = await trx
      .insertInto('api_token')
      .values({
        user_id: input.userId,
        name: input.name,
        token_hash: t.hash,
        prefix: t.prefix,
        scopes: input.scopes,
        created_by: actor.system ? null : actor.userId,
        created_at: now,
        expires_at: input.expiresOn ? expiryInstant(input.expiresOn) : null,
        revoked_at: null,
        last_used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'api_token',
      recordId: row.id,
      detail: {
        userId: input.userId,
        name: input.name,
        scopes: input.scopes,
        expiresOn: input.expiresOn,
        prefix: t.prefix,
      },
    });
    return row.id;
  });
  return { id, token: t.token, prefix: t.prefix };
}

export async function listTokens(db: Db, actor: Actor, now = new Date()): Promise<TokenView[]> {
  requirePermission(actor, 'token:manage');
  const rows = await db
    .selectFrom('api_token as k')
    .innerJoin('app_user as u', 'u.id', 'k.user_id')
    .select([
      'k.id',
      'k.user_id',
      'u.username',
      'k.name',
      'k.prefix',
      'k.scopes',
      'k.created_at',
      'k.expires_at',
      'k.revoked_at',
      'k.last_used_at',
    ])
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    username: r.username,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    createdAt: iso(r.created_at) ?? '',
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
    lastUsedAt: iso(r.last_used_at),
    status: r.revoked_at
      ? 'revoked'
      : r.expires_at && new Date(r.expires_at) <= now
        ? 'expired'
        : 'active',
  }));
}

export async function revokeToken(db: Db, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'token:manage');
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('api_token')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const exists = await trx
        .selectFrom('api_token')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!exists) throw new NotFoundError();
      return;
    }
    await audit(trx, actor, {
      action: 'update',
      recordType: 'api_token',
      recordId: id,
      detail: { revoked: true },
    });
  });
}
