// The "Record" links for a child's record page: the forms this actor may use for the child. The
// read side calls recordingLinks(childId, actor) and renders them (the child is already in scope
// there, so only the role decides).
import { can, type Permission } from '../../platform/access/access.ts';
import type { Actor } from '../../platform/access/actor.ts';

export interface RecordingLink {
  text: string;
  href: string;
}

const LINKS: readonly { text: string; path: string; permissions: readonly Permission[] }[] = [
  { text: 'Start a period of care', path: 'periods/new', permissions: ['child:write'] },
  { text: 'Record a new legal status', path: 'legal-statuses/new', permissions: ['child:write'] },
  {
    text: 'Record a new placement',
    path: 'placements/new',
    permissions: ['child:write', 'placement:manage'],
  },
  { text: 'Record a review', path: 'reviews/new', permissions: ['child:write', 'review:write'] },
  { text: 'Record a visit', path: 'visits/new', permissions: ['child:write'] },
  { text: 'Record health', path: 'health/new', permissions: ['child:write'] },
  { text: 'Record a missing or away episode', path: 'missing/new', permissions: ['child:write'] },
  { text: 'Record an adoption plan', path: 'permanence/new', permissions: ['child:write'] },
  {
    text: 'Record a care leaver contact',
    path: 'care-leaver-contacts/new',
    permissions: ['child:write', 'careleaver:write'],
  },
  { text: 'Allocate a worker', path: 'allocations/new', permissions: ['child:write'] },
  { text: 'Change social worker', path: 'social-worker/change', permissions: ['child:write'] },
  { text: 'Change the child’s details', path: 'details/edit', permissions: ['child:write'] },
  {
    text: 'Record a permanence order',
    path: 'permanence-orders/new',
    permissions: ['child:write'],
  },
  {
    text: 'Record previous permanence',
    path: 'previous-permanence/new',
    permissions: ['child:write'],
  },
  { text: 'Record substance misuse', path: 'substance-misuse/new', permissions: ['child:write'] },
  { text: 'Record a conviction', path: 'convictions/new', permissions: ['child:write'] },
  // Recorded by other areas (sufficiency, timescales) but reached from the child's record too.
  {
    text: 'Record a placement disruption meeting',
    path: 'disruption-meetings/new',
    permissions: ['child:write'],
  },
  {
    text: 'Agreement to 6-monthly visits',
    path: 'visit-agreements',
    permissions: ['child:write'],
  },
];

export function recordingLinks(childId: number, actor: Actor): RecordingLink[] {
  return LINKS.filter((l) => l.permissions.some((p) => can(actor, p))).map((l) => ({
    text: l.text,
    href: `/children/${String(childId)}/${l.path}`,
  }));
}

/** The edit (or end) form of each kind of stored record, by path under the child. */
const EDITS = {
  endPeriod: ['periods', 'end', ['child:write']],
  editPlacement: ['placements', 'edit', ['child:write', 'placement:manage']],
  editPermanence: ['permanence', 'edit', ['child:write']],
  editLegalStatus: ['legal-statuses', 'edit', ['child:write']],
  editReview: ['reviews', 'edit', ['child:write', 'review:write']],
  editVisit: ['visits', 'edit', ['child:write']],
  editHealthAssessment: ['health-assessments', 'edit', ['child:write']],
  editImmunisation: ['immunisations', 'edit', ['child:write']],
  editSdq: ['sdq', 'edit', ['child:write']],
  editMissing: ['missing', 'edit', ['child:write']],
  editCareLeaverContact: ['care-leaver-contacts', 'edit', ['child:write', 'careleaver:write']],
  editPermanenceOrder: ['permanence-orders', 'edit', ['child:write']],
  editPreviousPermanence: ['previous-permanence', 'edit', ['child:write']],
  editSubstanceMisuse: ['substance-misuse', 'edit', ['child:write']],
  editConviction: ['convictions', 'edit', ['child:write']],
  endAllocation: ['allocations', 'end', ['child:write']],
} as const satisfies Record<string, readonly [string, string, readonly Permission[]]>;

/**
 * Links for one stored record (end a period, correct a placement, a review, ...): each answers the
 * address of that record's form, or null when this actor's roles may not use it.
 */
export function recordLinks(
  childId: number,
  actor: Actor,
): Record<keyof typeof EDITS, (recordId: number) => string | null> {
  const base = `/children/${String(childId)}`;
  const out = {} as Record<keyof typeof EDITS, (recordId: number) => string | null>;
  for (const [name, [path, action, permissions]] of Object.entries(EDITS)) {
    const allowed = permissions.some((p: Permission) => can(actor, p));
    out[name as keyof typeof EDITS] = (id) =>
      allowed ? `${base}/${path}/${String(id)}/${action}` : null;
  }
  return out;
}
