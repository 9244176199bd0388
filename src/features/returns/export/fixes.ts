// Where in a child's record an error of an exported return is fixed. An export is made from the
// record, so a rule failing on it means a fact is missing (or wrong) in the record: each finding is
// sent to the section of the child's record that holds the fact (src/features/children/sections.ts),
// by the table and fields the rule names.
import type { FindingDetail } from '../../../domain/returns/ssda903/engine.ts';

export const FIX_SECTIONS = {
  summary: 'Summary',
  'legal-status': 'Legal status',
  placements: 'Placements',
  reviews: 'Reviews',
  health: 'Health',
  missing: 'Missing',
  permanence: 'Permanence',
  'care-leaving': 'Care leaving',
} as const;
export type FixSection = keyof typeof FIX_SECTIONS;

const TABLE_SECTION: Record<string, FixSection> = {
  Header: 'summary',
  UASC: 'summary',
  SWEpisodes: 'summary',
  Episodes: 'placements',
  Reviews: 'reviews',
  Missing: 'missing',
  OC2: 'health',
  OC3: 'care-leaving',
  AD1: 'permanence',
  PlacedAdoption: 'permanence',
  PrevPerm: 'permanence',
};

/** Episodes fields kept elsewhere than placements. */
const FIELD_SECTION: Record<string, FixSection> = {
  UPN: 'summary',
  LS: 'legal-status',
};

/** Rules reported on Episodes whose missing fact is kept elsewhere. */
const RULE_SECTION: Record<string, FixSection> = {
  '390': 'permanence',
  '601': 'permanence',
  '630': 'permanence',
};

/** The record section where a finding of rule `code` is fixed. */
export function fixSection(
  finding: Pick<FindingDetail, 'table' | 'fields'>,
  code?: string,
): FixSection {
  const byRule = code === undefined ? undefined : RULE_SECTION[code];
  if (byRule) return byRule;
  // In FIELD_SECTION's order: a UPN rule that also reads LS is about the UPN.
  const field = Object.keys(FIELD_SECTION).find((f) => finding.fields.includes(f));
  const own = field === undefined ? undefined : FIELD_SECTION[field];
  if (own && (finding.table === 'Episodes' || finding.table === 'Header')) return own;
  return TABLE_SECTION[finding.table] ?? 'summary';
}

/** The address of that section of a child's record ('' is the summary). */
export function fixHref(childId: number, section: FixSection): string {
  return section === 'summary'
    ? `/children/${String(childId)}`
    : `/children/${String(childId)}/${section}`;
}
