// `hearth plans import <file.csv> --strategy <id|name>`: add the actions of a CSV action plan to a
// strategy, all or nothing. Every problem is printed as "<file>:<line>: <column>: <message>" and
// nothing is saved when there is any (exit 1). `hearth plans list` prints the strategies.
// CSV shape: docs/plans-and-reports.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Connection } from '../../db/connect.ts';
import { todayInLondon, type IsoDate } from '../../domain/dates/index.ts';
import { findStrategy, importActions, listStrategies } from '../../features/plans/planService.ts';
import { systemActor } from '../../platform/access/actor.ts';
import { type Command, UsageError } from '../command.ts';
import { openDatabase } from '../database.ts';
import { option } from '../options.ts';

export interface PlansCommandDeps {
  /** A connection to use instead of the configured database (tests); left open. */
  conn?: Connection;
  today?: () => IsoDate;
}

const USAGE =
  'Usage: hearth plans import <file.csv> --strategy <id|name>\n' +
  '       hearth plans list\n\n' +
  'import: adds every action in the CSV file to the strategy, or nothing when any row has a\n' +
  'problem (each printed as file:line: column: message; exit 1). Columns: Actions, Timescale,\n' +
  'Owner (username or full name), RAG (or a Progress Update starting "GREEN:"), and optionally\n' +
  'Recommendation, Progress Update, Update date, Measures. See docs/plans-and-reports.md.';

export const makeCommand = (deps: PlansCommandDeps = {}): Command => ({
  name: 'plans',
  summary: 'Action plans: import actions from a CSV action plan, list strategies.',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'import' && sub !== 'list')
      throw new UsageError('say what to do: hearth plans import <file.csv> --strategy <id|name>');
    const today = deps.today ? deps.today() : todayInLondon(new Date());
    let file: string | undefined;
    let strategyRef: string | undefined;
    let bytes: Uint8Array | undefined;
    if (sub === 'import') {
      strategyRef = option(rest, '--strategy');
      file = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--strategy');
      if (file === undefined) throw new UsageError('give the CSV file to import');
      if (strategyRef === undefined)
        throw new UsageError('--strategy is required (the strategy’s id or name)');
      try {
        bytes = readFileSync(file);
      } catch (err) {
        io.err(`hearth plans: cannot read ${file}: ${(err as Error).message}`);
        return 1;
      }
    }
    const { conn, close } = await openDatabase(deps.conn);
    const actor = systemActor('plans import');
    try {
      if (sub === 'list') {
        for (const s of await listStrategies(conn.db, actor, today))
          io.out(
            `${String(s.id)}\t${s.name}\t${String(s.counts.total)} actions (${String(s.counts.red)} red, ${String(s.counts.overdue)} overdue)`,
          );
        return 0;
      }
      const strategy = await findStrategy(conn.db, strategyRef ?? '');
      if (!strategy) {
        io.err(`hearth plans: no strategy "${strategyRef ?? ''}" (see hearth plans list)`);
        return 1;
      }
      const name = path.basename(file ?? '');
      const outcome = await importActions(
        conn.db,
        actor,
        strategy.id,
        name,
        bytes ?? new Uint8Array(),
        today,
      );
      if (!outcome.ok) {
        for (const p of outcome.problems)
          io.err(`${p.file}:${String(p.line)}: ${p.field}: ${p.message}`);
        io.err(
          `hearth plans: ${String(outcome.problems.length)} problem(s); nothing has been imported`,
        );
        return 1;
      }
      io.out(`Imported ${String(outcome.count)} action(s) into "${strategy.name}"`);
      return 0;
    } finally {
      await close();
    }
  },
});

export const command = makeCommand();
