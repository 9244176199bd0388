// `hearth local-postcodes --demo | --file <onspd.csv[.gz]> --la <GSS code>`: load the authority's own
// postcodes, which the children list uses for "in area" and "out of area".
import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import {
  demoLocalPostcodes,
  loadLocalPostcodes,
  postcodesInLa,
} from '../../features/children/localPostcodes.ts';
import { type Command, UsageError } from '../command.ts';
import { option } from '../options.ts';

export const command: Command = {
  name: 'local-postcodes',
  summary: 'Load the authority’s own postcodes (for "out of area" on the children list).',
  usage:
    'Usage: hearth local-postcodes --demo\n       hearth local-postcodes --file <ONSPD csv or csv.gz> --la <GSS code, e.g. E08000032>\n\n' +
    'Replaces the list. The file needs postcode and la_code as its first two columns.',
  async run(args, io) {
    let postcodes: string[];
    if (args.includes('--demo')) postcodes = demoLocalPostcodes();
    else {
      const file = option(args, '--file');
      const la = option(args, '--la');
      if (!file || !la) throw new UsageError('give --demo, or --file and --la');
      postcodes = postcodesInLa(file, la);
      if (postcodes.length === 0) {
        io.err(`No postcodes for ${la} in ${file}.`);
        return 1;
      }
    }
    const config = loadConfig();
    const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateToLatest(conn.db);
      const n = await loadLocalPostcodes(conn.db, postcodes);
      io.out(`Loaded ${n.toLocaleString('en-GB')} local postcodes.`);
      return 0;
    } finally {
      await conn.close();
    }
  },
};
