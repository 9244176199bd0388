// Throttling of repeated sign-in failures, stored in sign_in_failure so it holds across restarts
// and instances: 5 failures for a username, or 20 from one address, within 15 minutes.
import type { Db } from '../../db/connect.ts';

export const WINDOW_MINUTES = 15;
export const MAX_PER_USERNAME = 5;
export const MAX_PER_ADDRESS = 20;
export const THROTTLE_MESSAGE = `Too many attempts. Wait ${WINDOW_MINUTES} minutes and try again.`;

export function throttleKeys(username: string, address: string | null) {
  return {
    user: `user:${username.trim().toLowerCase()}`,
    address: `addr:${address ?? 'unknown'}`,
  };
}

type Keys = ReturnType<typeof throttleKeys>;

async function failures(db: Db, key: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const row = await db
    .selectFrom('sign_in_failure')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function isThrottled(db: Db, keys: Keys, now = new Date()): Promise<boolean> {
  const [byUser, byAddress] = await Promise.all([
    failures(db, keys.user, now),
    failures(db, keys.address, now),
  ]);
  return byUser >= MAX_PER_USERNAME || byAddress >= MAX_PER_ADDRESS;
}

export async function recordFailure(db: Db, keys: Keys, now = new Date()): Promise<void> {
  await db
    .insertInto('sign_in_failure')
    .values([
      { key: keys.user, at: now },
      { key: keys.address, at: now },
    ])
    .execute();
}

/** A successful sign-in clears that username's failures (not the address's). */
export async function clearFailures(db: Db, keys: Keys): Promise<void> {
  await db.deleteFrom('sign_in_failure').where('key', '=', keys.user).execute();
}
