// `hearth postcodes --file <ONSPD csv[.gz]> [--la <GSS>,<GSS>...] | --demo`: load postcode centroids,
// from which distances are worked out (placed more than 20 miles from home, matching, sufficiency).
import { loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import {
  CentroidFileError,
  demoCentroids,
  loadCentroids,
  readCentroidFile,
} from '../../features/postcodes/centroids.ts';
import { type Command, UsageError } from '../command.ts';
import { option } from '../options.ts';

export const command: Command = {
  name: 'postcodes',
  summary: 'Load postcode centroids from the ONS Postcode Directory (for distances).',
  usage:
    'Usage: hearth postcodes --file <ONSPD csv or csv.gz> [--la <GSS code>[,<GSS code>...]]\n' +
    '       hearth postcodes --demo\n\n' +
    'Replaces every centroid, all or nothing. The file needs postcode, la_code (or oslaua),\n' +
    'easting (or oseast1m) and northing (or osnrth1m) columns; rows without a grid reference are\n' +
    'skipped. Load the whole country (about 2.7 million rows) so that distances to placements far\n' +
    'away are known; --la keeps only the authorities listed.',
  async run(args, io) {
    const file = option(args, '--file');
    const la = option(args, '--la');
    if (!args.includes('--demo') && !file) throw new UsageError('give --file or --demo');
    const config = loadConfig();
    const conn = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrateToLatest(conn.db);
      const started = performance.now();
      const rows = file
        ? readCentroidFile(file, la ? new Set(la.split(',').map((s) => s.trim())) : undefined)
        : demoCentroids();
      const n = await loadCentroids(conn.db, rows);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.out(`Loaded ${n.toLocaleString('en-GB')} postcode centroids in ${seconds} s.`);
      return 0;
    } catch (e) {
      if (e instanceof CentroidFileError) {
        io.err(`${e.message}. Nothing was changed.`);
        return 1;
      }
      throw e;
    } finally {
      await conn.close();
    }
  },
};
