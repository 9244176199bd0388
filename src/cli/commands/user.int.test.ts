// `hearth user add | disable` run through the command itself, on a fresh database injected as the
// connection: the printed password signs in; a taken username and an unknown user are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { freshDb, type TestDb } from '../../../test/support/db.ts';
import { addUser, csrfFrom, signedIn, testApp } from '../../platform/http/testing.ts';
import { UsageError, type CliIo } from '../command.ts';
import { makeCommand } from './user.ts';

let t: TestDb;
let app: Express;

function captured(): CliIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (s) => out_.push(s), err: (s) => err_.push(s) };
}

beforeAll(async () => {
  t = await freshDb();
  app = testApp(t);
  await t.db
    .insertInto('team')
    .values({ name: 'Children in care team 1', service: 'Children in care' })
    .execute();
});

afterAll(async () => {
  await t.dispose();
});

describe('hearth user add', () => {
  it('adds the user, prints a generated password once, and that password signs in', async () => {
    const io = captured();
    const code = await makeCommand({ conn: t }).run(
      [
        'add',
        '--username',
        'new.worker',
        '--name',
        'New Worker',
        '--role',
        'social_worker',
        '--team',
        'children in care team 1',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.out_[0]).toMatch(/^Added new\.worker \(user \d+\)\.$/);
    const match = /^Password: (\S+)\nCopy it now: it is not shown again\.$/.exec(io.out_[1] ?? '');
    const password = match?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const { agent } = await signedIn(app, 'new.worker', password);
    const me = await agent.get('/api/v1/me');
    expect(me.body).toMatchObject({
      username: 'new.worker',
      displayName: 'New Worker',
      roles: ['social_worker'],
    });
    const user = await t.db
      .selectFrom('app_user')
      .innerJoin('team', 'team.id', 'app_user.team_id')
      .select(['team.name', 'app_user.password_hash'])
      .where('username', '=', 'new.worker')
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Children in care team 1');
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const audited = await t.db
      .selectFrom('audit_event')
      .select(['actor_name', 'action'])
      .where('record_type', '=', 'user')
      .where('action', '=', 'create')
      .execute();
    expect(audited).toEqual([{ actor_name: 'system:cli', action: 'create' }]);
  });

  it('takes the password from standard input with --password-stdin and prints none', async () => {
    const io = captured();
    const cmd = makeCommand({ conn: t, stdin: () => Promise.resolve('a long enough secret') });
    const code = await cmd.run(
      [
        'add',
        '--username',
        'piped',
        '--name',
        'Piped In',
        '--role',
        'team_manager',
        '--password-stdin',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.out_).toHaveLength(1);
    await signedIn(app, 'piped', 'a long enough secret');
  });

  it('refuses a username that is taken (in any case) with exit code 1 and says why', async () => {
    const io = captured();
    const code = await makeCommand({ conn: t }).run(
      ['add', '--username', 'NEW.WORKER', '--name', 'Someone Else', '--role', 'social_worker'],
      io,
    );
    expect(code).toBe(1);
    expect(io.err_).toEqual(['hearth user add: That username is already taken: choose another']);
    expect(io.out_).toEqual([]);
    const count = await t.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb(eb.fn('lower', ['username']), '=', 'new.worker'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it.each([
    [['add', '--username', 'x.y', '--name', 'X Y'], /roles: Select at least one role/],
    [
      ['add', '--username', 'x.y', '--name', 'X Y', '--role', 'wizard'],
      /Select a role from the list/,
    ],
    [
      ['add', '--username', 'x.y', '--name', 'X Y', '--role', 'social_worker', '--team', 'Nowhere'],
      /there is no team called "Nowhere"/,
    ],
    [['remove', 'x.y'], /unknown sub-command "remove"/],
  ])('refuses %j as a usage error', async (args, message) => {
    await expect(makeCommand({ conn: t }).run(args, captured())).rejects.toThrow(UsageError);
    await expect(makeCommand({ conn: t }).run(args, captured())).rejects.toThrow(message);
  });

  it('refuses a piped password shorter than 12 characters', async () => {
    const cmd = makeCommand({ conn: t, stdin: () => Promise.resolve('short') });
    await expect(
      cmd.run(
        [
          'add',
          '--username',
          'short.pw',
          '--name',
          'S P',
          '--role',
          'social_worker',
          '--password-stdin',
        ],
        captured(),
      ),
    ).rejects.toThrow('password: Password must be 12 characters or more');
  });
});

describe('hearth user disable', () => {
  it('disables the user: their session ends and they can no longer sign in', async () => {
    await addUser(t, 'leaving.soon', ['social_worker']);
    const { agent } = await signedIn(app, 'leaving.soon');
    expect((await agent.get('/api/v1/me')).status).toBe(200);
    const io = captured();
    expect(await makeCommand({ conn: t }).run(['disable', 'Leaving.Soon'], io)).toBe(0);
    expect(io.out_).toEqual([
      'Disabled Leaving.Soon: they can no longer sign in and their tokens no longer work.',
    ]);
    expect((await agent.get('/api/v1/me')).status).toBe(401);
    const fresh = request.agent(app);
    const page = await fresh.get('/sign-in');
    const res = await fresh
      .post('/sign-in')
      .type('form')
      .send({
        username: 'leaving.soon',
        password: 'correct horse battery staple',
        _csrf: csrfFrom(page.text),
      });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Enter a correct username and password');
  });

  it('says so when there is no such user (exit code 1), and needs exactly one username', async () => {
    const io = captured();
    expect(await makeCommand({ conn: t }).run(['disable', 'nobody'], io)).toBe(1);
    expect(io.err_).toEqual(['hearth user disable: there is no user "nobody"']);
    await expect(makeCommand({ conn: t }).run(['disable'], captured())).rejects.toThrow(
      'give one username',
    );
    await expect(makeCommand({ conn: t }).run(['disable', 'a', 'b'], captured())).rejects.toThrow(
      'give one username',
    );
  });
});
