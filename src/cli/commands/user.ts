// hearth user add | disable: manage accounts from the command line (audited as system:cli).
import { parseArgs } from 'node:util';
import type { Connection, Db } from '../../db/connect.ts';
import { readStdin, withDatabase } from '../../features/admin/cli.ts';
import { NewUserInput } from '../../features/admin/schemas.ts';
import {
  FieldProblem,
  createUser,
  setDisabled,
  userIdByUsername,
} from '../../features/admin/userService.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { ROLES } from '../../platform/access/roles.ts';
import { UsageError, type CliIo, type Command } from '../command.ts';

const USAGE = `Usage:
  hearth user add --username U --name "Full Name" --role R [--role R2] [--team "Team name"]
                  [--email E] [--password-stdin]
  hearth user disable U

Roles: ${ROLES.join(', ')}.
Without --password-stdin a password is generated and printed once.`;

async function teamId(db: Db, name: string | undefined): Promise<number | null> {
  if (!name) return null;
  const team = await db
    .selectFrom('team')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  if (!team) throw new UsageError(`there is no team called "${name}"`);
  return team.id;
}

interface Deps {
  stdin: () => Promise<string>;
  /** A connection to use instead of the configured database (tests); left open. */
  conn?: Connection | undefined;
}

async function add(args: string[], io: CliIo, deps: Deps): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      team: { type: 'string' },
      email: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const password = values['password-stdin'] ? await deps.stdin() : undefined;
  return withDatabase(async ({ db }) => {
    const parsed = NewUserInput.safeParse({
      username: values.username,
      displayName: values.name,
      email: values.email ?? null,
      roles: values.role ?? [],
      teamId: await teamId(db, values.team),
      password,
    });
    if (!parsed.success) {
      throw new UsageError(
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    try {
      const created = await createUser(db, systemActor('cli'), parsed.data);
      io.out(`Added ${parsed.data.username} (user ${String(created.id)}).`);
      if (!password) io.out(`Password: ${created.password}\nCopy it now: it is not shown again.`);
      return 0;
    } catch (err) {
      if (err instanceof FieldProblem) {
        io.err(`hearth user add: ${err.message}`);
        return 1;
      }
      throw err;
    }
  }, deps.conn);
}

async function disable(args: string[], io: CliIo, deps: Deps): Promise<number> {
  const [username, ...extra] = args;
  if (!username || extra.length) throw new UsageError('give one username');
  return withDatabase(async ({ db }) => {
    const id = await userIdByUsername(db, username);
    if (id === undefined) {
      io.err(`hearth user disable: there is no user "${username}"`);
      return 1;
    }
    await setDisabled(db, systemActor('cli'), id, true);
    io.out(`Disabled ${username}: they can no longer sign in and their tokens no longer work.`);
    return 0;
  }, deps.conn);
}

export function makeCommand(opts: Partial<Deps> = {}): Command {
  const deps: Deps = { stdin: opts.stdin ?? (() => readStdin()), conn: opts.conn };
  return {
    name: 'user',
    summary: 'Add or disable a user account.',
    usage: USAGE,
    async run(args, io) {
      const [sub, ...rest] = args;
      if (sub === 'add') return add(rest, io, deps);
      if (sub === 'disable') return disable(rest, io, deps);
      throw new UsageError(sub ? `unknown sub-command "${sub}"` : 'say add or disable');
    },
  };
}

export const command: Command = makeCommand();
