// Placeholder home sections, one per kind of work: each says what will appear there. The area that
// owns the work replaces a placeholder by declaring a section with the same id and a load().
import type { HomeSection } from '../../platform/http/features.ts';

export const PLACEHOLDER_SECTIONS: readonly HomeSection[] = [
  {
    id: 'caseload',
    title: 'Your children',
    permission: 'child:write',
    order: 10,
    emptyText:
      'Children allocated to you or your team will appear here, with visits and reviews that are due. There are none yet.',
  },
  {
    id: 'reviews',
    title: 'Your reviews',
    permission: 'review:write',
    order: 20,
    emptyText:
      'Children you are the independent reviewing officer for, and their next review dates, will appear here. There are none yet.',
  },
  {
    id: 'placements',
    title: 'Placement requests',
    permission: 'placement:manage',
    order: 30,
    emptyText:
      'Open requests for placements and the carers who might match them will appear here. There are none yet.',
  },
  {
    id: 'carers',
    title: 'Your carers',
    permission: 'carer:write',
    order: 40,
    emptyText:
      'Fostering households you supervise, and their reviews and approvals that are due, will appear here. There are none yet.',
  },
  {
    id: 'home',
    title: 'Children in your home',
    roles: ['residential_manager'],
    order: 50,
    emptyText: 'Children placed in the home you manage will appear here. There are none yet.',
  },
  {
    id: 'care-leavers',
    title: 'Your care leavers',
    permission: 'careleaver:write',
    order: 60,
    emptyText:
      'Care leavers you are the personal adviser for, and their pathway plan reviews, will appear here. There are none yet.',
  },
  {
    id: 'figures',
    title: 'Figures',
    permission: 'figures:read',
    order: 70,
    emptyText:
      'Aggregate figures for children in care (never names) will appear here once records are added. There are none yet.',
  },
];
