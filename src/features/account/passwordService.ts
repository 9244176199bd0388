// Changing your own password: check the current one, refuse a weak new one, store its argon2 hash,
// audit the change and end the user's other sessions (this one stays signed in).
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { audit } from '../../platform/audit/audit.ts';

export const PasswordChange = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password' })
      .min(1, 'Enter your current password')
      .max(1000, 'Your current password is not correct'),
    newPassword: z
      .string({ error: 'Enter a new password' })
      .min(1, 'Enter a new password')
      .min(
        MIN_PASSWORD_LENGTH,
        `Password must be ${String(MIN_PASSWORD_LENGTH)} characters or more`,
      )
      .max(200, 'Password must be 200 characters or fewer'),
    confirmPassword: z.string({ error: 'Enter the new password again' }),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword === '')
      ctx.addIssue({
        code: 'custom',
        path: ['confirmPassword'],
        message: 'Enter the new password again',
      });
    else if (v.confirmPassword !== v.newPassword)
      ctx.addIssue({
        code: 'custom',
        path: ['confirmPassword'],
        message: 'Enter the same new password twice',
      });
  });
export type PasswordChange = z.output<typeof PasswordChange>;

export type ChangeOutcome =
  { ok: true; sessionsEnded: number } | { ok: false; field: keyof PasswordChange; message: string };

/** Whether the user has a local password at all (an OpenID Connect user may not). */
export async function hasLocalPassword(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return Boolean(row?.password_hash);
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: PasswordChange,
  keepSessionId: string,
): Promise<ChangeOutcome> {
  const user = await db
    .selectFrom('app_user')
    .select(['username', 'password_hash'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword)))
    return { ok: false, field: 'currentPassword', message: 'Your current password is not correct' };
  if (input.newPassword.trim().toLowerCase() === user.username.toLowerCase())
    return {
      ok: false,
      field: 'newPassword',
      message: 'Your new password must not be your username',
    };
  if (input.newPassword === input.currentPassword)
    return {
      ok: false,
      field: 'newPassword',
      message: 'Your new password must be different from your current password',
    };
  const hash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set((eb) => ({ password_hash: hash, version: eb('version', '+', 1) }))
      .where('id', '=', actor.userId)
      .execute();
    const ended = await trx
      .deleteFrom('session')
      .where((eb) =>
        eb.and([
          eb(
            eb.cast(eb.ref('sess'), 'jsonb'),
            '@>',
            JSON.stringify({ userId: actor.userId }) as never,
          ),
          eb('sid', '<>', keepSessionId),
        ]),
      )
      .executeTakeFirst();
    const sessionsEnded = Number(ended.numDeletedRows);
    await audit(trx, actor, {
      action: 'update',
      recordType: 'user',
      recordId: actor.userId,
      detail: { passwordChanged: true, otherSessionsEnded: sessionsEnded },
    });
    return { ok: true, sessionsEnded };
  });
}
