// Validating an uploaded return: like features/returns/ssda903/validateFiles.ts (this year's and
// last year's files share one child dictionary), but also saying which table each file was
// recognised as and how many rows it had, for the report's summary.
import { ChildDict, type TableBuilder } from '../../domain/returns/ssda903/dataset.ts';
import { Return } from '../../domain/returns/ssda903/dataset.ts';
import {
  validate,
  type Problem,
  type ValidationReport,
} from '../../domain/returns/ssda903/engine.ts';
import { readCsvFile, type SourceFile } from '../../domain/returns/ssda903/load.ts';
import { loadReference } from '../../domain/returns/ssda903/reference.ts';
import type { Table } from '../../domain/returns/ssda903/table.ts';
import type { TableName, Year } from '../../domain/returns/ssda903/types.ts';

export interface FileSummary {
  name: string;
  /** The 903 table the file was read as; absent when it was not recognised or was a second copy. */
  table?: TableName;
  rows: number;
}

export interface UploadValidation {
  report: ValidationReport;
  files: FileSummary[];
  prevFiles: FileSummary[];
}

async function load(
  files: readonly SourceFile[],
  dict: ChildDict,
  problems: Problem[],
): Promise<{ data: Return; files: FileSummary[] }> {
  const builders = new Map<TableName, { builder: TableBuilder; name: string }>();
  const summaries: FileSummary[] = [];
  for (const f of files) {
    const loaded = await readCsvFile(f, problems);
    const earlier = loaded.table && builders.get(loaded.table);
    if (loaded.builder && loaded.table && !earlier) {
      builders.set(loaded.table, { builder: loaded.builder, name: f.name });
      summaries.push({ name: f.name, table: loaded.table, rows: loaded.rows });
      continue;
    }
    if (earlier && loaded.table)
      problems.push({
        file: f.name,
        message: `is a second ${loaded.table} table (already read from ${earlier.name}); ignored`,
      });
    summaries.push({ name: f.name, rows: loaded.rows });
  }
  const tables = new Map<TableName, Table>();
  for (const [t, b] of builders) tables.set(t, b.builder.build(dict));
  return { data: new Return(tables, dict), files: summaries };
}

export async function validateUpload(input: {
  year: Year;
  files: readonly SourceFile[];
  prevFiles?: readonly SourceFile[] | undefined;
  la?: string | undefined;
  /** Problems found before loading (e.g. zip entries left out). */
  problems?: readonly Problem[];
  prevProblems?: readonly Problem[];
  /** Ofsted's lists (rules needing them run only when given, else they are skipped). */
  ofstedFiles?: readonly SourceFile[];
  /** An ONS postcode directory (PL_LA, PL_LOCATION, PL_DISTANCE). */
  postcodes?: SourceFile | undefined;
}): Promise<UploadValidation> {
  const dict = new ChildDict();
  const problems: Problem[] = [...(input.problems ?? [])];
  const current = await load(input.files, dict, problems);
  const prevProblems: Problem[] = [...(input.prevProblems ?? [])];
  const prev =
    input.prevFiles && input.prevFiles.length > 0
      ? await load(input.prevFiles, dict, prevProblems)
      : undefined;
  for (const p of prevProblems) problems.push({ ...p, file: `previous year: ${p.file}` });
  const ref = await loadReference(
    {
      year: input.year,
      current: current.data,
      prev: prev?.data,
      la: input.la,
      ...(input.ofstedFiles ? { ofstedFiles: input.ofstedFiles } : {}),
      postcodes: input.postcodes,
    },
    problems,
  );
  const report = validate({
    year: input.year,
    dict,
    current: current.data,
    prev: prev?.data,
    la: input.la,
    problems,
    ...ref,
  });
  return { report, files: current.files, prevFiles: prev?.files ?? [] };
}
