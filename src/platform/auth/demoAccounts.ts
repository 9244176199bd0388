// Demo accounts, one per role, all with one documented password. Created at start when demo mode is
// on and they are missing. In production (NODE_ENV=production) only when HEARTH_DEMO=true is set
// explicitly. The demo data generator attaches them to teams and children by username.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { systemActor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import { audit } from '../audit/audit.ts';
import { hashPassword } from './password.ts';

export const DEMO_PASSWORD = 'hearth-demo-password';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'sw.demo', displayName: 'Sam Example (demo social worker)', role: 'social_worker' },
  { username: 'tm.demo', displayName: 'Tara Example (demo team manager)', role: 'team_manager' },
  {
    username: 'sm.demo',
    displayName: 'Simon Example (demo service manager)',
    role: 'service_manager',
  },
  { username: 'iro.demo', displayName: 'Ira Example (demo IRO)', role: 'iro' },
  {
    username: 'po.demo',
    displayName: 'Priya Example (demo placement officer)',
    role: 'placement_officer',
  },
  {
    username: 'fw.demo',
    displayName: 'Femi Example (demo fostering worker)',
    role: 'fostering_worker',
  },
  {
    username: 'fm.demo',
    displayName: 'Faith Example (demo fostering team manager)',
    role: 'fostering_manager',
  },
  {
    username: 'rm.demo',
    displayName: 'Rosa Example (demo residential manager)',
    role: 'residential_manager',
  },
  {
    username: 'pa.demo',
    displayName: 'Pat Example (demo personal adviser)',
    role: 'personal_adviser',
  },
  {
    username: 'analyst.demo',
    displayName: 'Ann Example (demo performance analyst)',
    role: 'analyst',
  },
  {
    username: 'panel.demo',
    displayName: 'Cllr Paul Example (demo panel member)',
    role: 'panel_member',
  },
  { username: 'admin.demo', displayName: 'Adam Example (demo administrator)', role: 'admin' },
];

/** Demo mode: HEARTH_DEMO (default on), but in production only when set to true explicitly. */
export function demoAccountsWanted(
  config: Pick<Config, 'demo' | 'production'>,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (!config.demo) return false;
  if (!config.production) return true;
  return ['true', '1', 'yes'].includes(env.HEARTH_DEMO ?? '');
}

/** Create the missing demo accounts; returns the usernames created. */
export async function ensureDemoAccounts(db: Db): Promise<string[]> {
  const existing = new Set(
    (await db.selectFrom('app_user').select('username').execute()).map((u) =>
      u.username.toLowerCase(),
    ),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.username));
  if (missing.length === 0) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const a of missing) {
      const row = await trx
        .insertInto('app_user')
        .values({
          username: a.username,
          display_name: a.displayName,
          email: `${a.username}@example.invalid`,
          phone: null,
          password_hash: passwordHash,
          oidc_subject: null,
          roles: [a.role],
          team_id: null,
          fte: 1,
          created_at: new Date(),
          last_sign_in_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, systemActor('demo'), {
        action: 'create',
        recordType: 'user',
        recordId: row.id,
        detail: { username: a.username, roles: [a.role], demo: true },
      });
    }
  });
  return missing.map((a) => a.username);
}
