// `hearth 903 export --year 2025/26 --out <dir>`: the year's return from the record, as DfE CSVs.
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config.ts';
import { connect } from '../../../db/connect.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { exportReturn } from '../../../features/returns/export/service.ts';
import { writeReturnFiles } from '../../../features/returns/export/files.ts';
import { systemActor } from '../../../platform/access/actor.ts';
import { UsageError } from '../../command.ts';
import type { SubCommand } from '../903.ts';
import { parseYear } from './options.ts';

export const subcommand: SubCommand = {
  name: 'export',
  summary: "write a year's return from the record",
  usage: `Usage: hearth 903 export --year 2025/26 --out <dir>

Builds every table of the collection year's SSDA903 return (header, episodes, uasc, reviews,
missing, oc2, oc3, ad1, placed_for_adoption, previous_permanence, sw_episodes) from the record in
the database (DATABASE_URL or HEARTH_DATA_DIR) and writes them to <dir> in the DfE file layout.
Check them with \`hearth 903 validate <dir> --year 2025/26\`.`,
  async run(args, io) {
    let values;
    try {
      values = parseArgs({
        args,
        options: { year: { type: 'string' }, out: { type: 'string' } },
      }).values;
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const year = parseYear(values.year);
    if (!values.out) throw new UsageError('give --out <dir> for the files');
    const config = loadConfig();
    const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateToLatest(conn.db);
      const ret = await exportReturn(conn.db, systemActor('903 export'), year);
      writeReturnFiles(ret, values.out);
      io.out(
        [
          `SSDA903 ${year} written to ${values.out}:`,
          ...ret.tables.map(
            (t) => `  ${t.file.padEnd(26)} ${String(t.rows.length).padStart(7)} rows`,
          ),
        ].join('\n'),
      );
      return 0;
    } finally {
      await conn.close();
    }
  },
};
