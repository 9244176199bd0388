// The start of every write to a child's record: inside the transaction, check the actor may write
// this kind of fact and sees the child (else "not found"), and lock the child's row (SELECT ... FOR
// UPDATE) so concurrent changes to one child's record run one after the other.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  ForbiddenError,
  NotFoundError,
  can,
  type Permission,
} from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { childScope, type ScopeOptions } from '../children/scope.ts';

export type Trx = Transaction<Database>;

export interface LockedChild {
  id: number;
  dateOfBirth: string;
  firstName: string;
  lastName: string;
}

/** Refuses (403) an actor none of whose roles give any of `permissions`. */
export function requireAny(actor: Actor, permissions: readonly Permission[]): void {
  if (!permissions.some((p) => can(actor, p))) throw new ForbiddenError();
}

export async function lockChild(
  trx: Trx,
  actor: Actor,
  childId: number,
  scope: ScopeOptions,
): Promise<LockedChild> {
  const row = await trx
    .selectFrom('child')
    .select(['child.id', 'child.date_of_birth', 'child.first_name', 'child.last_name'])
    .where('child.id', '=', childId)
    .where(childScope(actor, scope))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError();
  return {
    id: row.id,
    dateOfBirth: row.date_of_birth,
    firstName: row.first_name,
    lastName: row.last_name,
  };
}
