// `hearth 903 validate <dir> --year 2025/26 [--prev <dir>] [--la <code>] [--format ...]`
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../../command.ts';
import { reportJson } from '../../../domain/returns/ssda903/engine.ts';
import { renderCsv, renderHtml, renderText } from '../../../domain/returns/ssda903/render.ts';
import { sourceFile, sourceFilesIn } from '../../../features/returns/ssda903/files.ts';
import { validateFiles } from '../../../features/returns/ssda903/validateFiles.ts';
import type { SubCommand } from '../903.ts';
import { parseFormat, parseYear } from './options.ts';

const usage = `Usage: hearth 903 validate <dir> --year 2025/26 [--prev <dir>] [--la <code>]
       [--ofsted-homes <file> --ofsted-providers <file>] [--postcodes <file>]
       [--format text|json|csv|html]

Validates the SSDA903 CSV files in <dir> (recognised by their header lines, in any order and case)
against every DfE rule in force in the collection year. --prev gives last year's files for the
cross-year rules; --la is the submitting council's ONS code (e.g. E08000032); --ofsted-homes and
--ofsted-providers are Ofsted's provider lists (CSV); --postcodes is an ONS postcode directory CSV
(.csv or .csv.gz). Rules needing data you did not give are listed as skipped, with the reason.
See docs/903-validator.md.
Exit code: 0 no errors, 1 errors or unreadable files, 2 usage.`;

export const subcommand: SubCommand = {
  name: 'validate',
  summary: 'validate a return',
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          year: { type: 'string' },
          prev: { type: 'string' },
          la: { type: 'string' },
          format: { type: 'string' },
          'ofsted-homes': { type: 'string' },
          'ofsted-providers': { type: 'string' },
          postcodes: { type: 'string' },
        },
      });
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const { values, positionals } = parsed;
    const [dir, ...extra] = positionals;
    if (!dir) throw new UsageError('give the directory holding the 903 files');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`);
    const year = parseYear(values.year);
    const format = parseFormat(values.format, ['text', 'json', 'csv', 'html'] as const);
    for (const p of [
      dir,
      values.prev,
      values['ofsted-homes'],
      values['ofsted-providers'],
      values.postcodes,
    ])
      if (p !== undefined && !existsSync(p)) throw new UsageError(`${p} does not exist`);
    const ofsted = [values['ofsted-homes'], values['ofsted-providers']].filter(
      (f): f is string => f !== undefined,
    );
    const report = await validateFiles({
      year,
      files: sourceFilesIn(dir),
      ...(values.prev ? { prevFiles: sourceFilesIn(values.prev) } : {}),
      ...(values.la ? { la: values.la } : {}),
      ...(ofsted.length > 0 ? { ofstedFiles: ofsted.map(sourceFile) } : {}),
      ...(values.postcodes ? { postcodes: sourceFile(values.postcodes) } : {}),
    });
    switch (format) {
      case 'json':
        io.out(JSON.stringify(reportJson(report)));
        break;
      case 'csv':
        io.out(renderCsv(report));
        break;
      case 'html':
        io.out(renderHtml(report));
        break;
      case 'text':
        io.out(renderText(report));
        break;
    }
    return report.failed.length > 0 || report.problems.length > 0 ? 1 : 0;
  },
};
