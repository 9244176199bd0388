// Managing user accounts: every function checks the actor may manage users, works in one
// transaction and audits what it did. Edits use optimistic locking on app_user.version.
import type { Transaction } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import { NotFoundError, requirePermission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { isRole, type Role } from '../../platform/access/roles.ts';
import { generatePassword, hashPassword } from '../../platform/auth/password.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { NewUserInput, UserInput } from './schemas.ts';

/** A problem with one field that only the database can see (a taken username, a missing team). */
export class FieldProblem extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  roles: Role[];
  teamId: number | null;
  teamName: string | null;
  fte: number;
  agency: boolean;
  disabled: boolean;
  signsInWith: 'password' | 'council account' | 'password or council account' | 'nothing yet';
  lastSignInAt: string | null;
  version: number;
}

function userQuery(db: Db | Transaction<Database>) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('team as t', 't.id', 'u.team_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.email',
      'u.phone',
      'u.roles',
      'u.team_id',
      't.name as team_name',
      'u.fte',
      'u.agency',
      'u.disabled',
      'u.password_hash',
      'u.oidc_subject',
      'u.last_sign_in_at',
      'u.version',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

function toView(r: Row): UserView {
  const pw = r.password_hash !== null;
  const oidc = r.oidc_subject !== null;
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    phone: r.phone,
    roles: r.roles.filter(isRole),
    teamId: r.team_id,
    teamName: r.team_name,
    fte: r.fte,
    agency: r.agency,
    disabled: r.disabled,
    signsInWith:
      pw && oidc
        ? 'password or council account'
        : pw
          ? 'password'
          : oidc
            ? 'council account'
            : 'nothing yet',
    lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at).toISOString() : null,
    version: r.version,
  };
}

export async function listUsers(db: Db, actor: Actor): Promise<UserView[]> {
  requirePermission(actor, 'user:manage');
  return db.transaction().execute(async (trx) => {
    const rows = await userQuery(trx).orderBy('u.disabled').orderBy('u.display_name').execute();
    await audit(trx, actor, { action: 'list', recordType: 'user', detail: { count: rows.length } });
    return rows.map(toView);
  });
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<UserView> {
  requirePermission(actor, 'user:manage');
  return db.transaction().execute(async (trx) => {
    const row = await userQuery(trx).where('u.id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError();
    await audit(trx, actor, { action: 'read', recordType: 'user', recordId: id });
    return toView(row);
  });
}

async function checkUnique(trx: Transaction<Database>, username: string, exceptId: number | null) {
  let q = trx
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()));
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst())
    throw new FieldProblem('username', 'That username is already taken: choose another');
}

async function checkTeam(trx: Transaction<Database>, teamId: number | null) {
  if (teamId === null) return;
  const team = await trx
    .selectFrom('team')
    .select('id')
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw new FieldProblem('teamId', 'Select a team from the list');
}

/** Create a user. With no password given, one is generated and returned (shown once). */
export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUserInput,
): Promise<{ id: number; password: string }> {
  requirePermission(actor, 'user:manage');
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const id = await db.transaction().execute(async (trx) => {
    await checkUnique(trx, input.username, null);
    await checkTeam(trx, input.teamId);
    const row = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        email: input.email,
        phone: input.phone,
        password_hash: passwordHash,
        oidc_subject: null,
        roles: input.roles,
        team_id: input.teamId,
        fte: input.fte,
        agency: input.agency,
        created_at: new Date(),
        last_sign_in_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: 'create',
      recordType: 'user',
      recordId: row.id,
      detail: { username: input.username, roles: input.roles, teamId: input.teamId },
    });
    return row.id;
  });
  return { id, password };
}

export type UpdateResult = { ok: true; user: UserView } | { ok: false; current: UserView };

/** Update unless someone else changed the user since `version` was read: then nothing is written. */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  input: UserInput,
): Promise<UpdateResult> {
  requirePermission(actor, 'user:manage');
  return db.transaction().execute(async (trx) => {
    const existing = await userQuery(trx).where('u.id', '=', id).executeTakeFirst();
    if (!existing) throw new NotFoundError();
    if (existing.version !== version) return { ok: false, current: toView(existing) };
    await checkUnique(trx, input.username, id);
    await checkTeam(trx, input.teamId);
    const updated = await trx
      .updateTable('app_user')
      .set((eb) => ({
        username: input.username,
        display_name: input.displayName,
        email: input.email,
        phone: input.phone,
        roles: input.roles,
        team_id: input.teamId,
        fte: input.fte,
        agency: input.agency,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const current = await userQuery(trx).where('u.id', '=', id).executeTakeFirstOrThrow();
      return { ok: false, current: toView(current) };
    }
    await audit(trx, actor, {
      action: 'update',
      recordType: 'user',
      recordId: id,
      detail: { roles: input.roles, teamId: input.teamId, fromVersion: version },
    });
    const user = toView(await userQuery(trx).where('u.id', '=', id).executeTakeFirstOrThrow());
    return { ok: true, user };
  });
}

export async function setDisabled(
  db: Db,
  actor: Actor,
  id: number,
  disabled: boolean,
): Promise<UserView> {
  requirePermission(actor, 'user:manage');
  if (disabled && id === actor.userId)
    throw new FieldProblem('disabled', 'You cannot disable your own account');
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('app_user')
      .set((eb) => ({ disabled, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new NotFoundError();
    if (disabled) {
      // Sign the user out everywhere: their sessions end and their tokens stop working.
      await trx
        .deleteFrom('session')
        .where((eb) =>
          eb(eb.cast(eb.ref('sess'), 'jsonb'), '@>', JSON.stringify({ userId: id }) as never),
        )
        .execute();
    }
    await audit(trx, actor, {
      action: 'update',
      recordType: 'user',
      recordId: id,
      detail: { disabled },
    });
    return toView(await userQuery(trx).where('u.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Set a new generated password and return it (shown once to the administrator). */
export async function resetPassword(db: Db, actor: Actor, id: number): Promise<string> {
  requirePermission(actor, 'user:manage');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('app_user')
      .set((eb) => ({ password_hash: passwordHash, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new NotFoundError();
    await audit(trx, actor, {
      action: 'update',
      recordType: 'user',
      recordId: id,
      detail: { passwordReset: true },
    });
  });
  return password;
}

/** Find a user's id by username (for the CLI). */
export async function userIdByUsername(db: Db, username: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.trim().toLowerCase()))
    .executeTakeFirst();
  return row?.id;
}
