// The reference data a validation may be given beyond the return: Ofsted provider lists and an ONS
// postcode directory, turned into ctx.ofsted, ctx.geo and ctx.prevGeo. Only the postcodes present in
// this year's and last year's Episodes are kept from the directory.
import type { Return } from './dataset.ts';
import type { Problem } from './engine.ts';
import { buildGeo, readPostcodes, wantedPostcodes } from './geo.ts';
import type { SourceFile } from './load.ts';
import { readOfsted } from './ofsted.ts';
import type { Geo, OfstedPlace, Year } from './types.ts';

export interface ReferenceInput {
  year: Year;
  current: Return;
  prev?: Return | undefined;
  la?: string | undefined;
  ofstedFiles?: readonly SourceFile[];
  postcodes?: SourceFile | undefined;
}

export interface Reference {
  ofsted?: ReadonlyMap<string, OfstedPlace>;
  geo?: Geo;
  prevGeo?: Geo;
}

export async function loadReference(
  input: ReferenceInput,
  problems: Problem[],
): Promise<Reference> {
  const out: Reference = {};
  if (input.ofstedFiles && input.ofstedFiles.length > 0)
    out.ofsted = await readOfsted(input.ofstedFiles, problems);
  if (input.postcodes) {
    const cur = input.current.t('Episodes');
    const before = input.prev?.t('Episodes');
    const wanted = wantedPostcodes(before ? [cur, before] : [cur]);
    const problemsBefore = problems.length;
    const points = await readPostcodes(input.postcodes, wanted, problems);
    // A directory that could not be read (wrong columns, broken file) is reported, and the rules
    // needing it are skipped, rather than failing every placement for want of its postcodes.
    if (problems.length > problemsBefore) return out;
    out.geo = buildGeo(cur, points, input.la, input.year);
    // Last year's episodes in this year's coding (so 452/503H compare like with like).
    if (before) out.prevGeo = buildGeo(before, points, input.la, input.year);
  }
  return out;
}
