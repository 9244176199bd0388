// Reading users as actors. The actor is reloaded on every request, so a disabled account or a
// changed role takes effect at once.
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../access/actor.ts';
import { isRole } from '../access/roles.ts';

export async function actorForUser(
  db: Db,
  userId: number,
  address: string | null,
): Promise<Actor | undefined> {
  const u = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'roles', 'team_id', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!u || u.disabled) return undefined;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles.filter(isRole),
    teamId: u.team_id,
    address,
  };
}

export function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.trim().toLowerCase()))
    .executeTakeFirst();
}
