// Validating a return held in files: load this year's (and optionally last year's) files into one
// shared child dictionary, then run the engine.
import { ChildDict } from '../../../domain/returns/ssda903/dataset.ts';
import {
  validate,
  type Problem,
  type ValidationReport,
} from '../../../domain/returns/ssda903/engine.ts';
import { loadReturn, type SourceFile } from '../../../domain/returns/ssda903/load.ts';
import { loadReference } from '../../../domain/returns/ssda903/reference.ts';
import type { Year } from '../../../domain/returns/ssda903/types.ts';

export interface ValidateFilesInput {
  year: Year;
  files: readonly SourceFile[];
  prevFiles?: readonly SourceFile[];
  la?: string;
  /** Ofsted children's homes and providers lists. */
  ofstedFiles?: readonly SourceFile[];
  /** An ONS postcode directory (CSV, possibly gzipped). */
  postcodes?: SourceFile;
}

export async function validateFiles(input: ValidateFilesInput): Promise<ValidationReport> {
  const dict = new ChildDict();
  const problems: Problem[] = [];
  const current = await loadReturn(input.files, dict, problems);
  const prevProblems: Problem[] = [];
  const prev = input.prevFiles ? await loadReturn(input.prevFiles, dict, prevProblems) : undefined;
  for (const p of prevProblems) problems.push({ ...p, file: `previous year: ${p.file}` });
  const ref = await loadReference(
    {
      year: input.year,
      current,
      prev,
      la: input.la,
      ...(input.ofstedFiles ? { ofstedFiles: input.ofstedFiles } : {}),
      postcodes: input.postcodes,
    },
    problems,
  );
  return validate({ year: input.year, dict, current, prev, la: input.la, problems, ...ref });
}
