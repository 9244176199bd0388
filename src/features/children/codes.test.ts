// Every code the SSDA903 code lists allow (any collection year) has words on the record pages.
import { describe, expect, it } from 'vitest';
import codeLists from '../../domain/returns/ssda903/spec/code_lists.json' with { type: 'json' };
import { CODE_LABELS, codeAndMeaning, meaning, type CodeList } from './codes.ts';

const SPEC_FIELD: Record<Exclude<CodeList, 'ACCOM'>, string> = {
  LS: 'Episodes.LS',
  PLACE: 'Episodes.PLACE',
  PLACE_PROVIDER: 'Episodes.PLACE_PROVIDER',
  RNE: 'Episodes.RNE',
  REC: 'Episodes.REC',
  CIN: 'Episodes.CIN',
  REASON_PLACE_CHANGE: 'Episodes.REASON_PLACE_CHANGE',
  REVIEW_CODE: 'Reviews.REVIEW_CODE',
  IN_TOUCH: 'OC3.IN_TOUCH',
  ACTIV: 'OC3.ACTIV',
  PREV_PERM: 'PrevPerm.PREV_PERM',
  MISSING: 'Missing.MISSING',
  SDQ_REASON: 'OC2.SDQ_REASON',
  REASON_PLACED_CEASED: 'PlacedAdoption.REASON_PLACED_CEASED',
  ETHNIC: 'Header.ETHNIC',
  SW_REASON: 'SWEpisodes.SW_REASON',
};

function specCodes(field: string): string[] {
  const entry = (
    codeLists.code_lists as Record<string, { codes_by_year: Record<string, string[]> }>
  )[field];
  if (!entry) throw new Error(`no code list ${field}`);
  return [...new Set(Object.values(entry.codes_by_year).flat())].map((c) => c.trim().toUpperCase()); // the spec has one "k3"
}

describe('code labels', () => {
  it.each(Object.entries(SPEC_FIELD))('%s has words for every code in %s', (list, field) => {
    const missing = specCodes(field).filter(
      (c) => !(c in (CODE_LABELS[list as CodeList] as Record<string, string>)),
    );
    expect(missing).toEqual([]);
  });

  it('ACCOM has words for every OC3 accommodation code, with suitability', () => {
    const unknown = specCodes('OC3.ACCOM').filter((c) =>
      meaning('ACCOM', c)?.startsWith('Unknown'),
    );
    expect(unknown).toEqual([]);
  });

  it.each([
    ['LS', 'C2', 'C2: Full care order'],
    ['PLACE', 'U4', 'U4: Foster placement with another foster carer: long-term fostering'],
    ['ACCOM', 'U1', 'U1: Independent living (suitable)'],
    ['ACCOM', 'B2', 'B2: With parents or relatives (not suitable)'],
    ['LS', 'Q9', 'Q9: Unknown code Q9'],
    ['REC', null, ''],
  ] as const)('%s %s reads "%s"', (list, code, text) => {
    expect(codeAndMeaning(list, code)).toBe(text);
  });
});
