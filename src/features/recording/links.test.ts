import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/access/roles.ts';
import { recordLinks, recordingLinks } from './links.ts';

const actor = (roles: Role[]) => ({
  userId: 1,
  username: 'u',
  displayName: 'U',
  roles,
  teamId: null,
  address: null,
});

describe('recordLinks', () => {
  it.each([
    ['social_worker', 'editReview', '/children/7/reviews/3/edit'],
    ['social_worker', 'endAllocation', '/children/7/allocations/3/end'],
    ['social_worker', 'editSdq', '/children/7/sdq/3/edit'],
    ['iro', 'editReview', '/children/7/reviews/3/edit'],
    ['iro', 'editVisit', null],
    ['personal_adviser', 'editCareLeaverContact', '/children/7/care-leaver-contacts/3/edit'],
    ['personal_adviser', 'editLegalStatus', null],
    ['placement_officer', 'editPlacement', '/children/7/placements/3/edit'],
    ['panel_member', 'editPermanenceOrder', null],
  ] as const)('%s → %s: %s', (role, link, want) => {
    expect(recordLinks(7, actor([role]))[link](3)).toBe(want);
  });

  it('offers a social worker the new forms, and a panel member none', () => {
    const texts = recordingLinks(7, actor(['social_worker'])).map((l) => l.href);
    expect(texts).toContain('/children/7/previous-permanence/new');
    expect(texts).toContain('/children/7/social-worker/change');
    expect(texts).toContain('/children/7/disruption-meetings/new');
    expect(texts).toContain('/children/7/visit-agreements');
    expect(recordingLinks(7, actor(['panel_member']))).toEqual([]);
  });
});
