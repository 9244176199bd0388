// `hearth 903 rules --year 2025/26`: every DfE code and its status in that year.
import { parseArgs } from 'node:util';
import { UsageError } from '../../command.ts';
import { ruleStatuses } from '../../../domain/returns/ssda903/engine.ts';
import type { SubCommand } from '../903.ts';
import { parseFormat, parseYear } from './options.ts';

const NEED_TEXT = {
  prev: '--prev',
  ofsted: '--ofsted-homes/--ofsted-providers',
  postcodes: '--postcodes',
  la: '--la',
};

export const subcommand: SubCommand = {
  name: 'rules',
  summary: 'list every DfE rule code and its status',
  usage: `Usage: hearth 903 rules [--year 2025/26] [--format text|json]

Lists every DfE rule code: implemented, implemented but needing data (and which option gives it),
not applicable in that year, or NOT YET IMPLEMENTED.`,
  run(args, io) {
    let values;
    try {
      values = parseArgs({
        args,
        options: { year: { type: 'string' }, format: { type: 'string' } },
      }).values;
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const year = parseYear(values.year);
    const format = parseFormat(values.format, ['text', 'json'] as const);
    const list = ruleStatuses(year);
    if (format === 'json') {
      io.out(JSON.stringify({ year, rules: list }));
      return Promise.resolve(0);
    }
    const label = (s: (typeof list)[number]): string => {
      if (s.status === 'implemented')
        return s.needs.length > 0
          ? `needs data (${s.needs.map((n) => NEED_TEXT[n]).join(', ')})`
          : 'implemented';
      if (s.status === 'not applicable') return `not applicable in ${year}`;
      return 'NOT YET IMPLEMENTED';
    };
    const count = (st: string): number => list.filter((s) => s.status === st).length;
    io.out(
      [
        `SSDA903 rules for ${year}: ${count('implemented')} implemented, ${count('not implemented')} not yet implemented, ${count('not applicable')} not applicable.`,
        '',
        ...list.map((s) => `${s.code.padEnd(10)} ${label(s).padEnd(28)} ${s.message}`),
      ].join('\n'),
    );
    return Promise.resolve(0);
  },
};
