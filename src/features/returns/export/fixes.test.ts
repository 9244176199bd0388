import { describe, expect, it } from 'vitest';
import { fixHref, fixSection } from './fixes.ts';

describe('where an export error is fixed in the record', () => {
  it.each([
    [{ table: 'Header', fields: ['UPN'] }, undefined, 'summary'],
    [{ table: 'Episodes', fields: ['CHILD', 'LS', 'UPN'] }, '442', 'summary'],
    [{ table: 'Episodes', fields: ['LS'] }, undefined, 'legal-status'],
    [{ table: 'Episodes', fields: ['HOME_POST', 'PLACE', 'PL_POST'] }, '392d', 'placements'],
    [{ table: 'Episodes', fields: ['RNE'] }, '630', 'permanence'],
    [{ table: 'Missing', fields: ['MIS_START'] }, '574', 'missing'],
    [{ table: 'OC2', fields: ['SDQ_SCORE'] }, undefined, 'health'],
    [{ table: 'OC3', fields: ['IN_TOUCH'] }, undefined, 'care-leaving'],
    [{ table: 'SWEpisodes', fields: ['SW_DEC'] }, 'SW17STG2', 'summary'],
    [{ table: 'Reviews', fields: ['REVIEW'] }, undefined, 'reviews'],
  ] as const)('%o (rule %s) → %s', (finding, code, section) => {
    expect(fixSection({ table: finding.table, fields: [...finding.fields] }, code)).toBe(section);
  });

  it('links to the section page of the record, the summary at the record itself', () => {
    expect(fixHref(12, 'summary')).toBe('/children/12');
    expect(fixHref(12, 'care-leaving')).toBe('/children/12/care-leaving');
  });
});
