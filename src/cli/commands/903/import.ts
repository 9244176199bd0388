// `hearth 903 import <dir>... [--la <code>]`: load one or several years of 903 files into the record.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config.ts';
import { connect } from '../../../db/connect.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { sourceFilesIn } from '../../../features/returns/ssda903/files.ts';
import { importReturns, totals } from '../../../features/returns/import/service.ts';
import { systemActor } from '../../../platform/access/actor.ts';
import { UsageError } from '../../command.ts';
import type { SubCommand } from '../903.ts';

export const subcommand: SubCommand = {
  name: 'import',
  summary: 'load past years of 903 files into the record',
  usage: `Usage: hearth 903 import <dir>... [--la <code>]

Loads one or several years of a council's SSDA903 CSV files (one directory per year) into the
record: children, periods of care, legal statuses and placements rebuilt from the episodes of all
the years together, reviews, missing episodes, OC2 outcomes, care leaver contacts (OC3), adoption
decisions (AD1, placed for adoption), previous permanence, UASC and social worker allocations (where
a user has that SW_ID). All or nothing: any problem in any file is listed (file and line) and
nothing is changed. Importing the same files again changes nothing.
Exit code: 0 imported, 1 problems (nothing changed), 2 usage.`,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { la: { type: 'string' } } });
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const dirs = parsed.positionals;
    if (dirs.length === 0) throw new UsageError('give the directory (or directories) of 903 files');
    for (const d of dirs) if (!existsSync(d)) throw new UsageError(`${d} does not exist`);
    const config = loadConfig();
    const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateToLatest(conn.db);
      const result = await importReturns(
        conn.db,
        systemActor('903 import'),
        dirs.map((dir) => ({ dir, files: sourceFilesIn(dir) })),
        parsed.values.la ? { la: parsed.values.la } : {},
      );
      if (!result.ok) {
        io.err(
          [
            'Nothing was imported. Problems:',
            ...result.problems.map(
              (p) =>
                `  ${p.file}${p.line !== undefined ? ` line ${String(p.line)}` : ''}: ${p.message}`,
            ),
          ].join('\n'),
        );
        return 1;
      }
      const t = totals(result.summary);
      io.out(
        [
          `Imported ${result.years.map((y) => `${y.year} (${y.dir})`).join(', ')}: ${String(t.created)} created, ${String(t.updated)} updated, ${String(t.unchanged)} unchanged.`,
          ...Object.entries(result.summary)
            .filter(([, c]) => c.created + c.updated + c.unchanged + c.skipped > 0)
            .map(
              ([table, c]) =>
                `  ${table.padEnd(22)} ${String(c.created).padStart(7)} created ${String(c.updated).padStart(6)} updated ${String(c.unchanged).padStart(7)} unchanged${c.skipped > 0 ? ` ${String(c.skipped)} skipped (no user with that SW_ID)` : ''}`,
            ),
        ].join('\n'),
      );
      return 0;
    } finally {
      await conn.close();
    }
  },
};
