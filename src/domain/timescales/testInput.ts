// Builders for engine tests: a child, carer or arrangement with nothing recorded, to override.
import type { CarerTimescaleInput, ChildTimescaleInput, PrivateFosteringInput } from './inputs.ts';
import type { PlacementPeriod } from '../care/facts.ts';

export function child(over: Partial<ChildTimescaleInput> = {}): ChildTimescaleInput {
  return {
    kind: 'child',
    childId: 'C1',
    dateOfBirth: '2015-06-15',
    periods: [{ id: 1, start: '2025-03-03', end: null, endReason: null }],
    legalStatuses: [{ id: 1, periodOfCareId: 1, status: 'C2', start: '2025-03-03', end: null }],
    placements: [placement({ id: 1, start: '2025-03-03' })],
    placementFlags: [],
    reviews: [],
    visits: [],
    healthAssessments: [],
    sdqs: [],
    peps: [],
    missingEpisodes: [],
    careLeaver: null,
    careProceedings: [],
    extensions: [],
    ...over,
  };
}

export function placement(
  over: Partial<PlacementPeriod> & { id: number; start: string },
): PlacementPeriod {
  return {
    periodOfCareId: 1,
    placeType: 'U4',
    provider: 'PR1',
    postcode: null,
    urn: null,
    end: null,
    reasonForChange: null,
    categoryOfNeed: 'N1',
    ...over,
  };
}

export function carer(over: Partial<CarerTimescaleInput> = {}): CarerTimescaleInput {
  return {
    kind: 'carer',
    carerId: 'F1',
    approved: null,
    deregistered: null,
    reviews: [],
    connectedPerson: [],
    extensions: [],
    ...over,
  };
}

export function arrangement(over: Partial<PrivateFosteringInput> = {}): PrivateFosteringInput {
  return {
    kind: 'private-fostering',
    arrangementId: 'PF1',
    childId: 'C9',
    dateOfBirth: '2012-05-01',
    disabled: false,
    start: '2026-01-05',
    notified: '2026-01-08',
    ended: null,
    visits: [],
    extensions: [],
    ...over,
  };
}

export const seen = (date: string) => ({ date, seen: true, seenAlone: true });
