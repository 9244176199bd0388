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
];

export function recordingLinks(childId: number, actor: Actor): RecordingLink[] {
  return LINKS.filter((l) => l.permissions.some((p) => can(actor, p))).map((l) => ({
    text: l.text,
    href: `/children/${String(childId)}/${l.path}`,
  }));
}

/** Links for one period, placement or adoption plan (end a period, correct a placement, ...). */
export function recordLinks(
  childId: number,
  actor: Actor,
): {
  endPeriod: (periodId: number) => string | null;
  editPlacement: (placementId: number) => string | null;
  editPermanence: (planId: number) => string | null;
} {
  const base = `/children/${String(childId)}`;
  const write = can(actor, 'child:write');
  const place = write || can(actor, 'placement:manage');
  return {
    endPeriod: (id) => (write ? `${base}/periods/${String(id)}/end` : null),
    editPlacement: (id) => (place ? `${base}/placements/${String(id)}/edit` : null),
    editPermanence: (id) => (write ? `${base}/permanence/${String(id)}/edit` : null),
  };
}
