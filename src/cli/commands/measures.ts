// `hearth measures --at YYYY-MM-DD [--format json|text] [--population N]`: every corporate parenting
// measure for the whole authority on a date. Definitions: docs/measures.md.
import type { Connection } from '../../db/connect.ts';
import { isIsoDate, type IsoDate, todayInLondon } from '../../domain/dates/index.ts';
import { computeMeasures } from '../../domain/measures/index.ts';
import { earliestCare, loadMeasureData } from '../../features/measures/load.ts';
import { recordMiles } from '../../features/measures/miles.ts';
import { asJson, asText } from '../../features/measures/output.ts';
import { type Command, UsageError } from '../command.ts';
import { openDatabase } from '../database.ts';
import { option } from '../options.ts';

export interface MeasuresCommandDeps {
  /** A connection to use instead of the configured database (tests); left open. */
  conn?: Connection;
  /** Today's date (tests); default today in London. */
  today?: () => IsoDate;
}

export const makeCommand = (deps: MeasuresCommandDeps = {}): Command => ({
  name: 'measures',
  summary: 'Corporate parenting measures (DfE and local) for the whole authority on a date.',
  usage:
    'Usage: hearth measures --at YYYY-MM-DD [--format json|text] [--population N]\n\n' +
    'Prints {"at":"YYYY-MM-DD","measures":{"<id>":{"value":n,"numerator":n,"denominator":n}}}.\n' +
    'Counts have denominator null; a value that cannot be worked out is null, with a "reason".\n' +
    'Twelve-month measures cover the year ending on --at (31 March gives the 903 year).\n' +
    "--population: children aged 0–17 (else the setting 'measures.child_population').",
  async run(args, io) {
    const at = option(args, '--at');
    if (at === undefined) throw new UsageError('--at is required (a date YYYY-MM-DD)');
    if (!isIsoDate(at)) throw new UsageError(`--at must be a date YYYY-MM-DD, not "${at}"`);
    const format = option(args, '--format') ?? 'json';
    if (format !== 'json' && format !== 'text')
      throw new UsageError('--format must be json or text');
    const popText = option(args, '--population');
    if (popText !== undefined && !/^\d+$/.test(popText))
      throw new UsageError(`--population must be a whole number, not "${popText}"`);
    const today = deps.today ? deps.today() : todayInLondon(new Date());
    if (at > today) {
      io.err(
        `hearth measures: --at ${at} is after today (${today}); measures describe the record up to today`,
      );
      return 1;
    }
    const { conn, close } = await openDatabase(deps.conn);
    try {
      const first = await earliestCare(conn.db);
      if (first === null) {
        io.err(
          'hearth measures: the record has no periods of care, so there is nothing to measure',
        );
        return 1;
      }
      if (at < first) {
        io.err(
          `hearth measures: --at ${at} is before the earliest period of care in the record (${first})`,
        );
        return 1;
      }
      // Distances from the loaded postcode centroids, as the scorecard page and reports: with none
      // loaded, distance measures say "not known".
      const miles = await recordMiles(conn.db);
      const data = await loadMeasureData(conn.db, at, {
        ...(miles ? { miles } : {}),
        ...(popText !== undefined ? { childPopulation: Number(popText) } : {}),
      });
      const results = computeMeasures(data, at);
      if (format === 'json') io.out(asJson(at, results));
      else for (const line of asText(at, results)) io.out(line);
      return 0;
    } finally {
      await close();
    }
  },
});

export const command: Command = makeCommand();
