// hearth token create: a personal access token for a user, printed once (audited as system:cli).
import { parseArgs } from 'node:util';
import type { Connection } from '../../db/connect.ts';
import { withDatabase } from '../../features/admin/cli.ts';
import { TokenInput } from '../../features/admin/schemas.ts';
import { createToken } from '../../features/admin/tokenService.ts';
import { FieldProblem, userIdByUsername } from '../../features/admin/userService.ts';
import { PERMISSIONS } from '../../platform/access/access.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { UsageError, type Command } from '../command.ts';

const USAGE = `Usage: hearth token create --user U --name "What it is for" [--scope S ...] [--expires YYYY-MM-DD]

The token acts as user U, narrowed to its scopes (a token with no scope can only read /api/v1/me).
Scopes: ${PERMISSIONS.join(', ')}.
The token is printed once on standard output; Hearth keeps only its sha256.`;

/** conn: a connection to use instead of the configured database (tests); left open. */
export const makeCommand = (conn?: Connection): Command => ({
  name: 'token',
  summary: 'Create a personal access token for the API.',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'create') throw new UsageError(sub ? `unknown sub-command "${sub}"` : 'say create');
    const { values } = parseArgs({
      args: rest,
      options: {
        user: { type: 'string' },
        name: { type: 'string' },
        scope: { type: 'string', multiple: true },
        expires: { type: 'string' },
      },
    });
    if (!values.user) throw new UsageError('--user is needed');
    const username = values.user;
    return withDatabase(async ({ db }) => {
      const userId = await userIdByUsername(db, username);
      if (userId === undefined) {
        io.err(`hearth token create: there is no user "${username}"`);
        return 1;
      }
      const parsed = TokenInput.safeParse({
        userId,
        name: values.name,
        scopes: values.scope ?? [],
        expiresOn: values.expires ?? null,
      });
      if (!parsed.success)
        throw new UsageError(
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      try {
        const created = await createToken(db, systemActor('cli'), parsed.data);
        io.out(created.token);
        io.err(
          `Token ${created.prefix}… created for ${username}. Copy it now: it is not shown again.`,
        );
        return 0;
      } catch (err) {
        if (err instanceof FieldProblem) {
          io.err(`hearth token create: ${err.message}`);
          return 1;
        }
        throw err;
      }
    }, conn);
  },
});

export const command: Command = makeCommand();
